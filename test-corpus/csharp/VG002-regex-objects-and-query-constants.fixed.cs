// Patterns kept in Regex objects, and WQL kept in constants that a helper
// runs: the test is where the object or the helper is used, the literal
// where it is written.
using System;
using System.Management;
using System.Text.RegularExpressions;

namespace Contoso.Agent
{
    public sealed class OsChannel
    {
        private static readonly Regex Sp2Version = new Regex(@"^6\.0\.600[12]$", RegexOptions.Compiled);

        private const string LegacyQuery =
            // expect: VG002
            "SELECT Caption FROM Win32_OperatingSystem WHERE (BuildNumber = '6002' OR BuildNumber = '6003')";

        // Silent: every NT 6.0 build matches.
        private const string VistaFamilyQuery =
            "SELECT Caption FROM Win32_OperatingSystem WHERE Version LIKE '6.0.%'";

        // Silent: a query on another class.
        private const string ServiceQuery =
            "SELECT Name FROM Win32_Service WHERE Name = 'W32Time' AND ProcessId = 6002";

        private readonly string _scope;

        public OsChannel(string scope)
        {
            _scope = scope;
        }

        public string Channel()
        {
            string version = Environment.OSVersion.Version.ToString(3);
            // No fix: the pattern is written in a field's initializer.
            // expect: VG002
            if (Sp2Version.IsMatch(version))
                return "2008sp2";
            var exact = new Regex(@"^6\.0\.600[23]");
            // expect: VG002
            if (exact.IsMatch(version))
                return "2008sp2-exact";
            // Silent: the major and minor version are the same on both sides.
            var family = new Regex(@"^6\.0\.");
            if (family.IsMatch(version))
                return "vista-family";
            return "other";
        }

        public bool Matches()
        {
            return CountRows(LegacyQuery) > 0 || CountRows(VistaFamilyQuery) > 1 ||
                   CountRows(ServiceQuery) > 0;
        }

        private int CountRows(string wql)
        {
            using (var searcher = new ManagementObjectSearcher(_scope, wql))
            using (ManagementObjectCollection results = searcher.Get())
            {
                return results.Count;
            }
        }
    }
}
