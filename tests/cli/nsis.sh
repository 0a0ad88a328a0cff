# NSIS scripts (.nsi, .nsh) end to end: discovery by extension in any case,
# findings (text and SARIF) and fixes, a project header's !define, both
# comment styles of suppressions, bad input (binary, UTF-16, invalid UTF-8,
# an overlong line, a huge file), stdin.
source "$(dirname "$0")/lib.sh"
mkdir -p "$TMP/t"
cat > "$TMP/t/Setup.NSI" <<'NSI'
!include LogicLib.nsh
!include WinVer.nsh
Function .onInit
  ${If} ${AtMostBuild} 6002
    Abort "needs Vista SP2 or older"
  ${EndIf}
FunctionEnd
NSI
printf 'Section\r\n  ${WinVerGetBuild} $0\r\n  IntCmp $0 6002 old old new\r\nold:\r\n  DetailPrint old\r\nnew:\r\nSectionEnd\r\n' > "$TMP/t/lib.nsh"
vg "$TMP/t"
expect_rc 1
grep -q 'Setup.NSI:4:9: error: .*\[VG001\]$' "$TMP/out" || fail "text report: $(cat "$TMP/out")"
grep -q 'lib.nsh:3:10: error: .*\[VG001\]$' "$TMP/out" || fail "text report (.nsh): $(cat "$TMP/out")"

vg --format=sarif "$TMP/t"
expect_rc 1
js "d.runs[0].results.length === 2"
js "d.runs[0].results.every(r => r.ruleId === 'VG001' && r.fixes && r.fixes.length === 1)"

# --fix on a copy writes NSIS syntax, keeps CRLF, and is idempotent.
cp -r "$TMP/t" "$TMP/c"
vg --fix --quiet "$TMP/c"
expect_rc 0
grep -q '^  \${If} \${AtMostBuild} 6003$' "$TMP/c/Setup.NSI" || fail "Setup.NSI not fixed: $(cat "$TMP/c/Setup.NSI")"
grep -q $'^  IntCmp \\$0 6003 old old new\r$' "$TMP/c/lib.nsh" || fail "lib.nsh not fixed: $(cat -A "$TMP/c/lib.nsh")"
vg "$TMP/c"
expect_rc 0
grep -q 'AtMostBuild} 6002' "$TMP/t/Setup.NSI" || fail "the original was changed"

# A build kept in a project header: the script holds no build itself, yet
# the prefilter lets it through, and the header is a cache dependency.
export XDG_CACHE_HOME="$TMP/xdg"
mkdir -p "$TMP/h"
printf '!define SP2_BUILD 6002\n' > "$TMP/h/builds.nsh"
printf '!include "builds.nsh"\nSection\n  ${If} ${AtMostBuild} ${SP2_BUILD}\n  ${EndIf}\nSectionEnd\n' > "$TMP/h/main.nsi"
vg --format=json "$TMP/h/main.nsi"
expect_rc 1
js "d.findings.length === 1 && d.findings[0].location.line === 3"
printf '!define SP2_BUILD 6003\n' > "$TMP/h/builds.nsh"
vg --format=json "$TMP/h/main.nsi"
expect_rc 0
js "d.findings.length === 0"
# A missing project header is a note naming the script, line and column.
printf '!include "gone.nsh"\nSection\n  ${If} ${AtLeastBuild} 6002\n  ${EndIf}\nSectionEnd\n' > "$TMP/h/gone.nsi"
vg --verbose "$TMP/h/gone.nsi"
grep -q 'gone.nsi:1:10: note: .*`!include "gone.nsh"`: no such file' "$TMP/err" || fail "no note for a missing include: $(cat "$TMP/err")"

# A tree audit whose script includes a project file that is not there yet:
# the script holds no build, so the prefilter leaves it out and the stat
# index keeps that verdict; creating the header must bring the script back.
mkdir -p "$TMP/later"
printf '!include "later.nsh"\nSection\n  ${If} ${AtMostBuild} ${SP2}\n  ${EndIf}\nSectionEnd\n' > "$TMP/later/main.nsi"
touch -d '-100 seconds' "$TMP/later/main.nsi" "$TMP/later"
sleep 0.05
vg --format=json "$TMP/later"
vg --format=json "$TMP/later"
js "d.findings.length === 0"
printf '!define SP2 6002\n' > "$TMP/later/later.nsh"
vg --format=json "$TMP/later"
expect_rc 1
js "d.findings.length === 1 && d.findings[0].location.line === 3" || fail "a header created later: $(cat "$TMP/out")"

# Suppressions: `;` and `#` comments; an unused one is VG100.
cat > "$TMP/s.nsi" <<'NSI'
Section
  ; verguard: ignore[VG001] pinned image
  ${If} ${AtMostBuild} 6002
  ${EndIf}
  # verguard: ignore[VG001]
  ${If} ${AtMostBuild} 6002
  ${EndIf}
  ${If} ${AtLeastBuild} 6002 ; verguard: ignore[VG001]
  ${EndIf}
SectionEnd
NSI
vg --format=json "$TMP/s.nsi"
expect_rc 1
js "d.summary.suppressed === 2"
js "d.findings.length === 1 && d.findings[0].ruleId === 'VG100' && d.findings[0].location.line === 8"

# UTF-16 LE with BOM: analyzed and fixed in its encoding.
printf 'Section\r\n  ${If} ${AtMostBuild} 6002\r\n  ${EndIf}\r\nSectionEnd\r\n' | iconv -f UTF-8 -t UTF-16LE |
  { printf '\xff\xfe'; cat; } > "$TMP/u16.nsi"
vg --format=json "$TMP/u16.nsi"
expect_rc 1
js "d.findings.length === 1 && d.findings[0].location.line === 2"
vg --fix --quiet "$TMP/u16.nsi"
head -c 2 "$TMP/u16.nsi" | od -An -tx1 | grep -q 'ff fe' || fail "BOM lost"
tail -c +3 "$TMP/u16.nsi" | iconv -f UTF-16LE -t UTF-8 | grep -q 'AtMostBuild} 6003' || fail "UTF-16 file not fixed"

# Bytes that are not UTF-8 (an ANSI script) are text; the check is read.
printf 'Caption "Gr\xfc\xdfe"\nSection\n  ${If} ${AtMostBuild} 6002\n  ${EndIf}\nSectionEnd\n' > "$TMP/ansi.nsi"
vg --format=json "$TMP/ansi.nsi"
expect_rc 1
js "d.findings.length === 1 && d.findings[0].location.line === 3"

# Binary content: named, the run goes on.
mkdir -p "$TMP/bin"
printf 'MZ\x00\x00\x01${AtMostBuild} 6002\x00' > "$TMP/bin/x.nsi"
printf 'Section\n${If} ${AtMostBuild} 6002\n${EndIf}\nSectionEnd\n' > "$TMP/bin/y.nsi"
vg --format=json "$TMP/bin"
expect_rc 1
grep -q 'x.nsi' "$TMP/err" || fail "binary file not named: $(cat "$TMP/err")"
js "d.findings.length === 1"

# An overlong line and an unterminated string: notes with file, line and
# column; the lines after them are analyzed.
{ printf 'Section\nDetailPrint %070000d\n' 0; printf 'StrCmp $0 "open\n${If} ${AtMostBuild} 6002\n${EndIf}\nSectionEnd\n'; } > "$TMP/long.nsi"
vg --verbose "$TMP/long.nsi"
expect_rc 1
grep -q 'long.nsi:2:1: note: .*a line longer than' "$TMP/err" || fail "no note for the long line: $(cat "$TMP/err")"
grep -q 'long.nsi:3:11: note: .*string without its closing' "$TMP/err" || fail "no note for the string: $(cat "$TMP/err")"
grep -q 'long.nsi:4:7: error' "$TMP/out" || fail "line 4 not analyzed: $(cat "$TMP/out")"

# A huge file (many jumps and labels) is analyzed without trouble.
{ echo 'Section'; echo '${WinVerGetBuild} $0'
  for i in $(seq 1 20000); do echo "IntCmp \$1 $i l$i"; echo "l$i:"; done
  echo 'IntCmp $0 6002 a a b'; echo 'a:'; echo 'DetailPrint a'; echo 'b:'; echo 'SectionEnd'; } > "$TMP/huge.nsi"
vg --format=json "$TMP/huge.nsi"
expect_rc 1
js "d.findings.length === 1 && d.findings[0].location.line === 40003"

# stdin as an .nsi file.
set +e
printf 'Section\n${If} ${AtMostBuild} 6002\n${EndIf}\nSectionEnd\n' | "$VERGUARD" --stdin-filename setup.nsi --format=json > "$TMP/out" 2>"$TMP/err"
RC=$?
set -e
expect_rc 1
js "d.findings.length === 1 && d.findings[0].ruleId === 'VG001'"
