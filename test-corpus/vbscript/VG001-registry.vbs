' Reads the build from the registry, the way old installers did.
Const HKEY_LOCAL_MACHINE = &H80000002
Dim sh, build, ubr, oReg, strBuild
Set sh = CreateObject("WScript.Shell")
build = sh.RegRead("HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\CurrentBuildNumber")
' expect: VG001
If build = "6002" Then
    WScript.Echo "2008 SP2"
End If

ubr = sh.RegRead("HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\UBR")
' expect: VG003
If ubr >= 24000 Then WScript.Echo "has the 2018 rollup"

Set oReg = GetObject("winmgmts:{impersonationLevel=impersonate}!\\.\root\default:StdRegProv")
oReg.GetStringValue HKEY_LOCAL_MACHINE, "SOFTWARE\Microsoft\Windows NT\CurrentVersion", "CurrentBuildNumber", strBuild
' expect: VG001
Do While CLng(strBuild) < 6003
    WScript.Echo "waiting for the SP2 servicing stack"
    Exit Do
Loop

' silent: ProductName is not the build
If sh.RegRead("HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProductName") = "Windows Server (R) 2008 Standard" Then WScript.Echo "std"
