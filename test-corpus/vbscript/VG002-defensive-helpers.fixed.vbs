' A defensive helper (an empty string when the file is missing) and the
' output of ver with its line breaks removed.
Option Explicit

Function SystemFileVersion(fileName)
  Dim fso, p
  Set fso = CreateObject("Scripting.FileSystemObject")
  p = fso.BuildPath(fso.GetSpecialFolder(1), fileName)
  If fso.FileExists(p) Then
    SystemFileVersion = fso.GetFileVersion(p)
  Else
    SystemFileVersion = ""
  End If
End Function

' expect: VG002
If Left(SystemFileVersion("ntoskrnl.exe"), 8) = "6.0.6002" Then WScript.Echo "SP2 kernel"
' Silent: the same family before and after.
If Left(SystemFileVersion("ntoskrnl.exe"), 4) = "6.0." Then WScript.Echo "Vista kernel"

Dim out
out = CreateObject("WScript.Shell").Exec("cmd /c ver").StdOut.ReadAll
out = Replace(out, vbCrLf, "")
' expect: VG002
If (InStr(out, "6.0.6002") > 0 Or InStr(out, "6.0.6003") > 0) Then WScript.Echo "SP2 by ver"
If InStr(out, "[Version 6.0.") > 0 Then WScript.Echo "Vista family"
