Attribute VB_Name = "modVersionText"
Option Explicit
Option Compare Text

Public Function OsVersionText() As String
    Dim wmi As Object, os As Object
    Set wmi = GetObject("winmgmts:\\.\root\cimv2")
    For Each os In wmi.ExecQuery("SELECT Version FROM Win32_OperatingSystem")
        OsVersionText = os.Version
    Next
End Function

Public Sub Report()
    Dim v As String
    v = OsVersionText()
    ' expect: VG002
    If v Like "6.0.6002*" Then Debug.Print "2008 SP2"
    ' silent: the pattern covers every build of the release
    If v Like "6.0.*" Then Debug.Print "Vista family"
    ' expect: VG002
    If StrComp(v, "6.0.6002") = 0 Then Debug.Print "exact SP2"
End Sub
