' HTA-era helper converted to a script: checks the WMI Version string.
Set objWMI = GetObject("winmgmts:\\.\root\cimv2")
Set colItems = objWMI.ExecQuery("SELECT Version, CSDVersion FROM Win32_OperatingSystem")
For Each objItem In colItems
    strVersion = objItem.Version
Next

' expect: VG002
If (strVersion = "6.0.6002" Or strVersion = "6.0.6003") Then WScript.Echo "2008 SP2"

' expect: VG002
If (Left(strVersion, 8) = "6.0.6002" Or Left(strVersion, 8) = "6.0.6003") Then WScript.Echo "2008 SP2 family"

' expect: VG002
If (InStr(strVersion, "6.0.6002") > 0 Or InStr(strVersion, "6.0.6003") > 0) Then bLegacy = True

' expect: VG002
If (StrComp(strVersion, "6.0.6002", vbTextCompare) = 0 Or StrComp(strVersion, "6.0.6003", vbTextCompare) = 0) Then WScript.Echo "exact"

' silent: the major.minor prefix does not change
If Left(strVersion, 3) = "6.0" Then WScript.Echo "Vista kernel"

' silent: Windows 7
If strVersion = "6.1.7601" Then WScript.Echo "Win7"

' systeminfo's output, run through Exec: its "OS Version:" line holds the
' version.
Dim sysInfo
sysInfo = CreateObject("WScript.Shell").Exec("systeminfo").StdOut.ReadAll
' expect: VG002
If (InStr(sysInfo, "6.0.6002") > 0 Or InStr(sysInfo, "6.0.6003") > 0) Then WScript.Echo "2008 SP2 by systeminfo"
' expect: VG002
If (InStr(sysInfo, "Build 6002") > 0 Or InStr(sysInfo, "Build 6003") > 0) Then WScript.Echo "2008 SP2 by its Build"
' Silent: the same family before and after.
If InStr(sysInfo, "OS Version:                6.0.") > 0 Then WScript.Echo "2008"
