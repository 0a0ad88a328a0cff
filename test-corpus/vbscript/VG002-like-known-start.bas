Attribute VB_Name = "modLikeStart"
' A version text put together from parts, the last of which is not known:
' Like decides on the part it can see.
Option Explicit

Private Declare Function GetVersionExA Lib "kernel32" (lpVersionInformation As OSVERSIONINFO) As Long

Private Type OSVERSIONINFO
    dwOSVersionInfoSize As Long
    dwMajorVersion As Long
    dwMinorVersion As Long
    dwBuildNumber As Long
    dwPlatformId As Long
    szCSDVersion As String * 128
End Type

Public Function NeedsLegacyDriver(ByVal qfe As Long) As Boolean
    Dim vi As OSVERSIONINFO
    Dim v As String
    vi.dwOSVersionInfoSize = Len(vi)
    GetVersionExA vi
    v = vi.dwMajorVersion & "." & vi.dwMinorVersion & "." & vi.dwBuildNumber & "." & qfe
    ' expect: VG002
    If v Like "6.0.6002.*" Then NeedsLegacyDriver = True
    If v Like "6.0.*" Then Debug.Print "NT 6.0"
    If v Like "6.1.7601.*" Then Debug.Print "Windows 7 SP1"
End Function
