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

# Every comment form, one file each: the suppressed finding is gone (and the
# suppression used, so no VG100).
mkdir "$TMP/forms"
check_form() { # FILE: its one finding is suppressed, nothing is reported
  local off="$TMP/off-$(basename "$1")"
  sed 's/verguard: ignore/verguard: off/' "$1" > "$off"
  vg --format=json "$off"
  js "d.findings.length === 1 && d.findings[0].ruleId === 'VG001'" # the case is real
  vg --format=json "$1"
  [[ $RC == 0 ]] || fail "$(basename "$1"): not suppressed: $(cat "$TMP/out")"
  js "d.findings.length === 0 && d.summary.suppressed === 1"
}
printf 'bool f(unsigned long dwBuildNumber) {\n  // verguard: ignore[VG001]\n  return dwBuildNumber == 6002;\n}\n' > "$TMP/forms/line.cpp"
check_form "$TMP/forms/line.cpp"
printf 'bool f(unsigned long dwBuildNumber) {\n  /* verguard: ignore[VG001] */\n  return dwBuildNumber == 6002;\n}\n' > "$TMP/forms/block.cpp"
check_form "$TMP/forms/block.cpp"
printf 'bool f(unsigned long dwBuildNumber) {\n  /*\n   * verguard: ignore[VG001] reason\n   */\n  return dwBuildNumber == 6002;\n}\n' > "$TMP/forms/multiline.cpp"
check_form "$TMP/forms/multiline.cpp"
printf '$os = Get-CimInstance Win32_OperatingSystem\nif ($os.BuildNumber -eq 6002) { 1 } # verguard: ignore[VG001]\n' > "$TMP/forms/hash.ps1"
check_form "$TMP/forms/hash.ps1"
printf '$os = Get-CimInstance Win32_OperatingSystem\n<# verguard: ignore[VG001] #>\nif ($os.BuildNumber -eq 6002) { 1 }\n' > "$TMP/forms/blockps.ps1"
check_form "$TMP/forms/blockps.ps1"
printf 'Set os = GetObject("winmgmts:").Get("Win32_OperatingSystem=@")\n'"'"' verguard: ignore[VG001]\nIf os.BuildNumber = "6002" Then WScript.Echo "x"\n' > "$TMP/forms/quote.vbs"
check_form "$TMP/forms/quote.vbs"
printf 'Set os = GetObject("winmgmts:").Get("Win32_OperatingSystem=@")\n  Rem verguard: ignore[VG001]\nIf os.BuildNumber = "6002" Then WScript.Echo "x"\n' > "$TMP/forms/rem.vbs"
check_form "$TMP/forms/rem.vbs"
printf 'Set os = GetObject("winmgmts:").Get("Win32_OperatingSystem=@")\nIf os.BuildNumber = "6002" Then WScript.Echo "x" : REM verguard: ignore[VG001]\n' > "$TMP/forms/remtrailing.vbs"
check_form "$TMP/forms/remtrailing.vbs"

# A trailing comment covers its own line only; one alone on its line, the
# next line only (clang-tidy's NOLINT and NOLINTNEXTLINE).
cat > "$TMP/scope.cpp" <<'CPP'
bool f(unsigned long dwBuildNumber) {
  bool a = dwBuildNumber == 6002; // verguard: ignore[VG001]
  bool b = dwBuildNumber == 6002;
  // verguard: ignore[VG001]
  bool c = dwBuildNumber == 6002;
  bool d = dwBuildNumber == 6002;
  return a || b || c || d;
}
CPP
vg --format=json "$TMP/scope.cpp"
js "d.summary.suppressed === 2"
js "JSON.stringify(d.findings.map(f => f.location.line)) === '[3,6]'"

# VG100 in a file the prefilter would skip (nothing in it can flip): every
# file with a suppression is checked.
printf '# verguard: ignore[VG001] left over from the SP2 port\n$x = 1\n' > "$TMP/stale.ps1"
vg --format=json "$TMP/stale.ps1"
expect_rc 1
js "d.findings.length === 1 && d.findings[0].ruleId === 'VG100' && d.findings[0].location.line === 1 && d.findings[0].fix !== null"

# VG100's fix removes the stale suppression: a comment alone goes with its
# line, a trailing one with the blanks before it, a marker inside a longer
# comment with its reason; --diff shows the same.
cat > "$TMP/fixme.cpp" <<'CPP'
int f(int x) {
  // verguard: ignore[VG001] nothing here any more
  int y = x + 1; // verguard: ignore
  /* keep this; verguard: ignore[VG002] old */
  return y;
}
CPP
cp "$TMP/fixme.cpp" "$TMP/fixme.orig"
vg --diff "$TMP/fixme.cpp"
expect_rc 1
cmp -s "$TMP/fixme.cpp" "$TMP/fixme.orig" || fail "--diff changed the file"
grep -q '^-  // verguard: ignore\[VG001\] nothing here any more$' "$TMP/out" || fail "diff: $(cat "$TMP/out")"
vg --fix "$TMP/fixme.cpp"
expect_rc 0
grep -q "fixed 3 findings in 1 file" "$TMP/err" || fail "fix count: $(cat "$TMP/err")"
printf 'int f(int x) {\n  int y = x + 1;\n  /* keep this; */\n  return y;\n}\n' > "$TMP/fixme.want"
cmp -s "$TMP/fixme.cpp" "$TMP/fixme.want" || fail "VG100 fix: $(cat "$TMP/fixme.cpp")"
vg --format=json "$TMP/fixme.cpp"
expect_rc 0
