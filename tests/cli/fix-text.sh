# Fix text (issue 15, item 10): a fix never evaluates a call twice; a
# comparison with a macro or named constant points at its definition (text
# note, JSON `related`, SARIF `relatedLocations`); VG005 quotes the table.
source "$(dirname "$0")/lib.sh"
SARIF_TOOL="$NODE_MODULES/@microsoft/sarif-multitool-linux/Sarif.Multitool"
mkdir -p "$TMP/p"
cd "$TMP/p"
cat > .verguard.yaml <<'YAML'
sources:
  - {name: "MyOs::Build", quantity: build, language: cpp}
YAML
cat > sp2.h <<'CPP'
// Builds this product knows.
#define SP2_BUILD 6002
CPP
cat > os.cpp <<'CPP'
#include <windows.h>
#include "sp2.h"
namespace MyOs { unsigned long Build(); }
bool IsSp2() { return MyOs::Build() == 6002; }
bool IsSp2ByName() {
  OSVERSIONINFOW v = {sizeof(v)};
  GetVersionExW(&v);
  return v.dwBuildNumber == SP2_BUILD;
}
CPP
cp os.cpp os.orig

# A call is never written twice: no fix, and the reason names the call.
vg --format=json os.cpp
expect_rc 1
js "d.findings.length === 2"
js "d.findings[0].location.line === 4 && d.findings[0].fix === null"
js "d.findings[0].noFixReason.includes('would call \`MyOs::Build()\` again')"
# The member read is joined as before, and the macro's #define is a note.
js "d.findings[1].location.line === 8 && d.findings[1].fix.edits[0].replacement === '(v.dwBuildNumber == SP2_BUILD || v.dwBuildNumber == 6003)'"
js "d.findings[1].related.length === 1 && d.findings[1].related[0].location.file === 'sp2.h'"
js "d.findings[1].related[0].location.line === 2 && d.findings[1].related[0].location.column === 19"
js "d.findings[1].related[0].message === '\`SP2_BUILD\` is defined here as 6002'"
js "d.findings[0].related === undefined"
vg --fix os.cpp
grep -q 'return MyOs::Build() == 6002;' os.cpp || fail "--fix rewrote the call: $(cat os.cpp)"
grep -Fq 'return (v.dwBuildNumber == SP2_BUILD || v.dwBuildNumber == 6003);' os.cpp || fail "--fix: $(cat os.cpp)"
cp os.orig os.cpp

# Text: the note as a diagnostic line of its own, with the #define shown.
vg os.cpp
expect_rc 1
grep -q "no fix: a second comparison for build 6003 would call \`MyOs::Build()\` again" "$TMP/out" || fail "text: $(cat "$TMP/out")"
grep -q "^sp2.h:2:19: note: \`SP2_BUILD\` is defined here as 6002$" "$TMP/out" || fail "text note: $(cat "$TMP/out")"
grep -q "^  #define SP2_BUILD 6002$" "$TMP/out" || fail "text note excerpt"

# SARIF: relatedLocations, and the log still validates.
vg --format=sarif -o "$TMP/out" os.cpp
js "d.runs[0].results[1].relatedLocations[0].physicalLocation.artifactLocation.uri === 'sp2.h'"
js "d.runs[0].results[1].relatedLocations[0].physicalLocation.region.startLine === 2"
js "d.runs[0].results[1].relatedLocations[0].message.text.includes('SP2_BUILD')"
"$SARIF_TOOL" validate "$TMP/out" -o "$TMP/validation.sarif" > "$TMP/validate.log" 2>&1 || fail "validator failed: $(cat "$TMP/validate.log")"
cp "$TMP/validation.sarif" "$TMP/out"
js "(d.runs[0].results || []).filter(r => r.level === 'error').length === 0"

# VG005 speaks of the table's own entries, not of the lowered key test.
vg --format=json "$CORPUS/powershell/VG005-hashtable.ps1" "$CORPUS/cpp/VG005-build-table.cpp"
expect_rc 1
js "d.findings.filter(f => f.ruleId === 'VG005').length === 4"
js "d.findings.every(f => !f.message.includes('subject'))"
js "d.findings.some(f => f.message.startsWith(\"the lookup in this table finds \`6002 = 'Windows Server 2008 SP2'\` on 6.0.6002.24566 but nothing on 6.0.6003.20491\"))"
js "d.findings.some(f => f.message.includes('\`{6002, L\"Windows Server 2008 SP2\"}\`'))"
