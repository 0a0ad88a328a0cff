' A Scripting.Dictionary keyed by build: 6003 falls out of the table.
Option Explicit
Dim names, sh, build
Set names = CreateObject("Scripting.Dictionary")
names.Add 6001, "Windows Server 2008 SP1"
' expect: VG005
names.Add 6002, "Windows Server 2008 SP2"
names.Add 7601, "Windows Server 2008 R2 SP1"
Set sh = CreateObject("WScript.Shell")
build = CLng(sh.RegRead("HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\CurrentBuildNumber"))
If names.Exists(build) Then
  WScript.Echo names.Item(build)
End If

' Keys that are strings never match a number: nothing flips.
Dim labels
Set labels = CreateObject("Scripting.Dictionary")
labels.Add "6002", "SP2"
If labels.Exists(build) Then WScript.Echo "never"
