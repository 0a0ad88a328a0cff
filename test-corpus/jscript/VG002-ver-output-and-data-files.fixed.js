// A support tool reads `ver`, trims it the JScript way, and matches it with
// word boundaries and character classes; kernel32's version comes from WMI's
// CIM_DataFile.
var shell = WScript.CreateObject("WScript.Shell");
var locator = new ActiveXObject("WbemScripting.SWbemLocator");

function verText() {
    return shell.Exec("cmd /c ver").StdOut.ReadAll().replace(/^\s+|\s+$/g, "");
}

function verChecks() {
    var raw = verText();
    // expect: VG002
    if (raw.indexOf("6.0.6002") !== -1 || raw.indexOf("6.0.6003") !== -1) {
        WScript.Echo("sp2 by ver");
    }
    // expect: VG002
    if (/\b6\.0\.600[23]\b/.test(raw)) {
        WScript.Echo("sp2 by word");
    }
    var m = /Version ([\d.]+)/.exec(raw);
    // expect: VG002
    if (m && (m[1].split(".")[2] == "6002" || m[1].split(".")[2] == "6003")) {
        WScript.Echo("sp2 by capture");
    }
    // Silent: 6.1 on neither side of the bump.
    if (/\b6\.1\.\d+\b/.test(raw)) {
        WScript.Echo("windows 7");
    }
}

function kernelChecks() {
    var svc = locator.ConnectServer(".", "root\\cimv2");
    var files = new Enumerator(svc.ExecQuery("SELECT Version FROM CIM_DataFile WHERE Name = 'C:\\\\Windows\\\\System32\\\\kernel32.dll'"));
    var kernel = files.atEnd() ? "" : String(files.item().Version);
    // expect: VG002
    if (kernel.lastIndexOf("6.0.6002.", 0) === 0 || kernel.lastIndexOf("6.0.6003.", 0) === 0) {
        WScript.Echo("sp2 kernel");
    }
    var tools = new Enumerator(svc.ExecQuery("SELECT Version FROM CIM_DataFile WHERE Name = 'C:\\\\Tools\\\\agent.exe'"));
    var agent = tools.atEnd() ? "" : String(tools.item().Version);
    // Silent: another program's file version.
    if (agent.indexOf("6.0.6002.") === 0) {
        WScript.Echo("old agent");
    }
}

function streamChecks() {
    var exec = shell.Exec("cmd /c ver");
    // No fix: a second test would read the stream again, and find it empty.
    // expect: VG002
    if (exec.StdOut.ReadAll().indexOf("6.0.6002") != -1) {
        WScript.Echo("sp2 from the stream");
    }
    // No fix: the same for a second run of the command.
    // expect: VG002
    if (shell.Exec("cmd /c ver").StdOut.ReadAll().indexOf("6.0.6002") >= 0) {
        WScript.Echo("sp2 from a second run");
    }
}

verChecks();
kernelChecks();
streamChecks();
