// WQL WHERE clauses in ExecQuery.
var wmi = GetObject("winmgmts:\\\\.\\root\\cimv2");
// expect: VG002
var rows = wmi.ExecQuery("SELECT * FROM Win32_OperatingSystem WHERE (BuildNumber = '6002' OR BuildNumber = '6003')");
// expect: VG002
var sp2 = wmi.ExecQuery("SELECT Caption FROM Win32_OperatingSystem WHERE Version LIKE '6.0.600[23]%'");
