// Prerequisite checks of a print connector service (Server 2008 SP2).
using System;

namespace Contoso.PrintConnector
{
    public static class OsCheck
    {
        static int Build => Environment.OSVersion.Version.Build;

        public static void Run()
        {
            var v = Environment.OSVersion.Version;
            // expect: VG001
            if (v.Build == 6002)
                Console.WriteLine("Windows Server 2008 SP2 detected");

            // expect: VG001
            if (Environment.OSVersion.Version.Build <= 6002)
                Console.WriteLine("Vista/2008 family: use the XP spooler API");

            // expect: VG001
            if (Build < 6003)
                Console.WriteLine("still on the SP2 servicing branch");

            // expect: VG001
            bool newerThanSp2 = v.Build > 6002;

            // expect: VG001
            if (v.Major == 6 && v.Minor == 0 && v.Build == 6002)
                Console.WriteLine("exactly SP2");

            // expect: VG001
            if (v.Build >= 6000 && v.Build < 6003)
                Console.WriteLine("Vista/2008 range");

            // expect: VG001
            string label = v.Build != 6002 ? "other" : "SP2";

            // expect: VG001
            if (v.Build is 6002)
                Console.WriteLine("pattern on SP2");

            int build = v.Build;
            // expect: VG001
            if (new[] { 6001, 6002 }.Contains(build))
                Console.WriteLine("Vista SP1/SP2 code path");

            // expect: VG002
            if (Environment.OSVersion.Version < new Version(6, 0, 6003))
                Console.WriteLine("System.Version compare, before the 6003 build");

            // expect: VG002
            if (v.CompareTo(new Version(6, 0, 6003)) < 0)
                Console.WriteLine("CompareTo");

            Console.WriteLine(newerThanSp2 + label);
        }
    }
}
