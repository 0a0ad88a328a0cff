# Exit codes: 0 no findings, 1 findings, 2 usage error; bad input files do not
# turn a run into 2.
source "$(dirname "$0")/lib.sh"
vg --quiet "$CORPUS/cpp/silent-correct-checks.cpp"
expect_rc 0
vg --quiet "$CORPUS/cpp/VG001-getversion.cpp"
expect_rc 1
vg --no-such-option x.cpp
expect_rc 2
vg
expect_rc 2
vg --format=xml a.cpp
expect_rc 2
vg --bump no-such-bump "$CORPUS/cpp"
expect_rc 2
grep -q "unknown bump" "$TMP/err" || fail "no message for an unknown bump"
vg --exit-zero "$CORPUS/cpp/VG001-getversion.cpp"
expect_rc 0
# A missing file is reported by name; other files still analyzed.
vg --quiet "$TMP/missing.cpp" "$CORPUS/cpp/VG001-getversion.cpp"
expect_rc 1
grep -q "missing.cpp: error: cannot read" "$TMP/out" || fail "missing file not named: $(cat "$TMP/out")"
grep -q "VG001-getversion.cpp:15" "$TMP/out" || fail "other file's findings lost"
