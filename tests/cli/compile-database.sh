# A compile database never makes things worse: the C/C++ corpus under a
# generated MSVC cl.exe database and under a mingw-w64 g++ one gives the
# findings of a run without a database (cl.exe command lines are read as
# Windows code for the mingw-w64 target and headers). A broken database is
# reported with its file name and the JSON error's position, and the run
# goes on without it.
source "$(dirname "$0")/lib.sh"
cd "$TMP"
mkdir src && cp -r "$CORPUS/cpp/." src/ && find src -name '*.fixed.*' -delete
python3 - "$TMP/src" <<'PY'
import json, os, sys
src = sys.argv[1]
cl, gnu = [], []
for root, _, files in os.walk(src):
    for f in sorted(files):
        if not f.endswith(('.c', '.cpp')):
            continue
        path = os.path.join(root, f)
        rel = os.path.relpath(path, src)
        c = f.endswith('.c')
        # As CMake writes them for Visual Studio's compiler: a precompiled
        # header, the SDK and VC directories of the Windows machine, response
        # file, warnings, runtime, conformance and output options.
        cl.append({'directory': src, 'file': rel, 'command': ' '.join([
            r'"C:\Program Files\Microsoft Visual Studio\2022\VC\bin\cl.exe"',
            '/nologo', '/TC' if c else '/TP', '/DWIN32', '/D_WINDOWS',
            '/DUNICODE', '/D_UNICODE', '/W4', '/WX', '/wd4996', '/EHsc', '/MDd',
            '/Od', '/Zi', '/Zc:__cplusplus', '/Zc:wchar_t', '/permissive-',
            '' if c else '/std:c++20', '@flags.rsp',
            r'/external:I "C:\Program Files\Microsoft Visual Studio\2022\VC\include"',
            '/external:W0', r'/Iheaders', '/Yustdafx.h', r'/Fpbuild\app.pch',
            r'/Fobuild\%s.obj' % f, r'/Fdbuild\ ', '/FS', '-c',
            rel.replace('/', '\\')])})
        gnu.append({'directory': src, 'file': path, 'arguments': [
            'x86_64-w64-mingw32-gcc' if c else 'x86_64-w64-mingw32-g++',
            *([] if c else ['-std=gnu++20']), '-DWIN32', '-D_WIN32_WINNT=0x0600',
            '-I' + src + '/headers', '-O2', '-g', '-Wall', '-Wextra', '-MD',
            '-MT', 'obj/%s.o' % f, '-MF', 'obj/%s.o.d' % f, '-o', 'obj/%s.o' % f,
            '-c', path]})
os.makedirs(os.path.join(src, '../cl'))
os.makedirs(os.path.join(src, '../gnu'))
json.dump(cl, open(os.path.join(src, '../cl/compile_commands.json'), 'w'), indent=1)
json.dump(gnu, open(os.path.join(src, '../gnu/compile_commands.json'), 'w'), indent=1)
with open(os.path.join(src, 'flags.rsp'), 'w') as rsp:
    rsp.write(r'/I"C:\Program Files (x86)\Windows Kits\10\Include\10.0.22621.0\um" /DFROM_RSP')
PY
# file, line, column, rule and bump of each finding; the parse trouble.
findings() {
  node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    for (const f of d.findings)
      console.log([f.location.file, f.location.line, f.location.column, f.ruleId, f.bump].join(" "));' "$1"
}
vg --format=json src
expect_rc 1
cp "$TMP/out" nodb.json && findings nodb.json > nodb.txt
(( $(wc -l < nodb.txt) >= 30 )) || fail "the corpus has too few findings: $(cat nodb.txt)"
for db in cl gnu; do
  vg --format=json -p $db src
  expect_rc 1
  findings "$TMP/out" > $db.txt
  missing=$(comm -23 <(sort nodb.txt) <(sort $db.txt))
  [[ -z $missing ]] || fail "the $db database lost findings: $missing"
  cmp -s nodb.txt $db.txt || fail "the $db database changed the findings: $(diff nodb.txt $db.txt)"
  ! grep -q "parse error" "$TMP/err" || fail "parse errors with the $db database: $(cat "$TMP/err")"
  ! grep -qi "YAML\|-Wno-everything" "$TMP/err" || fail "$db: $(cat "$TMP/err")"
  # A header named alone gets its sibling's command, read as a file's.
  vg --format=concise -p $db src/headers/osver.h
  expect_rc 1
  grep -q "src/headers/osver.h:10:10: error: .*\[VG001\]" "$TMP/out" || fail "$db: header: $(cat "$TMP/out" "$TMP/err")"
  [[ ! -s $TMP/err ]] || fail "$db: messages for the header: $(cat "$TMP/err")"
done
# --verbose says what was left out of a command, and why.
vg --format=concise --verbose --no-cache -p cl src/VG001-getversion.cpp
grep -q "^src/VG001-getversion.cpp:1:1: note: compile_commands.json: left out of this file's command: .*/Yustdafx.h /Fpbuild\\\\app.pch (a precompiled header" "$TMP/err" ||
  fail "--verbose: $(cat "$TMP/err")"
grep -q "Windows Kits.*(a directory of this Windows machine" "$TMP/err" || fail "--verbose: $(cat "$TMP/err")"
vg --format=concise -p cl src/VG001-getversion.cpp
[[ ! -s $TMP/err ]] || fail "notes without --verbose: $(cat "$TMP/err")"

# Broken JSON: named, with the position of the error; the files are
# analyzed without the database.
mkdir broken
printf '[\n {"directory": "/tmp", "file": "a.cpp",\n  "command": "g++ -c a.cpp"\n  "oops": 1}\n]\n' > broken/compile_commands.json
vg --format=concise -p broken src/VG001-getversion.cpp
expect_rc 1
grep -q "^broken/compile_commands.json:4:3: warning: cannot use this compilation database (invalid JSON: Expected , or } after object property); files are parsed without it" "$TMP/err" ||
  fail "broken database: $(cat "$TMP/err")"
grep -q "src/VG001-getversion.cpp:15:21: error" "$TMP/out" || fail "no findings without the database: $(cat "$TMP/out")"
# Valid JSON that is not a compile database.
echo '{"directory": "/tmp"}' > broken/compile_commands.json
vg --format=concise -p broken src/VG001-getversion.cpp
expect_rc 1
grep -q "^broken/compile_commands.json:1:1: warning: cannot use this compilation database (Expected array.)" "$TMP/err" ||
  fail "not a database: $(cat "$TMP/err")"
