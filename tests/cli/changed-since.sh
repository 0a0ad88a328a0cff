# --changed-since REV analyzes the files changed since a revision (and
# untracked ones); --changed-lines-only keeps findings on changed lines.
source "$(dirname "$0")/lib.sh"
cd "$TMP"
git init -q repo && cd repo
git config user.email t@example.com && git config user.name t
printf 'bool a(unsigned long dwBuildNumber) {\n  return dwBuildNumber == 6002;\n}\n' > old.cpp
printf 'bool b(unsigned long dwBuildNumber) {\n  return dwBuildNumber == 6002;\n}\n' > touched.cpp
git add . && git commit -qm base
vg --changed-since HEAD
expect_rc 0
grep -q "no changed files" "$TMP/err" || fail "no message without changes"
printf 'bool c(unsigned long dwBuildNumber) { return dwBuildNumber <= 6002; }\n' >> touched.cpp
printf 'bool d(unsigned long dwBuildNumber) { return dwBuildNumber > 6002; }\n' > new.cpp
vg --format=json --changed-since HEAD
expect_rc 1
js "d.findings.every(f => !f.location.file.endsWith('old.cpp')) && d.findings.length === 3"
vg --format=json --changed-since HEAD --changed-lines-only
js "d.findings.length === 2 && d.findings.some(f => f.location.file === 'touched.cpp' && f.location.line === 4) && d.findings.some(f => f.location.file === 'new.cpp')"
vg --changed-since no-such-rev
expect_rc 2
vg --changed-lines-only .
expect_rc 2

# Names git quotes (not ASCII, a space, a tab) are analyzed: git's output is
# read NUL-separated.
git add -A && git commit -qm earlier
printf 'bool e(unsigned long dwBuildNumber) { return dwBuildNumber == 6002; }\n' > café.cpp
printf 'bool s(unsigned long dwBuildNumber) { return dwBuildNumber == 6002; }\n' > 'with space.cpp'
printf 'bool t(unsigned long dwBuildNumber) { return dwBuildNumber == 6002; }\n' > $'tab\there.cpp'
git add café.cpp 'with space.cpp' $'tab\there.cpp' && git commit -qm names
for f in café.cpp 'with space.cpp' $'tab\there.cpp'; do
  printf 'bool u(unsigned long dwBuildNumber) { return dwBuildNumber < 6003; }\n' >> "$f"
done
printf '$b = [Environment]::OSVersion.Version.Build\nif ($b -eq 6002) { 1 }\n' > naïve.ps1
vg --format=json --changed-since HEAD --changed-lines-only
expect_rc 1
js "['café.cpp', 'with space.cpp', 'tab\there.cpp'].every(n => d.findings.some(f => f.location.file === n && f.location.line === 2))"
js "d.findings.some(f => f.location.file === 'naïve.ps1')"
js "!d.findings.some(f => f.location.line === 1 && f.location.file.endsWith('.cpp'))"
git add -A && git commit -qm more

# Paths are relative to the working directory in every mode: in a
# subdirectory (only what changed under it), and through a symlink to the
# repository (git resolves it; the paths named and walked do not).
mkdir sub
printf 'bool v(unsigned long dwBuildNumber) { return dwBuildNumber == 6002; }\n' > sub/in-sub.cpp
printf 'bool w(unsigned long dwBuildNumber) { return dwBuildNumber == 6002; }\n' > outside.cpp
(cd sub && "$VERGUARD" --format=json --changed-since HEAD > "$TMP/out" 2> "$TMP/err") || true
js "d.findings.length === 1 && d.findings[0].location.file === 'in-sub.cpp'"
(cd sub && "$VERGUARD" --changed-since HEAD > "$TMP/out" 2> "$TMP/err") || true
grep -q "^in-sub.cpp:1:" "$TMP/out" || fail "text report path: $(cat "$TMP/out")"
ln -s "$TMP/repo" "$TMP/link"
(cd "$TMP/link" && "$VERGUARD" --format=json --changed-since HEAD . > "$TMP/out" 2> "$TMP/err") || true
js "d.findings.length === 2 && d.findings.every(f => !f.location.file.startsWith('/'))"
(cd "$TMP/link/sub" && "$VERGUARD" --format=json --changed-since HEAD > "$TMP/out" 2> "$TMP/err") || true
js "d.findings.length === 1 && d.findings[0].location.file === 'in-sub.cpp'"
