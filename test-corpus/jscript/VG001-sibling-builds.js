// A value the analyzer cannot follow is an OS build when one function
// compares it with several Windows builds and nothing else.
function releaseName(value) {
    if (value == 6000) return "Vista";
    if (value == 6001) return "Vista SP1";
    // expect: VG001
    if (value == 6002) return "Vista SP2";
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

WScript.Echo(releaseName(WScript.Arguments(0)) + messageText(1));
