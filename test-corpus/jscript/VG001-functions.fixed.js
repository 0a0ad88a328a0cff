// Values through functions, parameters, returns and object properties.
function osBuild() {
    var wmi = GetObject("winmgmts:\\\\.\\root\\cimv2");
    var e = new Enumerator(wmi.ExecQuery("SELECT * FROM Win32_OperatingSystem"));
    return parseInt(e.item().BuildNumber, 10);
}

function isBuild(b) {
    return osBuild() == b;
}

var getVersion = function () {
    var os = new Enumerator(GetObject("winmgmts:").InstancesOf("Win32_OperatingSystem")).item();
    return os.Version;
};

var info = {};
info.build = osBuild();

// expect: VG001
if (osBuild() == 6002 || osBuild() == 6003) {
    WScript.Echo("direct call");
}
// expect: VG001
if (isBuild(6002)) {
    WScript.Echo("through a parameter");
}
if (isBuild(7601)) {
    WScript.Echo("Windows 7 SP1: not separated by the bump");
}
// expect: VG001
if (info.build < 6004) {
    WScript.Echo("a property");
}
// expect: VG002
if (getVersion() == "6.0.6002" || getVersion() == "6.0.6003") {
    WScript.Echo("a function expression");
}
// expect: VG001
var sp2 = (osBuild() === 6002 || osBuild() === 6003);
