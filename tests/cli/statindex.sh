# The stat index (issue 14): an unchanged tree re-audits without reading its
# files, and gives the report of a run without any cache; a file edited in
# place (same size, even with its modification time put back), a changed
# project header, a changed dot-sourced script, a header created where a
# missing one was looked for: each is read again and its finding follows. A
# file with a modification time in the future is read on every run (racily
# clean); a corrupt index is ignored and replaced; --no-cache leaves it alone.
source "$(dirname "$0")/lib.sh"
export XDG_CACHE_HOME="$TMP/xdg"
INDEX="$XDG_CACHE_HOME/verguard/results/index"
unread() { sed -n 's/.*; \([0-9]*\) unchanged files\{0,1\} not read.*/\1/p' "$TMP/err"; }
racy() { sed -n 's/.*, \([0-9]*\) read again as racily clean.*/\1/p' "$TMP/err"; }
parsed() { sed -n 's/^verguard: parsed \([0-9]*\) files\{0,1\}.*/\1/p' "$TMP/err"; }
P="$TMP/proj"
mkdir -p "$P/src" "$P/scripts"
# A finding: never indexed (the report shows its lines).
cat > "$P/src/check.c" <<'C'
#include <windows.h>
int IsSp2(void) {
  OSVERSIONINFOW v = {sizeof(v)};
  GetVersionExW(&v);
  return v.dwBuildNumber == 6002;
}
C
# Left out by the prefilter, with its project header.
cat > "$P/src/plain.h" <<'H'
#define LEVEL 6001
H
cat > "$P/src/plain.c" <<'C'
#include <windows.h>
#include "plain.h"
int IsLevel(void) {
  OSVERSIONINFOW v = {sizeof(v)};
  GetVersionExW(&v);
  return v.dwBuildNumber == LEVEL;
}
C
# Parsed without a finding while feature.h is missing.
cat > "$P/src/feature.c" <<'C'
#include <windows.h>
#include "feature.h"
int Check(void) {
#ifdef CHECK_SP2
  OSVERSIONINFOW v = {sizeof(v)};
  GetVersionExW(&v);
  return v.dwBuildNumber == 6002;
#else
  return 0;
#endif
}
C
# Parsed without a finding: the build is not the OS's (yet).
cat > "$P/scripts/lib.ps1" <<'S'
$App = Get-ToolInfo
S
cat > "$P/scripts/main.ps1" <<'S'
. $PSScriptRoot\lib.ps1
if ($App.Build -eq 6002) { 'SP2' }
S
cat > "$P/scripts/other.ps1" <<'S'
if ([Environment]::OSVersion.Version.Build -eq 6001) { 'x' }
S
# Older than any index made after (the filesystem clock ticks coarsely).
settle() { sleep 0.05; }
settle

# The reference for every state of the tree: a run without any cache.
same_as_no_cache() { # what
  cp "$TMP/out" "$TMP/cached.json"
  cp "$TMP/err" "$TMP/cached.err"
  "$VERGUARD" --no-cache --verbose --format=json "$P" > "$TMP/reference.json" 2>/dev/null || true
  cmp -s "$TMP/cached.json" "$TMP/reference.json" ||
    fail "$1: not the report of a run without cache: $(diff "$TMP/cached.json" "$TMP/reference.json" | head -20)"
  cp "$TMP/cached.err" "$TMP/err"
}
findings_in() { # file...: the files with a finding, in the JSON of $TMP/out
  node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log([...new Set(d.findings.map(f => require("path").basename(f.location.file)))].sort().join(" "))' "$TMP/out"
}

vg --verbose --format=json "$P"
expect_rc 1
same_as_no_cache "cold"
[[ $(unread) == 0 ]] || fail "cold: $(cat "$TMP/err")"
[[ $(findings_in) == "check.c" ]] || fail "cold findings: $(findings_in)"
[[ -n $(ls "$INDEX") ]] || fail "no index written"
settle
# Warm: every file but the one with a finding is taken unread. (The first
# warm run may still read feature.c: the cold run created the stub of its
# precompiled header, a dependency as new as that run's index.)
vg --verbose --format=json "$P"
same_as_no_cache "warm, first"
settle
vg --verbose --format=json "$P"
expect_rc 1
same_as_no_cache "warm"
[[ $(unread) == 6 && $(parsed) == 0 ]] || fail "warm: $(cat "$TMP/err")"
# The same index again: kept as it was, no temporary file left beside it.
[[ $(ls "$INDEX" | grep -c '\.tmp') == 0 ]] || fail "left behind: $(ls "$INDEX")"

# Edited in place, same size, its modification time put back: only the
# change time tells (a same-second edit on a coarse clock looks the same).
touch -r "$P/scripts/other.ps1" "$TMP/stamp"
printf '%s\n' "if ([Environment]::OSVersion.Version.Build -eq 6002) { 'x' }" \
  1<> "$P/scripts/other.ps1"
touch -r "$TMP/stamp" "$P/scripts/other.ps1"
seen_after() { # what, the files with a finding after the change
  settle
  vg --verbose --format=json "$P"
  same_as_no_cache "$1"
  [[ $(findings_in) == "$2" ]] || fail "$1: not seen: $(findings_in); $(cat "$TMP/err")"
}
seen_after "same-size edit, old mtime" "check.c other.ps1"
[[ $(unread) == 5 ]] || fail "after the edit: $(cat "$TMP/err")"

# The project header plain.c's verdict looked at: same size, new mtime.
printf '#define LEVEL 6002\n' 1<> "$P/src/plain.h"
seen_after "changed project header" "check.c other.ps1 plain.c"

# The dot-sourced script main.ps1's result depended on.
echo '$App = [Environment]::OSVersion.Version' > "$P/scripts/lib.ps1"
seen_after "changed dot-sourced script" "check.c main.ps1 other.ps1 plain.c"

# A header created where a missing one was looked for.
echo '#define CHECK_SP2 1' > "$P/src/feature.h"
seen_after "header created" "check.c feature.c main.ps1 other.ps1 plain.c"
# ... and the result cache alone sees it too (no index: a file list).
rm "$P/src/feature.h"
vg --format=json "$P/src/feature.c"
expect_rc 0
echo '#define CHECK_SP2 1' > "$P/src/feature.h"
vg --verbose --format=json "$P/src/feature.c"
expect_rc 1
[[ $(parsed) == 1 ]] || fail "result cache: a header that appeared: $(cat "$TMP/err")"

# A modification time in the future: racily clean on every run.
settle
vg --verbose --format=json "$P"
touch -d '+1 hour' "$P/src/plain.h"
vg --verbose --format=json "$P"
same_as_no_cache "future mtime"
vg --verbose --format=json "$P"
same_as_no_cache "future mtime, again"
[[ $(racy) == 1 ]] || fail "a file from the future was trusted: $(cat "$TMP/err")"

# A corrupt index: ignored, the same report, replaced.
for f in "$INDEX"/*; do printf 'verguard-stat-index 1\nnonsense\nF 1 2' > "$f"; done
vg --verbose --format=json "$P"
same_as_no_cache "corrupt index"
[[ $(unread) == 0 ]] || fail "a corrupt index was trusted: $(cat "$TMP/err")"
grep -q '^T ' "$INDEX"/* || fail "the corrupt index was not replaced"
settle
vg --verbose --format=json "$P"
[[ $(unread) -ge 1 ]] || fail "the replaced index is not used: $(cat "$TMP/err")"

# --no-cache neither reads nor writes it.
before=$(find "$INDEX" -type f -printf '%p %T@ %s\n' | md5sum)
echo '# another' >> "$P/scripts/lib.ps1"
vg --no-cache --verbose --format=json "$P"
grep -q 'no result cache' "$TMP/err" || fail "--no-cache: $(cat "$TMP/err")"
[[ $(find "$INDEX" -type f -printf '%p %T@ %s\n' | md5sum) == "$before" ]] ||
  fail "--no-cache changed the index"

# A header two includes down (in include/ of a parent), reached from two
# files through one project header: its list of dependencies is shared, and
# a change to it is seen by both files' verdicts.
D="$TMP/deep"
mkdir -p "$D/src" "$D/include"
printf '#define DEEP_LEVEL 6001\n' > "$D/include/levels.h"
printf '#include "levels.h"\n' > "$D/src/mid.h"
for n in 1 2; do
  cat > "$D/src/deep$n.c" <<'C'
#include <windows.h>
#include "mid.h"
int Deep(void) {
  OSVERSIONINFOW v = {sizeof(v)};
  GetVersionExW(&v);
  return v.dwBuildNumber == DEEP_LEVEL;
}
C
done
settle
vg --verbose --format=json "$D"
expect_rc 0
settle
vg --verbose --format=json "$D"
expect_rc 0
[[ $(unread) == 4 && $(parsed) == 0 ]] || fail "deep, warm: $(cat "$TMP/err")"
printf '#define DEEP_LEVEL 6002\n' 1<> "$D/include/levels.h"
settle
vg --verbose --format=json "$D"
expect_rc 1
[[ $(findings_in) == "deep1.c deep2.c" ]] || fail "a header two includes down: $(findings_in); $(cat "$TMP/err")"
echo "statindex: ok"
