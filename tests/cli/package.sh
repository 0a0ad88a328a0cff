# tools/package's Debian package (CPack): installed into a temporary root
# with dpkg -x, its verguard runs from another directory with Clang's
# builtin headers from the package, and finds what the built one finds.
source "$(dirname "$0")/lib.sh"
BUILD_DIR="$(dirname "$(dirname "$VERGUARD")")"
command -v cpack > /dev/null && command -v dpkg-deb > /dev/null || fail "cpack or dpkg-deb missing"
# The package of the binary under test (tools/package makes the same one
# in build/package/). CPack builds what it installs first: under the lock
# tools/audit builds under, so that no other build runs in build/ at once.
(cd "$BUILD_DIR" && flock .audit-build.lock cpack -G DEB -B "$TMP/pkg") > "$TMP/cpack.log" 2>&1 ||
  fail "cpack: $(tail -20 "$TMP/cpack.log")"
deb=$(ls "$TMP"/pkg/verguard_*_amd64.deb) || fail "no package: $(ls "$TMP/pkg")"
dpkg-deb -f "$deb" Package Version Depends > "$TMP/control"
grep -q "^Package: verguard$" "$TMP/control" || fail "control: $(cat "$TMP/control")"
grep -q "^Depends: .*mingw-w64-x86-64-dev" "$TMP/control" || fail "control: $(cat "$TMP/control")"
dpkg-deb -x "$deb" "$TMP/root"
V="$TMP/root/usr/bin/verguard"
[[ -x $V ]] || fail "no usr/bin/verguard in the package: $(dpkg-deb -c "$deb" | head)"
# Clang and LLVM are linked in; every library it needs is one the package
# depends on.
ldd "$V" > "$TMP/ldd"
! grep -qi "llvm\|clang" "$TMP/ldd" || fail "links Clang/LLVM dynamically: $(cat "$TMP/ldd")"
while read -r lib _; do
  case $lib in
    linux-vdso.so.*|/lib64/ld-linux-x86-64.so.*|libc.so.6|libm.so.6) dep=libc6 ;;
    libstdc++.so.6) dep=libstdc++6 ;; libgcc_s.so.1) dep=libgcc-s1 ;;
    libz.so.1) dep=zlib1g ;; libzstd.so.1) dep=libzstd1 ;;
    *) fail "needs $lib, which no dependency of the package provides" ;;
  esac
  grep -q "$dep" "$TMP/control" || fail "needs $lib but does not depend on $dep"
done < "$TMP/ldd"
zcat "$TMP/root/usr/share/man/man1/verguard.1.gz" | grep -q -- 'fix' || fail "no manual page"

# From another directory, with its own cache of precompiled headers.
mkdir "$TMP/elsewhere" && cd "$TMP/elsewhere"
export XDG_CACHE_HOME="$TMP/cache"
"$V" --version > "$TMP/version" || fail "--version failed"
grep -q "^ *verguard 0\.1\.0" "$TMP/version" || fail "--version: $(cat "$TMP/version")"
"$V" --show-settings "$CORPUS/cpp/VG001-getversion.cpp" > "$TMP/settings"
grep -q "Clang's builtin headers: $TMP/root/usr/lib/verguard/clang/[0-9]*/include$" "$TMP/settings" ||
  fail "the builtin headers are not the package's: $(cat "$TMP/settings")"
# A builtin header (<stdarg.h>, <x86intrin.h>) is found there.
printf '#include <stdarg.h>\n#include <x86intrin.h>\n#include <windows.h>\nbool sp2() { OSVERSIONINFOW v = {sizeof v}; GetVersionExW(&v); return v.dwBuildNumber == 6002; }\n' > builtin.cpp
set +e
"$V" --format=concise builtin.cpp > "$TMP/out" 2> "$TMP/err"
RC=$?
set -e
expect_rc 1
grep -q "^builtin.cpp:4:.*\[VG001\]" "$TMP/out" || fail "no finding: $(cat "$TMP/out")"
[[ ! -s $TMP/err ]] || fail "messages about the builtin headers: $(cat "$TMP/err")"
# The corpus: what the built binary finds.
cp -r "$CORPUS" corpus
"$VERGUARD" --format=json --no-config corpus > "$TMP/built.json" 2> /dev/null || true
set +e
"$V" --format=json --no-config corpus > "$TMP/installed.json" 2> "$TMP/err"
RC=$?
set -e
expect_rc 1
node -e 'const fs = require("fs");
  const f = (p) => JSON.stringify(JSON.parse(fs.readFileSync(p, "utf8")).findings);
  const [a, b] = process.argv.slice(1).map(f);
  if (a !== b || JSON.parse(a).length < 50) { console.error("differ or too few"); process.exit(1); }' \
  "$TMP/built.json" "$TMP/installed.json" || fail "the installed verguard finds something else"
