Attribute VB_Name = "modOsCheck"
Option Explicit

' VBA's typed string functions (Left$, Mid$, Trim$) return the same text as
' their Variant twins.
Private Function OsVersion() As String
    Dim objOS As Object
    For Each objOS In GetObject("winmgmts:\\.\root\cimv2").InstancesOf("Win32_OperatingSystem")
        OsVersion = objOS.Version
    Next
End Function

Public Function IsServer2008Sp2() As Boolean
    ' expect: VG002
    IsServer2008Sp2 = (Left$(OsVersion(), 8) = "6.0.6002")
End Function

Public Function BuildText() As String
    BuildText = Trim$(Mid$(OsVersion(), 5))
End Function

Public Function IsSp2Build() As Boolean
    ' expect: VG002
    IsSp2Build = (BuildText() = "6002")
End Function
