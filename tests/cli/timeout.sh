# A per-file time limit: one pathological file cannot stall a run, and a hit
# is reported by name; the other files' results are intact.
source "$(dirname "$0")/lib.sh"
{ echo '$os = Get-CimInstance Win32_OperatingSystem'
  awk 'BEGIN { for (i = 0; i < 150000; i++) print "if ($os.BuildNumber -eq \047" "6002\047) { \047sp2\047 }" }'; } > "$TMP/big.ps1"
cp "$CORPUS/cpp/VG001-getversion.cpp" "$TMP/small.cpp"
start=$(date +%s)
vg --format=json --timeout 1 --max-script-tokens 0 "$TMP/big.ps1" "$TMP/small.cpp"
took=$(( $(date +%s) - start ))
[[ $took -lt 30 ]] || fail "the time limit did not stop the run ($took s)"
grep -q "big.ps1: warning: time limit of 1 s reached" "$TMP/err" || fail "time limit not reported: $(cat "$TMP/err")"
js "d.findings.filter(f => f.location.file.endsWith('small.cpp')).length === 4"
# Without a limit a file is analyzed completely.
head -3001 "$TMP/big.ps1" > "$TMP/medium.ps1"
vg --format=json --timeout 0 "$TMP/medium.ps1"
expect_rc 1
js "d.findings.length === 3000"

# Memory: a script with too many tokens is skipped with a message naming it
# (tree-sitter needs about 2 KB per token); the limit is configurable.
vg --format=json --max-script-tokens 100000 "$TMP/big.ps1" "$TMP/small.cpp"
grep -q "big.ps1: warning: about [0-9]* tokens, more than the limit of 100000" "$TMP/err" || fail "token limit not reported: $(cat "$TMP/err")"
js "d.findings.filter(f => f.location.file.endsWith('small.cpp')).length === 4"
vg --format=json "$TMP/medium.ps1"
js "d.findings.length === 3000"
