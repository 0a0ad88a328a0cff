# Batch files (.bat, .cmd) end to end: discovery by extension in any case,
# findings and fixes, suppressions in `rem` and `::`, bad input (binary,
# UTF-16, OEM bytes, overlong lines), stdin.
source "$(dirname "$0")/lib.sh"
mkdir -p "$TMP/t"
printf '@echo off\r\nver | find "6.0.6002" >nul\r\nif errorlevel 1 goto :eof\r\n' > "$TMP/t/A.BAT"
printf 'ver | find "6.0.6002" >nul && echo sp2\n' > "$TMP/t/b.Cmd"
vg --format=json "$TMP/t"
expect_rc 1
js "d.findings.length === 2"
js "d.findings.every(f => f.ruleId === 'VG002' && f.location.line === (f.location.file.endsWith('A.BAT') ? 2 : 1))"
js "d.findings.every(f => f.fix)"

# --fix writes findstr with both builds, keeps CRLF, and is idempotent.
vg --fix --quiet "$TMP/t"
expect_rc 0
grep -q $'^ver | findstr /c:"6.0.6002" /c:"6.0.6003" >nul\r$' "$TMP/t/A.BAT" ||
  fail "A.BAT not fixed: $(cat -A "$TMP/t/A.BAT")"
grep -q '^ver | findstr /c:"6.0.6002" /c:"6.0.6003" >nul && echo sp2$' "$TMP/t/b.Cmd" ||
  fail "b.Cmd not fixed"
vg "$TMP/t"
expect_rc 0

# Suppressions: `rem` alone on the line before, `::` too, a trailing
# `& rem`; an unused one is VG100 and its fix removes `& rem ...` only.
cat > "$TMP/s.cmd" <<'BAT'
for /f "tokens=2 delims==" %%b in ('wmic os get BuildNumber /value') do set B=%%b
rem verguard: ignore[VG001] pinned image
if %B% LEQ 6002 echo a
:: verguard: ignore[VG001]
if %B% GTR 6002 echo b
if %B% EQU 6002 echo c & rem verguard: ignore[VG001]
if %B% GEQ 6002 echo d & rem verguard: ignore[VG001] stale
BAT
vg --format=json "$TMP/s.cmd"
expect_rc 1
js "d.summary.suppressed === 3"
js "d.findings.length === 1 && d.findings[0].ruleId === 'VG100' && d.findings[0].location.line === 7"
vg --fix --quiet "$TMP/s.cmd"
grep -q '^if %B% GEQ 6002 echo d$' "$TMP/s.cmd" || fail "VG100 fix: $(sed -n 7p "$TMP/s.cmd")"

# UTF-16 LE with BOM: analyzed and fixed in its encoding.
printf 'ver | find "6.0.6002" >nul\r\n' | iconv -f UTF-8 -t UTF-16LE |
  { printf '\xff\xfe'; cat; } > "$TMP/u16.cmd"
vg --format=json "$TMP/u16.cmd"
expect_rc 1
js "d.findings.length === 1 && d.findings[0].location.line === 1"
vg --fix --quiet "$TMP/u16.cmd"
head -c 2 "$TMP/u16.cmd" | od -An -tx1 | grep -q 'ff fe' || fail "BOM lost"
tail -c +3 "$TMP/u16.cmd" | iconv -f UTF-16LE -t UTF-8 | grep -q 'findstr /c:"6.0.6002" /c:"6.0.6003"' ||
  fail "UTF-16 file not fixed"

# OEM code page bytes are text; the check after them is still read.
printf 'echo \x84\x94\x81 Fenster\r\nver | find "6.0.6002" >nul\r\n' > "$TMP/oem.bat"
vg --format=json "$TMP/oem.bat"
expect_rc 1
js "d.findings.length === 1 && d.findings[0].location.line === 2"

# Binary content: named, the run goes on, no exit code 2.
mkdir -p "$TMP/bin"
printf 'MZ\x00\x00\x01\x02ver | find "6.0.6002"\x00' > "$TMP/bin/x.cmd"
printf 'ver | find "6.0.6002" >nul\n' > "$TMP/bin/y.cmd"
vg --format=json "$TMP/bin"
expect_rc 1
grep -q 'x.cmd' "$TMP/err" || fail "binary file not named: $(cat "$TMP/err")"
js "d.findings.length === 1"

# A line over cmd's 8191 characters: a note with file, line and column;
# the next line is analyzed.
{ printf 'echo %09000d\n' 0; printf 'ver | find "6.0.6002" >nul\n'; } > "$TMP/long.cmd"
vg --verbose "$TMP/long.cmd"
expect_rc 1
grep -q 'long.cmd:1:1: note: .*8191' "$TMP/err" || fail "no note: $(cat "$TMP/err")"
grep -q 'long.cmd:2:7: error' "$TMP/out" || fail "line 2 not analyzed: $(cat "$TMP/out")"

# A huge file (many statements) is analyzed without trouble.
for i in $(seq 1 20000); do echo "if %X% EQU $i goto l$i"; done > "$TMP/huge.cmd"
echo 'ver | find "6.0.6002" >nul' >> "$TMP/huge.cmd"
vg --format=json "$TMP/huge.cmd"
expect_rc 1
js "d.findings.length === 1 && d.findings[0].location.line === 20001"

# stdin as a .cmd file.
set +e
printf 'ver | find "6.0.6002"\n' | "$VERGUARD" --stdin-filename check.cmd --format=json > "$TMP/out" 2>"$TMP/err"
RC=$?
set -e
expect_rc 1
js "d.findings.length === 1 && d.findings[0].ruleId === 'VG002'"
