// More silent cases.
var shell = new ActiveXObject("WScript.Shell");
var build = shell.RegRead("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuildNumber");
var product = shell.RegRead("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProductName");
var appBuild = shell.RegRead("HKLM\\SOFTWARE\\Contoso\\App\\Build");

if (product.indexOf("Server") != -1) {
    WScript.Echo("a server");
}
if (appBuild == 6002) {
    WScript.Echo("the application's own build");
}
if (parseInt(build, 10) < 6000) {
    WScript.Echo("before Vista");
}
// Two strings compare lexicographically: "6002" < "7600" on both builds.
if (build < "7600") {
    WScript.Echo("before Windows 7");
}
