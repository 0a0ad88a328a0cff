' Logon script helpers: each check reads its build from somewhere else in
' the file (a function's result, a global another procedure sets, the
' top-level code), among procedures that have nothing to do with versions.
Option Explicit
Dim gBuild, objOS, fso

Function GetOsBuild()
    Dim os
    For Each os In GetObject("winmgmts:\\.\root\cimv2").InstancesOf("Win32_OperatingSystem")
        GetOsBuild = os.BuildNumber
    Next
End Function

Sub MapDrives()
    Dim net
    Set net = CreateObject("WScript.Network")
    net.MapNetworkDrive "H:", "\\fileserver\home"
End Sub

Sub LoadBuild()
    gBuild = GetOsBuild()
End Sub

Function GetPatchLevel()
    Dim sh
    Set sh = CreateObject("WScript.Shell")
    GetPatchLevel = sh.RegRead("HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\UBR")
End Function

Sub WriteLog(msg)
    Dim f
    Set f = fso.OpenTextFile("C:\Windows\Temp\logon.log", 8, True)
    f.WriteLine Now & " " & msg
    f.Close
End Sub

Function GetOs()
    Dim o
    For Each o In GetObject("winmgmts:\\.\root\cimv2").InstancesOf("Win32_OperatingSystem")
        Set GetOs = o
    Next
End Function

Sub CheckServer2008Sp2()
    ' expect: VG001
    If GetOsBuild() = "6002" Then WriteLog "SP2"
End Sub

Sub CheckLoadedBuild()
    ' expect: VG001
    If (gBuild = 6002 Or gBuild = 6003) Then WriteLog "loaded: SP2"
End Sub

Sub CheckMonthlyRollup()
    ' expect: VG003
    If (GetPatchLevel() >= 24000 Or CLng(CreateObject("WScript.Shell").RegRead("HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\CurrentBuildNumber")) = 6003) Then WriteLog "rollup installed"
End Sub

Sub CheckTopLevelOs()
    ' expect: VG001
    If (objOS.BuildNumber = "6002" Or objOS.BuildNumber = "6003") Then WriteLog "top-level: SP2"
End Sub

Function CountProfiles(root)
    CountProfiles = fso.GetFolder(root).SubFolders.Count
End Function

Set fso = CreateObject("Scripting.FileSystemObject")
Set objOS = GetOs()
LoadBuild
