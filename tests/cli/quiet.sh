# --quiet prints the findings and nothing else: no summary on stdout, no
# notes or warnings on stderr (errors, which make the exit code 2, stay).
source "$(dirname "$0")/lib.sh"
cp "$CORPUS/cpp/VG001-getversion.cpp" "$TMP/a.cpp"
echo "notes" > "$TMP/notes.txt"               # a warning: not a file verguard reads
printf '#include "missing.h"\nbool f(unsigned long dwBuildNumber) { return dwBuildNumber == 6002; }\n' > "$TMP/b.cpp"
vg "$TMP/a.cpp" "$TMP/b.cpp" "$TMP/notes.txt"
expect_rc 1
grep -q "^verguard: .* findings" "$TMP/out" || fail "no summary without --quiet"
[[ -s $TMP/err ]] || fail "no notes without --quiet"
vg --quiet "$TMP/a.cpp" "$TMP/b.cpp" "$TMP/notes.txt"
expect_rc 1
[[ ! -s $TMP/err ]] || fail "--quiet printed on stderr: $(cat "$TMP/err")"
! grep -q "^verguard:" "$TMP/out" || fail "--quiet printed the summary: $(cat "$TMP/out")"
! grep -q "^  files:" "$TMP/out" || fail "--quiet printed the summary"
grep -q "a.cpp:15:[0-9]*: error: .*\[VG001\]" "$TMP/out" || fail "--quiet lost a finding: $(cat "$TMP/out")"
grep -qE "b.cpp:2:[0-9]*: (error|warning): .*\[VG001\]" "$TMP/out" || fail "--quiet lost a finding"
# Every line is part of a finding's block: a header, its source, caret, fix.
! grep -vqE '^(/|  )' "$TMP/out" || fail "--quiet printed something else: $(grep -vE '^(/|  )' "$TMP/out")"
# --fix --quiet: no "fixed N" line either.
vg --quiet --fix "$TMP/a.cpp"
[[ ! -s $TMP/err && ! -s $TMP/out ]] || fail "--fix --quiet printed: $(cat "$TMP/out" "$TMP/err")"
# An error still shows (a path that does not exist, exit 2).
vg --quiet "$TMP/nope.ps1"
expect_rc 2
grep -q "nope.ps1: error: no such file or directory" "$TMP/err" || fail "--quiet hid an error"
