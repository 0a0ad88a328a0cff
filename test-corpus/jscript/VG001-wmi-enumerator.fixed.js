// WMI through GetObject and Enumerator: BuildNumber is a string.
var wmi = GetObject("winmgmts:{impersonationLevel=impersonate}!\\\\.\\root\\cimv2");
var col = wmi.ExecQuery("SELECT * FROM Win32_OperatingSystem");
for (var e = new Enumerator(col); !e.atEnd(); e.moveNext()) {
    var os = e.item();
    // expect: VG001
    if (parseInt(os.BuildNumber, 10) <= 6003) {
        WScript.Echo("Server 2008 SP2 or older");
    }
    // expect: VG001
    if (os.BuildNumber == 6002 || os.BuildNumber == 6003) {
        WScript.Echo("loose equality: the string is read as a number");
    }
    // expect: VG002
    if (os.BuildNumber === "6002" || os.BuildNumber === "6003") {
        WScript.Echo("strict string equality");
    }
    // expect: VG001
    if (Number(os.BuildNumber) < 6004) {
        WScript.Echo("before 6003");
    }
    // expect: VG001
    if (+os.BuildNumber > 6003) {
        WScript.Echo("newer than SP2");
    }
}

var first = new Enumerator(wmi.ExecQuery("SELECT Version FROM Win32_OperatingSystem")).item();
// expect: VG002
if (first.Version == "6.0.6002" || first.Version == "6.0.6003") {
    WScript.Echo("Vista SP2 / 2008 SP2");
}
