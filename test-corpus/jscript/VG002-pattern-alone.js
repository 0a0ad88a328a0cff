// A build matched by a pattern alone: the file holds no 6002 of its own,
// only the pattern's leading digits and a character class.
var shell = WScript.CreateObject("WScript.Shell");
var build = shell.RegRead("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuildNumber");
// expect: VG002
if (/^600[12]$/.test(build))
    WScript.Echo("Vista or Server 2008");
// A division after a name is no pattern: `build / 600` stays code.
var ratio = build / 600 / 2;
