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
