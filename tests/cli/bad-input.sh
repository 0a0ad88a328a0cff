# Bad input gets a clear message naming the file, and the run goes on.
source "$(dirname "$0")/lib.sh"
cp "$CORPUS/cpp/VG001-getversion.cpp" "$TMP/good.cpp"
printf 'int x;\0\0\0\1\2binary' > "$TMP/binary.cpp"
: > "$TMP/empty.cpp"
: > "$TMP/empty.ps1"
printf 'bool f(unsigned dwBuildNumber) { return dwBuildNumber == 6002; } \xff\xfe garbage "unterminated\n' > "$TMP/invalid.cpp"
mkdir "$TMP/dir.ps1"
ln -s "$TMP" "$TMP/loop"
vg --format=json "$TMP"
expect_rc 1
js "d.findings.filter(f => f.location.file.endsWith('good.cpp')).length === 4"
grep -q "binary.cpp: warning: .*binary file" "$TMP/err" || fail "binary not reported: $(cat "$TMP/err")"
js "d.findings.some(f => f.location.file.endsWith('invalid.cpp'))"
# UTF-16 C++ with a BOM is decoded and analyzed; its fix keeps the encoding.
printf '\xff\xfe' > "$TMP/u16.cpp"
printf 'bool f(unsigned dwBuildNumber) {\r\n  return dwBuildNumber <= 6002;\r\n}\r\n' | iconv -f UTF-8 -t UTF-16LE >> "$TMP/u16.cpp"
vg --format=json "$TMP/u16.cpp"
expect_rc 1
js "d.findings.length === 1 && d.findings[0].location.line === 2 && d.findings[0].location.column === 10"
vg --fix --quiet "$TMP/u16.cpp"
head -c 2 "$TMP/u16.cpp" | od -An -tx1 | grep -q "ff fe" || fail "BOM lost"
iconv -f UTF-16 -t UTF-8 "$TMP/u16.cpp" | grep -q "return dwBuildNumber <= 6003;" || fail "UTF-16 fix: $(iconv -f UTF-16 -t UTF-8 "$TMP/u16.cpp")"
# An unreadable file (when not running as root, who can read anything).
if [[ $(id -u) != 0 ]]; then
  cp "$TMP/good.cpp" "$TMP/locked.cpp"; chmod 000 "$TMP/locked.cpp"
  vg --format=json "$TMP/locked.cpp" "$TMP/good.cpp"
  grep -q "locked.cpp: error: cannot read" "$TMP/err" || fail "unreadable not reported"
fi
