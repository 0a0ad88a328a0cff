' SCCM pre-flight: classify the OS by build number.
Dim oWmi, oOs, sFamily
Set oWmi = GetObject("winmgmts:\\.\root\cimv2")
For Each oOs In oWmi.InstancesOf("Win32_OperatingSystem")
    Select Case CLng(oOs.BuildNumber)
        ' expect: VG001
        Case 6002
            sFamily = "2008SP2"
        Case 7600, 7601
            sFamily = "2008R2"
        Case Else
            sFamily = "other"
    End Select

    Select Case CLng(oOs.BuildNumber)
        ' expect: VG001
        Case 6000 To 6002
            sFamily = "vista"
        Case Else
            sFamily = "newer"
    End Select

    Select Case oOs.BuildNumber
        ' expect: VG001
        Case Is <= 6002
            WScript.Echo "old"
    End Select

    ' silent: 6002 and 6003 take the same arm already
    Select Case CLng(oOs.BuildNumber)
        Case 6000, 6001
            sFamily = "pre-SP2"
        Case Is >= 6002
            sFamily = "SP2+"
    End Select
Next
