' Logon script: map drives and pick the right agent for the OS.
Option Explicit

Dim objWMIService, colOSes, objOS, strComputer
strComputer = "."
Set objWMIService = GetObject("winmgmts:{impersonationLevel=impersonate}!\\" _
    & strComputer & "\root\cimv2")
Set colOSes = objWMIService.ExecQuery("Select * from Win32_OperatingSystem")

For Each objOS In colOSes
    ' Server 2008 SP2 gets the legacy agent.
    ' expect: VG001
    If (objOS.BuildNumber = "6002" Or objOS.BuildNumber = "6003") Then
        InstallAgent "legacy"
    ' expect: VG001
    ElseIf CLng(objOS.BuildNumber) > 6003 Then
        InstallAgent "modern"
    End If

    ' expect: VG001
    If CInt(objOS.BuildNumber) <= 6003 Then WScript.Echo "Vista-era kernel"

    ' already fine: newer builds of the release pass too
    If CLng(objOS.BuildNumber) >= 6002 Then WScript.Echo "SP2 or later"

    ' not about the bumped build at all
    If objOS.BuildNumber = "7601" Then WScript.Echo "Windows 7 SP1"
Next

Sub InstallAgent(kind)
    WScript.Echo "installing " & kind
End Sub
