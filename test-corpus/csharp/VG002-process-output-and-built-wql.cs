// A health check runs `ver` and `systeminfo` through Process, and builds a
// WQL query from a constant.
using System;
using System.Diagnostics;
using System.Management;

namespace Health.Checks
{
    public static class OsChecks
    {
        private const string BuildFilter = "6002";
        private const string ToolFilter = "6002";

        static string Run(string file, string args)
        {
            var psi = new ProcessStartInfo(file, args) { UseShellExecute = false, RedirectStandardOutput = true };
            using (var p = Process.Start(psi))
                return p.StandardOutput.ReadToEnd();
        }

        public static bool VerSaysSp2()
        {
            var psi = new ProcessStartInfo { FileName = "cmd.exe", Arguments = "/c ver", RedirectStandardOutput = true };
            var p = Process.Start(psi);
            string text = p.StandardOutput.ReadToEnd();
            // expect: VG002
            return text.Contains("6.0.6002");
        }

        public static bool SysteminfoSaysSp2()
        {
            var psi = new ProcessStartInfo();
            psi.FileName = "systeminfo.exe";
            psi.RedirectStandardOutput = true;
            var p = Process.Start(psi);
            // expect: VG002
            return p.StandardOutput.ReadToEnd().Contains("Build 6002");
        }

        // Silent: another program's output.
        public static bool GitIsOdd() => Run("git", "--version").Contains("6.0.6002");

        public static bool QuerySaysSp2()
        {
            string wql = "SELECT * FROM Win32_OperatingSystem WHERE BuildNumber = '" + BuildFilter + "'";
            // expect: VG002
            using (var s = new ManagementObjectSearcher(wql))
                return s.Get().Count > 0;
        }

        public static bool ToolQuery()
        {
            string wql = "SELECT * FROM Win32_Product WHERE Version = '" + ToolFilter + "'";
            // Silent: another class's instances.
            using (var s = new ManagementObjectSearcher(wql))
                return s.Get().Count > 0;
        }
    }
}
