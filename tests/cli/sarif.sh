# SARIF 2.1.0 output validates with the SARIF multitool and carries what code
# scanning needs: rules with help, regions, fingerprints, fixes.
source "$(dirname "$0")/lib.sh"
SARIF_TOOL="$NODE_MODULES/@microsoft/sarif-multitool-linux/Sarif.Multitool"
[[ -x $SARIF_TOOL ]] || fail "SARIF multitool missing (tools/setup installs it)"
cd "$VERGUARD_SOURCE_DIR"
vg --format=sarif -o "$TMP/out" test-corpus
expect_rc 1
js "d.version === '2.1.0' && d.runs.length === 1"
js "d.runs[0].tool.driver.rules.length === 6 && d.runs[0].tool.driver.rules.every(r => r.helpUri && r.help.text.includes('KB4489887'))"
js "d.runs[0].results.length > 80"
js "d.runs[0].results.every(r => r.partialFingerprints['verguardFingerprint/v1'].length === 16)"
js "d.runs[0].results.every(r => r.locations[0].physicalLocation.artifactLocation.uriBaseId === '%SRCROOT%' && !r.locations[0].physicalLocation.artifactLocation.uri.startsWith('/'))"
js "d.runs[0].results.some(r => r.fixes && r.fixes[0].artifactChanges[0].replacements[0].insertedContent.text.includes('6003'))"
js "d.runs[0].automationDetails.id === 'verguard/'"
"$SARIF_TOOL" validate "$TMP/out" -o "$TMP/validation.sarif" > "$TMP/validate.log" 2>&1 || fail "validator failed: $(cat "$TMP/validate.log")"
cp "$TMP/validation.sarif" "$TMP/out"
js "(d.runs[0].results || []).filter(r => r.level === 'error').length === 0"
# The validator does catch a broken log (so the check above can fail).
echo '{"version":"2.1.0","runs":[{"results":[]}]}' > "$TMP/broken.sarif"
"$SARIF_TOOL" validate "$TMP/broken.sarif" -o "$TMP/v2.sarif" > /dev/null 2>&1 || true
cp "$TMP/v2.sarif" "$TMP/out"
js "(d.runs[0].results || []).filter(r => r.level === 'error').length > 0"
# Past the per-run limit the log is truncated, with a warning on stderr and a
# notification in the log.
cd "$VERGUARD_SOURCE_DIR"
vg --format=sarif --sarif-max-results 3 test-corpus/cpp
expect_rc 1
js "d.runs[0].results.length === 3"
js "d.runs[0].invocations[0].toolExecutionNotifications.some(n => n.message.text.startsWith('results truncated at 3 of'))"
grep -q "SARIF results truncated at 3" "$TMP/err" || fail "no truncation warning"
# Every rule's helpUri names a doc that exists (VG100 included).
cd "$VERGUARD_SOURCE_DIR"
vg --format=sarif test-corpus/powershell
for uri in $(node -e 'for (const r of JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).runs[0].tool.driver.rules) console.log(r.helpUri)' "$TMP/out"); do
  [[ $uri == https://github.com/verguard/verguard/blob/main/rules/* ]] || fail "helpUri $uri"
  [[ -f rules/${uri##*/rules/} ]] || fail "helpUri $uri names no file in rules/"
done
js "d.runs[0].tool.driver.rules.find(r => r.id === 'VG100').helpUri.endsWith('/rules/VG100-unused-suppression.md')"
# Suppressed findings are results with an inSource suppression (and its
# justification); the log still validates.
mkdir -p "$TMP/s"
cat > "$TMP/s/s.ps1" <<'PS'
$os = Get-CimInstance Win32_OperatingSystem
# verguard: ignore[VG001] SP2-only installer, removed in 2027
if ($os.BuildNumber -eq 6002) { 'sp2' }
if ($os.Version -like '6.0.6002*') { 'sp2' } <# verguard: ignore #>

if ($os.BuildNumber -le 6002) { 'old' }
PS
cd "$TMP/s"
vg --format=sarif -o "$TMP/out" s.ps1
expect_rc 1
js "d.runs[0].results.length === 3"
js "d.runs[0].results.filter(r => r.suppressions).length === 2"
js "!d.runs[0].results.find(r => r.locations[0].physicalLocation.region.startLine === 6).suppressions"
js "(s => s.kind === 'inSource' && s.status === 'accepted' && s.justification === 'SP2-only installer, removed in 2027' && s.location.physicalLocation.region.startLine === 2)(d.runs[0].results.find(r => r.locations[0].physicalLocation.region.startLine === 3).suppressions[0])"
js "(s => s.kind === 'inSource' && s.justification === undefined && s.location.physicalLocation.region.startLine === 4)(d.runs[0].results.find(r => r.ruleId === 'VG002').suppressions[0])"
js "d.runs[0].results.every(r => r.partialFingerprints['verguardFingerprint/v1'].length === 16)"
"$SARIF_TOOL" validate "$TMP/out" -o "$TMP/validation2.sarif" > "$TMP/validate.log" 2>&1 || fail "validator failed: $(cat "$TMP/validate.log")"
cp "$TMP/validation2.sarif" "$TMP/out"
js "(d.runs[0].results || []).filter(r => r.level === 'error').length === 0"
# Text and JSON still leave suppressed findings out.
vg --format=json s.ps1
js "d.findings.length === 1 && d.summary.suppressed === 2"
