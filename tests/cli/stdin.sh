# --stdin-filename NAME (issue 15, item 11): the text comes from stdin and is
# analyzed as if it were NAME (language from the extension, configuration
# from NAME's directory, NAME in the report); --fix prints the fixed text.
source "$(dirname "$0")/lib.sh"
mkdir -p "$TMP/p/src"
cd "$TMP/p"
cat > src/.verguard.yaml <<'YAML'
sources:
  - {name: "Get-OsBuild", quantity: build, language: powershell}
YAML
SCRIPT='if ((Get-OsBuild) -eq 6002) { "sp2" }
if ((Get-OsBuild) -ge 6002) { "ok" }
'
vgin() { set +e; printf '%s' "$1" | "$VERGUARD" "${@:2}" >"$TMP/out" 2>"$TMP/err"; RC=$?; set -e; }
# The file does not exist: its name is enough.
[[ ! -e src/deploy.ps1 ]]
vgin "$SCRIPT" --format=json --stdin-filename src/deploy.ps1
expect_rc 1
js "d.findings.length === 1 && d.findings[0].location.file === 'src/deploy.ps1' && d.findings[0].location.line === 1"
js "d.findings[0].severity === 'error'"   # the source from src/.verguard.yaml
# Elsewhere the configuration does not apply: the same text has no source.
vgin "$SCRIPT" --format=json --stdin-filename other/deploy.ps1
expect_rc 0
js "d.findings.length === 0"
# The extension chooses the language: the same bytes as C++ hold no finding.
vgin "$SCRIPT" --format=json --stdin-filename src/deploy.cpp
js "d.findings.length === 0"
# --fix prints the whole fixed text and writes no file.
vgin "$SCRIPT" --fix --stdin-filename src/deploy.ps1
expect_rc 0
[[ $(cat "$TMP/out") == 'if (6002, 6003 -contains (Get-OsBuild)) { "sp2" }
if ((Get-OsBuild) -ge 6002) { "ok" }' ]] || fail "--fix output: $(cat "$TMP/out")"
[[ ! -e src/deploy.ps1 ]] || fail "--fix wrote a file"
grep -q "fixed 1 finding" "$TMP/err" || fail "--fix summary: $(cat "$TMP/err")"
# Nothing to fix: the text comes back as it was.
vgin 'Write-Host "hello"' --fix --stdin-filename src/deploy.ps1
expect_rc 0
[[ $(cat "$TMP/out") == 'Write-Host "hello"' ]] || fail "--fix without findings: $(cat "$TMP/out")"
# --diff shows the change against NAME (exit 1: there is something to apply).
vgin "$SCRIPT" --diff --stdin-filename src/deploy.ps1
expect_rc 1
grep -q '^+++ b/src/deploy.ps1$' "$TMP/out" || fail "--diff: $(cat "$TMP/out")"
grep -q '^+if (6002, 6003 -contains (Get-OsBuild)) { "sp2" }$' "$TMP/out" || fail "--diff line"
# C/C++ from stdin, headers next to NAME found as for the file itself.
cat > src/sp2.h <<'CPP'
#define SP2_BUILD 6002
CPP
vgin '#include <windows.h>
#include "sp2.h"
bool f() { OSVERSIONINFOW v = {sizeof(v)}; GetVersionExW(&v); return v.dwBuildNumber <= SP2_BUILD; }
' --format=json --stdin-filename src/os.cpp
expect_rc 1
js "d.findings.length === 1 && d.findings[0].location.file === 'src/os.cpp' && d.findings[0].location.line === 3"
js "d.findings[0].related[0].location.file === 'src/sp2.h'"
# Usage errors: an extension no language has, paths next to it.
vgin "$SCRIPT" --stdin-filename notes.txt
expect_rc 2
grep -q "^verguard: error: --stdin-filename notes.txt: no language verguard reads has this extension" "$TMP/err" || fail "bad extension: $(cat "$TMP/err")"
vgin "$SCRIPT" --stdin-filename src/deploy.ps1 src
expect_rc 2
grep -q "^verguard: error: --stdin-filename analyzes the text from stdin only" "$TMP/err" || fail "paths with stdin: $(cat "$TMP/err")"
