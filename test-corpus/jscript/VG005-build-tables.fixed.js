// Lookup tables keyed by build: property names are strings.
var NAMES = {
    "6000": "Vista RTM",
    "6001": "SP1",
    // expect: VG005
    "6002": "SP2", "6003": "SP2",
    "7601": "7 SP1"
};
var os = new Enumerator(GetObject("winmgmts:").ExecQuery("SELECT * FROM Win32_OperatingSystem")).item();
var name = NAMES[os.BuildNumber];
WScript.Echo(name);
