// Tables keyed by the build that know 6002 but not 6003.
using System;
using System.Collections.Generic;

static class Names
{
    static readonly Dictionary<int, string> Releases = new Dictionary<int, string>
    {
        { 6001, "Vista SP1" },
        // expect: VG005
        { 6002, "Vista SP2" }, { 6003, "Vista SP2" },
        { 7601, "7 SP1" },
    };

    static string Lookup()
    {
        int build = Environment.OSVersion.Version.Build;
        return Releases.TryGetValue(build, out var name) ? name : "unknown";
    }

    static string Short(int build)
    {
        var names = new SortedDictionary<int, string>
        {
            [6001] = "SP1",
            // expect: VG005
            [6002] = "SP2", [6003] = "SP2",
        };
        return names.GetValueOrDefault(Environment.OSVersion.Version.Build, "?");
    }
}
