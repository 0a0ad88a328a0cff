# Baselines: only new findings are reported; fingerprints survive inserted
# lines and edits elsewhere; SARIF marks baselineState.
source "$(dirname "$0")/lib.sh"
cp "$CORPUS/cpp/VG001-getversion.cpp" "$TMP/a.cpp"
vg --write-baseline "$TMP/base.json" "$TMP/a.cpp"
expect_rc 0
vg --format=json --baseline "$TMP/base.json" "$TMP/a.cpp"
expect_rc 0
js "d.findings.length === 0 && d.summary.baselined === 4"
# Insert lines at the top and edit an unrelated line: still known.
{ printf '// a new header comment\n// and another\n\n'; sed 's/DWORD major = /DWORD major  = /' "$CORPUS/cpp/VG001-getversion.cpp"; } > "$TMP/a.cpp"
vg --format=json --baseline "$TMP/base.json" "$TMP/a.cpp"
expect_rc 0
js "d.findings.length === 0"
# A new fragile check is reported, and only it.
printf 'bool NewCheck(OSVERSIONINFOW &o) { return o.dwBuildNumber <= 6002; }\n' >> "$TMP/a.cpp"
vg --format=json --baseline "$TMP/base.json" "$TMP/a.cpp"
expect_rc 1
js "d.findings.length === 1 && d.findings[0].function === 'NewCheck' && d.findings[0].baselineState === 'new'"
vg --format=sarif --baseline "$TMP/base.json" "$TMP/a.cpp"
js "d.runs[0].results.filter(r => r.baselineState === 'unchanged').length === 4"
js "d.runs[0].results.filter(r => r.baselineState === 'new').length === 1"
echo 'not json' > "$TMP/bad.json"
vg --baseline "$TMP/bad.json" "$TMP/a.cpp"
expect_rc 2
grep -q "bad.json: not a verguard baseline" "$TMP/err" || fail "bad baseline not named"
