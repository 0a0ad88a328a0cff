# Notes summarized (issue 14, item 5): missing headers and parse errors in
# files without a finding are counted in the summary, listed with --verbose,
# kept whole in JSON and SARIF; --quiet prints the findings only; a note
# about a file with a finding is always shown.
source "$(dirname "$0")/lib.sh"
P="$TMP/proj"
mkdir -p "$P"
printf '#include "missing_cfg.h"\nint Limit() { return 6002 + 1; }\n' > "$P/a.cpp"
printf '#include "missing_cfg.h"\n#include "other_missing.h"\nint Limit2() { return 6003; }\n' > "$P/b.cpp"
printf '$x = 6002\nfunction f( { \n' > "$P/broken.ps1"
cat > "$P/finding.cpp" <<'C'
#include <windows.h>
#include "missing_cfg.h"
bool Sp2() {
  OSVERSIONINFOEXW o = {sizeof(o)};
  GetVersionExW((OSVERSIONINFOW *)&o);
  return o.dwBuildNumber == 6002;
}
C
cd "$TMP"
# Text: the summary counts them; stderr names only the finding's file.
vg --no-cache proj
expect_rc 1
grep -qx '  2 files parsed without some project headers; most missed: missing_cfg.h (2), other_missing.h (1); pass -p DIR (compile_commands.json) or --extra-arg=-IDIR; --verbose lists them' "$TMP/out" ||
  fail "no header count in the summary: $(cat "$TMP/out")"
grep -qx '  1 file without a finding had parse errors (analyzed what could be parsed); --verbose lists them' "$TMP/out" ||
  fail "no parse-error count in the summary: $(cat "$TMP/out")"
grep -q "^proj/finding.cpp:2:1: note: header 'missing_cfg.h' not found" "$TMP/err" ||
  fail "the note of a file with a finding is hidden: $(cat "$TMP/err")"
! grep -qE '^proj/(a|b)\.cpp|^proj/broken\.ps1' "$TMP/err" || fail "notes listed without --verbose: $(cat "$TMP/err")"
# --verbose lists every one, one per line.
vg --no-cache --verbose proj
expect_rc 1
for n in "proj/a.cpp:1:1: note: header 'missing_cfg.h'" "proj/b.cpp:1:1: note: header 'missing_cfg.h'" \
  "proj/b.cpp:2:1: note: header 'other_missing.h'" "proj/broken.ps1:2:1: note:" "proj/finding.cpp:2:1: note:"; do
  grep -qF "$n" "$TMP/err" || fail "--verbose does not list '$n': $(cat "$TMP/err")"
done
! grep -q 'project headers' "$TMP/out" || fail "--verbose lists and counts: $(cat "$TMP/out")"
# --quiet: the findings only.
vg --no-cache --quiet proj
expect_rc 1
[[ ! -s $TMP/err ]] || fail "--quiet wrote to stderr: $(cat "$TMP/err")"
! grep -q 'project headers\|verguard:' "$TMP/out" || fail "--quiet printed a summary: $(cat "$TMP/out")"
grep -q '^proj/finding.cpp:6:10: error:' "$TMP/out" || fail "--quiet lost the finding: $(cat "$TMP/out")"
# JSON keeps every note; the count goes to stderr.
vg --no-cache --format=json proj
expect_rc 1
js 'd.diagnostics.length === 5 && d.diagnostics.filter(g => g.message.startsWith("header ")).length === 4'
grep -q '^verguard: 2 files parsed without some project headers' "$TMP/err" || fail "JSON: no count on stderr: $(cat "$TMP/err")"
! grep -q '^proj/a.cpp' "$TMP/err" || fail "JSON: notes listed on stderr"
vg --no-cache --quiet --format=json -o "$TMP/q.json" proj
[[ ! -s $TMP/err ]] || fail "--quiet --format=json -o: stderr: $(cat "$TMP/err")"
# SARIF keeps every note.
vg --no-cache --format=sarif proj
js 'd.runs[0].invocations[0].toolExecutionNotifications.length === 5'
echo "notes: ok"
