// VerifyVersionInfo tests that survive the 6002 -> 6003 bump.
using System;
using System.Runtime.InteropServices;

static class NativeVersionSilent
{
    const uint VER_BUILDNUMBER = 0x0000004;
    const uint VER_MAJORVERSION = 0x0000002;
    const byte VER_EQUAL = 1;
    const byte VER_GREATER_EQUAL = 3;

    struct OSVERSIONINFOEX
    {
        public int dwOSVersionInfoSize;
        public uint dwMajorVersion;
        public uint dwMinorVersion;
        public uint dwBuildNumber;
    }

    [DllImport("kernel32.dll")]
    static extern bool VerifyVersionInfo(ref OSVERSIONINFOEX info, uint typeMask, ulong conditionMask);

    [DllImport("kernel32.dll")]
    static extern ulong VerSetConditionMask(ulong mask, uint typeBit, byte condition);

    [DllImport("ntdll.dll")]
    static extern int RtlVerifyVersionInfo(ref OSVERSIONINFOEX info, uint typeMask, ulong conditionMask);

    static void Check()
    {
        var osvi = new OSVERSIONINFOEX { dwBuildNumber = 6002 };
        if (VerifyVersionInfo(ref osvi, VER_BUILDNUMBER, VerSetConditionMask(0, VER_BUILDNUMBER, VER_GREATER_EQUAL)))
            Console.WriteLine("SP2 or later: true after the bump too");
        var seven = new OSVERSIONINFOEX { dwBuildNumber = 7601 };
        if (VerifyVersionInfo(ref seven, VER_BUILDNUMBER, VerSetConditionMask(0, VER_BUILDNUMBER, VER_EQUAL)))
            Console.WriteLine("7 SP1 exactly: not separated by the bump");
        var vista = new OSVERSIONINFOEX { dwMajorVersion = 6 };
        if (RtlVerifyVersionInfo(ref vista, VER_MAJORVERSION, VerSetConditionMask(0, VER_MAJORVERSION, VER_EQUAL)) == 0)
            Console.WriteLine("Vista family: the build is not tested");
    }
}
