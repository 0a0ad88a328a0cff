' Shared library included by several logon scripts.
Class OsInfo
    Private m_build
    Private m_ver

    Private Sub Class_Initialize()
        Dim oWmi, oOs
        Set oWmi = GetObject("winmgmts:\\.\root\cimv2")
        For Each oOs In oWmi.ExecQuery("Select BuildNumber, Version From Win32_OperatingSystem")
            m_build = oOs.BuildNumber
            m_ver = oOs.Version
        Next
    End Sub

    Public Default Property Get Build()
        Build = CLng(m_build)
    End Property

    Public Property Get Version()
        Version = m_ver
    End Property
End Class

Dim info
Set info = New OsInfo
' expect: VG001
If info.Build = 6002 Then WScript.Echo "Server 2008 SP2"
' expect: VG001
If Split(info.Version, ".")(2) = "6002" Then WScript.Echo "SP2 by version"
' silent: Server 2012 R2 and later
If info.Build >= 9600 Then WScript.Echo "modern"
