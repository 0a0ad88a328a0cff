// The build taken from `ver`'s output with a regular expression's capture
// groups: RegExp.exec and String.match.
var shell = WScript.CreateObject("WScript.Shell");
var out = shell.Exec("cmd /c ver").StdOut.ReadAll();

var m = /\[Version (\d+)\.(\d+)\.(\d+)/.exec(out);
// expect: VG002
if (m && (parseInt(m[3], 10) == 6002 || parseInt(m[3], 10) == 6003)) WScript.Echo("Server 2008 SP2");

var parts = out.match(/(\d+)\.(\d+)\.(\d+)/);
// expect: VG002
if (parts[3] <= "6003") WScript.Echo("6002 or older");
// Silent: the major and minor version are 6.0 on both builds.
if (parts[1] == "6" && parts[2] == "0") WScript.Echo("Vista family");

// String.search: the index of the first match (a text argument is a pattern).
// expect: VG002
if (out.search(/Version 6\.0\.6002/) >= 0) {
    WScript.Echo("SP2 by search");
}
var bracket = out.match(/\[Version ([^\]]*)\]/);
// expect: VG002
if (bracket && bracket[1].search("6.0.6002") === 0) {
    WScript.Echo("SP2 at the start of the version");
}
// Silent: both builds are 6.0.
if (out.search("Version 6.0.") === -1) {
    WScript.Echo("not 6.0");
}
