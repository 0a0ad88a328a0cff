# Shared helpers for the command-line tests (sourced, not run).
set -euo pipefail
: "${VERGUARD:?set by ctest}" "${VERGUARD_SOURCE_DIR:?set by ctest}"
CORPUS="$VERGUARD_SOURCE_DIR/test-corpus"
TMP="$(mktemp -d)"
trap 'chmod -R u+rwX "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# Runs verguard, capturing stdout/stderr/exit code without stopping on 1.
vg() { set +e; "$VERGUARD" "$@" >"$TMP/out" 2>"$TMP/err"; RC=$?; set -e; }
expect_rc() { [[ $RC == "$1" ]] || fail "exit code $RC, expected $1; stderr: $(cat "$TMP/err")"; }
# Evaluates a JavaScript expression over the JSON in $TMP/out (as `d`).
js() {
  node -e 'const [file, expr] = process.argv.slice(1);
    const d = JSON.parse(require("fs").readFileSync(file, "utf8"));
    if (!eval(expr)) { console.error("assertion failed: " + expr); process.exit(1); }' \
    "$TMP/out" "$1" || fail "JSON check"
}
# Writes a PowerShell script with two findings: VG001 on line 2, VG002 on 3.
write_os_ps1() {
  cat > "$1" <<'PS'
$os = Get-CimInstance Win32_OperatingSystem
if ($os.BuildNumber -eq 6002) { 'sp2' }
if ($os.Version -like '6.0.6002*') { 'sp2' }
PS
}
# Shared by the frontends' end-to-end tests (python.sh, jscript.sh, csharp.sh):
# A UTF-16 file with a BOM, fixed in place: writes FORMAT (printf's, UTF-8)
# to FILE as UTF-16LE after a BOM, checks its one finding at LINE:COL, runs
# --fix and checks that the BOM stays and the fixed text matches PATTERN.
fix_utf16() {
  local file=$1 format=$2 line=$3 col=$4 pattern=$5
  printf '\xff\xfe' > "$file"
  # shellcheck disable=SC2059 # the text is a printf format (\r\n, escapes)
  printf -- "$format" | iconv -f UTF-8 -t UTF-16LE >> "$file"
  vg --format=json "$file"
  expect_rc 1
  js "d.findings.length === 1 && d.findings[0].location.line === $line && d.findings[0].location.column === $col"
  vg --fix --quiet "$file"
  head -c 2 "$file" | od -An -tx1 | grep -q "ff fe" || fail "BOM lost: $file"
  iconv -f UTF-16 -t UTF-8 "$file" | grep -q -- "$pattern" || fail "UTF-16 fix: $(iconv -f UTF-16 -t UTF-8 "$file")"
}
# The prefilter changes nothing: DIR gives the same findings (at least MIN
# of them) with and without it.
same_without_prefilter() {
  local dir=$1 min=$2
  vg --format=json --no-cache "$dir"
  cp "$TMP/out" "$TMP/with-prefilter.json"
  vg --format=json --no-cache --no-prefilter "$dir"
  node -e "
const [a, b] = process.argv.slice(1).map(f => JSON.parse(require('fs').readFileSync(f)).findings.map(x => x.fingerprint).sort());
if (a.length < $min || JSON.stringify(a) !== JSON.stringify(b)) { console.error(a.length, b.length); process.exit(1); }
" "$TMP/with-prefilter.json" "$TMP/out" || fail "--no-prefilter differs on $dir"
}
# The result cache (in $TMP/cache): a second run over DIR parses nothing,
# takes COUNT results from the cache and gives the same findings.
same_from_cache() {
  local dir=$1 count=$2
  export XDG_CACHE_HOME="$TMP/cache"
  vg --format=json "$dir"
  cp "$TMP/out" "$TMP/first.json"
  vg --format=json --verbose "$dir"
  node -e "
const [a, b] = process.argv.slice(1).map(f => JSON.stringify(JSON.parse(require('fs').readFileSync(f)).findings));
if (a !== b) process.exit(1);
" "$TMP/first.json" "$TMP/out" || fail "cached run differs"
  grep -q "parsed 0 files, $count results from the result cache" "$TMP/err" ||
    fail "not from the cache: $(cat "$TMP/err")"
}
