// A value the analyzer cannot follow is an OS build when one function
// compares it with several Windows builds and nothing else.
function releaseName(value) {
    if (value == 6000) return "Vista";
    if (value == 6001) return "Vista SP1";
    // expect: VG001
    if (value == 6002 || value == 6003) return "Vista SP2";
    if (value == 7601) return "7 SP1";
    return "unknown";
}

// Message ids 6002-6005: not all Windows builds. Silent.
function messageText(value) {
    if (value == 6002) return "retry";
    if (value == 6005) return "abort";
    if (value == 6000) return "ok";
    return "";
}

// A switch on such a value: its labels say what it is.
function label(value) {
    switch (value) {
        case 6000: return "Vista";
        case 6001: return "Vista SP1";
        // expect: VG001
        case 6002:
        case 6003: return "Vista SP2";
        case 7601: return "7 SP1";
        default: return "unknown";
    }
}

WScript.Echo(label(2) + releaseName(WScript.Arguments(0)) + messageText(1));
