// Checks a bump does not flip: all silent.
var os = new Enumerator(GetObject("winmgmts:").ExecQuery("SELECT * FROM Win32_OperatingSystem")).item();
var build = parseInt(os.BuildNumber, 10);
var v = os.Version;

if (build >= 6002) {
    WScript.Echo("SP2 or later: 6003 is later too");
}
if (build > 6001) {
    WScript.Echo("after SP1");
}
if (build >= 7600) {
    WScript.Echo("Windows 7 or later");
}
if (os.BuildNumber === 6002) {
    WScript.Echo("strict: a string never equals a number (false on both)");
}
if (v.indexOf("6.1.") == 0) {
    WScript.Echo("Windows 7");
}
if (parseInt(v.split(".")[0], 10) >= 6) {
    WScript.Echo("Vista or later");
}
switch (build) {
    case 7600:
    case 7601:
        WScript.Echo("Windows 7");
        break;
}
var port = 6002;
if (port == 6002) {
    WScript.Echo("a port, not a build");
}
if (build == 6002 || build == 6003) {
    WScript.Echo("either build of SP2");
}
var sp = os.ServicePackMajorVersion;
if (sp == 2) {
    WScript.Echo("service pack 2");
}

// Another WMI class's BuildNumber is not the OS's.
var biosItems = new Enumerator(GetObject("winmgmts:\\\\.\\root\\cimv2").ExecQuery("SELECT * FROM Win32_BIOS"));
for (; !biosItems.atEnd(); biosItems.moveNext()) {
  if (biosItems.item().BuildNumber == "6002") WScript.Echo("that BIOS build");
}
