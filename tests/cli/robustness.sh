# Hostile input, through the binary: every bad file gets a message naming it
# and every good file next to it keeps its findings (issue 6, Robustness).
source "$(dirname "$0")/lib.sh"
PS_GOOD="$CORPUS/powershell/VG001-build-eq.ps1"
VB_GOOD="$CORPUS/vbscript/VG001-registry.vbs"
CPP_GOOD="$CORPUS/cpp/VG001-getversion.cpp"
# The findings of the three good files when analyzed alone.
count() { node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(d.findings.length)' "$TMP/out"; }
vg --format=json "$PS_GOOD"; N_PS=$(count)
vg --format=json "$VB_GOOD"; N_VB=$(count)
vg --format=json "$CPP_GOOD"; N_CPP=$(count)
((N_PS > 0 && N_VB > 0 && N_CPP > 0)) || fail "the good files have no findings"

# Runs verguard on a fresh directory holding the good files and the files
# given (already written into $TMP/t), then checks that the good files kept
# their findings.
fresh() { rm -rf "$TMP/t"; mkdir -p "$TMP/t"; cp "$PS_GOOD" "$TMP/t/good.ps1";
  cp "$VB_GOOD" "$TMP/t/good.vbs"; cp "$CPP_GOOD" "$TMP/t/good.cpp"; }
run_dir() {
  # --verbose: every note is listed, also those of files without a finding.
  vg --format=json --verbose "$@" "$TMP/t"
  [[ $RC == 1 ]] || fail "exit code $RC, expected 1; stderr: $(cat "$TMP/err")"
  js "d.findings.filter(f => f.location.file.endsWith('good.ps1')).length === $N_PS"
  js "d.findings.filter(f => f.location.file.endsWith('good.vbs')).length === $N_VB"
  js "d.findings.filter(f => f.location.file.endsWith('good.cpp')).length === $N_CPP"
}
# stderr names the file (and says what happened).
said() { grep -q -- "$1" "$TMP/err" || fail "no message matching '$1'; stderr: $(cat "$TMP/err")"; }

# --- binary files, NUL bytes ---------------------------------------------
fresh
printf 'MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00' > "$TMP/t/binary.ps1"
printf 'If build = 6002 Then\x00\x00\x00 x = 1\r\nEnd If\r\n' > "$TMP/t/nul.vbs"
printf 'int x = 6002;\0\0\0;\n' > "$TMP/t/nul.cpp"
run_dir
said "binary.ps1: warning: .*binary file"
said "nul.vbs: warning: .*binary file"
said "nul.cpp: warning: .*binary file"
js "!d.findings.some(f => /binary|nul\./.test(f.location.file))"

# --- invalid UTF-8 (read as Windows-1252: analyzed, columns in characters) --
fresh
printf '# caf\xe9 \xff\xfe\n$os = Get-CimInstance Win32_OperatingSystem\nif ($os.BuildNumber -eq "6002") { "\x93sp2\x94" }\n' > "$TMP/t/ansi.ps1"
printf "' caf\xe9\r\nSet sh = CreateObject(\"WScript.Shell\")\r\nb = sh.RegRead(\"HKLM\\\\SOFTWARE\\\\Microsoft\\\\Windows NT\\\\CurrentVersion\\\\CurrentBuildNumber\")\r\nIf b = \"6002\" Then MsgBox \"\x93sp2\x94\"\r\n" > "$TMP/t/ansi.vbs"
run_dir
js "d.findings.some(f => f.location.file.endsWith('ansi.ps1') && f.location.line === 3)"
js "d.findings.some(f => f.location.file.endsWith('ansi.vbs') && f.location.line === 4 && f.location.column === 4)"

# --- UTF-16 with and without BOM, PowerShell and VBScript -----------------
fresh
utf16() { iconv -f UTF-8 -t "$1" "$2"; }
{ printf '\xff\xfe'; utf16 UTF-16LE "$PS_GOOD"; } > "$TMP/t/u16le-bom.ps1"
{ printf '\xfe\xff'; utf16 UTF-16BE "$PS_GOOD"; } > "$TMP/t/u16be-bom.ps1"
utf16 UTF-16LE "$PS_GOOD" > "$TMP/t/u16le-nobom.ps1"
{ printf '\xff\xfe'; utf16 UTF-16LE "$VB_GOOD"; } > "$TMP/t/u16le-bom.vbs"
utf16 UTF-16LE "$VB_GOOD" > "$TMP/t/u16le-nobom.vbs"
utf16 UTF-16BE "$VB_GOOD" > "$TMP/t/u16be-nobom.vbs"
# UTF-16 that is cut in the middle of a character: reported, not guessed.
{ printf '\xff\xfe'; utf16 UTF-16LE "$VB_GOOD"; printf 'x'; } > "$TMP/t/u16-odd.vbs"
run_dir
for f in u16le-bom.ps1 u16be-bom.ps1 u16le-nobom.ps1; do
  js "d.findings.filter(f => f.location.file.endsWith('/$f')).length === $N_PS"
done
for f in u16le-bom.vbs u16le-nobom.vbs u16be-nobom.vbs; do
  js "d.findings.filter(f => f.location.file.endsWith('/$f')).length === $N_VB"
done
# Lines and columns are those of the text, not of the bytes.
js "JSON.stringify(d.findings.filter(f => f.location.file.endsWith('good.ps1')).map(f => [f.location.line, f.location.column])) ===
    JSON.stringify(d.findings.filter(f => f.location.file.endsWith('u16le-nobom.ps1')).map(f => [f.location.line, f.location.column]))"
said "u16-odd.vbs: warning: .*odd number of bytes"

# --- empty files: nothing to report, nothing broken -----------------------
fresh
: > "$TMP/t/empty.ps1"; : > "$TMP/t/empty.vbs"; : > "$TMP/t/empty.cpp"; : > "$TMP/t/empty.bas"
run_dir --no-prefilter
js "d.summary.files === 7 && !d.diagnostics.some(g => g.file.includes('empty.'))"

# --- a 50 MB single line -----------------------------------------------------
# An obfuscated script: one line holding a 50 MB payload and, at its end, a
# check. The finding is reported at its column, in reasonable time.
fresh
payload() { head -c "$1" /dev/zero | tr '\0' 'A'; }
ps_mid='"; $os = Get-CimInstance Win32_OperatingSystem; if ('
{ printf '$p = "'; payload 52428800; printf '%s' "$ps_mid"; printf '$os.BuildNumber -eq "6002") { iex $p }'; } > "$TMP/t/oneline.ps1"
vb_mid='" : b = CreateObject("WScript.Shell").RegRead("HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\CurrentBuildNumber") : If '
{ printf 'p = "'; payload 52428800; printf '%s' "$vb_mid"; printf 'b = "6002" Then Execute p'; } > "$TMP/t/oneline.vbs"
# The same size without anything to find: the prefilter skips it; parsed anyway
# with --no-prefilter.
{ printf '$p = "'; payload 52428800; printf '"\n'; } > "$TMP/t/plain.ps1"
start=$SECONDS
run_dir
js "d.findings.some(f => f.location.file.endsWith('oneline.ps1') && f.location.line === 1 && f.location.column === $((6 + 52428800 + ${#ps_mid} + 1)))"
js "d.findings.some(f => f.location.file.endsWith('oneline.vbs') && f.location.line === 1 && f.location.column === $((5 + 52428800 + ${#vb_mid} + 1)))"
run_dir --no-prefilter
js "!d.diagnostics.some(g => g.file.includes('plain.ps1'))"
((SECONDS - start < 300)) || fail "50 MB lines took $((SECONDS - start)) s"

# --- 100,000 nested parentheses -------------------------------------------
fresh
deep() { local i; for ((i = 0; i < 100000; i += 1000)); do printf '%.0s(' {1..1000}; done; printf '%s' "$1";
  for ((i = 0; i < 100000; i += 1000)); do printf '%.0s)' {1..1000}; done; }
{ printf '$os = Get-CimInstance Win32_OperatingSystem\nif ('; deep '$os.BuildNumber'; printf ' -eq "6002") { 1 }\n'; } > "$TMP/t/deep.ps1"
{ printf 'Set sh = CreateObject("WScript.Shell")\nb = sh.RegRead("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuildNumber")\nIf '; deep b; printf ' = "6002" Then x = 1\n'; } > "$TMP/t/deep.vbs"
{ printf 'bool f(unsigned dwBuildNumber) { return '; deep dwBuildNumber; printf ' == 6002; }\n'; } > "$TMP/t/deep.cpp"
# Deep nesting that is not just parentheses (20,000 nested negations): the
# part beyond the lowering's depth limit is reported, not silently dropped.
nots() { local i; for ((i = 0; i < 20000; i++)); do printf '%s (' "$1"; done; printf '%s' "$2";
  for ((i = 0; i < 20000; i++)); do printf ')'; done; }
{ printf '$os = Get-CimInstance Win32_OperatingSystem\nif ('; nots -not '$os.BuildNumber -eq 6002'; printf ') { 1 }\n'; } > "$TMP/t/deepnot.ps1"
{ printf 'b = CreateObject("WScript.Shell").RegRead("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuildNumber")\nIf '; nots Not 'b = "6002"'; printf ' Then x = 1\n'; } > "$TMP/t/deepnot.vbs"
run_dir
js "d.findings.some(f => f.location.file.endsWith('deep.ps1') && f.location.line === 2)"
js "d.findings.some(f => f.location.file.endsWith('deep.vbs') && f.location.line === 3)"
said "deep.cpp.*bracket nesting level exceeded"
said "deepnot.ps1:2:[0-9]*: .*nested more than 64 levels"
said "deepnot.vbs:2:[0-9]*: .*nested more than 64 levels"

# --- unterminated strings and blocks --------------------------------------
fresh
printf '$os = Get-CimInstance Win32_OperatingSystem\nif ($os.BuildNumber -eq "6002") { "sp2" }\nif ($x) {\n  Write-Host "never closed\n' > "$TMP/t/open.ps1"
printf 'b = CreateObject("WScript.Shell").RegRead("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuildNumber")\nIf b = "6002" Then\n  MsgBox "never closed\n' > "$TMP/t/open.vbs"
printf 'bool f(unsigned dwBuildNumber) { return dwBuildNumber == 6002; }\n/* never closed\nint g() { return "x; }\n' > "$TMP/t/open.cpp"
run_dir
said "open.ps1:[0-9]*:[0-9]*: .*parse error"
said "open.vbs:[0-9]*:[0-9]*: .*does not understand"
said "open.cpp.*unterminated"
js "d.findings.some(f => f.location.file.endsWith('open.ps1') && f.location.line === 2)"
js "d.findings.some(f => f.location.file.endsWith('open.cpp') && f.location.line === 1)"

# --- C++ with missing headers ---------------------------------------------
fresh
printf '#include "not_here.h"\n#include <no_such_system_header>\nbool f(unsigned dwBuildNumber) { return dwBuildNumber == 6002; }\n' > "$TMP/t/missing.cpp"
run_dir
js "d.diagnostics.some(g => g.file.endsWith('missing.cpp') && g.message.includes('not_here.h'))"
js "d.findings.some(f => f.location.file.endsWith('missing.cpp') && f.location.line === 3)"

# --- broken and hostile compile_commands.json ------------------------------
db_case() { # $1: name, then the database's content on stdin
  fresh
  cat > "$TMP/t/compile_commands.json"
  run_dir
  said "compile_commands.json"
}
db_case invalid <<< '[{"directory": "/", "file": "good.cpp", "command": '
db_case object <<< '{"directory": "/", "file": "good.cpp"}'
db_case types <<< '[{"directory": 5, "file": ["good.cpp"], "command": {"a": 1}}, 7, null]'
db_case arguments <<< "[{\"directory\": \"$TMP/t\", \"file\": \"good.cpp\", \"arguments\": \"clang++ -c good.cpp\"}]"
# A database whose entries are valid but hostile: a 10 MB command line, a
# directory that does not exist. The file is still analyzed.
fresh
{ printf '[{"directory": "%s", "file": "good.cpp", "command": "x86_64-w64-mingw32-g++ --target=x86_64-w64-mingw32 ' "$TMP/t"
  for ((i = 0; i < 100000; i++)); do printf -- '-DMACRO_NUMBER_%06d=1 ' $i; done
  printf -- '-c good.cpp"},\n {"directory": "%s/no/such/dir", "file": "%s/t/other.cpp", "command": "clang++ -c other.cpp"}]\n' "$TMP" "$TMP"; } > "$TMP/t/compile_commands.json"
printf 'bool g(unsigned dwBuildNumber) { return dwBuildNumber <= 6002; }\n' > "$TMP/t/other.cpp"
run_dir
js "d.findings.some(f => f.location.file.endsWith('other.cpp'))"
said "other.cpp:1:1: warning: compile_commands.json: .*no/such/dir.*does not exist"

# --- unreadable files -----------------------------------------------------
fresh
if [[ $(id -u) != 0 ]]; then
  cp "$PS_GOOD" "$TMP/t/locked.ps1"; chmod 000 "$TMP/t/locked.ps1"
  run_dir
  said "locked.ps1: error: cannot read"
fi
# Root reads anything: a dangling symlink and a FIFO are unreadable for all.
ln -s "$TMP/t/no-such-target.ps1" "$TMP/t/dangling.ps1"
mkfifo "$TMP/t/pipe.vbs"
run_dir
said "dangling.ps1: .*cannot read"
said "pipe.vbs: .*not a regular file"
# Named on the command line, they are usage errors (exit 2); the good file
# named with them is still analyzed.
vg --format=json "$TMP/t/dangling.ps1" "$TMP/t/pipe.vbs" "$TMP/t/good.ps1"
expect_rc 2
said "dangling.ps1: error: no such file or directory"
said "pipe.vbs: error: not a regular file"
js "d.findings.filter(f => f.location.file.endsWith('good.ps1')).length === $N_PS"

# --- symlink loops, a directory named x.ps1 --------------------------------
fresh
ln -s loop-b.ps1 "$TMP/t/loop-a.ps1"; ln -s loop-a.ps1 "$TMP/t/loop-b.ps1"
ln -s .. "$TMP/t/parent"   # a directory loop: never followed
mkdir -p "$TMP/t/x.ps1/inner"
cp "$PS_GOOD" "$TMP/t/x.ps1/inner/nested.ps1"
run_dir
said "loop-a.ps1: .*cannot read"
said "loop-b.ps1: .*cannot read"
js "d.findings.filter(f => f.location.file.endsWith('x.ps1/inner/nested.ps1')).length === $N_PS"
js "!d.diagnostics.some(g => /x\\.ps1\$/.test(g.file))"
# Named, a symlink loop is a path that cannot be read: exit 2, the other
# path still analyzed.
vg --format=json "$TMP/t/x.ps1" "$TMP/t/loop-a.ps1"
expect_rc 2
said "loop-a.ps1: error: cannot read"
js "d.findings.filter(f => f.location.file.endsWith('x.ps1/inner/nested.ps1')).length === $N_PS"

# --- a file deleted during the run -------------------------------------------
# Deterministic: with -j 1 files are analyzed in path order after discovery;
# a.cpp includes a FIFO, so Clang waits on it until the writer below has
# removed z.ps1, which was discovered but is gone when its turn comes.
fresh
mkfifo "$TMP/t/gate.h"
printf '#include "%s"\nbool f(unsigned dwBuildNumber) { return dwBuildNumber == 6002; }\n' "$TMP/t/gate.h" > "$TMP/t/a.cpp"
cp "$PS_GOOD" "$TMP/t/z.ps1"
( exec 3>"$TMP/t/gate.h"; rm -f "$TMP/t/z.ps1"; printf '#define GATE 1\n' >&3; exec 3>&- ) &
writer=$!
run_dir -j 1
wait $writer
said "z.ps1: error: cannot read"
js "d.findings.some(f => f.location.file.endsWith('/a.cpp'))"
js "!d.findings.some(f => f.location.file.endsWith('/z.ps1'))"

# --- a Clang crash is contained --------------------------------------------
# `#pragma clang __debug llvm_fatal_error` makes Clang stop with a fatal error
# (abort), as its internal failures do; the file is reported and the run goes
# on, with every other file's findings (also with -j 2).
fresh
printf 'bool f(unsigned dwBuildNumber) { return dwBuildNumber == 6002; }\n#pragma clang __debug llvm_fatal_error\n' > "$TMP/t/crash.cpp"
run_dir -j 1
said "crash.cpp: error: Clang crashed"
run_dir -j 2
said "crash.cpp: error: Clang crashed"
echo "robustness: all checks passed"

# --- a Clang crash (SIGILL trap) is contained, and the exit is clean ---------
mkdir -p "$TMP/crash2"
printf 'int sp2 = 6002;\n#pragma clang __debug crash\nint x;\n' > "$TMP/crash2/trap.cpp"
cp "$CORPUS/cpp/VG001-getversion.cpp" "$TMP/crash2/ok.cpp"
vg --format=json -j 1 "$TMP/crash2"
expect_rc 1
grep -q "trap.cpp: error: Clang crashed while parsing this file" "$TMP/err" || fail "trap not reported: $(cat "$TMP/err")"
! grep -q "Timer" "$TMP/err" "$TMP/out" || fail "stray timer report after a contained crash"
js "d.findings.filter(f => f.location.file.endsWith('ok.cpp')).length === 4"
