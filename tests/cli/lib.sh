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
