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
