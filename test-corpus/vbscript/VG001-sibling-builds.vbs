' A value the analyzer cannot follow is an OS build when one procedure
' compares it with several Windows builds and nothing else.
Function ReleaseName(value)
    If value = 6000 Then
        ReleaseName = "Vista"
    ElseIf value = 6001 Then
        ReleaseName = "Vista SP1"
    ' expect: VG001
    ElseIf value = 6002 Then
        ReleaseName = "Vista SP2"
    ElseIf value = 7601 Then
        ReleaseName = "7 SP1"
    End If
End Function

' Control ids: 6005 is no Windows build. Silent.
Function Caption(value)
    If value = 6000 Then Caption = "OK"
    If value = 6002 Then Caption = "Retry"
    If value = 6005 Then Caption = "Help"
End Function

' Named for an error code. Silent.
Function Transient(errorCode)
    Transient = (errorCode = 6000 Or errorCode = 6002 Or errorCode = 7600)
End Function

'' A Select Case on such a value: its cases say what it is.
Function Label(value)
    Select Case value
        Case 6000: Label = "Vista"
        Case 6001: Label = "Vista SP1"
        ' expect: VG001
        Case 6002: Label = "Vista SP2"
        Case 7601: Label = "7 SP1"
    End Select
End Function

WScript.Echo Label(2) & ReleaseName(WScript.Arguments(0)) & Caption(1) & Transient(2)
