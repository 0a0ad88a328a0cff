// Property patterns on System.Version (C# 8): each property is tested by
// its own pattern, and a fix grows the pattern in place. Tuples compare
// element by element.
using System;

namespace Contoso.Setup
{
    internal static class Patterns
    {
        private static Version Os => Environment.OSVersion.Version;

        internal static bool Sp2()
        {
            // expect: VG001
            return Os is { Major: 6, Minor: 0, Build: 6002 };
        }

        internal static bool UpToSp2()
        {
            // expect: VG001
            return Os is { Major: 6, Build: <= 6002 };
        }

        internal static bool Typed()
        {
            // expect: VG001
            return Environment.OSVersion.Version is Version { Build: 6002 } v && v.Major == 6;
        }

        // A tuple compared element by element.
        internal static bool Tuple()
        {
            // expect: VG001
            return (Os.Major, Os.Build) == (6, 6002);
        }

        // Its negation: the fix excludes the second build as well.
        internal static bool NotTuple()
        {
            // expect: VG001
            if ((Os.Major, Os.Build) != (6, 6002))
                return true;
            return false;
        }

        // Both builds of Server 2008 SP2 pass: silent.
        internal static bool Vista()
        {
            return Os is { Major: 6, Minor: 0, Build: >= 6000 };
        }

        // A property that is not the build: silent.
        internal static bool Seven()
        {
            return Os is { Major: 6, Minor: 1 };
        }
    }
}
