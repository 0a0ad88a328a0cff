// Real code (PowerShell's Utils.cs) folds values through overloads of one
// helper that uses an argument twice: nested, the value doubles at each
// call. The check beside it is still found, and the file does not take
// minutes.
using System;

namespace Contoso.Inventory
{
    internal static class Hash
    {
        internal static int Combine(int h1, int h2)
        {
            return unchecked(((h1 << 5) + h1) ^ h2);
        }

        internal static int Combine(int h1, int h2, int h3)
        {
            return Combine(Combine(h1, h2), h3);
        }

        internal static int Combine(int h1, int h2, int h3, int h4)
        {
            return Combine(Combine(h1, h2), Combine(h3, h4));
        }

        internal static int Combine(int h1, int h2, int h3, int h4, int h5)
        {
            return Combine(Combine(h1, h2, h3, h4), h5);
        }

        internal static int Combine(int h1, int h2, int h3, int h4, int h5, int h6)
        {
            return Combine(Combine(h1, h2, h3, h4), Combine(h5, h6));
        }

        internal static int Combine(int h1, int h2, int h3, int h4, int h5, int h6, int h7)
        {
            return Combine(Combine(h1, h2, h3, h4), Combine(h5, h6, h7));
        }

        internal static int Combine(int h1, int h2, int h3, int h4, int h5, int h6, int h7, int h8)
        {
            return Combine(Combine(h1, h2, h3, h4), Combine(h5, h6, h7, h8));
        }

        internal static int OfOs()
        {
            int b = Environment.OSVersion.Version.Build;
            int h = Combine(b, b, b, b, b, b, b, b);
            for (int i = 0; i < 8; i++)
            {
                h = Combine(h, h, h, h, h, h, h, h);
            }
            return Combine(h, h, h, h, h, h, h, h);
        }
    }

    internal static class Gate
    {
        internal static bool Sp2()
        {
            int seed = Hash.OfOs();
            // expect: VG001
            return Environment.OSVersion.Version.Build is 6002 or 6003 && seed != 0;
        }
    }
}
