# Inline suppressions in each language's comment syntax; unused ones are
# reported as VG100; ignore-file covers the whole file.
source "$(dirname "$0")/lib.sh"
cat > "$TMP/a.cpp" <<'CPP'
bool g(unsigned long dwBuildNumber) {
  // verguard: ignore[VG001] legacy SP2 path
  return dwBuildNumber == 6002;
}
bool h(unsigned long dwBuildNumber) {
  return dwBuildNumber <= 6002; /* verguard: ignore */
}
bool k(unsigned long dwBuildNumber) {
  return dwBuildNumber >= 6002; // verguard: ignore[VG001] stale
}
bool m(unsigned long dwBuildNumber) {
  return dwBuildNumber > 6002; // verguard: ignore[VG002] wrong rule
}
CPP
cat > "$TMP/b.ps1" <<'PS'
$os = Get-CimInstance Win32_OperatingSystem
# verguard: ignore[VG001]
if ($os.BuildNumber -eq '6002') { 'sp2' }
PS
cat > "$TMP/c.vbs" <<'VBS'
' verguard: ignore-file[VG001]
Set os = GetObject("winmgmts:").InstancesOf("Win32_OperatingSystem")
For Each o In os
  If o.BuildNumber = "6002" Then WScript.Echo "sp2"
Next
VBS
vg --format=json "$TMP"
expect_rc 1
js "d.summary.suppressed === 4"
js "d.findings.filter(f => f.ruleId === 'VG100').length === 2"
js "d.findings.some(f => f.ruleId === 'VG100' && f.location.line === 9)"
js "d.findings.some(f => f.ruleId === 'VG100' && f.location.line === 12)"
js "d.findings.some(f => f.ruleId === 'VG001' && f.location.line === 12)"
js "d.findings.length === 3"
vg --format=json --disable VG100 "$TMP"
js "d.findings.length === 1"
# A marker outside a comment is not a suppression.
printf 'const char *s = "verguard: ignore";\nbool f(unsigned long dwBuildNumber) { return dwBuildNumber == 6002; }\n' > "$TMP/d.cpp"
vg --format=json "$TMP/d.cpp"
js "d.findings.length === 1 && d.findings[0].ruleId === 'VG001'"
