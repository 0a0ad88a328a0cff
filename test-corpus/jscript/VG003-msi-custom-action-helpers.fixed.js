// An MSI custom action in JScript: it sets installer properties by
// assigning to Session.Property(...), reads kernel32's file version through
// a helper returning a record, from a folder the installer names, and
// matches ntoskrnl's version with a pattern kept in a variable.
var SHIM_RE = /^6\.0\.600[23]\./;

function fileVersion(path) {
    var fso = new ActiveXObject("Scripting.FileSystemObject");
    if (!fso.FileExists(path)) {
        return null;
    }
    var text = fso.GetFileVersion(path);
    var parts = text.split(".");
    return {
        text: text,
        major: parseInt(parts[0], 10),
        minor: parseInt(parts[1], 10),
        rev: parseInt(parts[3], 10)
    };
}

function SelectKernelShim() {
    var sysDir = Session.Property("System64Folder") || Session.Property("SystemFolder");
    var k32 = fileVersion(sysDir + "kernel32.dll");
    if (!k32) {
        return 1;
    }
    // 6.0 on both builds: silent
    if (!(k32.major == 6 && k32.minor == 0)) {
        return 1;
    }
    // expect: VG003
    if (k32.rev < 24000) {
        Session.Property("AGENT_KERNEL_PATCH") = "required";
    }
    var nt = fileVersion(sysDir + "ntoskrnl.exe");
    // expect: VG002
    if (nt && SHIM_RE.test(nt.text)) {
        Session.Property("AGENT_TIMER_MODE") = "legacy";
    }
    var prev = fileVersion(Session.Property("INSTALLFOLDER") + "agent.exe");
    // our own agent's version: silent
    if (prev && prev.rev < 24000) {
        Session.Property("AGENT_MIGRATE") = "1";
    }
    return 1;
}
