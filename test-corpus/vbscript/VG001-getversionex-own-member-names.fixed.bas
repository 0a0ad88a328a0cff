Attribute VB_Name = "modOwnNames"
' A Type declared for GetVersionEx with member names of the program's own:
' the API fills it by layout, so the second member is the major version and
' the fourth the build, whatever they are called.
Option Explicit

Private Type OSVERSIONINFO
    OSVSize As Long
    dwVerMajor As Long
    dwVerMinor As Long
    dwBuildNumber As Long
    PlatformID As Long
    szCSDVersion As String * 128
End Type

Private Declare Function GetVersionEx Lib "kernel32" Alias "GetVersionExA" (lpVersionInformation As OSVERSIONINFO) As Long

Public Function ReleaseLabel() As String
    Dim osv As OSVERSIONINFO
    osv.OSVSize = Len(osv)
    If GetVersionEx(osv) = 0 Then Exit Function
    Select Case Trim(CStr(osv.dwVerMajor)) & "." & Trim(CStr(osv.dwVerMinor)) & "." & Trim(CStr(osv.dwBuildNumber))
        Case "6.0.6001"
            ReleaseLabel = "Server 2008"
        ' expect: VG001
        Case "6.0.6002", "6.0.6003"
            ReleaseLabel = "Server 2008 SP2"
        Case "6.1.7601"
            ReleaseLabel = "Server 2008 R2 SP1"
        Case Else
            ReleaseLabel = "other"
    End Select
End Function

Public Function IsVistaFamily() As Boolean
    Dim osv As OSVERSIONINFO
    osv.OSVSize = Len(osv)
    GetVersionEx osv
    ' A test of the major and minor version only: the same on both builds.
    IsVistaFamily = (osv.dwVerMajor = 6 And osv.dwVerMinor = 0)
End Function
