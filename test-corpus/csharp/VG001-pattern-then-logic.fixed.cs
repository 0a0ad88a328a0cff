// A pattern followed by && or ||: C# tests the pattern first, then the
// rest (`(x is 6002) && ok`), although tree-sitter-c-sharp reads the rest
// into the pattern's constant. A fix inside a pattern is written as a
// pattern (`not (6002 or 6003)`), not as a test with its operand.
using System;

namespace Contoso.Agent
{
    internal static class Gates
    {
        internal static bool Legacy(bool ok)
        {
            int build = Environment.OSVersion.Version.Build;
            // expect: VG001
            return build is 6002 or 6003 && ok;
        }

        internal static bool NotSp2(bool ok)
        {
            int build = Environment.OSVersion.Version.Build;
            // expect: VG001
            return build is not (6002 or 6003) && ok;
        }

        internal static bool UpToSp2(bool other)
        {
            int build = Environment.OSVersion.Version.Build;
            // expect: VG001
            return build is <= 6003 || other;
        }

        internal static bool Sp1OrSp2(bool y, bool z)
        {
            int build = Environment.OSVersion.Version.Build;
            // expect: VG001
            return build is 6001 or (6002 or 6003) || y == z && z;
        }

        internal static bool NotSp2Alone()
        {
            int build = Environment.OSVersion.Version.Build;
            // expect: VG001
            return build is not (6002 or 6003);
        }

        internal static bool Sp1OrSp2Alone()
        {
            int build = Environment.OSVersion.Version.Build;
            // expect: VG001
            return build is 6001 or (6002 or 6003);
        }

        internal static bool Vista(bool ok)
        {
            int build = Environment.OSVersion.Version.Build;
            // Both builds of Server 2008 SP2 pass: silent.
            return build is 6002 or 6003 && ok;
        }

        internal static bool Newer(bool ok)
        {
            int build = Environment.OSVersion.Version.Build;
            // 6002 and 6003 are both at least 6000: silent.
            return build is >= 6000 && ok;
        }
    }
}
