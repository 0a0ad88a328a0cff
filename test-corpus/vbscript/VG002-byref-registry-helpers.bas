Attribute VB_Name = "modAgentSetup"
' A VB6 setup form's helpers: a registry reader that hands its value back
' through a ByRef parameter (with an On Error GoTo handler that clears it),
' and a procedure that fills the caller's variables from it.
Option Explicit

Private Const REG_CV As String = "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\"

Private Function ReadCv(ByVal valueName As String, ByRef result As String) As Boolean
    Dim sh As Object
    On Error GoTo NotFound
    Set sh = CreateObject("WScript.Shell")
    result = CStr(sh.RegRead(REG_CV & valueName))
    ReadCv = True
    Exit Function
NotFound:
    result = ""
    ReadCv = False
End Function

Private Sub GetOsBuildInfo(ByRef bld As Long, ByRef rev As Long, ByRef labEx As String)
    Dim s As String
    Dim p As Long
    bld = 0
    rev = 0
    If ReadCv("CurrentBuildNumber", s) Then bld = CLng(Val(s))
    If ReadCv("BuildLabEx", labEx) Then
        p = InStr(1, labEx, ".")
        If p > 0 Then rev = CLng(Val(Mid$(labEx, p + 1)))
    End If
End Sub

Public Function PickRuntimeBundle() As String
    Dim bld As Long, rev As Long
    Dim labEx As String
    GetOsBuildInfo bld, rev, labEx
    ' expect: VG002
    If Left$(labEx, 5) = "6002." Then
        PickRuntimeBundle = "bundle-2008sp2"
    Else
        PickRuntimeBundle = "bundle-generic"
    End If
    ' Silent: the branch name is the same on both sides.
    If InStr(1, labEx, "vistasp2", vbTextCompare) > 0 Then
        PickRuntimeBundle = PickRuntimeBundle & "-vista"
    End If
End Function

Public Function BuildCategory() As String
    Dim bld As Long, rev As Long
    Dim labEx As String
    GetOsBuildInfo bld, rev, labEx
    If bld < 6002 Then
        BuildCategory = "pre-sp2"
    ' expect: VG001
    ElseIf bld = 6002 Then
        BuildCategory = "sp2"
    Else
        BuildCategory = "current"
    End If
End Function

Public Function CurrentVersionText() As String
    Dim cv As String
    If ReadCv("CurrentVersion", cv) Then
        ' Silent: "6.0" on both sides.
        If cv = "6.0" Then CurrentVersionText = "NT 6.0"
    End If
End Function
