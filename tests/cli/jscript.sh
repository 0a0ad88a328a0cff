# WSH JScript end to end: the corpus through every layer (text, JSON, SARIF,
# --fix on a copy), .js files without Windows Script Host objects skipped
# before parsing and counted, .jse noted, JScript blocks of .wsf/.hta at the
# file's own lines, bad input named and skipped.
source "$(dirname "$0")/lib.sh"
mkdir "$TMP/js"
cp "$CORPUS/jscript/VG001-registry.js" "$TMP/js/reg.js"
cp "$CORPUS/jscript/VG001-wsf-job.wsf" "$TMP/js/job.wsf"
printf 'var x = 1;\nif (document.title == "6002") { console.log(6002); }\n' > "$TMP/js/web.js"
printf '#@~^AAAAAA==encoded==^#~@' > "$TMP/js/enc.jse"
printf 'var s = WScript;\n\0\0\0\1\2binary' > "$TMP/js/binary.js"
printf 'var sh = new ActiveXObject("WScript.Shell"); // caf\xe9\nvar b = sh.RegRead("HKLM\\\\SOFTWARE\\\\Microsoft\\\\Windows NT\\\\CurrentVersion\\\\CurrentBuild");\nif (b == 6002) {}\n' > "$TMP/js/ansi.js"
printf 'var sh = new ActiveXObject("WScript.Shell");\nvar x = ;\nvar b = sh.RegRead("HKLM\\\\SOFTWARE\\\\Microsoft\\\\Windows NT\\\\CurrentVersion\\\\CurrentBuild");\nif (b <= 6002) {}\n' > "$TMP/js/broken.js"

# Text: findings with file:line:col, the skip counted in the summary.
vg "$TMP/js"
expect_rc 1
grep -q "reg.js:9:5: error: .*VG001" "$TMP/out" || fail "text finding: $(cat "$TMP/out")"
grep -q "job.wsf:12:11: .*VG001" "$TMP/out" || fail "wsf block finding: $(cat "$TMP/out")"
grep -q "skipped: .*1 .js files without Windows Script Host objects" "$TMP/out" || fail "web skip not counted: $(cat "$TMP/out")"
grep -q "enc.jse:1:1: note: encoded JScript" "$TMP/out" "$TMP/err" || fail ".jse not noted: $(cat "$TMP/out" "$TMP/err")"
grep -q "binary.js: warning: .*binary" "$TMP/err" || fail "binary not reported: $(cat "$TMP/err")"

# JSON: the same, the skipped file listed with --verbose.
vg --format=json --verbose "$TMP/js"
expect_rc 1
js "d.findings.filter(f => f.location.file.endsWith('reg.js')).length === 4"
js "d.findings.some(f => f.location.file.endsWith('ansi.js') && f.location.line === 3)"
js "d.findings.some(f => f.location.file.endsWith('broken.js') && f.location.line === 4)"
js "d.diagnostics.some(x => x.file.endsWith('broken.js') && x.line === 2 && x.message.startsWith('parse error'))"
js "d.summary.skipped['.js files without Windows Script Host objects'] === 1"
js "d.summary.skippedFiles['.js files without Windows Script Host objects'].some(p => p.endsWith('web.js'))"
js "!d.findings.some(f => f.location.file.endsWith('web.js'))"
grep -q "verguard: skipped (.js files without Windows Script Host objects): .*web.js" "$TMP/err" || fail "skipped file not listed with --verbose: $(cat "$TMP/err")"

# SARIF: the findings with their rule ids.
vg --format=sarif "$TMP/js/reg.js"
expect_rc 1
js "d.runs[0].results.length === 4 && d.runs[0].results.some(r => r.ruleId === 'VG003')"

# --fix on a copy: the proven fix in JScript syntax, then nothing left.
cp "$CORPUS/jscript/VG001-switch.js" "$TMP/fix.js"
vg --fix --quiet "$TMP/fix.js"
grep -q "^    case 6003:$" "$TMP/fix.js" || fail "switch fix: $(cat "$TMP/fix.js")"
vg --format=json "$TMP/fix.js"
expect_rc 0
printf 'var os = new Enumerator(GetObject("winmgmts:").ExecQuery("SELECT * FROM Win32_OperatingSystem")).item();\nif (os.BuildNumber === "6002") {}\n' > "$TMP/strict.js"
vg --fix --quiet "$TMP/strict.js"
grep -q 'os.BuildNumber === "6002" || os.BuildNumber === "6003"' "$TMP/strict.js" || fail "strict fix: $(cat "$TMP/strict.js")"

# UTF-16 with a BOM: decoded, analyzed, fixed in its encoding.
fix_utf16 "$TMP/u16.js" 'var sh = new ActiveXObject("WScript.Shell");\r\nvar b = parseInt(sh.RegRead("HKLM\\\\SOFTWARE\\\\Microsoft\\\\Windows NT\\\\CurrentVersion\\\\CurrentBuild"), 10);\r\nif (b <= 6002) {}\r\n' 3 5 "b <= 6003"

# A file too large to parse, and one very long line: named, never a crash.
{ echo 'var sh = WScript.CreateObject("WScript.Shell");'; for i in $(seq 1 3000); do echo "var x$i = sh.RegRead(\"HKLM\\\\SOFTWARE\\\\Microsoft\\\\Windows NT\\\\CurrentVersion\\\\CurrentBuild\") == 6002;"; done; } > "$TMP/huge.js"
vg --format=json --max-script-tokens 5000 "$TMP/huge.js"
grep -q "huge.js: warning: about .* tokens" "$TMP/err" || fail "huge file not reported: $(cat "$TMP/err")"
{ printf 'var sh = WScript.CreateObject("WScript.Shell"); var s = "'; head -c 300000 /dev/zero | tr '\0' 'a'; printf '";\nif (sh.RegRead("HKLM\\\\SOFTWARE\\\\Microsoft\\\\Windows NT\\\\CurrentVersion\\\\CurrentBuild") == 6002) {}\n'; } > "$TMP/long.js"
vg --format=json "$TMP/long.js"
expect_rc 1
js "d.findings.length === 1 && d.findings[0].location.line === 2"

# The prefilter changes nothing on the corpus.
mkdir "$TMP/pf"
cp "$CORPUS/jscript/"*.js "$TMP/pf/"
rm -f "$TMP/pf/"*.fixed.js
same_without_prefilter "$TMP/pf" 25

# The result cache: a second run gives the same report from the cache.
# silent-web-code.js has no WSH object: skipped before parsing, not cached.
same_from_cache "$TMP/pf" $(($(ls "$TMP/pf" | wc -l) - 1))
