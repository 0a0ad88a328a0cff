// The build from the registry, WMI and P/Invoke.
using System;
using System.Linq;
using System.Management;
using System.Runtime.InteropServices;
using Microsoft.Win32;

static class Sources
{
    [StructLayout(LayoutKind.Sequential)]
    struct OSVERSIONINFOEX
    {
        public int dwOSVersionInfoSize;
        public int dwMajorVersion;
        public int dwMinorVersion;
        public int dwBuildNumber;
    }

    [DllImport("ntdll.dll")]
    static extern int RtlGetVersion(ref OSVERSIONINFOEX info);

    static void Check()
    {
        var cv = (string)Registry.GetValue(@"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows NT\CurrentVersion", "CurrentBuildNumber", "0");
        // expect: VG001
        if (int.Parse(cv) <= 6002)
            Console.WriteLine("registry");

        // expect: VG002
        if (cv == "6002")
            Console.WriteLine("registry text");

        using (RegistryKey key = Registry.LocalMachine.OpenSubKey(@"SOFTWARE\Microsoft\Windows NT\CurrentVersion"))
        {
            // `as string`: null (not the text) if the value were a number.
            var cb = key?.GetValue("CurrentBuildNumber") as string;
            // expect: VG002
            if (cb == "6002")
                Console.WriteLine("registry key, as string");
        }

        var osvi = new OSVERSIONINFOEX();
        RtlGetVersion(ref osvi);
        // expect: VG001
        if (osvi.dwBuildNumber == 6002)
            Console.WriteLine("RtlGetVersion");

        var mo = new ManagementObjectSearcher("SELECT BuildNumber FROM Win32_OperatingSystem").Get().Cast<ManagementObject>().First();
        // expect: VG001
        if (Convert.ToInt32(mo["BuildNumber"]) < 6003)
            Console.WriteLine("WMI BuildNumber");
    }
}
