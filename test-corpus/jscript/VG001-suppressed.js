var os = new Enumerator(GetObject("winmgmts:").ExecQuery("SELECT * FROM Win32_OperatingSystem")).item();
// verguard: ignore[VG001] the 6003 servicing stack is handled by the caller
if (parseInt(os.BuildNumber, 10) == 6002) {
    WScript.Echo("suppressed in a // comment");
}
/* verguard: ignore[VG002] a known SP2-only installer */
if (os.Version == "6.0.6002") {
    WScript.Echo("suppressed in a block comment");
}
