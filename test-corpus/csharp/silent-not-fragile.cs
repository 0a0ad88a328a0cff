// Checks that survive the 6002 -> 6003 bump, and values that are not the OS.
using System;
using System.Collections.Generic;

static class Silent
{
    const int Port = 6002;

    static void Check(int controlId)
    {
        var v = Environment.OSVersion.Version;
        if (v.Build >= 6002)
            Console.WriteLine("SP2 or later: fine after the bump too");
        if (v.Major >= 6)
            Console.WriteLine("Vista family or later");
        if (v.Build < 6002)
            Console.WriteLine("before SP2: false on both builds");
        if (Environment.OSVersion.Version >= new Version(6, 0, 6002))
            Console.WriteLine("System.Version, at least SP2");
        if (v.Build is 6002 or 6003)
            Console.WriteLine("knows both builds of the bump");
        if (Environment.OSVersion.VersionString.StartsWith("Microsoft Windows NT 6.0.600"))
            Console.WriteLine("any Vista/2008 build");
        // Revision is the service pack on NT (131072 on SP2), not the UBR.
        if (v.Revision >= 131072)
            Console.WriteLine("SP2 installed");
        if (v == new Version(6, 0, 6002))
            Console.WriteLine("never equal: OSVersion.Version has four parts");
        if (Port == 6002)
            Console.WriteLine("a port number");
        if (controlId == 6002)
            Console.WriteLine("a dialog control id");
        switch (v.Build)
        {
            case 6002:
            case 6003:
                Console.WriteLine("SP2 before and after KB4489887");
                break;
            case 7601:
                Console.WriteLine("7 SP1");
                break;
        }
        var names = new Dictionary<int, string> { { 6002, "SP2" }, { 6003, "SP2" }, { 7601, "7 SP1" } };
        Console.WriteLine(names.ContainsKey(v.Build));
        if (v.Build == 7601)
            Console.WriteLine("not separated by the bump");
        // A list holding both builds, scanned with a counting loop: the
        // index steps, so the test is not that of the first item alone.
        int[] supported = { 6002, 6003, 7601 };
        for (int i = 0; i < supported.Length; i++)
            if (v.Build == supported[i])
                Console.WriteLine("supported");
    }
}