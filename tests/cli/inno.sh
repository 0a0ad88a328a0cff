# Inno Setup scripts (.iss) end to end: discovery by extension in any case,
# findings in text and SARIF, --fix on a copy, suppressions in `;` lines and
# in [Code]'s `//` and `{ }` comments, bad input (binary, UTF-16, invalid
# UTF-8, overlong lines, a huge file), stdin.
source "$(dirname "$0")/lib.sh"
mkdir -p "$TMP/t"
printf '[Setup]\r\nAppName=x\r\nOnlyBelowVersion=6.0.6003\r\n' > "$TMP/t/A.ISS"
cat > "$TMP/t/b.iss" <<'ISS'
[Files]
Source: "a.dll"; DestDir: "{app}"; Check: IsSp2

[Code]
function IsSp2: Boolean;
var
  V: TWindowsVersion;
begin
  GetWindowsVersionEx(V);
  Result := (V.Major = 6) and (V.Minor = 0) and (V.Build = 6002);
end;
ISS
vg "$TMP/t"
expect_rc 1
grep -q 'A.ISS:3:18: error: .*VG001' "$TMP/out" || fail "text: $(cat "$TMP/out")"
grep -q 'b.iss:10:50: error: .*VG001' "$TMP/out" || fail "text: $(cat "$TMP/out")"
[[ $(grep -c ': error: ' "$TMP/out") == 2 ]] || fail "not 2 findings: $(cat "$TMP/out")"

vg --format=sarif "$TMP/t"
expect_rc 1
js "d.runs[0].results.length === 2"
js "d.runs[0].results.every(r => r.ruleId === 'VG001' && r.fixes && r.fixes.length === 1)"
js "d.runs[0].results.some(r => r.locations[0].physicalLocation.region.startLine === 3 && r.fixes[0].artifactChanges[0].replacements[0].insertedContent.text === '6004')"

# --fix on a copy: the build moves past 6003, `=` becomes `>=`, CRLF kept,
# and a second run finds nothing.
cp -r "$TMP/t" "$TMP/copy"
vg --fix --quiet "$TMP/copy"
expect_rc 0
grep -q $'^OnlyBelowVersion=6.0.6004\r$' "$TMP/copy/A.ISS" || fail "A.ISS not fixed: $(cat -A "$TMP/copy/A.ISS")"
grep -q '^  Result := (V.Major = 6) and (V.Minor = 0) and (V.Build >= 6002);$' "$TMP/copy/b.iss" || fail "b.iss not fixed: $(cat "$TMP/copy/b.iss")"
vg "$TMP/copy"
expect_rc 0
cmp -s "$TMP/t/b.iss" <(sed 's/V.Build >= 6002/V.Build = 6002/' "$TMP/copy/b.iss") || fail "the copy changed elsewhere"

# Suppressions: `;` in sections, `//` and `{ }` in [Code]; an unused one
# is VG100.
cat > "$TMP/s.iss" <<'ISS'
[Files]
; verguard: ignore[VG001] the legacy driver is pinned
Source: "a.sys"; DestDir: "{sys}"; OnlyBelowVersion: 6.0.6003
Source: "b.sys"; DestDir: "{sys}"; OnlyBelowVersion: 6.0.6003

[Code]
procedure P;
var V: TWindowsVersion;
begin
  GetWindowsVersionEx(V);
  // verguard: ignore[VG001]
  if V.Build = 6002 then Log('a');
  { verguard: ignore[VG001] }
  if V.Build <= 6002 then Log('b');
  // verguard: ignore[VG002] stale
  if V.Build >= 6002 then Log('c');
end;
ISS
vg --format=json "$TMP/s.iss"
expect_rc 1
js "d.summary.suppressed === 3"
js "d.findings.length === 2"
js "d.findings.some(f => f.ruleId === 'VG001' && f.location.line === 4)"
js "d.findings.some(f => f.ruleId === 'VG100' && f.location.line === 15)"

# UTF-16 LE with BOM: analyzed and fixed in its encoding.
printf '[Setup]\r\nMinVersion=6.0.6003\r\n' | iconv -f UTF-8 -t UTF-16LE |
  { printf '\xff\xfe'; cat; } > "$TMP/u16.iss"
vg --format=json "$TMP/u16.iss"
expect_rc 1
js "d.findings.length === 1 && d.findings[0].location.line === 2"
vg --fix --quiet "$TMP/u16.iss"
head -c 2 "$TMP/u16.iss" | od -An -tx1 | grep -q 'ff fe' || fail "BOM lost"
tail -c +3 "$TMP/u16.iss" | iconv -f UTF-16LE -t UTF-8 | grep -q 'MinVersion=6.0.6004' ||
  fail "UTF-16 file not fixed"

# Invalid UTF-8 (Windows-1252 bytes) is text; the check after it is read.
printf '; Gr\xfc\xdfe\r\n[Setup]\r\nOnlyBelowVersion=6.0.6003\r\n' > "$TMP/ansi.iss"
vg --format=json "$TMP/ansi.iss"
expect_rc 1
js "d.findings.length === 1 && d.findings[0].location.line === 3"

# Binary content: named, the run goes on, no exit code 2.
mkdir -p "$TMP/bin"
printf 'MZ\x00\x00[Setup]\nOnlyBelowVersion=6.0.6003\x00' > "$TMP/bin/x.iss"
printf '[Setup]\nOnlyBelowVersion=6.0.6003\n' > "$TMP/bin/y.iss"
vg --format=json "$TMP/bin"
expect_rc 1
grep -q 'x.iss' "$TMP/err" || fail "binary file not named: $(cat "$TMP/err")"
js "d.findings.length === 1"

# What the scanner cannot read is a note with file, line and column; the
# rest is analyzed. A very long line does not stop it.
{ printf '[Setup]\nOnlyBelowVersion=6.0.6003\nthis line has no equals sign\n[Code]\nprocedure P;\nbegin\n  @@@;\nend;\n[Files]\nSource: "%09000d"; MinVersion: 6.0.6003\n' 0; } > "$TMP/bad.iss"
vg --verbose "$TMP/bad.iss"
expect_rc 1
grep -q 'bad.iss:3:1: note: expected .Name=Value' "$TMP/err" || fail "no scanner note: $(cat "$TMP/err")"
grep -q 'bad.iss:7:3: note: ' "$TMP/err" || fail "no parser note: $(cat "$TMP/err")"
grep -q 'bad.iss:2:18: error' "$TMP/out" || fail "line 2 not analyzed: $(cat "$TMP/out")"
grep -q 'bad.iss:10:[0-9]*: error' "$TMP/out" || fail "line 10 not analyzed: $(cat "$TMP/out")"

# A huge file (many entries and routines) is analyzed, in linear time.
{ echo '[Files]'
  for i in $(seq 1 20000); do echo "Source: \"f$i.dll\"; DestDir: \"{app}\"; MinVersion: 6.1"; done
  echo '[Code]'
  for i in $(seq 1 3000); do printf 'function F%d: Boolean;\nbegin\n  Result := GetWindowsVersion >= $06010000;\nend;\n' "$i"; done
  echo '[Setup]'
  echo 'OnlyBelowVersion=6.0.6003'
} > "$TMP/huge.iss"
START=$(date +%s)
vg --format=json "$TMP/huge.iss"
expect_rc 1
js "d.findings.length === 1 && d.findings[0].location.line === 32004"
(( $(date +%s) - START < 30 )) || fail "huge file too slow"

# stdin as an .iss file.
set +e
printf '[Setup]\nOnlyBelowVersion=6.0.6003\n' | "$VERGUARD" --stdin-filename setup.iss --format=json > "$TMP/out" 2>"$TMP/err"
RC=$?
set -e
expect_rc 1
js "d.findings.length === 1 && d.findings[0].ruleId === 'VG001'"
