// WScript.Shell.RegRead: CurrentBuildNumber is a string, UBR a number.
var shell = WScript.CreateObject("WScript.Shell");
var key = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\";
var build = shell.RegRead("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuildNumber");
var ubr = shell.RegRead("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\UBR");
var current = new ActiveXObject("WScript.Shell").RegRead("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuild");

// expect: VG001
if (parseInt(build) == 6002 || parseInt(build) == 6003) {
    WScript.Echo("SP2");
}
// expect: VG002
if (build == "6002" || build == "6003") {
    WScript.Echo("SP2 by its text");
}
// expect: VG001
if (current >= 6000 && current <= 6003) {
    WScript.Echo("Vista family before the bump");
}
// expect: VG003
if (ubr >= 24000 || parseInt(shell.RegRead("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuildNumber"), 10) == 6003) {
    WScript.Echo("has the 2018 rollup");
}
