# Output channels: the report on stdout, every message about the input on
# stderr (in every format); --color and NO_COLOR; a progress line redrawn at
# most about ten times a second; source lines decoded from the file's
# encoding, with the caret under the right column.
source "$(dirname "$0")/lib.sh"
cd "$TMP"
# Config errors and notes: stderr, in text mode too.
mkdir bad && printf 'rules:\n  bogus: 1\n' > bad/.verguard.yaml
cp "$CORPUS/cpp/VG001-getversion.cpp" bad/a.cpp
vg bad
expect_rc 2
grep -q "bad/.verguard.yaml:2:3: error: unknown key 'rules.bogus'" err || fail "config error not on stderr: $(cat err)"
! grep -q "unknown key" out || fail "config error on stdout"
printf '#include "missing.h"\nint x;\n' > note.cpp
vg --no-prefilter --verbose note.cpp
grep -q "note.cpp:1:1: note: header 'missing.h' not found" err || fail "note not on stderr: $(cat err)"
! grep -q "missing.h" out || fail "note on stdout"
for f in json sarif; do
  vg --format=$f bad
  grep -q "unknown key 'rules.bogus'" err || fail "$f: config error not on stderr"
done

# Color: --color=always|never|auto, and NO_COLOR (https://no-color.org).
ESC=$'\033['
cp "$CORPUS/cpp/VG001-getversion.cpp" c.cpp
vg --color=always c.cpp
grep -qF "$ESC" out || fail "--color=always: no color on a pipe"
vg c.cpp
! grep -qF "$ESC" out || fail "color on a pipe by default"
tty_run() { TERM=xterm script -qec "$*" /dev/null > tty 2>&1 || true; }
tty_run "'$VERGUARD' c.cpp"
grep -qF "$ESC" tty || fail "no color on a terminal"
tty_run "'$VERGUARD' --color=never c.cpp"
! grep -qF "$ESC" tty || fail "--color=never: color on a terminal"
tty_run "NO_COLOR=1 '$VERGUARD' c.cpp"
! grep -qF "$ESC" tty || fail "NO_COLOR ignored"
tty_run "NO_COLOR=1 '$VERGUARD' --color=always c.cpp"
grep -qF "$ESC" tty || fail "--color=always loses to NO_COLOR"
vg --color=purple c.cpp
expect_rc 2

# Progress: at most about ten redraws a second, and the last one.
mkdir many
for i in $(seq 1 3000); do echo "\$x = $i" > many/f$i.ps1; done
start=$(date +%s%N)
TERM=xterm script -qec "'$VERGUARD' -j 1 --format=json -o r.json many" /dev/null > tty 2>&1 || true
ms=$(( ($(date +%s%N) - start) / 1000000 ))
redraws=$(tr -cd '\r' < tty | wc -c)
grep -q "\[3000/3000\] files" tty || fail "no final progress line: $(tail -c 200 tty | cat -v)"
(( redraws <= ms / 100 + 3 )) || fail "$redraws redraws in $ms ms"

# Snippets: decoded from Windows-1252 and UTF-16 (with and without BOM),
# the caret under the guard's first column (a wide character takes two,
# a tab stays a tab).
printf "\$n = 'Caf\xe9'; if ([Environment]::OSVersion.Version.Build -eq 6002) { \$n }\r\n" > cp1252.ps1
iconv -f WINDOWS-1252 -t UTF-16LE cp1252.ps1 > utf16.ps1
{ printf '\xff\xfe'; cat utf16.ps1; } > utf16bom.ps1
{ printf '\xfe\xff'; iconv -f WINDOWS-1252 -t UTF-16BE cp1252.ps1; } > utf16be.ps1
for f in cp1252 utf16 utf16bom utf16be; do
  vg $f.ps1
  expect_rc 1
  grep -qF "  \$n = 'Café'; if ([Environment]::OSVersion.Version.Build -eq 6002) { \$n }" out || fail "$f: snippet: $(cat -v out)"
  grep -q "^                   ^~~~" out || fail "$f: caret: $(cat -v out)"
  ! grep -q $'\r' out || fail "$f: carriage return in the snippet"
  [[ $(tr -d '\0' < out | wc -c) == $(wc -c < out) ]] || fail "$f: NUL bytes in the report"
done
printf "\$n = '日本'; if ([Environment]::OSVersion.Version.Build -eq 6002) { \$n }\n\tif ([Environment]::OSVersion.Version.Build -eq 6002) { 1 }\n" > wide.ps1
vg wide.ps1
grep -q "^  $(printf '%17s')^~~" out || fail "wide characters: $(cat out)"
grep -q "^  "$'\t'"    ^~~" out || fail "tab: $(cat -A out)"
