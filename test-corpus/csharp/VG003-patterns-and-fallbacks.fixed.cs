// The registry's UBR read the way C# code reads it: a declaration pattern,
// a ternary whose other arm is the fallback, a nullable int; and the
// version written by Version.ToString(3).
using System;
using Microsoft.Win32;

namespace Agent.Patching
{
    public static class RollupLevel
    {
        const string CurrentVersion = @"SOFTWARE\Microsoft\Windows NT\CurrentVersion";

        public static void Report()
        {
            using (var key = Registry.LocalMachine.OpenSubKey(CurrentVersion))
            {
                // expect: VG003
                if (key?.GetValue("UBR") is int ubr && ubr >= 24000)
                    Console.WriteLine("January 2019 rollup or later");

                object raw = key?.GetValue("UBR");
                int level = raw is int i ? i : 0;
                // expect: VG003
                if (level > 24000)
                    Console.WriteLine("past the January rollup");

                int fallback = key != null ? (int)key.GetValue("UBR", 0) : 0;
                // expect: VG003
                if (fallback < 24000)
                    Console.WriteLine("needs the rollup");
            }

            int? build = Environment.OSVersion.Version.Build;
            // expect: VG001
            if (build.Value <= 6003)
                Console.WriteLine("Server 2008 SP2 or older");
            // expect: VG001
            if (build.GetValueOrDefault() > 6003)
                Console.WriteLine("after Server 2008 SP2");

            // expect: VG002
            if (Environment.OSVersion.Version.ToString(3) is "6.0.6002" or "6.0.6003")
                Console.WriteLine("exactly 6.0.6002");
            // Silent: the same family on both builds.
            if (Environment.OSVersion.Version.ToString(3).StartsWith("6.0."))
                Console.WriteLine("Vista family");
        }
    }
}
