# C# end to end: the corpus's guards through every layer (text, SARIF,
# --fix on a copy), bad input named and skipped, UTF-16 and Windows-1252
# text, the prefilter, the result cache, suppressions and baselines on .cs.
source "$(dirname "$0")/lib.sh"
cp "$CORPUS/csharp/VG001-osversion.cs" "$TMP/good.cs"
printf 'using System;\n\0\0\0\1\2binary' > "$TMP/binary.cs"
: > "$TMP/empty.cs"
printf 'class C { void M() {\nif (System.Environment.OSVersion.Version.Build == 6002) {} // caf\xe9\n} }\n' > "$TMP/ansi.cs"
printf 'class B { void N() { int x = 1 +; f(; } }\nclass C { void M() {\nif (System.Environment.OSVersion.Version.Build <= 6002) {}\n} }\n' > "$TMP/broken.cs"
printf 'class C { void M() {\nif (System.Environment.OSVersion.Version.Build == 6002) {} // \xc3\x28 bad\n} }\n' > "$TMP/badutf8.cs"
vg --format=json "$TMP"
expect_rc 1
js "d.findings.filter(f => f.location.file.endsWith('good.cs')).length === 11"
grep -q "binary.cs: warning: .*binary" "$TMP/err" || fail "binary not reported: $(cat "$TMP/err")"
js "d.findings.some(f => f.location.file.endsWith('ansi.cs') && f.location.line === 2)"
js "d.findings.some(f => f.location.file.endsWith('badutf8.cs') && f.location.line === 2)"
js "d.findings.some(f => f.location.file.endsWith('broken.cs') && f.location.line === 3)"
js "d.diagnostics.some(d => d.file.endsWith('broken.cs') && d.line === 1 && d.message.startsWith('parse error'))"

# Text: file:line:col, rule, message.
vg "$TMP/good.cs"
expect_rc 1
grep -q "good.cs:14:17: error: .*\[VG001\]" "$TMP/out" || fail "text report: $(head -5 "$TMP/out")"

# SARIF names the rule and the C# file.
vg --format=sarif "$TMP/good.cs"
js "d.runs[0].results.length === 11 && d.runs[0].results.filter(r => r.ruleId === 'VG002').length === 2"
js "d.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri.endsWith('good.cs')"

# --fix on a copy writes C# and leaves nothing fixable behind.
cp "$TMP/good.cs" "$TMP/fix.cs"
vg --fix --quiet "$TMP/fix.cs"
grep -q "Environment.OSVersion.Version.Build <= 6003" "$TMP/fix.cs" || fail "fix: $(cat "$TMP/fix.cs")"
grep -q "v.Build is 6002 or 6003" "$TMP/fix.cs" || fail "pattern fix: $(cat "$TMP/fix.cs")"
vg --format=json "$TMP/fix.cs"
js "d.findings.every(f => !f.fix)"

# UTF-16 with a BOM is decoded and analyzed; its fix keeps the encoding.
fix_utf16 "$TMP/u16.cs" 'class C { void M() {\r\nif (System.Environment.OSVersion.Version.Build <= 6002) {}\r\n} }\r\n' 2 5 "Build <= 6003)"

# A file too large to parse is skipped with a message naming it; a very
# long line is analyzed.
{ echo 'class C { void M() {'; for i in $(seq 1 3000); do echo "var x$i = System.Environment.OSVersion.Version.Build == 6002;"; done; echo '} }'; } > "$TMP/huge.cs"
vg --format=json --max-script-tokens 5000 "$TMP/huge.cs"
grep -q "huge.cs: warning: about .* tokens" "$TMP/err" || fail "huge file not reported: $(cat "$TMP/err")"
{ printf 'class C { void M() { var s = "'; head -c 300000 /dev/zero | tr '\0' a; printf '"; if (System.Environment.OSVersion.Version.Build == 6002) {} } }\n'; } > "$TMP/long.cs"
vg --format=json "$TMP/long.cs"
expect_rc 1
js "d.findings.length === 1 && d.findings[0].location.line === 1"

# The prefilter skips a file without a bump literal and changes nothing.
mkdir "$TMP/pf"
cp "$CORPUS/csharp/"*.cs "$TMP/pf/"
rm "$TMP/pf/"*.fixed.cs
printf 'class C { void M() { if (System.Environment.OSVersion.Version.Build >= 9200) {} } }\n' > "$TMP/pf/nothing.cs"
same_without_prefilter "$TMP/pf" 30

# Baselines: recorded findings are not reported again.
vg --write-baseline "$TMP/base.json" "$TMP/pf"
expect_rc 0
vg --baseline "$TMP/base.json" "$TMP/pf"
expect_rc 0

# The result cache: a second run gives the same report from the cache.
# nothing.cs is skipped by the prefilter: no result to cache.
same_from_cache "$TMP/pf" $(($(ls "$TMP/pf" | wc -l) - 1))
