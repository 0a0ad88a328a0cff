// Objects of the program's own classes, taken as parameters: tested for
// null, and with properties that no version source fills.
using System;

namespace Agent.Packaging
{
    public sealed class Package
    {
        public int Build { get; set; }
        public string Label { get; set; }
    }

    public static class PackageRules
    {
        // Silent: a null test of an object (a constant pattern on it).
        public static bool Missing(Package p) => p is null;

        public static bool Present(Package p) => p is not null && p.Label != null;

        // Silent: the package's own build, never the OS's.
        public static bool IsLegacyPackage(Package p) => p.Build == 6002;

        public static Package Make() => new Package { Build = 6002, Label = "6.0.6002" };

        // Silent: the label set above is the program's own text.
        public static bool IsLegacyLabel(Package p) => p?.Label == "6.0.6002";
    }
}
