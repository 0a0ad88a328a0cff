// switch compares strictly (===).
var wmi = GetObject("winmgmts:\\\\.\\root\\cimv2");
var os = new Enumerator(wmi.ExecQuery("SELECT * FROM Win32_OperatingSystem")).item();
var build = parseInt(os.BuildNumber, 10);

// expect: VG001
switch (build) {
    case 6001:
        WScript.Echo("SP1");
        break;
    case 6002:
        WScript.Echo("SP2");
        break;
    default:
        WScript.Echo("unsupported");
}

// expect: VG001
switch (os.BuildNumber) {
    case "6000":
    case "6002":
        WScript.Echo("Vista family");
        break;
}
