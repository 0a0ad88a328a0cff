// Version strings: indexOf, substr, split, regex literals, match.
var os = new Enumerator(GetObject("winmgmts:").ExecQuery("SELECT * FROM Win32_OperatingSystem")).item();
var v = os.Version;

// expect: VG002
if (v.indexOf("6.0.6002") != -1 || v.indexOf("6.0.6003") != -1) {
    WScript.Echo("substring");
}
// expect: VG002
if (v.indexOf("6.0.6002") >= 0 || v.indexOf("6.0.6003") >= 0) {
    WScript.Echo("substring, >= 0");
}
// expect: VG002
if (v.indexOf("6.0.6002") == 0 || v.indexOf("6.0.6003") == 0) {
    WScript.Echo("prefix");
}
// expect: VG002
if (/6\.0\.600[0-2]/.test(v)) {
    WScript.Echo("regex literal");
}
// expect: VG002
if (v.match(/^6\.0\.600[23]/)) {
    WScript.Echo("match");
}
// expect: VG001
if (parseInt(v.split(".")[2], 10) == 6002 || parseInt(v.split(".")[2], 10) == 6003) {
    WScript.Echo("third component");
}
// expect: VG002
if (v.substr(4) == "6002" || v.substr(4) == "6003") {
    WScript.Echo("substr");
}
// expect: VG002
if (v.substring(0, 8) == "6.0.6002" || v.substring(0, 8) == "6.0.6003") {
    WScript.Echo("substring");
}
var ver = WScript.CreateObject("WScript.Shell").Exec("cmd /c ver").StdOut.ReadAll();
// expect: VG002
if (ver.indexOf("6.0.6002") >= 0 || ver.indexOf("6.0.6003") >= 0) {
    WScript.Echo("cmd /c ver");
}
