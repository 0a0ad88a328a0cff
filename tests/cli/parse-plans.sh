# What the parse plans leave unparsed (C/C++ function bodies, script
# procedures) changes nothing: each corpus gives the same report with
# everything parsed (--parse-all-bodies).
source "$(dirname "$0")/lib.sh"
for lang in cpp powershell vbscript batch inno; do
  vg --format=json --no-config "$CORPUS/$lang"
  expect_rc 1
  cp "$TMP/out" "$TMP/planned.json"
  js "d.findings.length > 15"
  vg --format=json --no-config --parse-all-bodies "$CORPUS/$lang"
  cmp -s "$TMP/out" "$TMP/planned.json" ||
    fail "$lang: --parse-all-bodies changed the report"
done
# A file whose checks are fed from other functions, with the functions
# around them that feed nothing: the findings are the annotated ones.
vg --format=json --no-config "$CORPUS/powershell/VG001-far-from-the-check.ps1"
js "d.findings.map(f => f.ruleId + '@' + f.location.line).join(' ') === 'VG001@36 VG001@41 VG003@46 VG001@51'"
vg --format=json --no-config "$CORPUS/vbscript/VG001-far-from-the-check.vbs"
js "d.findings.map(f => f.ruleId + '@' + f.location.line).join(' ') === 'VG001@46 VG001@51 VG003@56 VG001@61'"
