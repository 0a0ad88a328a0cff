' None of these depend on the bumped build: verguard must stay silent.
Option Explicit
Dim sh, port, rc, wmi, os, build, ver, msg

' 6002 as a TCP port
port = 6002
If port = 6002 Then WScript.Echo "listening on the default port"

' 6002 as an error code returned by a tool
Set sh = CreateObject("WScript.Shell")
rc = sh.Run("setup.exe /quiet", 0, True)
If rc = 6002 Then WScript.Echo "setup reported 6002"

' comments and strings that mention 6.0.6002 or build 6002
msg = "Tested on 6.0.6002 and build 6002"
WScript.Echo msg ' If build = 6002 Then ...
Rem If os.BuildNumber = "6002" Then

Set wmi = GetObject("winmgmts:\\.\root\cimv2")
For Each os In wmi.ExecQuery("Select * from Win32_OperatingSystem")
    build = CLng(os.BuildNumber)
    ver = os.Version
Next

' bump-aware comparisons
If build >= 6002 Then WScript.Echo "SP2 or later"
If build > 6001 Then WScript.Echo "after SP1"
If build >= 6000 And build < 7600 Then WScript.Echo "Vista family"
If build = 6002 Or build = 6003 Then WScript.Echo "SP2 (either build)"
If Left(ver, 4) = "6.0." Then WScript.Echo "Vista kernel"

' Windows 10 ladder: nothing near 6002
If build >= 22000 Then
    WScript.Echo "Windows 11"
ElseIf build >= 19041 Then
    WScript.Echo "Windows 10 2004+"
ElseIf build >= 10240 Then
    WScript.Echo "Windows 10"
ElseIf build >= 9600 Then
    WScript.Echo "Windows 8.1"
End If

Select Case build
    Case 7600, 7601
        WScript.Echo "Windows 7"
    Case Is >= 9200
        WScript.Echo "Windows 8+"
End Select

' Another WMI class's BuildNumber is not the OS's.
Dim biosWmi, bios
Set biosWmi = GetObject("winmgmts:\\.\root\cimv2")
For Each bios In biosWmi.ExecQuery("SELECT * FROM Win32_BIOS")
  If bios.BuildNumber = "6002" Then WScript.Echo "that BIOS build"
Next
For Each bios In biosWmi.InstancesOf("Win32_BIOS")
  If bios.BuildNumber = "6002" Then WScript.Echo "that BIOS build"
Next
