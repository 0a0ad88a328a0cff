# Standalone C/C++ parses reuse a precompiled header of the files' leading
# include prefix (#defines and <...> includes), kept in $XDG_CACHE_HOME/verguard:
# built the second time a prefix is wanted, reused by later runs, bounded,
# and a broken one is dropped without losing findings.
source "$(dirname "$0")/lib.sh"
# Parses are what build and use precompiled headers: no result cache.
vg() { set +e; "$VERGUARD" --no-cache "$@" >"$TMP/out" 2>"$TMP/err"; RC=$?; set -e; }
export XDG_CACHE_HOME="$TMP/cache"
CACHE="$XDG_CACHE_HOME/verguard"
mkdir -p "$TMP/src"
for n in 1 2; do
  cat > "$TMP/src/check$n.cpp" <<'CPP'
// Version checks.
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <string>
#include "local.h"

bool Check(const std::wstring &Name) {
  OSVERSIONINFOW vi = {sizeof(vi)};
  GetVersionExW(&vi);
  return !Name.empty() && vi.dwBuildNumber == 6002;
}
CPP
done
echo '#pragma once' > "$TMP/src/local.h"
PREFIX=$'#define WIN32_LEAN_AND_MEAN\n#include <windows.h>\n#include <string>'
# The precompiled header of the prefix, by its stub's text (a C++ stub, or
# with `h` a C one).
prefix_pch() {
  local s ext=${1:-hpp}
  for s in "$CACHE"/*."$ext"; do
    [[ -f $s && "$(cat "$s")" == "$PREFIX" ]] && { echo "${s%.$ext}.pch"; return; }
  done
}
# Old entries of some other run: evicted beyond 64 files, oldest first.
mkdir -p "$CACHE"
for i in $(seq 1 70); do
  echo x > "$CACHE/prefix-old$i.pch"
  touch -d "2020-01-01 00:00:$(printf %02d $((i % 60)))" "$CACHE/prefix-old$i.pch"
done

# One file: its prefix is new, so no PCH of it yet, only a marker.
vg --format=json "$TMP/src/check1.cpp"
expect_rc 1
js "d.findings.length === 1 && d.findings[0].location.line === 10"
[[ -z $(prefix_pch) ]] || fail "a prefix seen once was precompiled"
ls "$CACHE"/*.seen >/dev/null 2>&1 || fail "no marker for a prefix seen once: $(ls "$CACHE")"

# Two files with it: built once, both findings reported.
rm -f "$CACHE"/*.seen
vg --format=json "$TMP/src"
expect_rc 1
js "d.findings.length === 2 && d.findings.every(f => f.location.line === 10)"
js "d.diagnostics.length === 0"
PCH=$(prefix_pch)
[[ -n $PCH && -s $PCH ]] || fail "no precompiled prefix in $CACHE: $(ls "$CACHE")"
(( $(ls "$CACHE"/*.pch | wc -l) <= 64 )) || fail "cache not bounded: $(ls "$CACHE" | wc -l) files"
[[ ! -e $CACHE/prefix-old1.pch && -e $CACHE/prefix-old70.pch ]] || fail "not the oldest evicted"

# A later run reuses it (same file, touched as used) and still finds both.
touch -d "2020-01-02" "$PCH"
before=$(stat -c %i "$PCH")
stub_before=$(stat -c %Y "${PCH%.pch}.hpp")
vg --format=json "$TMP/src/check1.cpp" "$TMP/src/check2.cpp"
expect_rc 1
js "d.findings.length === 2"
[[ $(stat -c %i "$PCH") == "$before" ]] || fail "the precompiled prefix was rebuilt"
[[ $(stat -c %Y "$PCH") -gt $(date -d 2020-01-03 +%s) ]] || fail "the precompiled prefix was not used (not touched)"
[[ $(stat -c %Y "${PCH%.pch}.hpp") == "$stub_before" ]] || fail "the stub was rewritten"

# A project header of the same name shadows a system one: no PCH with it.
mkdir -p "$TMP/shadow"
sed 's/<string>/<cstdio>/' "$TMP/src/check1.cpp" > "$TMP/shadow/a.cpp"
cp "$TMP/shadow/a.cpp" "$TMP/shadow/b.cpp"
cp "$TMP/src/local.h" "$TMP/shadow/"
echo '#include <string>' > "$TMP/shadow/cstdio"
vg --format=json "$TMP/shadow"
expect_rc 1
js "d.findings.length === 2"
for s in "$CACHE"/*.hpp; do
  grep -q cstdio "$s" && fail "a shadowed header was precompiled: $s"
done

# A broken one: the files are parsed without it, and it is dropped.
echo garbage > "$PCH"
vg --format=json "$TMP/src"
expect_rc 1
js "d.findings.length === 2 && d.diagnostics.length === 0"
[[ ! -e $PCH ]] || fail "a broken precompiled header was kept"

# A file whose first include is a project header (stdafx.h) gets the system
# headers that header includes, with the defaults it defines before them;
# so does a header named on the command line (pre-commit). The findings are
# those of a parse without it, and a missing header mingw-w64 lacks still
# leaves them <windows.h>.
mkdir -p "$TMP/proj"
cat > "$TMP/proj/stdafx.h" <<'H'
#pragma once
#include "targetver.h"
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN // fewer headers
#endif
#include <windows.h>
#include <stdio.h>
typedef int AppInt;
H
printf '#pragma once\n#include <sdkddkver.h>\n' > "$TMP/proj/targetver.h"
for n in 1 2; do
  cat > "$TMP/proj/app$n.cpp" <<'CPP'
#include "stdafx.h"
AppInt Sp2() {
  OSVERSIONINFOW vi = {sizeof(vi)};
  GetVersionExW(&vi);
  return vi.dwBuildNumber == 6002;
}
CPP
done
sed 's/^AppInt Sp2/inline AppInt Sp2/' "$TMP/proj/app1.cpp" > "$TMP/proj/osver.h"
PREFIX=$'#include <sdkddkver.h>\n#ifndef WIN32_LEAN_AND_MEAN\n#define WIN32_LEAN_AND_MEAN\n#endif\n#include <windows.h>\n#include <stdio.h>'
vg --format=json "$TMP/proj/app1.cpp" "$TMP/proj/app2.cpp"
expect_rc 1
js "d.findings.length === 2 && d.findings.every(f => f.location.line === 5) && d.diagnostics.length === 0"
PCH=$(prefix_pch || true)
[[ -n $PCH && -s $PCH ]] || fail "no precompiled prefix for stdafx.h: $(head -n 20 "$CACHE"/*.hpp)"
touch -d "2020-01-02" "$PCH"
vg --format=json "$TMP/proj/app1.cpp"
expect_rc 1
js "d.findings.length === 1 && d.diagnostics.length === 0"
[[ $(stat -c %Y "$PCH") -gt $(date -d 2020-01-03 +%s) ]] || fail "stdafx.h's prefix was not used"
# The header alone, twice: its own precompiled prefix (parsed as a header,
# so another one of the same text).
with_prefix() {
  local s n=0
  for s in "$CACHE"/*.hpp; do
    [[ "$(cat "$s")" == "$PREFIX" && -s ${s%.hpp}.pch ]] && n=$((n + 1))
  done
  echo $n
}
[[ $(with_prefix) == 1 ]] || fail "not one precompiled stdafx.h prefix"
vg --format=json "$TMP/proj/osver.h"
vg --format=json "$TMP/proj/osver.h"
expect_rc 1
js "d.findings.length === 1 && d.findings[0].location.line === 5 && d.diagnostics.length === 0"
[[ $(with_prefix) == 2 ]] || fail "no precompiled prefix for a header named alone"

# A project header that reaches its system headers through conditionals and
# function-like macros (git's "git-compat-util.h", curl's "curl_setup.h"):
# the preprocessor says which ones, in order, with the project's macros
# between them and without its include guard or anything after its first
# code. The findings and notes are those of a parse without it.
mkdir -p "$TMP/compat"
cat > "$TMP/compat/compat-util.h" <<'H'
#ifndef COMPAT_UTIL_H
#define COMPAT_UTIL_H
#if __STDC_VERSION__ - 0 < 199901L
#error "C99 needed"
#endif
#if defined(__GNUC__) || defined(__clang__)
# define PREREQ(maj, min) \
	((__clang_major__ > (maj)) || (__clang_major__ == (maj)))
#else
# define PREREQ(maj, min) 0
#endif
#if defined(WIN32) && PREREQ(3, 0)
# if !defined(_WIN32_WINNT)
#  define _WIN32_WINNT 0x0603
# endif
# define WIN32_LEAN_AND_MEAN
# include <winsock2.h>
# include <windows.h>
#endif
#include <stdio.h>
#include <openssl/never-there.h>
#define SP2_BUILD 6002
struct strbuf;
#include <string.h>
#endif
H
for n in 1 2; do
  cat > "$TMP/compat/tool$n.c" <<'C'
#include "compat-util.h"
int sp2(void) {
  OSVERSIONINFOW vi = {sizeof(vi)};
  GetVersionExW(&vi);
  return vi.dwBuildNumber == SP2_BUILD;
}
C
done
PREFIX=$'#define PREREQ(maj, min) ((__clang_major__ > (maj)) || (__clang_major__ == (maj)))\n#define _WIN32_WINNT 0x0603\n#define WIN32_LEAN_AND_MEAN\n#include <winsock2.h>\n#include <windows.h>\n#include <stdio.h>'
vg --format=json --extra-arg=-DVERGUARD_NO_PCH "$TMP/compat"
expect_rc 1
js "d.findings.length === 2 && d.findings.every(f => f.location.line === 5)"
cp "$TMP/out" "$TMP/nopch.json"
vg --format=json "$TMP/compat"
expect_rc 1
PCH=$(prefix_pch h || true)
[[ -n $PCH && -s $PCH ]] || fail "no precompiled prefix for compat-util.h: $(head -n 20 "$CACHE"/*.h)"
touch -d "2020-01-02" "$PCH"
vg --format=json "$TMP/compat"
expect_rc 1
cp "$TMP/out" "$TMP/pch.json"
[[ $(stat -c %Y "$PCH") -gt $(date -d 2020-01-03 +%s) ]] || fail "compat-util.h's prefix was not used"
node -e '
const fs = require("fs");
const [a, b] = process.argv.slice(1).map(p => JSON.parse(fs.readFileSync(p)));
const same = k => JSON.stringify(a[k]) === JSON.stringify(b[k]);
if (!same("findings") || !same("diagnostics")) {
  console.error(JSON.stringify(a.diagnostics), JSON.stringify(b.diagnostics));
  process.exit(1);
}' "$TMP/pch.json" "$TMP/nopch.json" || fail "a parse with the preprocessed prefix differs from one without"
grep -q "never-there.h' not found" "$TMP/pch.json" || fail "the missing header is no longer reported"
