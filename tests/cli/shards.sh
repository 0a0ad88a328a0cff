# Shards and merge (issue 14, item 7): `--shard K/N` splits the files by a
# hash of their path; `verguard merge` joins the shards' JSON or SARIF
# reports into the report of a single run, summary and exit code included.
source "$(dirname "$0")/lib.sh"
cd "$VERGUARD_SOURCE_DIR"
export XDG_CACHE_HOME="$TMP/xdg"
# The single run, in every format compared.
for f in json sarif text; do
  vg --format=$f test-corpus
  expect_rc 1
  cp "$TMP/out" "$TMP/single.$f"
  cp "$TMP/err" "$TMP/single.$f.err"
done
# Three shards: each a part, together every file once.
total=0
for k in 1 2 3; do
  vg --shard $k/3 --format=json -o "$TMP/s$k.json" test-corpus
  [[ $RC == 0 || $RC == 1 ]] || fail "shard $k exited $RC: $(cat "$TMP/err")"
  n=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).summary.files)' "$TMP/s$k.json")
  [[ $n -gt 10 ]] || fail "shard $k has only $n files"
  total=$((total + n))
  vg --shard $k/3 --format=sarif -o "$TMP/s$k.sarif" test-corpus
done
all=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).summary.files)' "$TMP/single.json")
[[ $total == "$all" ]] || fail "shards hold $total files, the tree $all"
# Merged, from JSON and from SARIF, in every format: the single run's report.
for in in json sarif; do
  for f in json sarif text; do
    vg merge --format=$f "$TMP/s1.$in" "$TMP/s2.$in" "$TMP/s3.$in"
    expect_rc 1
    cmp -s "$TMP/out" "$TMP/single.$f" ||
      fail "merge of $in shards as $f differs: $(diff "$TMP/single.$f" "$TMP/out" | head -20)"
  done
done
# -o, and a mix of formats in another order.
vg merge -o "$TMP/merged.json" --format=json "$TMP/s3.sarif" "$TMP/s1.json" "$TMP/s2.sarif"
expect_rc 1
cmp -s "$TMP/merged.json" "$TMP/single.json" || fail "mixed merge differs"
# A configuration's pattern matches files of some shards only: no shard
# calls it unused (a pattern that matches nothing is still reported once).
P="$TMP/proj"
mkdir -p "$P/legacy" "$P/src"
printf 'exclude: ["legacy/old*.ps1", "nothing/**"]\n' > "$P/.verguard.yaml"
for i in 1 2 3 4 5 6; do
  write_os_ps1 "$P/src/s$i.ps1"
  write_os_ps1 "$P/legacy/old$i.ps1"
done
write_os_ps1 "$P/legacy/kept.ps1"
vg --format=json "$P"
expect_rc 1
cp "$TMP/out" "$TMP/proj-single.json"
js 'd.diagnostics.length === 1 && d.diagnostics[0].message.includes("nothing/**")'
for k in 1 2 3; do
  vg --shard $k/3 --format=json -o "$TMP/p$k.json" "$P"
done
vg merge --format=json "$TMP/p1.json" "$TMP/p2.json" "$TMP/p3.json"
expect_rc 1
cmp -s "$TMP/out" "$TMP/proj-single.json" ||
  fail "shards of a configured tree differ: $(diff "$TMP/proj-single.json" "$TMP/out" | head -20)"
# The exit code follows --fail-on and --exit-zero as for a run.
vg --fail-on=error --format=json test-corpus/powershell/silent-ge-checks.ps1
single_rc=$RC
vg --shard 1/2 --format=json -o "$TMP/q1.json" test-corpus/powershell/silent-ge-checks.ps1
vg --shard 2/2 --format=json -o "$TMP/q2.json" test-corpus/powershell/silent-ge-checks.ps1
vg merge --fail-on=error "$TMP/q1.json" "$TMP/q2.json"
[[ $RC == "$single_rc" ]] || fail "merge exited $RC, the run $single_rc"
vg merge --exit-zero "$TMP/s1.json" "$TMP/s2.json" "$TMP/s3.json"
expect_rc 0
# A path that is not there: exit 2 in the run, in the shards and the merge.
vg --format=json -o "$TMP/bad1.json" --shard 1/2 test-corpus/powershell "$TMP/nope"
expect_rc 2
vg --format=json -o "$TMP/bad2.json" --shard 2/2 test-corpus/powershell "$TMP/nope"
vg merge "$TMP/bad1.json" "$TMP/bad2.json"
expect_rc 2
# Bad input is named.
echo '{"runs": 3' > "$TMP/broken.json"
vg merge "$TMP/s1.json" "$TMP/broken.json"
expect_rc 2
grep -q "broken.json: not JSON" "$TMP/err" || fail "broken report: $(cat "$TMP/err")"
echo '{"version": 1}' > "$TMP/other.json"
vg merge "$TMP/other.json"
expect_rc 2
grep -q "other.json: summary: missing" "$TMP/err" || fail "foreign report: $(cat "$TMP/err")"
vg merge "$TMP/missing.json"
expect_rc 2
grep -q "missing.json: cannot read" "$TMP/err" || fail "missing report: $(cat "$TMP/err")"
for s in 0/3 4/3 x 3; do
  vg --shard "$s" test-corpus
  expect_rc 2
  grep -q -- "--shard $s: not K/N" "$TMP/err" || fail "--shard $s: $(cat "$TMP/err")"
done
vg merge --fix "$TMP/s1.json"
expect_rc 2
echo "shards: ok"
