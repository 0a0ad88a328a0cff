// A JScript custom action: Windows Installer's properties, a registry read
// behind a lazily made shell with fallbacks, and a table searched with `in`.
var CV = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\";
var _shell = null;

function shell() {
    if (_shell === null) {
        _shell = new ActiveXObject("WScript.Shell");
    }
    return _shell;
}

function regReadOrDefault(path, dflt) {
    try {
        return shell().RegRead(path);
    } catch (e) {
        return dflt;
    }
}

function currentBuild() {
    var b = regReadOrDefault(CV + "CurrentBuildNumber", null);
    if (b === null) {
        b = regReadOrDefault(CV + "CurrentBuild", null);
    }
    if (b === null) {
        b = Session.Property("WindowsBuild");
    }
    return b ? parseInt(b, 10) : 0;
}

function isBuild(n) {
    return currentBuild() == n;
}

var flags = [];

function flag(name) {
    flags.push(name);
}

function CheckOsPrereqs() {
    var versionNt = parseInt(Session.Property("VersionNT"), 10);
    // Silent: VersionNT is 600 on both sides of the bump.
    if (versionNt < 600) {
        flag("OS_BLOCKED");
    }
    // expect: VG002
    if (Session.Property("WindowsBuild") == "6002") {
        flag("NEED_LEGACY_FILTER");
    }
    // expect: VG001
    if (isBuild(6002)) {
        flag("PREREQ_KB4474419");
    }
    // Silent: 7600 on neither side.
    if (isBuild(7600)) {
        flag("OS_BLOCKED");
    }
    // The build with its fallbacks (a ternary over the read).
    var build = currentBuild();
    // expect: VG005
    if (build in { 6001: 1, 6002: 1 }) {
        flag("LEGACY_SCHANNEL");
    }
    // Silent: both builds are keys.
    if (build in { 6002: 1, 6003: 1 }) {
        flag("SP2_FAMILY");
    }
    return 1;
}
