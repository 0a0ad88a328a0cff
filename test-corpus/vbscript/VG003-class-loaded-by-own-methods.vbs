' A class whose members a chain of its own methods fills: k.Load(path) reads
' the file's version and hands it to Parse, which sets the members. Each
' instance holds what its own Load read. (A VBScript method may be named
' Load, a statement keyword in VBA.)
Option Explicit

Class FileVer
    Public Major, Minor, Build, Revision, Path

    Private Sub Class_Initialize()
        Major = 0 : Minor = 0 : Build = 0 : Revision = 0 : Path = ""
    End Sub

    Public Function Parse(strVer)
        Dim a
        Parse = False
        a = Split(strVer, ".")
        If UBound(a) < 3 Then Exit Function
        Major = CInt(a(0))
        Minor = CInt(a(1))
        Build = CLng(a(2))
        Revision = CLng(a(3))
        Parse = True
    End Function

    Public Function Load(strPath)
        Dim fso, s
        Set fso = CreateObject("Scripting.FileSystemObject")
        Load = False
        Path = strPath
        If Not fso.FileExists(strPath) Then Exit Function
        s = fso.GetFileVersion(strPath)
        If Len(s) = 0 Then Exit Function
        Load = Parse(s)
    End Function
End Class

Dim sh, sys, k, app, minRev
Set sh = CreateObject("WScript.Shell")
sys = sh.ExpandEnvironmentStrings("%SystemRoot%") & "\System32\"

Set minRev = CreateObject("Scripting.Dictionary")
minRev.Add "6001", 18000
' expect: VG005
minRev.Add "6002", 24540
minRev.Add "7601", 24384

Set k = New FileVer
If Not k.Load(sys & "ntoskrnl.exe") Then WScript.Quit 2

' Our own agent's DLL: its build is not the OS's.
Set app = New FileVer
app.Load sh.ExpandEnvironmentStrings("%ProgramFiles%") & "\Contoso\agent.dll"

If k.Major = 6 And k.Minor = 0 Then WScript.Echo "NT 6.0 kernel"
If k.Build >= 6002 Then WScript.Echo "SP2 or later"
If minRev.Exists(CStr(k.Build)) Then WScript.Echo "minimum known"
' expect: VG003
If k.Revision >= 24000 Then WScript.Echo "LDR kernel"
' expect: VG001
If k.Build = 6002 Then WScript.Echo "SP2 kernel"
If app.Build = 6002 Then WScript.Echo "agent build 6002"
If app.Revision >= 24000 Then WScript.Echo "agent hotfix"
