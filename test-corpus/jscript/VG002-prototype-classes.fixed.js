// An inventory script's own "classes": a constructor whose methods, set on
// its prototype, fill `this` from WMI and test it.
var locator = new ActiveXObject("WbemScripting.SWbemLocator");

function HostInfo(name) {
    this.name = name;
    this.version = "";
    this.kernel = "";
    this.port = 6002;
}

HostInfo.prototype.load = function () {
    var svc = locator.ConnectServer(this.name, "root\\cimv2");
    var os = new Enumerator(svc.ExecQuery("SELECT Version FROM Win32_OperatingSystem")).item();
    this.version = String(os.Version);
    var files = new Enumerator(svc.ExecQuery("SELECT Version FROM CIM_DataFile WHERE Name = 'C:\\\\Windows\\\\System32\\\\ntoskrnl.exe'"));
    this.kernel = files.atEnd() ? "" : String(files.item().Version);
    return this;
};

HostInfo.prototype.kernelRevision = function () {
    var parts = this.kernel.split(".");
    return parts.length === 4 ? Number(parts[3]) : 0;
};

HostInfo.prototype.isSp2 = function () {
    // expect: VG002
    return (this.version === "6.0.6002" || this.version === "6.0.6003");
};

HostInfo.prototype.hasRollup = function () {
    // expect: VG002
    return this.kernelRevision() >= 24000;
};

HostInfo.prototype.defaultPort = function () {
    // Silent: a port the constructor set.
    return this.port === 6002;
};

var Checks = function (host) {
    this.host = host;
};

Checks.prototype = {
    kernelIsSp2: function () {
        // expect: VG002
        return (this.host.kernel.lastIndexOf("6.0.6002.", 0) === 0 || this.host.kernel.lastIndexOf("6.0.6003.", 0) === 0);
    },
    isNt6: function () {
        // Silent: every 6.0 build.
        return this.host.version.indexOf("6.0.") === 0;
    }
};

function report(host) {
    // expect: VG002
    if (host.version == "6.0.6002" || host.version == "6.0.6003") {
        WScript.Echo(host.name + ": 2008 SP2");
    }
}

var h = new HostInfo(".").load();
var c = new Checks(h);
WScript.Echo(h.isSp2(), h.hasRollup(), h.defaultPort(), c.kernelIsSp2(), c.isNt6());
report(new HostInfo("server2").load());
