# --fix writes atomically, keeps permissions and CRLF line endings, and
# --diff prints a patch that `git apply` accepts without changing anything.
source "$(dirname "$0")/lib.sh"
cd "$TMP"
sed 's/$/\r/' "$CORPUS/cpp/VG001-getversion.cpp" > crlf.cpp
chmod 640 crlf.cpp
cp crlf.cpp before.cpp
vg --diff crlf.cpp
expect_rc 1
cmp -s crlf.cpp before.cpp || fail "--diff changed the file"
cp "$TMP/out" patch.diff
git init -q repo && cp before.cpp repo/crlf.cpp && (cd repo && git apply ../patch.diff) || fail "git apply rejected the diff: $(cat patch.diff)"
vg --fix crlf.cpp
expect_rc 0
cmp -s crlf.cpp repo/crlf.cpp || fail "--fix and --diff disagree"
[[ $(stat -c %a crlf.cpp) == 640 ]] || fail "permissions not kept"
! grep -qv $'\r$' crlf.cpp || fail "a line lost its CRLF"
grep -q "(build & 0xFFFF) == 6003" crlf.cpp || fail "fix not applied"
ls | grep -q verguard- && fail "temporary file left behind"
vg crlf.cpp
expect_rc 0
