# C/C++ specifics through the binary: a header's finding is reported once for
# all translation units; missing headers are a note and the rest is analyzed;
# a compile database's flags are used (also MSVC cl.exe lines); a broken one
# is reported and the files are parsed without it.
source "$(dirname "$0")/lib.sh"
vg --format=json "$CORPUS/cpp/headers"
js "d.findings.filter(f => f.location.file.endsWith('osver.h')).length === 1"
js "d.diagnostics.some(f => f.file.endsWith('first.cpp') && f.message.includes('not_in_this_checkout.h'))"

mkdir -p "$TMP/proj/src"
cat > "$TMP/proj/src/a.cpp" <<'CPP'
#include <windows.h>
bool Check() {
  OSVERSIONINFOW vi = {sizeof(vi)};
  GetVersionExW(&vi);
#ifdef CHECK_SP2
  return vi.dwBuildNumber == 6002;
#else
  return vi.dwBuildNumber >= 6002;
#endif
}
CPP
vg --format=json "$TMP/proj/src/a.cpp"
expect_rc 0
cat > "$TMP/proj/compile_commands.json" <<JSON
[{"directory": "$TMP/proj", "file": "src/a.cpp",
  "command": "x86_64-w64-mingw32-g++ --target=x86_64-w64-mingw32 -DCHECK_SP2 -c src/a.cpp -o a.o"}]
JSON
vg --format=json "$TMP/proj/src/a.cpp"
expect_rc 1
js "d.findings.length === 1 && d.findings[0].location.line === 6"
vg --format=json -p "$TMP/proj" "$TMP/proj/src/a.cpp"
expect_rc 1
# An MSVC command line.
cat > "$TMP/proj/compile_commands.json" <<JSON
[{"directory": "$TMP/proj", "file": "src/a.cpp",
  "command": "cl.exe /nologo /DCHECK_SP2 /DUNICODE /EHsc /c src\\\\a.cpp"}]
JSON
vg --format=json "$TMP/proj/src/a.cpp"
js "d.findings.length === 1 && d.findings[0].location.line === 6"
# A broken database: a warning naming it, and the file is still analyzed.
echo '[{"directory": 5, "oops":' > "$TMP/proj/compile_commands.json"
vg --format=json "$TMP/proj/src/a.cpp"
expect_rc 0
grep -q "compile_commands.json.*cannot use this compilation database" "$TMP/err" || fail "broken database not reported: $(cat "$TMP/err")"
# Extra arguments reach the compiler.
rm "$TMP/proj/compile_commands.json"
vg --format=json --extra-arg=-DCHECK_SP2 "$TMP/proj/src/a.cpp"
expect_rc 1
