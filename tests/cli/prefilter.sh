#!/usr/bin/env bash
# The prefilter (issue 14): a file is parsed only if it holds, as a token of
# its language, a literal an enabled bump separates; what it skips gives the
# same findings as --no-prefilter (tools/prefilter-check, on every corpus).
source "$(dirname "$0")/lib.sh"

# Each file alone: parsed, or skipped by the prefilter.
parsed() { vg --no-config --format=json "$1"; js "d.summary.files === 1 && d.summary.filesSkipped === 0" || fail "$1 not parsed"; }
skipped() { vg --no-config --format=json "$1"; js "d.summary.files === 1 && d.summary.filesSkipped === 1" || fail "$1 parsed"; }
mkdir -p "$TMP/t/include"
cd "$TMP/t"

# Not a separating literal: in a comment, inside a name, in a longer number,
# a revision source named without a threshold (git's revision.h), a number
# between the revisions without a revision source.
printf '// SP2 is build 6002\nint f(int b) { return b == 6001; }\n' > comment.cpp
printf 'int Win6002Compat(int b) { return b + 16002; }\n' > names.cpp
printf '#include "revision.h"\nint revision_walk(struct rev_info *revs) { return 0; }\n' > revword.c
printf 'struct rev_info { int revision; };\n' > include/revision.h
printf '$port = 24000\n' > port.ps1
printf '# 6002\n<# 6003\n#>\n$x = 1\n' > comment.ps1
printf "' 6002\nRem 6003\nx = 1\n" > comment.vbs
for f in comment.cpp names.cpp revword.c port.ps1 comment.ps1 comment.vbs; do skipped "$f"; done

# Separating literals in other notations, in strings, and a revision
# threshold with its source; a header holding the build.
printf 'bool f(unsigned b) { return b == 0x1772; }\n' > hex.cpp
printf 'bool f(unsigned b) { return b < 6'"'"'003; }\n' > separator.cpp
printf '$v -like '"'"'6.0.6002*'"'"'\n' > string.ps1
printf 'If b = &H1773 Then x = 1\n' > hex.vbs
printf '$ubr = (Get-ItemProperty $k).UBR\nif ($ubr -ge 24000) { 1 }\n' > ubr.ps1
printf '#define OLD_SP2 6002\n' > include/builds.h
printf '#include "builds.h"\nbool f(unsigned b) { return b == OLD_SP2; }\n' > via-header.cpp
for f in hex.cpp separator.cpp string.ps1 hex.vbs ubr.ps1 via-header.cpp; do parsed "$f"; done

# A revision source in one header and a threshold in another: both reach
# the file, so it is parsed; either alone is not enough.
printf 'DWORD ReadUbr(void);\n' > include/ubr.h
printf '#define MIN_ROLLUP 24000\n' > include/rollup.h
printf '#include "ubr.h"\n#include "rollup.h"\nint ok(void) { return ReadUbr() >= MIN_ROLLUP; }\n' > both.c
printf '#include "rollup.h"\nint ok(int x) { return x >= MIN_ROLLUP; }\n' > one.c
parsed both.c
skipped one.c

# --show-settings says what the prefilter looks for.
vg --no-config --show-settings hex.cpp
grep -q '^  prefilter: a build in \[6002, 6003\] in any notation; a revision threshold in \[20491, 24566\] with a revision source (ubr, ' "$TMP/out" ||
  fail "show-settings: $(cat "$TMP/out")"
grep -q '^  prefilter words: 6002 1772 6003 1773 ubr ' "$TMP/out" || fail "show-settings words: $(cat "$TMP/out")"

# With and without the prefilter, every corpus gives the same findings.
set +e
VERGUARD="$VERGUARD" "$VERGUARD_SOURCE_DIR/tools/prefilter-check" -j 2 >"$TMP/check" 2>&1
rc=$?
set -e
cat "$TMP/check"
[[ $rc == 0 ]] || fail "tools/prefilter-check: exit $rc"
# Every language's corpus (not the crashers), with the default bump and with
# every bump.
CORPORA=$(find "$VERGUARD_SOURCE_DIR/test-corpus" -mindepth 1 -maxdepth 1 -type d ! -name crashers | wc -l)
((CORPORA >= 10)) || fail "test-corpus holds $CORPORA corpora, expected one per language"
[[ $(grep -c '| identical |$' "$TMP/check") == $((2 * CORPORA)) ]] ||
  fail "tools/prefilter-check: not $((2 * CORPORA)) identical rows"

# ... and the check does see a difference: a guard that computes with the
# build before comparing (no literal a bump separates) is found only with
# --no-prefilter, which the check reports.
mkdir -p "$TMP/arith"
printf '$b = [Environment]::OSVersion.Version.Build\nif ($b - 6000 -ge 3) { 1 }\n' > "$TMP/arith/arith.ps1"
set +e
VERGUARD="$VERGUARD" "$VERGUARD_SOURCE_DIR/tools/prefilter-check" -j 1 "$TMP/arith" >"$TMP/check" 2>&1
rc=$?
set -e
[[ $rc == 1 ]] && grep -q '| \*\*differ\*\* |$' "$TMP/check" || fail "a difference not reported: exit $rc, $(cat "$TMP/check")"

# A script whose numbers a dot-sourced script sets holds no literal itself:
# parsed all the same, and its findings note where the numbers are written.
parsed "$CORPUS/powershell/dot-sourced/VG001-constants-from-dot-sourced.ps1"
js "d.findings.length === 2 && d.findings[0].related[0].location.file.endsWith('Builds.ps1') && d.findings[0].related[0].location.line === 2"
echo ok
