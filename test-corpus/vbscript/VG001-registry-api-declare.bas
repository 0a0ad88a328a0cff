Attribute VB_Name = "modNtRegistry"
' An Office add-in reads the registry through advapi32 itself: a helper
' opens the key, queries the value its caller names into a padded buffer,
' and cuts the buffer at the length the API returned.
Option Explicit

Private Const HKEY_LOCAL_MACHINE As Long = &H80000002
Private Const KEY_READ As Long = &H20019
Private Const NT_KEY As String = "SOFTWARE\Microsoft\Windows NT\CurrentVersion"

#If VBA7 Then
Private Declare PtrSafe Function RegOpenKeyEx Lib "advapi32.dll" Alias "RegOpenKeyExA" (ByVal hKey As LongPtr, ByVal lpSubKey As String, ByVal ulOptions As Long, ByVal samDesired As Long, phkResult As LongPtr) As Long
Private Declare PtrSafe Function RegQueryValueEx Lib "advapi32.dll" Alias "RegQueryValueExA" (ByVal hKey As LongPtr, ByVal lpValueName As String, ByVal lpReserved As LongPtr, lpType As Long, ByVal lpData As String, lpcbData As Long) As Long
Private Declare PtrSafe Function RegQueryDword Lib "advapi32.dll" Alias "RegQueryValueExA" (ByVal hKey As LongPtr, ByVal lpValueName As String, ByVal lpReserved As LongPtr, lpType As Long, lpData As Long, lpcbData As Long) As Long
Private Declare PtrSafe Function RegCloseKey Lib "advapi32.dll" (ByVal hKey As LongPtr) As Long
#End If

Public Function ReadNtString(ByVal valueName As String) As String
    Dim hKey As LongPtr, buf As String, cb As Long
    If RegOpenKeyEx(HKEY_LOCAL_MACHINE, NT_KEY, 0, KEY_READ, hKey) <> 0 Then Exit Function
    buf = String$(256, vbNullChar)
    cb = 256
    If RegQueryValueEx(hKey, valueName, 0, 0, buf, cb) = 0 Then
        ReadNtString = Left$(buf, cb - 1)
    End If
    RegCloseKey hKey
End Function

Public Function ReadUbr() As Long
    Dim hKey As LongPtr, ubr As Long, cb As Long
    If RegOpenKeyEx(HKEY_LOCAL_MACHINE, NT_KEY, 0, KEY_READ, hKey) <> 0 Then Exit Function
    cb = 4
    If RegQueryDword(hKey, "UBR", 0, 0, ubr, cb) = 0 Then ReadUbr = ubr
    RegCloseKey hKey
End Function

Public Function ReadOfficeBuild() As String
    Dim hKey As LongPtr, buf As String, cb As Long
    If RegOpenKeyEx(HKEY_LOCAL_MACHINE, "SOFTWARE\Microsoft\Office\ClickToRun\Configuration", 0, KEY_READ, hKey) <> 0 Then Exit Function
    buf = String$(64, vbNullChar)
    cb = 64
    Call RegQueryValueEx(hKey, "CurrentBuildNumber", 0, 0, buf, cb)
    ReadOfficeBuild = Left$(buf, cb - 1)
End Function

Public Sub CheckServicing()
    Dim bn As String, lab As String, rev As Long
    bn = ReadNtString("CurrentBuildNumber")
    ' expect: VG001
    If CLng(bn) = 6002 Then Debug.Print "Server 2008 SP2"
    lab = ReadNtString("BuildLabEx")
    rev = CLng(Split(lab, ".")(1))
    ' expect: VG003
    If rev < 24000 Then Debug.Print "missing the 2018 rollup"
    ' expect: VG003
    If ReadUbr() >= 24000 Then Debug.Print "has the 2018 rollup"
    ' Silent: the same on 6002 and 6003.
    If ReadNtString("CurrentVersion") = "6.0" Then Debug.Print "NT 6.0"
    ' Silent: another product's key.
    If ReadOfficeBuild() = "6002" Then Debug.Print "an Office build"
End Sub
