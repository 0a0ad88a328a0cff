' WMI and WScript.Shell objects handed to helpers: the helper reads the
' version from its parameter, and every call passes the same kind of object.
Option Explicit

Function IsServer2008Sp2(os)
  ' expect: VG001
  IsServer2008Sp2 = ((os.BuildNumber = "6002" Or os.BuildNumber = "6003"))
End Function

Sub ReportKernel(item)
  ' expect: VG001
  If CLng(item.BuildNumber) <= 6003 Then WScript.Echo "pre-6003 kernel"
  ' Silent: the family is the same before and after.
  If Left(item.Version, 4) = "6.0." Then WScript.Echo "Vista family"
End Sub

Sub CheckAll(colItems)
  Dim objItem
  For Each objItem In colItems
    ' expect: VG001
    If (objItem.BuildNumber = "6002" Or objItem.BuildNumber = "6003") Then WScript.Echo "SP2"
  Next
End Sub

Function ReadBuild(sh)
  ReadBuild = sh.RegRead("HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\CurrentBuildNumber")
End Function

Dim objWMI, colOS, objOS, shell
Set objWMI = GetObject("winmgmts:{impersonationLevel=impersonate}!\\.\root\cimv2")
Set colOS = objWMI.ExecQuery("SELECT * FROM Win32_OperatingSystem")
For Each objOS In colOS
  If IsServer2008Sp2(objOS) Then WScript.Echo "2008 SP2"
  ReportKernel objOS
Next
CheckAll colOS

Set shell = CreateObject("WScript.Shell")
' expect: VG001
If ReadBuild(shell) = "6002" Then WScript.Echo "SP2 by registry"
' Silent: 7601 is one build on both sides of the bump.
If ReadBuild(shell) = "7601" Then WScript.Echo "2008 R2 SP1"

' Silent: a helper handed different objects knows neither of them.
Function Describe(thing)
  If thing.Version = "6002" Then Describe = "six thousand two"
End Function
WScript.Echo Describe(objOS)
WScript.Echo Describe(shell)

' A helper that branches on a number its caller reads from the OS.
Function PickInstaller(build)
  ' expect: VG001
  If (build = 6002 Or build = 6003) Then
    PickInstaller = "legacy.msi"
  Else
    PickInstaller = "agent.msi"
  End If
End Function

' Judged at the call, where it is used as a condition.
Function IsBuild6002(b)
  IsBuild6002 = (b = 6002)
End Function

For Each objOS In colOS
  WScript.Echo PickInstaller(CLng(objOS.BuildNumber))
  ' expect: VG001
  If IsBuild6002(CLng(objOS.BuildNumber)) Then WScript.Echo "SP2"
Next

' A helper that returns the first instance, or Nothing: its callers get the
' instance.
Function GetOS()
  Dim svc, items, item
  Set svc = GetObject("winmgmts:{impersonationLevel=impersonate}!\\.\root\cimv2")
  Set items = svc.ExecQuery("SELECT * FROM Win32_OperatingSystem")
  For Each item In items
    Set GetOS = item
    Exit Function
  Next
  Set GetOS = Nothing
End Function

Function IsSp2Host(host)
  ' expect: VG001
  IsSp2Host = ((host.BuildNumber = "6002" Or host.BuildNumber = "6003"))
End Function

Dim firstOs
Set firstOs = GetOS()
If IsSp2Host(firstOs) Then WScript.Echo "SP2 host"
' expect: VG001
If CLng(Split(firstOs.Version, ".")(2)) < 6004 Then WScript.Echo "before the bump"
