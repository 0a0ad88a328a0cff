' A logon script that loads its library with ExecuteGlobal and uses its
' functions and constants.
Sub Include(fileName)
  Dim fso
  Set fso = CreateObject("Scripting.FileSystemObject")
  ExecuteGlobal fso.OpenTextFile(fileName).ReadAll
End Sub

Include "oslib.vbs"

' expect: VG001
If IsAtMostBuild(6002) Then WScript.Echo "Server 2008 SP2 or older"
' expect: VG001
If OsBuild() <= LEGACY_MAX_BUILD Then WScript.Echo "legacy build"
' Silent: the same on 6002 and 6003.
If IsAtMostBuild(7600) Then WScript.Echo "before Windows 7"
