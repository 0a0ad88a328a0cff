// A package helper captures the OS with an object initializer or in a
// constructor that sets auto-properties, and reads the registry through a
// helper whose value name is its argument.
using System;
using Microsoft.Win32;

namespace Choco.Helpers
{
    public sealed class HostOs
    {
        public int Build;
        public int Major { get; set; }
        public string Label { get; set; }

        public static HostOs Current()
        {
            var v = Environment.OSVersion.Version;
            return new HostOs { Build = v.Build, Major = v.Major, Label = "6002" };
        }
    }

    public sealed class Snapshot
    {
        public int Build { get; }

        public Snapshot()
        {
            Build = Environment.OSVersion.Version.Build;
        }
    }

    public static class Rules
    {
        private static object ReadNt(string valueName)
        {
            using (var key = Registry.LocalMachine.OpenSubKey(@"SOFTWARE\Microsoft\Windows NT\CurrentVersion"))
                return key?.GetValue(valueName);
        }

        public static bool IsSp2()
        {
            // expect: VG001
            return HostOs.Current().Build is 6002 or 6003;
        }

        // Silent: the label is the program's own text.
        public static bool IsLabelled() => HostOs.Current().Label == "6002";

        // Silent: the same major before and after.
        public static bool IsNt6() => HostOs.Current().Major == 6;

        public static bool SnapshotIsSp2()
        {
            var s = new Snapshot();
            // expect: VG001
            return s.Build <= 6003;
        }

        public static bool HasRollup()
        {
            // expect: VG003
            return Convert.ToInt32(ReadNt("UBR")) >= 24000;
        }

        public static bool BuildIsSp2()
        {
            // expect: VG002
            return (string)ReadNt("CurrentBuildNumber") is "6002" or "6003";
        }

        // Silent: another value of the key, not a version.
        public static bool OwnerIsSp2() => (string)ReadNt("RegisteredOwner") == "6002";

        // Text that may be missing (null), parsed with a fallback.
        private static string ReadNtText(string valueName)
        {
            object raw = ReadNt(valueName);
            return raw == null ? null : Convert.ToString(raw, System.Globalization.CultureInfo.InvariantCulture);
        }

        private static int ReadNtInt(string valueName, int fallback)
        {
            int parsed;
            return int.TryParse(ReadNtText(valueName), out parsed) ? parsed : fallback;
        }

        public static bool IsLegacyServer()
        {
            // expect: VG001
            return ReadNtInt("CurrentBuildNumber", 0) <= 6003;
        }

        public static bool HasMarchRollup()
        {
            int ubr;
            int.TryParse(ReadNtText("UBR"), out ubr);
            // expect: VG003
            return ubr >= 24000;
        }

        // Silent: "6.0" never parses as an integer: the fallback is used.
        public static bool CurrentVersionIsSix() => ReadNtInt("CurrentVersion", 6002) == 6002;
    }
}
