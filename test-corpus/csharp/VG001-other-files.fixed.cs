// Values declared in another file of the project
// (silent-builds-declared-here.cs): an enum, a constant, a static readonly
// field, a static property, a static helper and the other part of a partial
// class. This file holds no build number itself.
using System;

namespace Contoso.Compat
{
    public static partial class OsChecks
    {
        static void Check()
        {
            var v = Environment.OSVersion.Version;
            // expect: VG001
            if (v.Build == (int)WindowsBuilds.Vista_SP2 || v.Build == 6003)
                Console.WriteLine("enum of another file");
            // expect: VG001
            if (v.Build <= 6003)
                Console.WriteLine("constant of another file");
            // expect: VG001
            if (v.Build == BuildNumbers.Sp2Property || v.Build == 6003)
                Console.WriteLine("static property of another file");
            // expect: VG001
            if (BuildNumbers.IsSp2(v.Build))
                Console.WriteLine("static helper of another file");
            // expect: VG001
            if (CurrentBuild == SpTwo || CurrentBuild == 6003)
                Console.WriteLine("the other part of this partial class");
            if (v.Build >= (int)WindowsBuilds.Vista_SP2)
                Console.WriteLine("SP2 or later: fine after the bump too");
            if (v.Build == BuildNumbers.SevenSp1)
                Console.WriteLine("7 SP1: not separated by the bump");
        }
    }
}
