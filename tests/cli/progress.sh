# A progress line on stderr only when stderr is a terminal; --quiet silences
# it; the end summary lists files by language, findings by rule, skips.
source "$(dirname "$0")/lib.sh"
cd "$CORPUS"
script -qec "'$VERGUARD' --format=json -o '$TMP/r.json' cpp/VG001-getversion.cpp cpp/VG005-build-table.cpp" /dev/null > "$TMP/tty" 2>&1 || true
grep -q "\[2/2\] files, 5 findings" "$TMP/tty" || fail "no progress on a terminal: $(cat -v "$TMP/tty")"
script -qec "'$VERGUARD' --quiet --format=json -o '$TMP/r.json' cpp/VG001-getversion.cpp" /dev/null > "$TMP/tty" 2>&1 || true
! grep -q "files," "$TMP/tty" || fail "--quiet still shows progress"
vg --format=json -o "$TMP/r.json" cpp/VG001-getversion.cpp
! grep -q "files," "$TMP/err" || fail "progress without a terminal"
vg .
grep -q "^  files: Batch [0-9]*; C# [0-9]*; C/C++ [0-9]*; Inno Setup [0-9]*; JScript [0-9]*; NSIS [0-9]*; PowerShell [0-9]*; Python [0-9]*; VBA/VB6 [0-9]*; VBScript [0-9]*; WiX [0-9]*; analyzed" "$TMP/out" || fail "summary files: $(tail -5 "$TMP/out")"
grep -q "^  findings by rule: VG001 [0-9]*; VG002 [0-9]*; VG003 [0-9]*; VG004 [0-9]*; VG005 [0-9]*;" "$TMP/out" || fail "summary rules: $(tail -5 "$TMP/out")"
grep -q "with a proven fix" "$TMP/out" || fail "summary fixes"
