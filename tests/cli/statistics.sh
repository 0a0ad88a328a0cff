# --statistics (issue 15, item 11): counts per rule instead of the findings,
# as a table or JSON; the exit code is the same as without it.
source "$(dirname "$0")/lib.sh"
cd "$VERGUARD_SOURCE_DIR"
vg --format=json test-corpus/powershell
expect_rc 1
cp "$TMP/out" "$TMP/full.json"
vg --statistics --format=json test-corpus/powershell
expect_rc 1
cp "$TMP/out" "$TMP/stats.json"
node -e '
  const fs = require("fs");
  const full = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  const stats = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  const want = {};
  for (const f of full.findings) {
    want[f.ruleId] = want[f.ruleId] || {count: 0, fixable: 0};
    want[f.ruleId].count++;
    if (f.fix) want[f.ruleId].fixable++;
  }
  if (stats.length !== Object.keys(want).length) throw new Error("rows");
  for (let i = 1; i < stats.length; i++)
    if (stats[i].count > stats[i - 1].count) throw new Error("not sorted");
  for (const s of stats) {
    const w = want[s.ruleId];
    if (!w || w.count !== s.count || w.fixable !== s.fixable || !s.name)
      throw new Error("row " + JSON.stringify(s));
  }' "$TMP/full.json" "$TMP/stats.json" || fail "statistics do not match the findings"
# The table.
vg --statistics test-corpus/powershell
expect_rc 1
head -1 "$TMP/out" | grep -q '^count  rule   fixable  name$' || fail "table header: $(cat "$TMP/out")"
grep -Eq '^ +[0-9]+  VG001 +[0-9]+  build-comparison$' "$TMP/out" || fail "table row: $(cat "$TMP/out")"
! grep -q 'is true on' "$TMP/out" || fail "--statistics printed findings"
# Nothing to count: no rows, exit 0.
vg --statistics test-corpus/powershell/silent-ge-checks.ps1
expect_rc 0
[[ ! -s $TMP/out ]] || fail "rows without findings: $(cat "$TMP/out")"
# A format that cannot hold statistics is refused.
vg --statistics --format=sarif test-corpus/powershell
expect_rc 2
grep -q -- '--statistics' "$TMP/err" || fail "no message for --statistics --format=sarif"
