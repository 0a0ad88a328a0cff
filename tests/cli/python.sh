# Python end to end: the corpus's guards through every layer, bad input
# named and skipped, UTF-16 and Windows-1252 text, the prefilter, the result
# cache, suppressions and baselines on .py files.
source "$(dirname "$0")/lib.sh"
cp "$CORPUS/python/VG001-getwindowsversion.py" "$TMP/good.py"
printf 'import sys\n\0\0\0\1\2binary' > "$TMP/binary.py"
: > "$TMP/empty.py"
printf 'import sys\nif sys.getwindowsversion().build == 6002:  # caf\xe9\n    pass\n' > "$TMP/ansi.py"
printf 'def broken(:\n  pass\nimport sys\nif sys.getwindowsversion().build <= 6002: pass\n' > "$TMP/broken.py"
vg --format=json "$TMP"
expect_rc 1
js "d.findings.filter(f => f.location.file.endsWith('good.py')).length === 9"
grep -q "binary.py: warning: .*binary" "$TMP/err" || fail "binary not reported: $(cat "$TMP/err")"
js "d.findings.some(f => f.location.file.endsWith('ansi.py') && f.location.line === 2)"
js "d.findings.some(f => f.location.file.endsWith('broken.py') && f.location.line === 4)"
js "d.diagnostics.some(d => d.message.includes('broken.py:1:') && d.message.includes('parse error'))"

# UTF-16 with a BOM is decoded and analyzed; its fix keeps the encoding.
printf '\xff\xfe' > "$TMP/u16.py"
printf 'import sys\r\nif sys.getwindowsversion().build <= 6002:\r\n    pass\r\n' | iconv -f UTF-8 -t UTF-16LE >> "$TMP/u16.py"
vg --format=json "$TMP/u16.py"
expect_rc 1
js "d.findings.length === 1 && d.findings[0].location.line === 2 && d.findings[0].location.column === 4"
vg --fix --quiet "$TMP/u16.py"
head -c 2 "$TMP/u16.py" | od -An -tx1 | grep -q "ff fe" || fail "BOM lost"
iconv -f UTF-16 -t UTF-8 "$TMP/u16.py" | grep -q "build <= 6003:" || fail "UTF-16 fix: $(iconv -f UTF-16 -t UTF-8 "$TMP/u16.py")"

# A file too large to parse is skipped with a message naming it.
{ echo 'import sys'; for i in $(seq 1 3000); do echo "x$i = sys.getwindowsversion().build == 6002"; done; } > "$TMP/huge.py"
vg --format=json --max-script-tokens 5000 "$TMP/huge.py"
grep -q "huge.py: warning: about .* tokens" "$TMP/err" || fail "huge file not reported: $(cat "$TMP/err")"

# The prefilter skips a file without a bump literal and changes nothing.
mkdir "$TMP/pf"
cp "$CORPUS/python/"*.py "$TMP/pf/"
rm "$TMP/pf/"*.fixed.py
printf 'import sys\nif sys.getwindowsversion().build >= 9200: pass\n' > "$TMP/pf/nothing.py"
vg --format=json --no-cache "$TMP/pf"
cp "$TMP/out" "$TMP/with.json"
vg --format=json --no-cache --no-prefilter "$TMP/pf"
node -e "
const a = JSON.parse(require('fs').readFileSync('$TMP/with.json')).findings.map(f => f.fingerprint).sort();
const b = JSON.parse(require('fs').readFileSync('$TMP/out')).findings.map(f => f.fingerprint).sort();
if (a.length < 30 || JSON.stringify(a) !== JSON.stringify(b)) { console.error(a.length, b.length); process.exit(1); }
" || fail "--no-prefilter differs on Python"

# Baselines: recorded findings are not reported again.
vg --write-baseline "$TMP/base.json" "$TMP/pf"
expect_rc 0
vg --baseline "$TMP/base.json" "$TMP/pf"
expect_rc 0

# The result cache: a second run gives the same report from the cache.
export XDG_CACHE_HOME="$TMP/cache"
vg --format=json "$TMP/pf"
cp "$TMP/out" "$TMP/first.json"
vg --format=json --verbose "$TMP/pf"
cmp -s <(node -e "console.log(JSON.stringify(JSON.parse(require('fs').readFileSync('$TMP/first.json')).findings))") \
       <(node -e "console.log(JSON.stringify(JSON.parse(require('fs').readFileSync('$TMP/out')).findings))") ||
  fail "cached run differs"
grep -q "parsed 0 files, $(($(ls "$TMP/pf" | wc -l) - 1)) results from the result cache" "$TMP/err" || fail "not from the cache: $(cat "$TMP/err")"
