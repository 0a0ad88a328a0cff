// A value the analyzer cannot follow (a parameter named for nothing) is an
// OS build when one function compares it with several Windows builds and
// nothing else: a warning at the comparison that flips.
namespace Contoso.Inventory
{
    internal static class Names
    {
        internal static string Release(int input)
        {
            if (input == 6000) return "Vista";
            if (input == 6001) return "Vista SP1";
            // expect: VG001
            if (input == 6002) return "Vista SP2";
            if (input == 7600) return "7";
            if (input == 7601) return "7 SP1";
            return "unknown";
        }

        // Control ids 6000-6005: not all of them Windows builds. Silent.
        internal static string Caption(int input)
        {
            if (input == 6000) return "OK";
            if (input == 6001) return "Cancel";
            if (input == 6002) return "Retry";
            if (input == 6005) return "Help";
            return "";
        }

        // Named for an error code. Silent.
        internal static bool Transient(int errorCode)
        {
            return errorCode == 6000 || errorCode == 6002 || errorCode == 7600;
        }

        // Two builds only: too little to tell. Silent.
        internal static bool Pair(int input)
        {
            return input == 6002 || input == 7601;
        }

        // A switch on such a value: its labels say what it is.
        internal static string Label(int input)
        {
            switch (input)
            {
                case 6000: return "Vista";
                case 6001: return "Vista SP1";
                // expect: VG001
                case 6002: return "Vista SP2";
                case 7601: return "7 SP1";
                default: return "unknown";
            }
        }

        // Labels that are not all builds: silent.
        internal static string Menu(int input)
        {
            switch (input)
            {
                case 6000: return "Open";
                case 6002: return "Save";
                case 6004: return "Close";
                default: return "";
            }
        }
    }
}
