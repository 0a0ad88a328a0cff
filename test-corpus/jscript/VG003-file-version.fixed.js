// kernel32's file version through Scripting.FileSystemObject.
var fso = new ActiveXObject("Scripting.FileSystemObject");
var sys32 = fso.GetSpecialFolder(1);
var fv = fso.GetFileVersion(sys32 + "\\kernel32.dll");
var parts = fv.split(".");

// expect: VG003
if (parseInt(parts[3], 10) >= 24000) {
    WScript.Echo("has the rollup");
}
// expect: VG002
if (fv.indexOf("6.0.6002.") == 0 || fv.indexOf("6.0.6003.") == 0) {
    WScript.Echo("SP2 kernel");
}
// expect: VG001
if (parseInt(parts[2], 10) == 6002 || parseInt(parts[2], 10) == 6003) {
    WScript.Echo("build of kernel32");
}
