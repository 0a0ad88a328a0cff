' File versions of system binaries, whose paths are built at run time.
Option Explicit
Dim sh, fso, wmi, f, kver, k32
Set sh = CreateObject("WScript.Shell")
Set fso = CreateObject("Scripting.FileSystemObject")
kver = fso.GetFileVersion(fso.BuildPath(fso.GetSpecialFolder(1), "ntoskrnl.exe"))
' expect: VG001
If (Split(kver, ".")(2) = "6002" Or Split(kver, ".")(2) = "6003") Then WScript.Echo "SP2 kernel"

k32 = fso.GetFileVersion(sh.ExpandEnvironmentStrings("%SystemRoot%\System32\kernel32.dll"))
' expect: VG003
If (CLng(Split(k32, ".")(3)) >= 24000 Or CLng(Split(k32, ".")(2)) = 6003) Then WScript.Echo "kernel32 update installed"

Set wmi = GetObject("winmgmts:\\.\root\cimv2")
For Each f In wmi.ExecQuery("Select Version from CIM_DataFile Where Name='C:\\Windows\\System32\\ntoskrnl.exe'")
  ' expect: VG002
  If (Left(f.Version, 8) = "6.0.6002" Or Left(f.Version, 8) = "6.0.6003") Then WScript.Echo "SP2 kernel"
Next
' Not a system binary: silent.
Dim mine
mine = fso.GetFileVersion(fso.BuildPath(fso.GetSpecialFolder(1), "contoso.dll"))
If Split(mine, ".")(2) = "6002" Then WScript.Echo "our build 6002"
