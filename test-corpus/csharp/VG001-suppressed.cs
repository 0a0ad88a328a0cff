using System;

static class Suppressed
{
    static void Check()
    {
        int build = Environment.OSVersion.Version.Build;
        if (build == 6002) // verguard: ignore[VG001] SP2-only workaround, removed in 2027
            Console.WriteLine("suppressed on its own line");

        // expect: VG100
        int x = 1; // verguard: ignore[VG002] nothing to suppress here
    }
}
