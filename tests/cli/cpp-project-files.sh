# C/C++ across the files of a project: a helper defined in another .c file
# (declared in a project header) is judged at the call that passes the
# build, and the result depends on that file (cache); a file whose Windows
# types come only through a missing project header is parsed again with
# <windows.h> in its place, and says so.
source "$(dirname "$0")/lib.sh"
parsed() { sed -n 's/^verguard: parsed \([0-9]*\) files\{0,1\}.*/\1/p' "$TMP/err"; }
from_cache() { sed -n 's/.*, \([0-9]*\) results\{0,1\} from the result cache.*/\1/p' "$TMP/err"; }

cp -r "$CORPUS/cpp/project-helpers" "$TMP/proj"
vg --format=json --no-cache "$TMP/proj"
expect_rc 1
js "d.findings.length === 1 && d.findings[0].location.file.endsWith('main.c') && d.findings[0].location.line === 7 && d.findings[0].ruleId === 'VG004'"
js "d.diagnostics.length === 0"
# The helper's file alone has nothing to report, and its guards are not
# reported again from main.c.
vg --format=json --no-cache "$TMP/proj/osbuild.c"
expect_rc 0

# Cached with its dependency: unchanged, from the cache; the helper
# changed, parsed again.
export XDG_CACHE_HOME="$TMP/cache"
vg --format=json --verbose "$TMP/proj/main.c"
expect_rc 1
vg --format=json --verbose "$TMP/proj/main.c"
expect_rc 1
[[ $(from_cache) == 1 ]] || fail "main.c not from the cache: $(cat "$TMP/err")"
sed -i 's/VER_BUILDNUMBER, VER_LESS_EQUAL/VER_BUILDNUMBER, VER_GREATER_EQUAL/' "$TMP/proj/osbuild.c"
vg --format=json --verbose "$TMP/proj/main.c"
expect_rc 0
[[ $(parsed) == 1 ]] || fail "a changed helper file was not seen: $(cat "$TMP/err")"
# No defining file in the project: the call stays unknown, and silent; the
# header's namesake created later is seen.
rm "$TMP/proj/osbuild.c"
vg --format=json --verbose "$TMP/proj/main.c"
expect_rc 0
cp "$CORPUS/cpp/project-helpers/osbuild.c" "$TMP/proj/osbuild.c"
vg --format=json --verbose "$TMP/proj/main.c"
expect_rc 1
[[ $(parsed) == 1 ]] || fail "a new helper file was not seen: $(cat "$TMP/err")"
unset XDG_CACHE_HOME

# The precompiled header is not in the tree.
mkdir -p "$TMP/pch"
cp "$CORPUS/cpp/missing-header/VG001-precompiled-header-absent.cpp" "$TMP/pch/a.cpp"
vg --format=json --no-cache "$TMP/pch/a.cpp"
expect_rc 1
js "d.findings.length === 1 && d.findings[0].location.line === 9"
js "d.diagnostics.length === 1 && d.diagnostics[0].message.includes(\"header 'stdafx.h' not found\") && d.diagnostics[0].message.includes('<windows.h> included first') && d.diagnostics[0].line === 3"
# A missing header, and no Windows names: the usual note, parsed once.
cp "$CORPUS/cpp/missing-header/silent-own-types.cpp" "$TMP/pch/b.cpp"
vg --format=json --no-cache "$TMP/pch/b.cpp"
expect_rc 0
js "d.diagnostics.length === 1 && d.diagnostics[0].message.includes('analyzed what could be parsed without it')"
echo "cpp-project-files: ok"
