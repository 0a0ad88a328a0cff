# The pre-commit framework runs verguard's hook (.pre-commit-hooks.yaml) on
# the staged files of a repository.
source "$(dirname "$0")/lib.sh"
command -v pre-commit > /dev/null || fail "pre-commit missing (tools/setup installs it)"
export PRE_COMMIT_HOME="$TMP/pc-home" PATH="$(dirname "$VERGUARD"):$PATH"
cd "$TMP"
git init -q repo && cd repo
git config user.email t@example.com && git config user.name t
printf 'bool ok(unsigned long dwBuildNumber) { return dwBuildNumber >= 6002; }\n' > ok.cpp
printf "\$os = Get-CimInstance Win32_OperatingSystem\nif (\$os.BuildNumber -eq '6002') { 'sp2' }\n" > bad.ps1
printf 'not code\n' > notes.txt
git add ok.cpp notes.txt
set +e
pre-commit try-repo "$VERGUARD_SOURCE_DIR" verguard --files ok.cpp notes.txt > "$TMP/pc1" 2>&1
rc1=$?
git add bad.ps1
pre-commit try-repo "$VERGUARD_SOURCE_DIR" verguard --files ok.cpp bad.ps1 > "$TMP/pc2" 2>&1
rc2=$?
set -e
[[ $rc1 == 0 ]] || fail "hook failed on a clean file: $(cat "$TMP/pc1")"
grep -q "Passed" "$TMP/pc1" || fail "hook did not run: $(cat "$TMP/pc1")"
[[ $rc2 != 0 ]] || fail "hook passed a fragile check: $(cat "$TMP/pc2")"
grep -q "bad.ps1:2:.*\[VG001\]" "$TMP/pc2" || fail "finding not shown: $(cat "$TMP/pc2")"
