// Builds named by an enum: a fix writes the new build as a value of the
// enum, `(WinBuild)6003`, which C# accepts where an int would not compile.
using System;

namespace Agent.Compat
{
    public enum WinBuild
    {
        Vista = 6000,
        VistaSp1 = 6001,
        VistaSp2 = 6002,
        Win7 = 7600,
    }

    public static class SupportPolicy
    {
        static WinBuild Current => (WinBuild)Environment.OSVersion.Version.Build;

        public static bool IsVistaSp2OrBelow()
        {
            // expect: VG001
            return Current <= (WinBuild)6003;
        }

        public static bool IsExactlySp2()
        {
            // expect: VG001
            return (Environment.OSVersion.Version.Build == (int)WinBuild.VistaSp2 || Environment.OSVersion.Version.Build == 6003);
        }

        public static string Label()
        {
            switch (Current)
            {
                // expect: VG001
                case WinBuild.VistaSp2 or (WinBuild)6003:
                    return "Vista SP2 / Server 2008 SP2";
                case WinBuild.Win7:
                    return "Windows 7";
                default:
                    return "other";
            }
        }

        // Silent: the same on 6002 and 6003.
        public static bool AtLeastVista() => Current >= WinBuild.Vista;
    }
}
