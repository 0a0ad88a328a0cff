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
# A path named that does not exist is a usage error (exit 2, as ruff and
# shellcheck do), named on stderr; the other paths are still analyzed.
vg --quiet "$TMP/missing.cpp" "$CORPUS/cpp/VG001-getversion.cpp"
expect_rc 2
grep -q "missing.cpp: error: no such file or directory" "$TMP/err" || fail "missing file not named: $(cat "$TMP/err")"
grep -q "VG001-getversion.cpp:15" "$TMP/out" || fail "other file's findings lost"
vg --format=json "$TMP/missing-dir"
expect_rc 2
grep -q "missing-dir: error: no such file or directory" "$TMP/err" || fail "missing directory not named"
vg --exit-zero "$TMP/missing.cpp"
expect_rc 2
# A path named that cannot be read: as an unprivileged user (root reads
# anything), a file and a directory without permissions.
mkdir -p "$TMP/ro/locked-dir"
cp "$CORPUS/cpp/VG001-getversion.cpp" "$TMP/ro/locked.cpp"
chmod 000 "$TMP/ro/locked.cpp" "$TMP/ro/locked-dir"
chmod 755 "$TMP" "$TMP/ro"
as_nobody() { if [[ $(id -u) == 0 ]]; then setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"; else "$@"; fi; }
set +e; as_nobody "$VERGUARD" "$TMP/ro/locked.cpp" >"$TMP/out" 2>"$TMP/err"; RC=$?; set -e
expect_rc 2
grep -q "locked.cpp: error: cannot read: Permission denied" "$TMP/err" || fail "unreadable file: $(cat "$TMP/err")"
set +e; as_nobody "$VERGUARD" "$TMP/ro/locked-dir" >"$TMP/out" 2>"$TMP/err"; RC=$?; set -e
expect_rc 2
grep -q "locked-dir: error: cannot read: Permission denied" "$TMP/err" || fail "unreadable directory: $(cat "$TMP/err")"
# A directory without a file verguard reads says so (exit 0, like ruff).
mkdir -p "$TMP/docs" && echo "# notes" > "$TMP/docs/README.md"
vg "$TMP/docs"
expect_rc 0
grep -q "docs: warning: no C/C++, C#, PowerShell, VBScript, VBA/VB6, batch, NSIS, Inno Setup, Python, JScript or WiX file (by extension)$" "$TMP/err" || fail "empty directory: $(cat "$TMP/err")"
# ... and when git ignores every one, that too.
git init -q "$TMP/repo" && mkdir "$TMP/repo/gen" && echo '*.gen.cpp' > "$TMP/repo/.gitignore"
cp "$CORPUS/cpp/VG001-getversion.cpp" "$TMP/repo/gen/a.gen.cpp"
vg "$TMP/repo/gen"
expect_rc 0
grep -q "gen: warning: no C/C++, C#, PowerShell, VBScript, VBA/VB6, batch, NSIS, Inno Setup, Python, JScript or WiX file (by extension) that git does not ignore (1 ignored; see --no-ignore)" "$TMP/err" || fail "ignored-only directory: $(cat "$TMP/err")"
# `verguard version` is a command, not a path.
vg version
expect_rc 0
grep -q "^verguard [0-9.]* (LLVM" "$TMP/out" || fail "version: $(cat "$TMP/out") $(cat "$TMP/err")"
