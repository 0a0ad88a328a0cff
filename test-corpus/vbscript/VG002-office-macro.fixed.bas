Attribute VB_Name = "modCompat"
Option Explicit

Private Type RTL_OSVERSIONINFOW
    dwOSVersionInfoSize As Long
    dwMajorVersion As Long
    dwMinorVersion As Long
    dwBuildNumber As Long
    dwPlatformId As Long
    szCSDVersion(0 To 255) As Byte
End Type

Private Declare PtrSafe Function RtlGetVersion Lib "ntdll" (ByRef lpVersionInformation As RTL_OSVERSIONINFOW) As Long

Private Function OsBuild() As Long
    Dim vi As RTL_OSVERSIONINFOW
    vi.dwOSVersionInfoSize = LenB(vi)
    If RtlGetVersion(vi) = 0 Then OsBuild = vi.dwBuildNumber
End Function

Private Function OsVersionString() As String
    Dim os As Object
    For Each os In GetObject("winmgmts:\\.\root\cimv2").ExecQuery("SELECT * FROM Win32_OperatingSystem")
        OsVersionString = os.Version
    Next
End Function

Public Sub Auto_Open()
    ' expect: VG001
    If OsBuild() = 6002 Then
        MsgBox "Running on Windows Server 2008 SP2"
    ' expect: VG001
    ElseIf OsBuild() <= 6003 Then
        MsgBox "Unsupported Windows version"
    End If
    Dim v As String
    v = OsVersionString()
    ' expect: VG002
    If (Mid(v, 5, 4) = "6002" Or Mid(v, 5, 4) = "6003") Then Application.StatusBar = "SP2"
    ' expect: VG002
    If (InStrRev(v, ".6002") > 0 Or InStrRev(v, ".6003") > 0) Then Application.StatusBar = "SP2 (suffix)"
    ' expect: VG002
    If (UCase(v) = "6.0.6002" Or UCase(v) = "6.0.6003") Then Application.StatusBar = "SP2 (upper)"
    ' silent: Windows 10 and later
    If OsBuild() >= 10240 Then Application.StatusBar = "Windows 10+"
    ' silent: the major version only
    If Left(v, 1) = "6" Then Application.StatusBar = "NT 6.x"
End Sub
