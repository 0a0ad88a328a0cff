// A monitoring plugin switches on the build and, in a section guarded by
// `when`, looks the switched value up in a table of revision floors.
using System;
using System.Collections.Generic;
using Microsoft.Win32;

public enum PatchState { Unknown, Unsupported, Behind, Current }

public static class PatchLevel
{
    private static readonly Dictionary<string, int> RollupFloor =
        new Dictionary<string, int>(StringComparer.Ordinal)
        {
            // expect: VG005
            ["6002"] = 24500, ["6003"] = 24500,
            ["9600"] = 19000,
        };

    private static string CurrentBuild()
    {
        using (RegistryKey key = Registry.LocalMachine.OpenSubKey(
                   @"SOFTWARE\Microsoft\Windows NT\CurrentVersion"))
            return key?.GetValue("CurrentBuild") as string ?? "0";
    }

    public static PatchState Evaluate(int ubr)
    {
        if (!int.TryParse(CurrentBuild(), out int build))
            return PatchState.Unknown;
        switch (build)
        {
            case < 6000:
                return PatchState.Unsupported;
            case int b when RollupFloor.TryGetValue(b.ToString(), out int floor):
                return ubr >= floor ? PatchState.Current : PatchState.Behind;
            default:
                return PatchState.Unknown;
        }
    }
}
