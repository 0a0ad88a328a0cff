// A monitoring service reads WMI through null-conditional indexers, a
// remote registry, and the OS through an interface the file implements
// once; an installer's own bundle version is parsed with Version.TryParse.
using System;
using System.Linq;
using System.Management;
using Microsoft.Win32;

namespace Monitor.Service
{
    public interface IOsVersionProvider
    {
        int Build { get; }
    }

    public sealed class RegistryOsVersionProvider : IOsVersionProvider
    {
        public int Build
        {
            get
            {
                var raw = Registry.GetValue(@"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows NT\CurrentVersion", "CurrentBuildNumber", "0") as string;
                return int.TryParse(raw, out var b) ? b : 0;
            }
        }
    }

    public sealed class Report
    {
        private readonly IOsVersionProvider _os;

        public Report(IOsVersionProvider os)
        {
            _os = os;
        }

        public string Label()
        {
            // expect: VG002
            return _os.Build.ToString() is "6002" or "6003" ? "2008 SP2" : "other";
        }
    }

    public static class Probes
    {
        static ManagementObject Os()
        {
            using (var s = new ManagementObjectSearcher("SELECT * FROM Win32_OperatingSystem"))
                return s.Get().Cast<ManagementObject>().FirstOrDefault();
        }

        public static bool VersionIsSp2()
        {
            string v = Os()?["Version"]?.ToString() ?? "0.0.0";
            // expect: VG002
            return v is "6.0.6002" or "6.0.6003";
        }

        public static bool BuildIsSp2()
        {
            string b = Os()?["BuildNumber"] as string ?? "0";
            // expect: VG002
            return (string.Equals(b, "6002", StringComparison.Ordinal) || string.Equals(b, "6003", StringComparison.Ordinal));
        }

        public static bool RemoteIsSp2(string machine)
        {
            using (var hklm = RegistryKey.OpenRemoteBaseKey(RegistryHive.LocalMachine, machine))
            using (var cv = hklm.OpenSubKey(@"SOFTWARE\Microsoft\Windows NT\CurrentVersion"))
            {
                string build = cv?.GetValue("CurrentBuild") as string ?? string.Empty;
                // expect: VG002
                return build is "6002" or "6003";
            }
        }

        // Silent: the bundle's own version, parsed from text that is not
        // the OS's.
        public static bool BundleIsSp2(string bundleVersion)
        {
            return Version.TryParse(bundleVersion, out var v) && v.Build == 6002;
        }

        // Silent: the application's own version.
        public static bool AppIsSp2(string productVersion) => new Version(productVersion).Build == 6002;
    }
}
