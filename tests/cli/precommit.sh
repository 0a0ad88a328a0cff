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

# Windows names (upper-case extensions, HTML pages with VBScript) and a file
# list long enough that pre-commit splits it into several runs of the hook
# (128 KiB of arguments each): the findings of the first run and of the last
# both reach the output. A `verguard` on PATH before the real one counts the
# runs and then executes the real binary.
cd "$TMP"
git init -q big && cd big
git config user.email t@example.com && git config user.name t
write_os_ps1 CHECK.PS1
mkdir filler zz
long=$(printf 'x%.0s' {1..200})
for i in $(seq 1 800); do echo "Write-Output $i" > "filler/$long$i.ps1"; done
cp "$CORPUS/vbscript/VG001-logon-wmi-build.vbs" zz/INVENTORY.VBS
cp "$CORPUS/vbscript/VG002-hta-inventory.hta" zz/Page.HTM
git add -A
mkdir "$TMP/bin"
cat > "$TMP/bin/verguard" <<SH
#!/bin/sh
# Runs one at a time (require_serial): a second run while one is going on
# is recorded.
mkdir "$TMP/running" 2> /dev/null || echo overlap >> "$TMP/overlaps"
echo "\$# \$2" >> "$TMP/runs"
"$VERGUARD" "\$@"
rc=\$?
rmdir "$TMP/running"
exit \$rc
SH
chmod +x "$TMP/bin/verguard"
set +e
PATH="$TMP/bin:$PATH" pre-commit try-repo "$VERGUARD_SOURCE_DIR" verguard --all-files > "$TMP/pc3" 2>&1
rc3=$?
set -e
[[ $rc3 != 0 ]] || fail "hook passed fragile checks: $(cat "$TMP/pc3")"
runs=$(wc -l < "$TMP/runs")
((runs >= 2)) || fail "pre-commit ran the hook $runs time(s); the test needs two batches"
[[ ! -e $TMP/overlaps ]] || fail "two runs of the hook at once (require_serial)"
# Serial hooks get the files in git's order (parallel ones, shuffled).
[[ $(head -1 "$TMP/runs") == *" CHECK.PS1" ]] || fail "first run does not start with CHECK.PS1: $(head -1 "$TMP/runs")"
[[ $(awk '{n += $1} END {print n}' "$TMP/runs") == $((803 + runs)) ]] ||
  fail "the hook was not given every file (CHECK.PS1, INVENTORY.VBS, Page.HTM, 800 others): $(cat "$TMP/runs")"
grep -q "CHECK.PS1:2:.*\[VG001\]" "$TMP/pc3" || fail "first batch's finding missing: $(head -c 3000 "$TMP/pc3")"
grep -q "zz/INVENTORY.VBS:13:.*\[VG001\]" "$TMP/pc3" || fail "last batch's finding missing: $(head -c 3000 "$TMP/pc3")"
grep -q "zz/Page.HTM:11:.*\[VG002\]" "$TMP/pc3" || fail "finding in an .HTM page missing: $(head -c 3000 "$TMP/pc3")"

# verguard-build: tools/audit builds under a lock in the build directory and
# keeps the build's output out of the hook's output (pre-commit would show
# it with the findings). The build is up to date here, so the lock is what
# a second tools/audit waits for.
BUILD_DIR="$(dirname "$(dirname "$VERGUARD")")"
cd "$TMP/big"
exec 8> "$BUILD_DIR/.audit-build.lock"
flock 8
VERGUARD_BUILD_DIR="$BUILD_DIR" "$VERGUARD_SOURCE_DIR/tools/audit" --quiet CHECK.PS1 > "$TMP/a1" 2> "$TMP/a1e" &
pid=$!
# An up-to-date build and the run take a few seconds at most: still
# waiting after ten is waiting for the lock.
for _ in $(seq 1 10); do
  sleep 1
  kill -0 $pid 2>/dev/null || fail "tools/audit did not wait for the build lock: $(cat "$TMP/a1" "$TMP/a1e")"
done
[[ ! -s $TMP/a1 ]] || fail "tools/audit ran verguard while the build lock was held"
flock -u 8
set +e
wait $pid
rc=$?
set -e
[[ $rc == 1 ]] || fail "tools/audit exit code $rc: $(cat "$TMP/a1e")"
grep -q "CHECK.PS1:2:.*\[VG001\]" "$TMP/a1" || fail "tools/audit: no finding: $(cat "$TMP/a1")"
[[ ! -s $TMP/a1e ]] || fail "tools/audit printed the build's output: $(cat "$TMP/a1e")"
# A build that fails shows its log (here: cmake cannot configure).
set +e
VERGUARD_BUILD_DIR="$TMP/broken-build" VERGUARD_CMAKE_ARGS="-DCMAKE_MAKE_PROGRAM=/nonexistent/ninja" \
  "$VERGUARD_SOURCE_DIR/tools/audit" --quiet CHECK.PS1 > "$TMP/a2" 2> "$TMP/a2e"
rc=$?
set -e
[[ $rc == 2 ]] || fail "tools/audit exit code $rc after a failed build"
grep -q "building verguard failed.*audit-build.log" "$TMP/a2e" || fail "no message for a failed build: $(cat "$TMP/a2e")"
grep -qi "ninja" "$TMP/a2e" || fail "the build log is not shown: $(cat "$TMP/a2e")"
