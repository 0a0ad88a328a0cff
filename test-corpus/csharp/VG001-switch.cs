// switch statements and switch expressions on the build.
using System;

static class Release
{
    static string Name()
    {
        int build = Environment.OSVersion.Version.Build;
        // expect: VG001
        switch (build)
        {
            case 6001:
                return "Vista SP1";
            case 6002:
                return "Vista SP2";
            case 7601:
                return "7 SP1";
            default:
                return "unsupported";
        }
    }

    static string Family(int build)
    {
        // expect: VG001
        return Environment.OSVersion.Version.Build switch
        {
            6002 => "2008 SP2",
            7601 => "2008 R2 SP1",
            _ => "other",
        };
    }

    static bool Legacy()
    {
        // expect: VG001
        switch (Environment.OSVersion.Version.Build)
        {
            case >= 6000 and <= 6002:
                return true;
            default:
                return false;
        }
    }
}
