// A check that already accepts 6002 and 6003 alike does not make another
// one beside it, on the same value, bump-aware.
var e = new Enumerator(GetObject("winmgmts:").ExecQuery("SELECT * FROM Win32_OperatingSystem"));
var os = e.item();
var build = parseInt(os.BuildNumber, 10);

// expect: VG001
if (build == 6002) WScript.Echo("exactly Server 2008 SP2");
// Silent: 6002 and 6003 treated alike.
if (build == 6002 || build == 6003) WScript.Echo("Server 2008 SP2 family");

