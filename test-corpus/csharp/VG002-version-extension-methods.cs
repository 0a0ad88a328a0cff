using System;

namespace Contoso.Setup
{
    // Extension methods on System.Version that other assemblies call with
    // the OS's version: the class compares with Windows versions, so the
    // Version its methods take is taken for the OS's (warnings).
    public static class OsVersionExtensions
    {
        private static readonly Version Sp2 = new Version(6, 0, 6002, 0);
        private static readonly Version Win7 = new Version(6, 1, 7600, 0);

        public static Version Trimmed(this Version v) =>
            new Version(v.Major, v.Minor, Math.Max(v.Build, 0));

        public static bool IsServer2008Sp2(this Version v)
        {
            // expect: VG002
            return v.Trimmed().Equals(new Version(6, 0, 6002));
        }

        public static bool AtMostSp2(this Version v)
        {
            // expect: VG002
            return v.Trimmed().CompareTo(Sp2) <= 0;
        }

        public static bool IsSp2Text(this Version v)
        {
            // expect: VG002
            return v.ToString(3) == "6.0.6002";
        }

        public static bool BeforeWindows7(this Version v)
        {
            // Silent: 6.0.6002 and 6.0.6003 are both before 6.1.7600.
            return v.CompareTo(Win7) < 0;
        }

        public static bool IsNt6(this Version v)
        {
            // Silent: the same major version before and after.
            return v.Major == 6;
        }
    }

    // Silent: extension methods about another product's versions (the class
    // names no Windows version).
    public static class ToolVersionExtensions
    {
        public static bool IsPatched(this Version v)
        {
            return v.Build == 6002;
        }
    }
}
