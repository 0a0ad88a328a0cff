Attribute VB_Name = "modRegistry"
' A registry helper whose value name is its parameter: each call reads the
' value it names.
Option Explicit

Private Const NT_KEY As String = "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\"

Private Function ReadNt(ByVal valueName As String) As String
    On Error Resume Next
    ReadNt = CreateObject("WScript.Shell").RegRead(NT_KEY & valueName)
End Function

Public Sub CheckHost()
    ' expect: VG001
    If CLng(ReadNt("CurrentBuildNumber")) = 6002 Then Debug.Print "Server 2008 SP2"
    ' expect: VG003
    If CLng(ReadNt("UBR")) >= 24000 Then Debug.Print "January 2019 rollup"
    ' Silent: not a version value.
    If ReadNt("ProductName") = "6002" Then Debug.Print "odd product name"
    ' Silent: the same on 6002 and 6003.
    If CLng(ReadNt("CurrentBuildNumber")) >= 6000 Then Debug.Print "Vista family"
End Sub
