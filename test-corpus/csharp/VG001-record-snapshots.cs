// An agent captures the OS once into a positional record and tests the
// record's properties: through `this`, by property patterns and by name.
using System;
using Microsoft.Win32;

namespace Agent.Inventory
{
    public sealed record OsSnapshot(int Major, int Minor, int Build, int Ubr, string Label)
    {
        public static OsSnapshot Capture()
        {
            var v = Environment.OSVersion.Version;
            int ubr = 0;
            using (var key = Registry.LocalMachine.OpenSubKey(@"SOFTWARE\Microsoft\Windows NT\CurrentVersion"))
            {
                if (key?.GetValue("UBR") is int u)
                    ubr = u;
            }
            return new OsSnapshot(v.Major, v.Minor, v.Build, ubr, "host");
        }

        // expect: VG001
        public bool IsVistaSp2 => this is { Major: 6, Minor: 0, Build: 6002 };

        // expect: VG001
        public bool BeforeTheBump => this.Build < 6003;

        // Silent: the same major and minor before and after.
        public bool IsNt60 => this is { Major: 6, Minor: 0 };

        // Silent: the label is the program's own text.
        public bool IsBuildHost => Label == "6002";
    }

    internal static class SnapshotRules
    {
        public static void Run()
        {
            var snap = OsSnapshot.Capture();
            // expect: VG001
            if (snap.Build is not 6002)
                Console.WriteLine("not the original SP2 build");
            // Silent: both builds of the bump.
            if (snap.Build is 6002 or 6003)
                Console.WriteLine("2008 SP2 line");
            // expect: VG001
            if (snap is { Build: <= 6002 })
                Console.WriteLine("legacy");
        }
    }
}
