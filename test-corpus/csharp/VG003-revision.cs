// Revision thresholds: the UBR and kernel32's file version private part
// restart when 6002 becomes 6003 (6.0.6002.24566 -> 6.0.6003.20491).
using System;
using System.Diagnostics;
using System.IO;
using Microsoft.Win32;

static class Rollup
{
    static bool HasRollup()
    {
        using (var key = Registry.LocalMachine.OpenSubKey(@"SOFTWARE\Microsoft\Windows NT\CurrentVersion"))
        {
            int ubr = (int)key.GetValue("UBR");
            // expect: VG003
            return ubr >= 24000;
        }
    }

    static void Kernel()
    {
        var fvi = FileVersionInfo.GetVersionInfo(Path.Combine(Environment.SystemDirectory, "kernel32.dll"));
        // expect: VG003
        if (fvi.FilePrivatePart >= 24000)
            Console.WriteLine("has the 2018 rollup");
    }

    // The path joined with +, in the call or in a variable first.
    static bool KernelJoined()
    {
        FileVersionInfo info = FileVersionInfo.GetVersionInfo(Environment.SystemDirectory + @"\ntoskrnl.exe");
        // expect: VG003
        return info.FileBuildPart >= 6002 && info.FilePrivatePart >= 24000;
    }

    static bool KernelFromVariable()
    {
        string path = "C:\\Windows" + "\\System32\\ntoskrnl.exe";
        FileVersionInfo info = FileVersionInfo.GetVersionInfo(path);
        // expect: VG003
        return info.FilePrivatePart >= 24000;
    }

    // Not a system binary: silent.
    static bool OwnDll()
    {
        FileVersionInfo info = FileVersionInfo.GetVersionInfo(Environment.SystemDirectory + @"\..\Contoso\agent.dll");
        return info.FilePrivatePart >= 24000;
    }
}
