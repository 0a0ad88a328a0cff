Attribute VB_Name = "modOsVersion"
Option Explicit

Private Type OSVERSIONINFO
    dwOSVersionInfoSize As Long
    dwMajorVersion As Long
    dwMinorVersion As Long
    dwBuildNumber As Long
    dwPlatformId As Long
    szCSDVersion As String * 128
End Type

#If VBA7 Then
Private Declare PtrSafe Function GetVersionEx Lib "kernel32" Alias "GetVersionExA" (lpVersionInformation As OSVERSIONINFO) As Long
#Else
Private Declare Function GetVersionEx Lib "kernel32" Alias "GetVersionExA" (lpVersionInformation As OSVERSIONINFO) As Long
#End If

Public Function IsServer2008SP2() As Boolean
    Dim osvi As OSVERSIONINFO
    osvi.dwOSVersionInfoSize = Len(osvi)
    GetVersionEx osvi
    ' expect: VG001
    IsServer2008SP2 = (osvi.dwMajorVersion = 6 And osvi.dwMinorVersion = 0 And osvi.dwBuildNumber >= 6002)
End Function

Public Sub CheckPlatform()
    Dim osvi As OSVERSIONINFO
    Dim build As Long
    osvi.dwOSVersionInfoSize = Len(osvi)
    If GetVersionEx(osvi) = 0 Then Exit Sub
    build = osvi.dwBuildNumber
    ' expect: VG001
    If build < 6004 Then
        MsgBox "This add-in needs Windows 7 or later"
    End If
    Select Case osvi.dwBuildNumber
        ' expect: VG001
        Case 6001, 6002, 6003
            Debug.Print "Vista SP1/SP2"
        ' silent: Windows 7 is not affected
        Case 7600, 7601
            Debug.Print "Windows 7"
    End Select
    ' silent: >= is bump-aware
    If osvi.dwBuildNumber >= 6002 Then Debug.Print "SP2+"
End Sub
