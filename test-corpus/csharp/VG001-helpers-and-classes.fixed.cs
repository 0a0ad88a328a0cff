// The build passed through fields, properties, methods and out parameters.
using System;

namespace Contoso.Setup
{
    public enum KnownBuild
    {
        Vista = 6000,
        VistaSp1,
        VistaSp2,
        Win7Sp1 = 7601,
    }

    public sealed class OsInfo
    {
        private readonly int _build;
        public const int Sp2Build = 6002;

        public OsInfo()
        {
            _build = Environment.OSVersion.Version.Build;
        }

        public int Build { get { return _build; } }

        public bool IsSp2()
        {
            // expect: VG001
            return _build is 6002 or 6003;
        }

        public static bool IsBuild(int b)
        {
            return Environment.OSVersion.Version.Build == b;
        }

        public static void Read(out int build)
        {
            build = Environment.OSVersion.Version.Build;
        }
    }

    public static class OsExtensions
    {
        public static int BuildNumber(this OperatingSystem os) => os.Version.Build;
    }

    public static class Program
    {
        static int CurrentBuild()
        {
            return Environment.OSVersion.Version.Build;
        }

        public static void Main()
        {
            var info = new OsInfo();
            // expect: VG001
            if (info.Build <= 6003)
                Console.WriteLine("SP2 or older");

            // expect: VG001
            if (CurrentBuild() == OsInfo.Sp2Build || CurrentBuild() == 6003)
                Console.WriteLine("named constant");

            // expect: VG001
            if (OsInfo.IsBuild(6002))
                Console.WriteLine("helper with the build as argument");

            OsInfo.Read(out int b);
            // expect: VG001
            if (b < 6004)
                Console.WriteLine("out parameter");

            // expect: VG001
            if (Environment.OSVersion.BuildNumber() is 6002 or 6003)
                Console.WriteLine("extension method");

            // expect: VG001
            if (Environment.OSVersion.Version.Build == (int)KnownBuild.VistaSp2 || Environment.OSVersion.Version.Build == 6003)
                Console.WriteLine("enum member, counted from Vista = 6000");
        }
    }
}
