// Lists of builds tested with Array's and LINQ's helpers: Array.IndexOf,
// Array.Exists, Any and All with a lambda over the items.
using System;
using System.Linq;

static class Sp2Checks
{
    static int Build() => Environment.OSVersion.Version.Build;

    static bool ByIndex()
    {
        int build = Build();
        // expect: VG001
        return (Array.IndexOf(new[] { 6001, 6002 }, build) >= 0 || Array.IndexOf(new[] { 6001, 6003 }, build) >= 0);
    }

    static bool ByExists()
    {
        int build = Build();
        // expect: VG001
        return Array.Exists(new[] { 6002, 6003 }, b => b == build);
    }

    static bool ByAny()
    {
        var current = Environment.OSVersion.Version.Build;
        // expect: VG001
        return new[] { 6000, 6002, 6003 }.Any(x => x == current);
    }

    static bool AllBelow()
    {
        var current = Environment.OSVersion.Version.Build;
        // expect: VG001
        return new[] { 6003, 7600 }.All(x => current < x);
    }

    // Safe: both builds of the bump listed, or none of them near.
    static bool Safe()
    {
        int build = Build();
        return Array.IndexOf(new[] { 6002, 6003 }, build) >= 0
            || new[] { 7600, 7601 }.Any(x => x == build);
    }

    static void Main()
    {
        Console.WriteLine($"{ByIndex()} {ByExists()} {ByAny()} {AllBelow()} {Safe()}");
    }
}
