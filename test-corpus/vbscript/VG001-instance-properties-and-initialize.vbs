' A class whose properties read members its methods set: Init's arguments
' and Load's WMI query. The properties are read on the instance (what Init
' stored there), and Class_Initialize's zeroes do not hide what Load reads.
Option Explicit

Class OsInfo
    Private m_Major, m_Minor, m_Build, m_Revision

    Private Sub Class_Initialize()
        m_Major = 0 : m_Minor = 0 : m_Build = 0 : m_Revision = 0
    End Sub

    Public Property Get Build()
        Build = m_Build
    End Property

    Public Property Get VersionString()
        VersionString = m_Major & "." & m_Minor & "." & m_Build & "." & m_Revision
    End Property

    Public Sub Init(major, minor)
        m_Major = major
        m_Minor = minor
    End Sub

    Public Sub Load()
        Dim wmi, os
        Set wmi = GetObject("winmgmts:\\.\root\cimv2")
        For Each os In wmi.ExecQuery("SELECT BuildNumber FROM Win32_OperatingSystem")
            m_Build = CLng(os.BuildNumber)
        Next
    End Sub

    Public Sub LoadRevision(lab)
        If Left(lab, 5) = "6002." Then m_Revision = CLng(Split(lab, ".")(1))
    End Sub
End Class

Dim info
Set info = New OsInfo
info.Init 6, 0
info.Load
' expect: VG001
If info.Build <= 6002 Then WScript.Echo "legacy driver"
If info.Build >= 6002 Then WScript.Echo "SP2 or later"
' The revision is not known, the start of the text is.
' expect: VG001
If Left(info.VersionString, 8) = "6.0.6002" Then WScript.Echo "SP2 text"
If Left(info.VersionString, 4) = "6.0." Then WScript.Echo "NT 6.0"
