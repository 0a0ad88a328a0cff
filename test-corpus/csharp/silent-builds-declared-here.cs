// Build numbers and helpers declared apart from the code that compares
// with them (VG001-other-files.cs): nothing here tests the OS.
using System;

namespace Contoso.Compat
{
    public enum WindowsBuilds : int
    {
        Vista_SP2 = 6002,
        Win7_SP1 = 7601,
        Win11_22H2 = 22621,
    }

    public static class BuildNumbers
    {
        public const int Sp2 = 6002;
        public static readonly int SevenSp1 = 7601;
        public static int Sp2Property => 6002;

        public static bool IsSp2(int b) => b == 6002;
    }

    // One part of a class whose other part is in VG001-other-files.cs.
    public static partial class OsChecks
    {
        const int SpTwo = 6002;

        static int CurrentBuild => Environment.OSVersion.Version.Build;
    }
}
