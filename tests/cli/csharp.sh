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

# VerifyVersionInfo through P/Invoke (VG004): found, and --fix writes the
# condition the class declares.
cp "$CORPUS/csharp/VG004-verifyversioninfo.cs" "$TMP/vvi.cs"
vg --format=json --no-cache "$TMP/vvi.cs"
expect_rc 1
js "d.findings.length === 5 && d.findings.every(f => f.ruleId === 'VG004')"
vg --fix --quiet --no-cache "$TMP/vvi.cs"
grep -q "mask = VerSetConditionMask(mask, VER_BUILDNUMBER, VER_GREATER_EQUAL);" "$TMP/vvi.cs" ||
  fail "VG004 fix: $(grep -n VerSetConditionMask "$TMP/vvi.cs")"
grep -q "if (IsAtMostBuild(6003))" "$TMP/vvi.cs" || fail "VG004 fix at the call: $(grep -n IsAtMostBuild "$TMP/vvi.cs")"

# Values declared in another file of the project: the enum's file is read
# (parsed without findings of its own), under the default prefilter too,
# and an edit of it changes the finding, through the result cache and the
# stat index alike.
P="$TMP/proj"
mkdir -p "$P/Lib" "$P/App"
touch "$P/Proj.sln"
cat > "$P/Lib/Enums.cs" <<'CS'
public enum WindowsBuilds : int
{
    Vista_SP2 = 6002,
    Win11_22H2 = 22621,
}
CS
cat > "$P/App/Check.cs" <<'CS'
using System;
static class Check
{
    static bool Sp2() => Environment.OSVersion.Version.Build == (int)WindowsBuilds.Vista_SP2;
}
CS
vg --format=json --no-cache "$P"
expect_rc 1
js "d.findings.length === 1 && d.findings[0].location.file.endsWith('Check.cs') && d.findings[0].location.line === 4"
cp "$TMP/out" "$TMP/default.json"
vg --format=json --no-cache --no-prefilter "$P"
cmp -s "$TMP/out" "$TMP/default.json" || fail "--no-prefilter differs across files: $(diff "$TMP/out" "$TMP/default.json")"
without_cache() { # what: the cached run's findings are those of a run without
  "$VERGUARD" --no-cache --format=json "$P" > "$TMP/ref.json" 2>/dev/null || true
  cmp -s "$TMP/out" "$TMP/ref.json" || fail "$1: $(diff "$TMP/out" "$TMP/ref.json" | head)"
}
export XDG_CACHE_HOME="$TMP/cache2"
vg --format=json "$P"
without_cache "cold"
sleep 0.05
vg --format=json "$P"
without_cache "warm"
js "d.findings.length === 1"
# The enum's value moves out of the bump while its file still holds 6002 (so
# Check.cs passes the prefilter): no finding, though Check.cs is unchanged
# (its cached result depended on Enums.cs).
sleep 0.05
sed -i 's/Vista_SP2 = 6002,/Vista_SP2 = 7601, Unused = 6002,/' "$P/Lib/Enums.cs"
vg --format=json "$P"
expect_rc 0
without_cache "enum edited"
js "d.findings.length === 0"
# No bump literal left there: Check.cs is left out by the prefilter, and
# that verdict (in the stat index) depends on Enums.cs.
sleep 0.05
sed -i 's/Vista_SP2 = 7601, Unused = 6002,/Vista_SP2 = 7601,/' "$P/Lib/Enums.cs"
vg --format=json "$P"
expect_rc 0
without_cache "bump literal removed"
sleep 0.05
vg --format=json "$P"
expect_rc 0
# ... and back: Check.cs, left out by the prefilter meanwhile, is read again.
sleep 0.05
sed -i 's/Vista_SP2 = 7601,/Vista_SP2 = 6002,/' "$P/Lib/Enums.cs"
vg --format=json "$P"
expect_rc 1
without_cache "enum edited back"
js "d.findings.length === 1 && d.findings[0].location.file.endsWith('Check.cs')"

# A type declared in a UTF-16 file of the project: the project's index and
# the prefilter read that file decoded, as they read the file itself.
P16="$TMP/proj16"
mkdir -p "$P16"
touch "$P16/Proj.csproj"
{ printf '\xff\xfe'; printf 'public static class Builds\r\n{\r\n    public const int Sp2 = 6002;\r\n}\r\n' | iconv -f UTF-8 -t UTF-16LE; } > "$P16/Builds.cs"
cat > "$P16/Check.cs" <<'CS'
using System;
static class Check
{
    static bool Sp2() => Environment.OSVersion.Version.Build == Builds.Sp2;
}
CS
vg --format=json --no-cache "$P16"
expect_rc 1
js "d.findings.length === 1 && d.findings[0].location.file.endsWith('Check.cs') && d.findings[0].location.line === 4"
same_without_prefilter "$P16" 1

# A version field compared by name is a note where its value is written.
vg --format=json "$CORPUS/csharp/VG001-installer-session-and-version-text.cs"
expect_rc 1
js "d.findings.filter(f => f.related && f.related.length === 1 && f.related[0].location.line === 45 && f.related[0].message === '\`RebuildCutoff\` is defined here as version 6.0.6003').length === 1"
