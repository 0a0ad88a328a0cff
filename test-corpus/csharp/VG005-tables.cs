// Tables keyed by the build that know 6002 but not 6003.
using System;
using System.Collections.Generic;

static class Names
{
    static readonly Dictionary<int, string> Releases = new Dictionary<int, string>
    {
        { 6001, "Vista SP1" },
        { 6002, "Vista SP2" },
        { 7601, "7 SP1" },
    };

    static string Lookup()
    {
        int build = Environment.OSVersion.Version.Build;
        // expect: VG005
        return Releases.TryGetValue(build, out var name) ? name : "unknown";
    }
}
