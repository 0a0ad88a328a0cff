// Helpers that branch on a parameter their callers fill with the OS build:
// the checks inside are judged with what the calls pass.
using System;
using System.Reflection;

namespace Agent.Setup
{
    public static class InstallerChoice
    {
        static string PickInstaller(int build)
        {
            // expect: VG001
            if (build is 6002 or 6003)
                return "legacy.msi";
            return "agent.msi";
        }

        static string Label(int b) => b switch
        {
            // expect: VG001
            <= 6003 => "Server 2008 SP2 or older",
            _ => "later",
        };

        // Silent: its only caller passes the agent's own version.
        static bool IsKnownBadAgentBuild(int agentBuild) => agentBuild == 6002 || agentBuild == 6010;

        // Every call passes the OS build: judged inside, where the literal
        // and a fix are.
        // expect: VG001
        static bool IsSp2(int b) => b is 6002 or 6003;

        public static string Choose()
        {
            int build = Environment.OSVersion.Version.Build;
            if (IsKnownBadAgentBuild(Assembly.GetExecutingAssembly().GetName().Version.Build))
                return null;
            if (IsSp2(build))
                return "sp2.msi";
            return PickInstaller(build) + Label(Environment.OSVersion.Version.Build);
        }
    }
}

namespace Agent.Setup
{
    public static class VersionHelpers
    {
        // Judged at each call: the Version its callers pass is the OS's.
        public static bool IsServer2008Sp2(this Version v) => v.Build == 6002;

        static bool OlderThan(Version v, int build) => v.Build < build;

        // A check inside, whatever the helper returns for it.
        static bool NeedsShim(int build)
        {
            // expect: VG001
            if (build is 6002 or 6003)
                return true;
            return false;
        }

        public static void Apply()
        {
            // expect: VG001
            if (Environment.OSVersion.Version.IsServer2008Sp2())
                Console.WriteLine("SP2 quirks");
            // expect: VG001
            if (OlderThan(Environment.OSVersion.Version, 6003))
                Console.WriteLine("before the 2019 rollup");
            // Silent: 7600 and later on both builds.
            if (OlderThan(Environment.OSVersion.Version, 7600))
                Console.WriteLine("before Windows 7");
            if (NeedsShim(Environment.OSVersion.Version.Build))
                Console.WriteLine("shim");
        }
    }
}
