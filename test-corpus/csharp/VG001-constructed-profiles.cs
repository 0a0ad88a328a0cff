// A deployment agent reads the OS into a class whose constructor stores its
// arguments, then tests the object's properties in methods that take it as
// a parameter; a manifest name is put together with string.Format, a build
// parsed out of OSDescription with Regex.Match, and a trimmed System.Version
// rebuilt from the parts.
using System;
using System.Text.RegularExpressions;
using System.Runtime.InteropServices;
using Microsoft.Win32;

namespace Deploy.Agent
{
    public sealed class HostProfile
    {
        public int Major { get; }
        public int Build { get; }
        public int Revision { get; }
        public string Name { get; }

        public HostProfile(int major, int build, int revision, string name)
        {
            Major = major;
            this.Build = build;
            Revision = revision;
            Name = name;
        }
    }

    public class Stager
    {
        public static HostProfile Load()
        {
            using (var cv = Registry.LocalMachine.OpenSubKey(@"SOFTWARE\Microsoft\Windows NT\CurrentVersion"))
            {
                int build = int.Parse((string)cv.GetValue("CurrentBuildNumber", "0"));
                object ubr = cv.GetValue("UBR");
                int rev = ubr == null ? 0 : (int)ubr;
                return new HostProfile(6, build, rev, "host");
            }
        }

        public bool NeedsLegacyPackage(HostProfile host)
        {
            // expect: VG001
            return host.Build == 6002;
        }

        public bool NeedsEsuKey(HostProfile host)
        {
            // expect: VG003
            return host.Revision >= 24000;
        }

        // Silent: the same major before and after.
        public bool IsNt6(HostProfile host) => host.Major == 6;

        // Silent: the name is the program's own text.
        public bool IsBuildServer(HostProfile host) => host.Name == "6002";

        public string ManifestName()
        {
            var v = Environment.OSVersion.Version;
            string key = string.Format("{0}.{1}.{2}", v.Major, v.Minor, v.Build);
            // expect: VG002
            if (key.Equals("6.0.6002"))
                return "manifest-ws08sp2.xml";
            // Silent: a format this code does not follow (an alignment).
            string padded = string.Format("{0,8}", v.Build);
            if (padded == "    6002")
                return "padded";
            return "manifest-" + key + ".xml";
        }

        public bool DescriptionBuildIsSp2()
        {
            Match m = Regex.Match(RuntimeInformation.OSDescription, @"(\d+)\.(\d+)\.(\d+)");
            if (!m.Success)
                return false;
            int build = int.Parse(m.Groups[3].Value);
            // expect: VG002
            return build == 6002;
        }

        public bool NamedGroupIsSp2()
        {
            Match m = Regex.Match(RuntimeInformation.OSDescription, @"(?<major>\d+)\.(?<minor>\d+)\.(?<build>\d+)");
            // expect: VG002
            if (m.Success && int.Parse(m.Groups["build"].Value) == 6002)
                return true;
            // Silent: the minor version is 0 on both sides.
            return m.Success && m.Groups["minor"].Value == "0";
        }

        public bool TrimmedIsSp2()
        {
            var os = Environment.OSVersion.Version;
            var trimmed = new Version(os.Major, os.Minor, os.Build);
            // expect: VG002
            return trimmed == new Version(6, 0, 6002);
        }

        // Silent: .NET's OSVersion revision is the service pack (131072 on
        // SP2) on both sides of the bump.
        public bool WithSp2Revision() =>
            Environment.OSVersion.Version <= new Version(6, 0, 6002, 65535);

        public static bool IsSp2Exactly(Version os) => os switch
        {
            // expect: VG001
            { Major: 6, Minor: 0, Build: 6002 } => true,
            _ => false,
        };

        // Silent: a System.Version whose name says nothing of the OS.
        public static bool IsToolSp2(Version tool) => tool switch
        {
            { Major: 6, Minor: 0, Build: 6002 } => true,
            _ => false,
        };

        public int Run()
        {
            HostProfile host = Load();
            int legacy = host.Build;
            // expect: VG001
            if (legacy != 6002)
                return 0;
            return NeedsLegacyPackage(host) ? 1 : 2;
        }
    }
}
