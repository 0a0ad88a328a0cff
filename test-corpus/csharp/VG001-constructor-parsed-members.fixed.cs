// A snapshot class whose constructor parses what WMI gives it: the members
// hold the OS's build wherever the snapshot is made from Win32_OperatingSystem.
using System;
using System.Globalization;
using System.Management;

namespace Contoso.Agent
{
    internal sealed class OsSnapshot
    {
        public OsSnapshot(string caption, string buildNumber)
        {
            Caption = caption ?? string.Empty;
            int build;
            BuildNumber = int.TryParse(buildNumber, NumberStyles.Integer, CultureInfo.InvariantCulture, out build) ? build : 0;
        }

        public string Caption { get; private set; }
        public int BuildNumber { get; private set; }

        public bool IsLegacyKernel
        {
            // expect: VG001
            get { return BuildNumber <= 6003; }
        }

        // Silent: 6001 and 6002 are both at least 6001, and so is 6003.
        public bool HasWfp => BuildNumber >= 6001;
    }

    internal sealed class Counter
    {
        public Counter(string text)
        {
            Count = int.Parse(text);
        }

        public int Count { get; private set; }
    }

    public static class Inventory
    {
        private static OsSnapshot Query()
        {
            using (var searcher = new ManagementObjectSearcher(@"\\.\root\cimv2", "SELECT Caption, BuildNumber FROM Win32_OperatingSystem"))
            using (ManagementObjectCollection results = searcher.Get())
            {
                foreach (ManagementBaseObject mo in results)
                {
                    return new OsSnapshot(
                        Convert.ToString(mo["Caption"], CultureInfo.InvariantCulture),
                        Convert.ToString(mo["BuildNumber"], CultureInfo.InvariantCulture));
                }
            }
            return null;
        }

        public static string Describe()
        {
            OsSnapshot os = Query();
            if (os == null)
                return "unknown";
            // expect: VG001
            string label = os.BuildNumber is 6002 or 6003 ? "Windows Server 2008 SP2" : os.Caption;
            if (os.IsLegacyKernel)
                label += " (legacy kernel)";
            // Silent: a counter parsed from a setting is no build.
            var retries = new Counter(Environment.GetEnvironmentVariable("AGENT_RETRIES") ?? "3");
            if (retries.Count == 6002)
                label += " (retries)";
            return label;
        }
    }
}
