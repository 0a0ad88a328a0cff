' Helpers that hand the build back through a parameter: VBScript passes
' arguments ByRef unless told otherwise.
Option Explicit

Sub GetBuild(outBuild)
  Dim sh
  Set sh = CreateObject("WScript.Shell")
  outBuild = CLng(sh.RegRead("HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\CurrentBuildNumber"))
End Sub

Function ReadVersion(ByRef major, ByRef build)
  Dim os
  For Each os In GetObject("winmgmts:\\.\root\cimv2").ExecQuery("Select * from Win32_OperatingSystem")
    major = CLng(Split(os.Version, ".")(0))
    build = CLng(os.BuildNumber)
  Next
  ReadVersion = True
End Function

Sub Ignore(ByVal build)
  build = 6002
End Sub

Dim b, maj, bld, other
GetBuild b
' expect: VG001
If b = 6002 Then WScript.Echo "Windows Server 2008 SP2"
If b >= 7600 Then WScript.Echo "Windows 7 or later"

If ReadVersion(maj, bld) Then
  ' expect: VG001
  If maj = 6 And bld <= 6002 Then WScript.Echo "Vista family"
End If

other = 1
Ignore other
If other = 6002 Then WScript.Echo "not the OS"
