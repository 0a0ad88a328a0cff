// switch statements and switch expressions on the build.
using System;

static class Release
{
    static string Name()
    {
        int build = Environment.OSVersion.Version.Build;
        switch (build)
        {
            case 6001:
                return "Vista SP1";
            // expect: VG001
            case 6002:
                return "Vista SP2";
            case 7601:
                return "7 SP1";
            default:
                return "unsupported";
        }
    }

    static string Family()
    {
        return Environment.OSVersion.Version.Build switch
        {
            // expect: VG001
            6002 => "2008 SP2",
            7601 => "2008 R2 SP1",
            _ => "other",
        };
    }

    static bool Legacy()
    {
        switch (Environment.OSVersion.Version.Build)
        {
            // expect: VG001
            case >= 6000 and <= 6002:
                return true;
            default:
                return false;
        }
    }

    static string Fallthrough(int build)
    {
        switch (Environment.OSVersion.Version.Build)
        {
            case 6001:
            // expect: VG001
            case 6002:
                return "Vista SP1/SP2";
            default:
                return "other";
        }
    }
}
