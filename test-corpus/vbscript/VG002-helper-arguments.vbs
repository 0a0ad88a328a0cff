' Helpers that take what to compare with as arguments: each call is judged
' on its own, so the call with 6002 flips and the one with 7601 does not.
Option Explicit

Function OsVersion()
  Dim objWMI, colOS, objOS
  Set objWMI = GetObject("winmgmts:\\.\root\cimv2")
  Set colOS = objWMI.ExecQuery("SELECT Version FROM Win32_OperatingSystem")
  For Each objOS In colOS
    OsVersion = objOS.Version
  Next
End Function

Function IsBuildOf(strVersion, lngBuild)
  IsBuildOf = (CLng(Split(strVersion, ".")(2)) = lngBuild)
End Function

Function StartsWithVersion(strVersion, strPrefix)
  StartsWithVersion = (Left(strVersion, Len(strPrefix)) = strPrefix)
End Function

' The build is read from the version string, inside the helper: component
' 2 of the version is the build, so this compares the build (VG001), as
' `$v.Split('.')[2] -eq 6002` does in PowerShell.
' expect: VG001
If IsBuildOf(OsVersion(), 6002) Then
  WScript.Echo "Windows Server 2008 SP2"
ElseIf IsBuildOf(OsVersion(), 7601) Then
  WScript.Echo "Windows Server 2008 R2 SP1"
End If

' expect: VG002
If StartsWithVersion(OsVersion(), "6.0.6002") Then WScript.Echo "SP2 again"

If StartsWithVersion(OsVersion(), "6.1") Then WScript.Echo "Windows 7 family"
