// A DTF custom action reads the Windows Installer properties through its
// Session; a host profile parses WMI's and the kernel's version text. Each
// condition is reported once, where it is written.
using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Management;
using Microsoft.Deployment.WindowsInstaller;

namespace Contoso.Setup
{
    public static class PrereqActions
    {
        [CustomAction]
        public static ActionResult CheckOs(Session session)
        {
            int versionNt = ParseOrZero(session["VersionNT"]);
            int windowsBuild = ParseOrZero(session["WindowsBuild"]);
            int burnBuild = ParseOrZero(session["CONTOSO_BURN_BUILD"]);
            if (versionNt < 600)
                return ActionResult.Failure;
            // expect: VG001
            bool isSp2 = versionNt == 600 && windowsBuild >= 6002;
            session["CONTOSO_IS_SP2"] = isSp2 ? "1" : "0";
            // expect: VG001
            string flavor = windowsBuild <= 6003 ? "ndis60" : "ndis620";
            session["CONTOSO_FLAVOR"] = flavor;
            if (burnBuild != 0 && burnBuild < 6002)
                session.Log("old bootstrapper");
            if (windowsBuild >= 6000 && windowsBuild < 7600)
                session.Log("Vista family");
            return ActionResult.Success;
        }

        private static int ParseOrZero(string value)
        {
            int result;
            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out result) ? result : 0;
        }
    }

    internal sealed class HostProfile
    {
        private static readonly Version RebuildCutoff = new Version(6, 0, 6003);

        private readonly Version _os;
        private readonly Version _kernel;

        public HostProfile(string wmiVersion, Version kernel)
        {
            _os = Version.Parse(wmiVersion);
            _kernel = kernel;
        }

        public static HostProfile Detect()
        {
            string ntoskrnl = Path.Combine(Environment.SystemDirectory, "ntoskrnl.exe");
            string product = FileVersionInfo.GetVersionInfo(ntoskrnl).ProductVersion ?? "0.0.0.0";
            Version kernel = Version.Parse(product.Split(' ')[0]);
            using (var searcher = new ManagementObjectSearcher("SELECT Version FROM Win32_OperatingSystem"))
                foreach (ManagementBaseObject os in searcher.Get())
                    return new HostProfile((string)os["Version"], kernel);
            return null;
        }

        public string Tag => _os.ToString(3);

        // expect: VG002
        public bool NeedsShim => _kernel < RebuildCutoff;

        // expect: VG003
        public bool HasRollup => AtLeast(_kernel.Revision, 24000);

        public bool HasLdrKernel => AtLeast(_kernel.Revision, 20000);

        // expect: VG002
        public bool GoldenImage => (Tag.StartsWith("6.0.6002", StringComparison.Ordinal) || Tag.StartsWith("6.0.6003", StringComparison.Ordinal));

        public bool Vista => Tag.StartsWith("6.0.", StringComparison.Ordinal);

        private static bool AtLeast(int revision, int minimum)
        {
            return revision >= minimum;
        }
    }

    internal static class SelfCheck
    {
        public static void Run(HostProfile host)
        {
            if (!host.HasRollup)
                Console.WriteLine("rollup missing");
            if (host.NeedsShim || host.GoldenImage)
                Console.WriteLine("legacy host");
        }
    }
}
