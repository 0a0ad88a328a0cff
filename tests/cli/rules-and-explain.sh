# `verguard rules` lists the rules (also as JSON); `verguard explain` prints
# their docs, by id or name; `verguard bumps` lists the bumps.
source "$(dirname "$0")/lib.sh"
vg rules
expect_rc 0
cp "$TMP/out" "$TMP/rules"
for r in VG001 VG002 VG003 VG004 VG005 VG100; do
  grep -q "^$r " "$TMP/rules" || fail "$r not listed"
  vg explain $r
  expect_rc 0
  grep -q "KB4489887" "$TMP/out" || fail "$r doc lacks the KB reference"
  grep -q "^# $r" "$TMP/out" || fail "$r doc title"
done
vg explain VG999
expect_rc 2
# Explained by name too, in any case.
vg explain build-comparison
expect_rc 0
grep -q "^# VG001" "$TMP/out" || fail "explain by name"
vg explain Unused-Suppression
expect_rc 0
grep -q "^# VG100" "$TMP/out" || fail "explain VG100 by name"
vg explain no-such-rule
expect_rc 2
grep -q "no rule 'no-such-rule'" "$TMP/err" || fail "explain: unknown name"
# The list says each rule's default severity and whether it can be fixed.
grep -q "^VG001  build-comparison  (error, fix sometimes)$" "$TMP/rules" || fail "rules: $(cat "$TMP/rules")"
grep -q "^VG100  unused-suppression  (warning, fix never)$" "$TMP/rules" || fail "rules VG100"
vg rules --format=json
expect_rc 0
js "d.length === 6 && d.map(r => r.id).join() === 'VG001,VG002,VG003,VG004,VG005,VG100'"
js "d.every(r => r.name && r.summary && ['error','warning','note'].includes(r.defaultSeverity) && ['sometimes','never'].includes(r.fix))"
js "d.find(r => r.id === 'VG100').defaultSeverity === 'warning' && d.find(r => r.id === 'VG100').fix === 'never'"
js "d.find(r => r.id === 'VG003').fix === 'sometimes'"
for doc in $(node -e 'for (const r of JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))) console.log(r.doc)' "$TMP/out"); do
  [[ -f $VERGUARD_SOURCE_DIR/$doc ]] || fail "rules --format=json names a doc that does not exist: $doc"
done
vg rules --format json
expect_rc 0
js "d.length === 6"
vg rules --format=xml
expect_rc 2
# bumps: ids, builds and descriptions, from rules/profiles.yaml.
vg bumps
expect_rc 0
grep -q "^sp2-6003  6002 -> 6003  (checked by default)$" "$TMP/out" || fail "bumps: $(cat "$TMP/out")"
grep -q "^win11-22621-22631  22621 -> 22631  (with --bump win11-22621-22631)$" "$TMP/out" || fail "bumps: enablement"
grep -q "KB4489887" "$TMP/out" || fail "bumps: description"
vg bumps --format=json
expect_rc 0
js "d.some(b => b.id === 'sp2-6003' && b.buildBefore === 6002 && b.buildAfter === 6003 && b.default === true)"
js "d.every(b => b.id && b.description && b.before && b.after)"
for id in $(node -e 'for (const b of JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))) console.log(b.id)' "$TMP/out"); do
  vg --bump "$id" "$VERGUARD_SOURCE_DIR/test-corpus/powershell/silent-ge-checks.ps1"
  [[ $RC != 2 ]] || fail "bumps lists '$id', which --bump refuses"
done
# --help names the subcommands and the bumps --bump takes.
vg --help
grep -q "verguard bumps" "$TMP/out" || fail "--help does not mention verguard bumps"
grep -q -- "--bump=<ID>.*win11-22621-22631" "$TMP/out" || fail "--help does not list the bumps"
