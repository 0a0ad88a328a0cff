' A RegExp reads the build out of `ver`'s output: Execute, the first match,
' and one of its SubMatches, compared with a build.
Option Explicit
Dim sh, outText, re, found, build
Set sh = CreateObject("WScript.Shell")
outText = sh.Exec("%ComSpec% /c ver").StdOut.ReadAll
Set re = New RegExp
re.Pattern = "Version (\d+)\.(\d+)\.(\d+)"
Set found = re.Execute(outText)
If found.Count > 0 Then
  build = CLng(found(0).SubMatches(2))
  ' expect: VG002
  If (build = 6002 Or build = 6003) Then WScript.Echo "Windows Server 2008 SP2"
  If build >= 7600 Then WScript.Echo "Windows 7 or later"
End If

' The same in one chain, on the minor version: nothing flips.
If CLng(re.Execute(outText)(0).SubMatches(1)) = 0 Then WScript.Echo "6.0"

' The whole match, through .Item and .Value.
' expect: VG002
If found.Item(0).Value = "Version 6.0.6002" Then WScript.Echo "SP2 again"
