// switch compares strictly (===).
var wmi = GetObject("winmgmts:\\\\.\\root\\cimv2");
var os = new Enumerator(wmi.ExecQuery("SELECT * FROM Win32_OperatingSystem")).item();
var build = parseInt(os.BuildNumber, 10);

switch (build) {
    case 6001:
        WScript.Echo("SP1");
        break;
    // expect: VG001
    case 6002:
    case 6003:
        WScript.Echo("SP2");
        break;
    default:
        WScript.Echo("unsupported");
}

switch (os.BuildNumber) {
    case "6000":
    // expect: VG002
    case "6002":
    case "6003":
        WScript.Echo("Vista family");
        break;
}
