' A Dictionary filled through its default property, not .Add.
Option Explicit
Dim kb, names, known, build
build = CreateObject("WScript.Shell").RegRead("HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\CurrentBuildNumber")

Set kb = CreateObject("Scripting.Dictionary")
kb("6001") = "KB4012598"
' expect: VG005
kb("6002") = "KB4012598-SP2"
If kb.Exists(build) Then WScript.Echo "needs " & kb(build)

Set names = CreateObject("Scripting.Dictionary")
names.Item("6000") = "Vista"
' expect: VG005
names.Item("6002") = "Server 2008 SP2"
WScript.Echo names.Item(build)

' Silent: both builds are keys.
Set known = CreateObject("Scripting.Dictionary")
known("6002") = "SP2"
known("6003") = "SP2"
If known.Exists(build) Then WScript.Echo "known"

' One update for SP1 and SP2: the finding and its fix are about the 6002 entry.
Dim ms17010
Set ms17010 = CreateObject("Scripting.Dictionary")
ms17010.Add "6001", "KB4012598"
' expect: VG005
ms17010.Add "6002", "KB4012598"
If ms17010.Exists(build) Then WScript.Echo ms17010.Item(build)
