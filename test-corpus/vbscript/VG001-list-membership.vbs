' A build looked up in a list of constants, by For Each or by index.
Option Explicit
Const LEGACY_BUILDS = "6000,6001,6002"
Dim sh, b, x, i, legacy, older, known, win7
Set sh = CreateObject("WScript.Shell")
b = CLng(sh.RegRead("HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\CurrentBuildNumber"))

For Each x In Array(6001, 6002)
  ' expect: VG001
  If x = b Then WScript.Echo "needs the legacy driver"
Next

legacy = Array(6000, 6001, 6002)
For i = 0 To UBound(legacy)
  ' expect: VG001
  If legacy(i) = b Then WScript.Echo "legacy build"
Next

For Each x In Split(LEGACY_BUILDS, ",")
  ' expect: VG001
  If b = CLng(x) Then WScript.Echo "listed"
Next

known = Split("6001,6002", ",")
For Each x In known
  ' expect: VG001
  If CLng(x) = b Then WScript.Echo "known build"
Next

' Silent: neither 6002 nor 6003 is in these lists.
win7 = Split("7600,7601", ",")
For Each x In win7
  If CLng(x) = b Then WScript.Echo "Windows 7 by name"
Next
older = Array(6000, 6001)
For Each x In older
  If x = b Then WScript.Echo "before SP2"
Next
For Each x In Array(7600, 7601)
  If x = b Then WScript.Echo "Windows 7"
Next
