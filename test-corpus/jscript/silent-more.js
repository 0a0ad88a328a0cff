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
// A list that holds both builds, scanned in a loop: the index steps, so
// the test is not that of the first item alone.
var supported = [6002, 6003, 7601];
var listed = false;
for (var i = 0; i < supported.length; i++) {
    if (build == supported[i]) listed = true;
}
