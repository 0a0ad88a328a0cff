# The result cache (issue 14, item 4): an unchanged tree re-audits without
# parsing and gives the same report; a changed header invalidates the files
# that include it; a corrupt entry is ignored and replaced; two runs at once
# on one cache both report right; --no-cache neither reads nor writes it;
# --cache-size bounds it.
source "$(dirname "$0")/lib.sh"
export XDG_CACHE_HOME="$TMP/xdg"
RESULTS="$XDG_CACHE_HOME/verguard/results"
cd "$VERGUARD_SOURCE_DIR"
parsed() { sed -n 's/^verguard: parsed \([0-9]*\) files\{0,1\}.*/\1/p' "$TMP/err"; }
from_cache() { sed -n 's/.*, \([0-9]*\) results\{0,1\} from the result cache.*/\1/p' "$TMP/err"; }
entries() { find "$RESULTS" -type f ! -name '*.tmp*' | wc -l; }

# The reference: no cache at all.
vg --no-cache --verbose --format=json test-corpus
expect_rc 1
cp "$TMP/out" "$TMP/reference.json"
grep -q 'no result cache' "$TMP/err" || fail "--no-cache --verbose: $(cat "$TMP/err")"
N=$(parsed)
[[ $N -gt 20 ]] || fail "parsed only '$N' files: $(cat "$TMP/err")"
[[ ! -d $RESULTS ]] || fail "--no-cache wrote the cache"

# Cold: every parse is stored; warm: nothing is parsed, the JSON is the same.
vg --verbose --format=json test-corpus
expect_rc 1
cmp -s "$TMP/out" "$TMP/reference.json" || fail "cold cache: another report"
[[ $(parsed) == "$N" ]] || fail "cold cache parsed $(parsed), not $N"
[[ $(entries) -ge $((N - 2)) ]] || fail "only $(entries) entries for $N parses"
vg --verbose --format=json test-corpus
expect_rc 1
cmp -s "$TMP/out" "$TMP/reference.json" ||
  fail "warm cache: another report: $(diff "$TMP/out" "$TMP/reference.json" | head -20)"
[[ $(parsed) == 0 && $(from_cache) == "$N" ]] || fail "warm cache: $(cat "$TMP/err")"
# A header changed: the file including it is parsed again, and its finding
# follows the header.
mkdir -p "$TMP/proj"
cat > "$TMP/proj/ver.h" <<'H'
#define SP2_BUILD 6002
H
cat > "$TMP/proj/check.cpp" <<'C'
#include <windows.h>
#include "ver.h"
bool Check() {
  OSVERSIONINFOEXW osvi = {sizeof(osvi)};
  GetVersionExW((OSVERSIONINFOW *)&osvi);
  return osvi.dwBuildNumber >= 6002 && osvi.dwBuildNumber == SP2_BUILD;
}
C
cat > "$TMP/proj/other.ps1" <<'P'
if ([Environment]::OSVersion.Version.Build -eq 6002) { 'sp2' }
P
vg --verbose --format=json "$TMP/proj"
expect_rc 1
js 'd.findings.length === 2 && d.findings.some(f => f.location.file.endsWith("check.cpp"))'
[[ $(parsed) == 3 ]] || fail "first run (check.cpp, ver.h, other.ps1): $(cat "$TMP/err")"
vg --verbose --format=json "$TMP/proj"
[[ $(parsed) == 0 ]] || fail "unchanged project parsed: $(cat "$TMP/err")"
echo '#define SP2_BUILD 7601' > "$TMP/proj/ver.h"
vg --verbose --format=json "$TMP/proj"
expect_rc 1
[[ $(parsed) == 1 && $(from_cache) == 1 ]] || fail "after the header changed: $(cat "$TMP/err")"
js 'd.findings.length === 1 && d.findings[0].location.file.endsWith("other.ps1")'

# A corrupt entry: ignored, the right report, the entry replaced.
vg --verbose --format=json test-corpus/powershell/VG001-build-eq.ps1
cp "$TMP/out" "$TMP/one.json"
[[ $(parsed) == 0 ]] || fail "not cached: $(cat "$TMP/err")"
ENTRY=$(grep -rl 'VG001-build-eq.ps1' "$RESULTS" | head -1)
[[ -n $ENTRY ]] || fail "no entry names the file"
head -c 200 "$ENTRY" > "$TMP/truncated" && cp "$TMP/truncated" "$ENTRY"
vg --verbose --format=json test-corpus/powershell/VG001-build-eq.ps1
cmp -s "$TMP/out" "$TMP/one.json" || fail "corrupt entry: another report"
[[ $(parsed) == 1 ]] || fail "corrupt entry trusted: $(cat "$TMP/err")"
grep -q '1 corrupt replaced' "$TMP/err" || fail "not counted: $(cat "$TMP/err")"
[[ $(wc -c < "$ENTRY") -gt 200 ]] || fail "the corrupt entry was not replaced"
vg --verbose --format=json test-corpus/powershell/VG001-build-eq.ps1
[[ $(parsed) == 0 ]] || fail "the replaced entry is not used: $(cat "$TMP/err")"

# Two runs at once on one cold result cache: both right, and the cache whole
# after. (The precompiled headers beside it stay: they are not results.)
rm -rf "$RESULTS"
set +e
"$VERGUARD" -j 1 --verbose --format=json test-corpus > "$TMP/a.json" 2>/dev/null &
A=$!
"$VERGUARD" -j 1 --verbose --format=json test-corpus > "$TMP/b.json" 2>/dev/null &
B=$!
wait $A; RA=$?; wait $B; RB=$?
set -e
[[ $RA == 1 && $RB == 1 ]] || fail "concurrent runs exited $RA and $RB"
cmp -s "$TMP/a.json" "$TMP/reference.json" || fail "concurrent run A: another report"
cmp -s "$TMP/b.json" "$TMP/reference.json" || fail "concurrent run B: another report"
[[ -z $(find "$RESULTS" -name '*.tmp*') ]] || fail "temporary files left"
vg --verbose --format=json test-corpus
cmp -s "$TMP/out" "$TMP/reference.json" || fail "after concurrent runs: another report"
[[ $(parsed) == 0 ]] || fail "after concurrent runs: $(cat "$TMP/err")"
# Both wrote the stat index at once: it is whole, and used.
[[ -z $(find "$RESULTS/index" -name '*.tmp*') ]] || fail "index temporary files left"
grep -qE '; [1-9][0-9]* unchanged files? not read \(stat index\)' "$TMP/err" ||
  fail "after concurrent runs, the stat index is not used: $(cat "$TMP/err")"

# --no-cache on a warm cache: parses everything, touches nothing.
before=$(find "$RESULTS" -type f -printf '%p %T@\n' | sort | md5sum)
vg --no-cache --verbose --format=json test-corpus/powershell
[[ $(parsed) -gt 10 ]] || fail "--no-cache used the cache: $(cat "$TMP/err")"
[[ $(find "$RESULTS" -type f -printf '%p %T@\n' | sort | md5sum) == "$before" ]] ||
  fail "--no-cache changed the cache"

# Bounded: with room for about one entry per subdirectory, no subdirectory
# keeps more than one after a run; the report is still right.
rm -rf "$RESULTS"
vg --no-cache --format=json test-corpus/powershell test-corpus/vbscript
cp "$TMP/out" "$TMP/scripts.json"
vg --cache-size=1K --format=json test-corpus/powershell test-corpus/vbscript
cmp -s "$TMP/out" "$TMP/scripts.json" || fail "small cache: another report"
[[ $(entries) -gt 10 ]] || fail "small cache: only $(entries) entries"
for d in "$RESULTS"/*/; do
  [[ $(find "$d" -type f | wc -l) -le 1 ]] || fail "$d holds more than its share"
done
vg --cache-size=lots test-corpus
expect_rc 2
grep -q 'cache-size lots: not a size' "$TMP/err" || fail "bad size: $(cat "$TMP/err")"
# Scripts depend on the files they read: a dot-sourced script, the other
# modules of a VBA project. Changed, they invalidate the cached result.
mkdir -p "$TMP/ps" "$TMP/vba"
cat > "$TMP/ps/lib.ps1" <<'P'
$OSVersion = [Environment]::OSVersion.Version
P
cat > "$TMP/ps/main.ps1" <<'P'
. $PSScriptRoot\lib.ps1
if ($OSVersion.Build -eq 6002) { 'SP2' }
P
cat > "$TMP/vba/modOs.bas" <<'B'
Attribute VB_Name = "modOs"
Public Function OsBuild() As Long
  OsBuild = CLng(CreateObject("WScript.Shell").RegRead("HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\CurrentBuild"))
End Function
B
cat > "$TMP/vba/modMain.bas" <<'B'
Attribute VB_Name = "modMain"
Sub Main()
  If OsBuild() = 6002 Then MsgBox "SP2"
End Sub
B
vg --format=concise "$TMP/ps/main.ps1" "$TMP/vba/modMain.bas"
expect_rc 1
[[ $(grep -c 'error:' "$TMP/out") == 2 ]] || fail "scripts, cold: $(cat "$TMP/out")"
vg --format=concise --verbose "$TMP/ps/main.ps1" "$TMP/vba/modMain.bas"
[[ $(from_cache) == 2 ]] || fail "scripts, warm: $(cat "$TMP/err")"
# The version now comes from elsewhere: no longer the OS's.
echo '$OSVersion = Get-ToolInfo' > "$TMP/ps/lib.ps1"
sed -i 's/RegRead(.*)/Len("x")/' "$TMP/vba/modOs.bas"
vg --format=concise --verbose "$TMP/ps/main.ps1" "$TMP/vba/modMain.bas"
grep -q 'main.ps1.*error' "$TMP/out" && fail "a changed dot-sourced script was not seen: $(cat "$TMP/out")"
grep -q 'modMain.bas' "$TMP/out" && fail "a changed sibling module was not seen: $(cat "$TMP/out")"
[[ $(parsed) == 2 ]] || fail "scripts, changed: $(cat "$TMP/err")"
echo "cache: ok"
