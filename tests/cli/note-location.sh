# A note names its file, line and column once (issue 13): the report puts
# them before `note:`, and the message does not say them again. One note
# from every script frontend: PowerShell, VBScript, Python, JScript (and
# .jse), batch, NSIS, Inno Setup, WiX and C#.
source "$(dirname "$0")/lib.sh"
mkdir "$TMP/n"
cd "$TMP/n"
printf '$os = Get-CimInstance Win32_OperatingSystem\nif ($os.BuildNumber -eq 6002 {\n' > bad.ps1
printf 'x = (((\nIf y = "6002" Then z = 1\n' > bad.vbs
printf 'import sys\ndef broken(:\n  pass\n' > bad.py
printf 'var sh = new ActiveXObject("WScript.Shell");\nvar x = ;\n' > bad.js
printf '#@~^AAAAAA==encoded==^#~@' > enc.jse
printf 'echo %09000d\n' 0 > long.cmd
printf 'Function f\n  Goto nowhere\nFunctionEnd\n' > bad.nsi
printf '[Setup]\nMinVersion=6.x\n' > bad.iss
printf '<Wix><Product>\n<Condition Message="m">WindowsBuild = = 6002</Condition>\n</Product></Wix>\n' > bad.wxs
printf 'class B { void N() { int x = 1 +; f(; } }\n' > bad.cs

# Text (stderr): `file:line:col: note: message`, the message without a place.
vg --verbose --no-cache --no-prefilter .
expect_rc 0
repeated=()
for at in bad.ps1:2:1 bad.vbs:1:1 bad.py:2:12 bad.js:2:7 enc.jse:1:1 long.cmd:1:1 \
  bad.nsi:2:8 bad.iss:2:12 bad.wxs:2:39 bad.cs:1:33; do
  note=$(grep -F "$at: note: " "$TMP/err") || fail "no note at $at: $(cat "$TMP/err")"
  msg=${note#*": note: "}
  [[ $msg != *"${at%%:*}"* && ! $msg =~ ^[0-9]+:[0-9]+: ]] || repeated+=("$note")
done
(( ${#repeated[@]} == 0 )) || fail "location repeated: $(printf '\n  %s' "${repeated[@]}")"

# JSON: the place in file/line/column, never in the message.
vg --format=json --no-cache --no-prefilter .
js "d.diagnostics.length === 10"
js "d.diagnostics.every(x => x.line > 0 && x.column > 0 && !x.message.includes(x.file.split('/').pop()) && !/^[0-9]+:[0-9]+:/.test(x.message))"
