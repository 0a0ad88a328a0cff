' MDT user exit: set task sequence variables from the OS build.
Option Explicit
Dim oShell, oWmi, oOs, sBuild, iBuild, bIsSp2, sSp, oReg, lUbr
Set oShell = CreateObject("WScript.Shell")
Set oWmi = GetObject("winmgmts:\\.\root\cimv2")

For Each oOs In oWmi.ExecQuery("Select BuildNumber, CSDVersion From Win32_OperatingSystem")
    sBuild = oOs.BuildNumber
    sSp = oOs.CSDVersion
Next
iBuild = CInt(sBuild)

' expect: VG001
bIsSp2 = (iBuild = 6002)

' expect: VG001
If Not (iBuild > 6002) Then
    oShell.Run "cmd /c echo legacy", 0, True
End If

' expect: VG001
Do Until iBuild <> 6002
    Exit Do
Loop

' expect: VG001
While iBuild < 6003 And sSp = "Service Pack 2"
    Exit Do
Wend

' expect: VG001
If sBuild = "6002" And sSp = "Service Pack 2" Then WScript.Echo "SP2"

' silent: the service pack string is the same on 6002 and 6003
If sSp = "Service Pack 2" Then WScript.Echo "SP2 by CSD"

Const HKLM = &H80000002
Set oReg = GetObject("winmgmts:\\.\root\default:StdRegProv")
oReg.GetDWORDValue HKLM, "SOFTWARE\Microsoft\Windows NT\CurrentVersion", "UBR", lUbr
' expect: VG003
If lUbr < 24000 Then WScript.Echo "missing the 2018 rollup"

' silent: build taken from the variable but compared bump-aware
If iBuild >= 6002 And iBuild < 7600 Then WScript.Echo "SP2 either build"
