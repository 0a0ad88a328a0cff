# WiX sources (.wxs, .wxi) end to end: MSI and Burn conditions found in text
# and SARIF, fixed on a copy with the XML's escaping, suppressions in XML
# comments, includes, bad input (binary, UTF-16, invalid UTF-8, unreadable
# conditions, a huge file, a very long line), the prefilter and the cache.
source "$(dirname "$0")/lib.sh"
mkdir -p "$TMP/t"
cp "$CORPUS/wix/"*.wxs "$CORPUS/wix/"*.wxi "$TMP/t/"
rm -f "$TMP/t/"*.fixed.wxs

# Text: file:line:col, the rule, the condition.
vg "$TMP/t/VG001-launch-conditions.wxs"
expect_rc 1
grep -q "VG001-launch-conditions.wxs:11:[0-9]*: error: .*\[VG001\]" "$TMP/out" || fail "text: $(cat "$TMP/out")"
[[ $(grep -c "\[VG001\]" "$TMP/out") == 5 ]] || fail "text count: $(cat "$TMP/out")"

# SARIF validates and names the rule and the region.
SARIF_TOOL="$NODE_MODULES/@microsoft/sarif-multitool-linux/Sarif.Multitool"
vg --format=sarif -o "$TMP/r.sarif" "$TMP/t/VG001-v4-attributes.wxs"
expect_rc 1
"$SARIF_TOOL" validate "$TMP/r.sarif" -o "$TMP/v.sarif" > "$TMP/validate.log" 2>&1 || fail "SARIF: $(cat "$TMP/validate.log")"
node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).runs[0].results;
const lines = r.map(x => x.ruleId + "@" + x.locations[0].physicalLocation.region.startLine).sort();
const want = ["VG001@13", "VG001@18", "VG001@28", "VG001@32", "VG001@37", "VG001@7"].sort();
if (JSON.stringify(lines) !== JSON.stringify(want)) { console.error(lines); process.exit(1); }' "$TMP/r.sarif" || fail "SARIF results"

# --fix on a copy: `&lt;` in attributes and text, `<` in CDATA, OR joins;
# nothing left after, and a second --fix changes nothing.
cp "$TMP/t/VG001-launch-conditions.wxs" "$TMP/fix.wxs"
vg --fix --quiet "$TMP/fix.wxs"
grep -q 'WindowsBuild &lt;= 6003</Condition>' "$TMP/fix.wxs" || fail "fix text: $(cat "$TMP/fix.wxs")"
grep -q 'CDATA\[VersionNT = 600 AND (WindowsBuild = 6002 OR WindowsBuild = 6003)\]\]' "$TMP/fix.wxs" ||
  grep -q 'CDATA\[VersionNT = 600 AND WindowsBuild >= 6002\]\]' "$TMP/fix.wxs" || fail "fix CDATA: $(cat "$TMP/fix.wxs")"
cp "$TMP/fix.wxs" "$TMP/fix1.wxs"
vg --fix --quiet "$TMP/fix.wxs"
cmp -s "$TMP/fix.wxs" "$TMP/fix1.wxs" || fail "second --fix changed the file"
vg "$TMP/fix.wxs"
expect_rc 0

# Suppressions in XML comments: on the line before and on the line.
vg --format=json "$TMP/t/VG001-suppressed.wxs"
expect_rc 0
js "d.summary.suppressed === 2 && d.findings.length === 0"

# A missing include is a note naming the file; the rest is analyzed.
printf '<?include gone.wxi ?>\n<Wix><Product><Condition Message="m">WindowsBuild = 6002</Condition></Product></Wix>\n' > "$TMP/inc.wxs"
vg --format=json "$TMP/inc.wxs"
expect_rc 1
js "d.diagnostics.some(x => x.file.endsWith('inc.wxs') && x.line === 1 && x.column === 1 && x.message.startsWith('include file') && x.message.includes('gone.wxi'))"
js "d.findings.length === 1 && d.findings[0].location.line === 2"

# Bad input: binary, invalid UTF-8, an unreadable condition, UTF-16.
mkdir -p "$TMP/bad"
printf '<Wix>\0\1\2\3</Wix>' > "$TMP/bad/bin.wxs"
printf '<Wix><Product><Condition Message="\xff\xfe\xc3">WindowsBuild = 6002</Condition></Product></Wix>\n' > "$TMP/bad/latin.wxs"
printf '<Wix><Product>\n<Condition Message="m">WindowsBuild = = 6002</Condition>\n<Condition Message="m">WindowsBuild &lt;= 6002</Condition></Product></Wix>\n' > "$TMP/bad/cond.wxs"
printf '<Wix><Product><Condition Message="m">WindowsBuild &lt;= 6002</Condition></Product></Wix>\r\n' |
  iconv -f UTF-8 -t UTF-16LE | { printf '\xff\xfe'; cat; } > "$TMP/bad/u16.wxs"
vg --format=json "$TMP/bad"
expect_rc 1
grep -q "bin.wxs: warning: .*binary" "$TMP/err" || fail "binary not named: $(cat "$TMP/err")"
js "d.findings.some(f => f.location.file.endsWith('latin.wxs'))"
js "d.diagnostics.some(x => x.file.endsWith('cond.wxs') && x.line === 2 && x.column === 39 && x.message.startsWith('cannot read this Windows Installer condition'))"
js "d.findings.some(f => f.location.file.endsWith('cond.wxs') && f.location.line === 3)"
js "d.findings.some(f => f.location.file.endsWith('u16.wxs') && f.location.line === 1)"
vg --fix --quiet "$TMP/bad/u16.wxs"
head -c 2 "$TMP/bad/u16.wxs" | od -An -tx1 | grep -q 'ff fe' || fail "BOM lost"
iconv -f UTF-16 -t UTF-8 "$TMP/bad/u16.wxs" | grep -q 'WindowsBuild &lt;= 6003' || fail "UTF-16 fix"

# A huge file and a very long line: analyzed, the check after them found.
{ echo '<Wix><Product>'
  for i in $(seq 1 20000); do echo "<Property Id=\"P$i\" Value=\"$i\"/>"; done
  printf '<Property Id="LONG" Value="%090000d"/>\n' 0
  echo '<Condition Message="m">WindowsBuild = 6002</Condition></Product></Wix>'; } > "$TMP/huge.wxs"
start=$(date +%s)
vg --format=json "$TMP/huge.wxs"
expect_rc 1
js "d.findings.length === 1 && d.findings[0].location.line === 20003"
(( $(date +%s) - start < 30 )) || fail "huge file took too long"

# The prefilter and the cache change nothing.
vg --format=json --no-cache "$TMP/t"
cp "$TMP/out" "$TMP/with.json"
vg --format=json --no-cache --no-prefilter "$TMP/t"
node -e "
const a = JSON.parse(require('fs').readFileSync('$TMP/with.json')).findings.map(f => f.fingerprint).sort();
const b = JSON.parse(require('fs').readFileSync('$TMP/out')).findings.map(f => f.fingerprint).sort();
if (a.length < 15 || JSON.stringify(a) !== JSON.stringify(b)) { console.error(a.length, b.length); process.exit(1); }
" || fail "--no-prefilter differs on WiX"
export XDG_CACHE_HOME="$TMP/cache"
vg --format=json "$TMP/t"
cp "$TMP/out" "$TMP/first.json"
# The include is a dependency: changing it changes the verdict.
vg --format=json "$TMP/t"
cmp -s <(node -e "console.log(JSON.stringify(JSON.parse(require('fs').readFileSync('$TMP/first.json')).findings))") \
       <(node -e "console.log(JSON.stringify(JSON.parse(require('fs').readFileSync('$TMP/out')).findings))") ||
  fail "cached run differs"
sed -i 's/LastVistaBuild = 6002/LastVistaBuild = 7601/' "$TMP/t/Builds.wxi"
vg --format=json "$TMP/t"
js "!d.findings.some(f => f.location.file.endsWith('VG001-defines-and-properties.wxs') && f.location.line === 15)"
