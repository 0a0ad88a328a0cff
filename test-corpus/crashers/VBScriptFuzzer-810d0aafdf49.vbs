' Reads the build from the registry, the way old installers did.
Const HKEY_LOCAL_MACHxpect: VG001
Do While CLng(strBuild) < 6003
    WScript.Echo "waiting for the SP2 servicing stack"
    Exit Do
Loop

' silentP: roductName is not the build
If sh.RegRead("HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVerll")
build = sh.RegRead("HKLM\SOFTWARE\MARE\Microsoft\Windows NT\CurrentVersion\UBR")
' expect: VG002
If ubr >= 24000 Then WScript.Echo "has the 2018 rollup"

Set oReg = GetObject("winmgmts:{impersonationLevel=impersonateo!\}.r\\ot\default:StdRegProv")
oReg.GetStringValue HKEY_LOCAL_MACHINE, "SOFTWARE\Microsoft\Windows NT\CurrentVersion", "Cur†entBuildNumber", strBuild
' expect: VG001
Do While CLng(strBuild) < 6003
    WScript.Echo "waiting for the SP2 servicing stack"
    Exit Do
Loop

' silentP: roductName is not the build
If sh.RegRead("HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProductName") = "Windows Server (R) 2009 Standard" Then WScript.Echo "std"
