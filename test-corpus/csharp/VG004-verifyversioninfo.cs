// VerifyVersionInfo and RtlVerifyVersionInfo through P/Invoke, with the
// struct and the condition mask built by the program.
using System;
using System.Runtime.InteropServices;

static class NativeVersion
{
    const uint VER_MINORVERSION = 0x0000001;
    const uint VER_MAJORVERSION = 0x0000002;
    const uint VER_BUILDNUMBER = 0x0000004;
    const byte VER_EQUAL = 1;
    const byte VER_GREATER_EQUAL = 3;
    const byte VER_LESS_EQUAL = 5;

    [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
    struct OSVERSIONINFOEX
    {
        public int dwOSVersionInfoSize;
        public uint dwMajorVersion;
        public uint dwMinorVersion;
        public uint dwBuildNumber;
        public uint dwPlatformId;
        [MarshalAs(UnmanagedType.ByValTStr, SizeConst = 128)]
        public string szCSDVersion;
        public ushort wServicePackMajor;
        public ushort wServicePackMinor;
        public ushort wSuiteMask;
        public byte wProductType;
        public byte wReserved;
    }

    [DllImport("kernel32.dll", CharSet = CharSet.Unicode)]
    static extern bool VerifyVersionInfo(ref OSVERSIONINFOEX lpVersionInfo, uint dwTypeMask, ulong dwlConditionMask);

    [DllImport("kernel32.dll")]
    static extern ulong VerSetConditionMask(ulong dwlConditionMask, uint dwTypeBitMask, byte dwConditionMask);

    [DllImport("ntdll.dll")]
    static extern int RtlVerifyVersionInfo(ref OSVERSIONINFOEX versionInfo, uint typeMask, ulong conditionMask);

    static bool IsExactlySp2()
    {
        var osvi = new OSVERSIONINFOEX();
        osvi.dwOSVersionInfoSize = Marshal.SizeOf(osvi);
        osvi.dwMajorVersion = 6;
        osvi.dwMinorVersion = 0;
        osvi.dwBuildNumber = 6002;
        ulong mask = 0;
        mask = VerSetConditionMask(mask, VER_MAJORVERSION, VER_EQUAL);
        mask = VerSetConditionMask(mask, VER_MINORVERSION, VER_EQUAL);
        // expect: VG004
        mask = VerSetConditionMask(mask, VER_BUILDNUMBER, VER_EQUAL);
        return VerifyVersionInfo(ref osvi, VER_MAJORVERSION | VER_MINORVERSION | VER_BUILDNUMBER, mask);
    }

    static bool AtMostSp2()
    {
        var osvi = new OSVERSIONINFOEX
        {
            dwOSVersionInfoSize = Marshal.SizeOf(typeof(OSVERSIONINFOEX)),
            dwBuildNumber = 6002,
        };
        // expect: VG004
        ulong mask = VerSetConditionMask(0, VER_BUILDNUMBER, VER_LESS_EQUAL);
        return VerifyVersionInfo(ref osvi, VER_BUILDNUMBER, mask);
    }

    static bool Sp2ByNumbers()
    {
        OSVERSIONINFOEX osvi = new() { dwBuildNumber = 6002 };
        osvi.dwOSVersionInfoSize = Marshal.SizeOf(osvi);
        // VER_BUILDNUMBER, VER_EQUAL as numbers.
        // expect: VG004
        return VerifyVersionInfo(ref osvi, 4, VerSetConditionMask(0, 4, 1));
    }

    static bool Sp2FromNtdll()
    {
        var osvi = new OSVERSIONINFOEX { dwBuildNumber = 6002 };
        // expect: VG004
        ulong mask = VerSetConditionMask(0, VER_BUILDNUMBER, VER_EQUAL);
        return RtlVerifyVersionInfo(ref osvi, VER_BUILDNUMBER, mask) == 0;
    }

    // The struct is built from the parameter: judged at each call.
    static bool IsAtMostBuild(uint build)
    {
        var osvi = new OSVERSIONINFOEX { dwOSVersionInfoSize = Marshal.SizeOf(typeof(OSVERSIONINFOEX)), dwBuildNumber = build };
        ulong mask = VerSetConditionMask(0, VER_BUILDNUMBER, VER_LESS_EQUAL);
        return VerifyVersionInfo(ref osvi, VER_BUILDNUMBER, mask);
    }

    static void Check()
    {
        // expect: VG004
        if (IsAtMostBuild(6002))
            Console.WriteLine("Vista SP2 or older");
        if (IsAtMostBuild(7601))
            Console.WriteLine("7 SP1 or older: not separated by the bump");
    }
}
