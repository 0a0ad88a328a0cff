# Version sources and bumps are data (rules/sources.yaml, rules/profiles.yaml):
# a user's `sources:` reach VBScript/VBA too, and tables keyed by the builds
# of any bump are inferred, not only those keyed by 6002.
source "$(dirname "$0")/lib.sh"
mkdir -p "$TMP/vb"
cat > "$TMP/vb/check.vbs" <<'VBS'
Dim b
b = GetOsBuild()
If b = 6002 Then WScript.Echo "SP2"
If OsInfo.Build = 6002 Then WScript.Echo "SP2 again"
If PlainFunction() = 6002 Then WScript.Echo "not a source"
VBS
vg --format=json "$TMP/vb"
expect_rc 0   # GetOsBuild and OsInfo.Build are unknown without a config
cat > "$TMP/vb/.verguard.yaml" <<'YAML'
sources:
  - {name: GetOsBuild, quantity: build, language: vbscript}
  - {name: OsInfo.Build, quantity: build}
YAML
vg --format=json "$TMP/vb"
expect_rc 1
js "d.findings.length === 2 && d.findings.every(f => f.ruleId === 'VG001' && f.severity === 'error')"
js "d.findings.map(f => f.location.line).join() === '3,4'"
# A source declared for another language does not apply to VBScript.
printf 'sources:\n  - {name: GetOsBuild, quantity: build, language: powershell}\n' > "$TMP/vb/.verguard.yaml"
vg --format=json "$TMP/vb"
expect_rc 0

# A PowerShell table keyed by Windows 11 builds, whose lookup cannot be
# followed: found under the 22621 -> 22631 bump, silent under the default.
mkdir -p "$TMP/ps"
cat > "$TMP/ps/names.ps1" <<'PS1'
$friendly = @{
    22000 = 'Windows 11 21H2'
    22621 = 'Windows 11 22H2'   # Nickel
    26100 = 'Windows 11 24H2'
}
$key = Read-Host
$friendly[$key]
PS1
vg --format=json "$TMP/ps"
expect_rc 0
vg --format=json --bump win11-22621-22631 "$TMP/ps"
expect_rc 1
js "d.findings.length === 1 && d.findings[0].ruleId === 'VG005' && d.findings[0].location.line === 3 && d.findings[0].severity === 'warning'"
# The fix adds 22631 after the value, before the comment.
js "d.findings[0].fix.edits[0].replacement === \"; 22631 = 'Windows 11 22H2'\""
echo "sources-and-bumps: ok"
