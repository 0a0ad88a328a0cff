# --fix and the file system: a symlink keeps pointing at its fixed target;
# hard links all see the fix; a read-only file is left alone and reported;
# "fixed N" counts what was written; what remains is reported as in a normal
# run (and -o writes that report); --diff -o writes the patch, and --diff
# exits 1 when it has changes.
source "$(dirname "$0")/lib.sh"
cd "$TMP"
SRC="$CORPUS/cpp/VG001-getversion.cpp"   # 4 findings, all with a fix
# A symlink: the target is fixed, the link stays a link.
mkdir real links
cp "$SRC" real/t.cpp
ln -s ../real/t.cpp links/l.cpp
vg --fix links/l.cpp
expect_rc 0
[[ -L links/l.cpp ]] || fail "the symlink was replaced by a file"
grep -q "build == 6003" real/t.cpp || fail "the symlink's target was not fixed"
ls real | grep -q verguard- && fail "temporary file left next to the target"
# Hard links: one inode, fixed in place, both names see it.
cp "$SRC" h1.cpp && ln h1.cpp h2.cpp
ino=$(stat -c %i h1.cpp)
vg --fix h1.cpp
expect_rc 0
[[ $(stat -c %i h1.cpp) == "$ino" && $(stat -c %h h1.cpp) == 2 ]] || fail "hard link split"
grep -q "build == 6003" h2.cpp || fail "the other hard link does not see the fix"
ls | grep -q verguard- && fail "temporary file left behind"
# A file without write permission bits: left alone, reported by name; its
# findings remain, in the report and in the exit code; "fixed" counts only
# what was written.
cp "$SRC" ro.cpp && chmod 444 ro.cpp && cp ro.cpp ro.orig
cp "$SRC" rw.cpp
vg --fix ro.cpp rw.cpp
expect_rc 1
cmp -s ro.cpp ro.orig || fail "a read-only file was written"
grep -q "ro.cpp:1:1: warning: read-only (no write permission bits" "$TMP/err" || fail "read-only not reported: $(cat "$TMP/err")"
grep -q "fixed 4 findings in 1 file$" "$TMP/err" || fail "count includes the refused file: $(cat "$TMP/err")"
[[ $(grep -c "^ro.cpp:[0-9]*:[0-9]*: error: .*\[VG001\]" "$TMP/out") == 4 ]] || fail "remaining findings not reported: $(cat "$TMP/out")"
! grep -q "^rw.cpp:" "$TMP/out" || fail "fixed findings reported as remaining"
grep -q "^verguard: 4 findings" "$TMP/out" || fail "summary: $(cat "$TMP/out")"
# --fix --format=json -o F: the report of what remains.
cp "$SRC" j.cpp
printf 'bool g(int x) {\n  unsigned long b = x;\n  return b == 6002 && false;\n}\n' >> j.cpp
vg --fix --format=json -o left.json ro.cpp j.cpp
expect_rc 1
[[ ! -s $TMP/out ]] || fail "-o: report on stdout"
cp left.json "$TMP/out"
js "d.findings.length === 4 && d.findings.every(f => f.location.file === 'ro.cpp')"
# --diff -o F writes the patch there; --diff exits 1 when it has changes
# (like ruff --diff), 0 when it has none.
cp "$SRC" d.cpp && cp d.cpp d.orig
vg --diff -o fix.patch d.cpp
expect_rc 1
[[ ! -s $TMP/out ]] || fail "--diff -o: patch on stdout"
grep -q "^+++ b/d.cpp" fix.patch || fail "no patch in the file: $(cat fix.patch)"
cmp -s d.cpp d.orig || fail "--diff changed the file"
git apply fix.patch && grep -q "build == 6003" d.cpp || fail "the patch does not apply"
vg --diff d.cpp
expect_rc 0
[[ ! -s $TMP/out ]] || fail "--diff printed a patch for a fixed file"
