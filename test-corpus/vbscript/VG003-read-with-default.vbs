' A logon script reads the UBR with a default for machines that lack it;
' the default on failure does not replace what the read gives.
Option Explicit
Dim oShell, sUbr, sMode
Set oShell = CreateObject("WScript.Shell")
On Error Resume Next
sUbr = oShell.RegRead("HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\UBR")
On Error GoTo 0
If sUbr = "" Then sUbr = 0
' expect: VG003
If CLng(sUbr) >= 24000 Then WScript.Echo "servicing stack present"

sMode = "6002"
If oShell.ExpandEnvironmentStrings("%MODE%") <> "%MODE%" Then sMode = "0"
' Silent: the script's own mode, not the OS's.
If sMode = "6002" Then WScript.Echo "legacy mode"
