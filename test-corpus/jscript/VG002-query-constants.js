// WQL kept in variables and run by a helper that takes the query as a
// parameter: the literal filters on the OS's version wherever it runs.
var WBEM_FLAGS = 0x30;
// expect: VG002
var LEGACY_QUERY = "SELECT Caption FROM Win32_OperatingSystem WHERE Version = '6.0.6002'";
// Silent: every NT 6.0 build.
var FAMILY_QUERY = "SELECT Caption FROM Win32_OperatingSystem WHERE Version LIKE '6.0.%'";
// Silent: another class.
var SERVICE_QUERY = "SELECT Name FROM Win32_Service WHERE ProcessId = 6002";

function countRows(server, wql) {
    var locator = new ActiveXObject("WbemScripting.SWbemLocator");
    var svc = locator.ConnectServer(server, "root\\cimv2");
    var n = 0;
    for (var e = new Enumerator(svc.ExecQuery(wql, "WQL", WBEM_FLAGS)); !e.atEnd(); e.moveNext())
        n++;
    return n;
}

var servers = WScript.Arguments;
for (var i = 0; i < servers.length; i++) {
    var name = servers.Item(i);
    WScript.Echo(name + ": legacy=" + countRows(name, LEGACY_QUERY) +
                 " family=" + countRows(name, FAMILY_QUERY) +
                 " w32time=" + countRows(name, SERVICE_QUERY));
}
