// Version strings: OperatingSystem.VersionString, System.Version text,
// RuntimeInformation.OSDescription, WMI's Version and interpolation.
using System;
using System.Management;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

static class VersionText
{
    static void Check()
    {
        var os = Environment.OSVersion;
        // expect: VG002
        if (os.VersionString.Contains("6.0.6002"))
            Console.WriteLine("SP2 by VersionString");

        // expect: VG002
        if (RuntimeInformation.OSDescription == "Microsoft Windows 6.0.6002")
            Console.WriteLine("SP2 by OSDescription");

        var v = Environment.OSVersion.Version;
        string dotted = $"{v.Major}.{v.Minor}.{v.Build}";
        // expect: VG002
        if (dotted.StartsWith("6.0.6002"))
            Console.WriteLine("interpolated version");

        // expect: VG002
        if (dotted.Equals("6.0.6002", StringComparison.Ordinal))
            Console.WriteLine("Equals");

        // expect: VG002
        if (os.VersionString.IndexOf("6.0.6002") >= 0)
            Console.WriteLine("IndexOf");

        // expect: VG002
        if (Regex.IsMatch(os.VersionString, @"6\.0\.6002"))
            Console.WriteLine("regex");

        using (var searcher = new ManagementObjectSearcher("SELECT * FROM Win32_OperatingSystem"))
        {
            foreach (ManagementObject mo in searcher.Get())
            {
                string version = mo["Version"].ToString();
                // expect: VG002
                if (version == "6.0.6002")
                    Console.WriteLine("WMI Version");
                // expect: VG002
                if (string.Compare(version, "6.0.6003", StringComparison.Ordinal) < 0)
                    Console.WriteLine("before the March 2019 refresh");
                // Silent: every version of the family sorts after "6.0".
                if (string.Compare(version, "6.0", true) > 0)
                    Console.WriteLine("6.0 or later");
            }
        }

        // expect: VG002
        var query = new ManagementObjectSearcher("SELECT * FROM Win32_OperatingSystem WHERE BuildNumber = '6002'");
    }
}
