# The JSON report follows the schema in the README; the text report is
# file:line:col: severity: message [rule] with source, caret and fix.
source "$(dirname "$0")/lib.sh"
cd "$CORPUS/cpp"
vg --format=json VG001-getversionex.cpp
expect_rc 1
js "d.version === 1 && d.tool.name === 'verguard' && d.summary.files === 1"
js "d.findings.length === 13 && d.findings.every(f => f.ruleId === 'VG001' && f.location.file === 'VG001-getversionex.cpp')"
js "d.findings[0].location.line === 22 && d.findings[0].location.column === 66 && d.findings[0].severity === 'error'"
js "d.findings[0].fix.edits[0].replacement === '>=' && d.findings[0].function === 'IsServer2008Sp2'"
vg VG001-getversionex.cpp
grep -q "^VG001-getversionex.cpp:22:66: error: .*\[VG001\]$" "$TMP/out" || fail "text header: $(head -3 "$TMP/out")"
grep -q "^  fix: compare with >=" "$TMP/out" || fail "text fix line"
grep -q "^verguard: 13 findings (13 errors, 0 warnings), 13 with a proven fix, in 1 file" "$TMP/out" || fail "summary"
# A finding without a proven fix says so.
vg VG003-file-version.cpp
grep -q "no fix: " "$TMP/out" || fail "no-fix reason missing"
# Output order does not depend on -j.
cd "$CORPUS"
vg --format=json -j 1 . ; cp "$TMP/out" "$TMP/j1"
vg --format=json -j 2 . ; cmp -s "$TMP/out" "$TMP/j1" || fail "-j 1 and -j 2 differ"
# More threads than cores: every one of them takes part in both passes.
vg --format=json -j 5 . ; cmp -s "$TMP/out" "$TMP/j1" || fail "-j 1 and -j 5 differ"
# A file named again, inside a directory also named, is read once.
vg --format=json -j 2 cpp cpp/VG001-getversion.cpp ./cpp/../cpp/VG001-getversion.cpp
expect_rc 1
cp "$TMP/out" "$TMP/twice"
vg --format=json -j 2 cpp
cmp -s "$TMP/out" "$TMP/twice" || fail "a file named twice is analyzed twice"
js "d.findings.filter(f => f.location.file === 'cpp/VG001-getversion.cpp').length > 0"
# -j takes its value attached, as make and ninja do.
vg --format=json -j2 . ; cmp -s "$TMP/out" "$TMP/j1" || fail "-j2 and -j 1 differ"
vg --format=json -jx .
expect_rc 2
grep -q "'x' value invalid" "$TMP/err" || fail "-jx: $(cat "$TMP/err")"

# A test written as its own negation is quoted with its own values.
vg --format=json "$CORPUS/powershell/VG002-like.ps1"
js "d.findings.some(f => f.location.line === 16 && f.message.startsWith(\"\`\$dotnet -notlike '6.0.6002.*'\` is false on 6.0.6002\"))"
