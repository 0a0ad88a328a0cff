# `verguard rules` lists the rules; `verguard explain` prints their docs.
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
