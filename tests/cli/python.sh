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
js "d.findings.filter(f => f.location.file.endsWith('good.py')).length === $(grep -c 'expect: VG' "$TMP/good.py")"
grep -q "binary.py: warning: .*binary" "$TMP/err" || fail "binary not reported: $(cat "$TMP/err")"
js "d.findings.some(f => f.location.file.endsWith('ansi.py') && f.location.line === 2)"
js "d.findings.some(f => f.location.file.endsWith('broken.py') && f.location.line === 4)"
js "d.diagnostics.some(d => d.file.endsWith('broken.py') && d.line === 1 && d.message.startsWith('parse error'))"

# UTF-16 with a BOM is decoded and analyzed; its fix keeps the encoding.
fix_utf16 "$TMP/u16.py" 'import sys\r\nif sys.getwindowsversion().build <= 6002:\r\n    pass\r\n' 2 4 "build <= 6003:"

# A file too large to parse is skipped with a message naming it.
{ echo 'import sys'; for i in $(seq 1 3000); do echo "x$i = sys.getwindowsversion().build == 6002"; done; } > "$TMP/huge.py"
vg --format=json --max-script-tokens 5000 "$TMP/huge.py"
grep -q "huge.py: warning: about .* tokens" "$TMP/err" || fail "huge file not reported: $(cat "$TMP/err")"

# The prefilter skips a file without a bump literal and changes nothing.
mkdir "$TMP/pf"
cp "$CORPUS/python/"*.py "$TMP/pf/"
rm "$TMP/pf/"*.fixed.py
printf 'import sys\nif sys.getwindowsversion().build >= 9200: pass\n' > "$TMP/pf/nothing.py"
same_without_prefilter "$TMP/pf" 30

# Baselines: recorded findings are not reported again.
vg --write-baseline "$TMP/base.json" "$TMP/pf"
expect_rc 0
vg --baseline "$TMP/base.json" "$TMP/pf"
expect_rc 0

# The result cache: a second run gives the same report from the cache.
# nothing.py is skipped by the prefilter: no result to cache.
same_from_cache "$TMP/pf" $(($(ls "$TMP/pf" | wc -l) - 1))

# A check written as a negation states the values of what is written.
vg --format=json "$CORPUS/python/VG002-named-constants-and-negations.py"
expect_rc 1
js "d.findings.some(f => f.location.line === 24 && f.message.startsWith('\`not at_least(6003)\` is true on 6.0.6002'))"
js "d.findings.some(f => f.location.line === 29 && f.message.startsWith('\`BUILD not in (6001, 6002)\` is false on 6.0.6002'))"
# A string constant written by name gets no fix that writes the name twice.
js "d.findings.filter(f => f.location.line === 16 || f.location.line === 20).every(f => !f.fix)"

# A pattern compiled away from its match is named where it is written.
vg --format=json "$CORPUS/python/VG002-compiled-patterns.py"
expect_rc 1
js "d.findings.length === 2 && d.findings.every(f => f.related && f.related.some(r => r.location.line === 7 && r.message === 'the pattern \`r\"^6002\\\\.\\\\d+\\\\.\"\` is written here'))"

# A module two configurations import, each with bumps of its own, without
# the cache: what the module holds is kept per settings, not shared.
mkdir -p "$TMP/two/a" "$TMP/two/b" "$TMP/two/.git"
printf 'BUILD = 19041\n' > "$TMP/two/osinfo.py"
printf 'bumps: [sp2-6003]\n' > "$TMP/two/a/.verguard.yaml"
printf 'bumps: [win10-19041-19045]\n' > "$TMP/two/b/.verguard.yaml"
for d in a b; do
  printf 'import sys\nfrom osinfo import BUILD\nif sys.getwindowsversion().build == BUILD:\n    pass\n' > "$TMP/two/$d/check.py"
done
vg --format=json --no-cache -j 1 "$TMP/two/a" "$TMP/two/b"
expect_rc 1
js "d.findings.length === 1 && d.findings[0].location.file.endsWith('b/check.py')"
