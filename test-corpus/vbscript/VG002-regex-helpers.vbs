' A backup pre-job script tests the kernel's version with two regular
' expression helpers: one is given its pattern at each call, the other
' holds its own.
Option Explicit

Function RegexTest(ByVal pattern, ByVal text)
    Dim re
    Set re = New RegExp
    re.Pattern = pattern
    re.IgnoreCase = True
    RegexTest = re.Test(text)
End Function

Function IsSp2Lab(lab)
    Dim re
    Set re = New RegExp
    re.Pattern = "^6002\.\d+\."
    ' expect: VG002
    IsSp2Lab = re.Test(lab)
End Function

Dim fso, shell, sKern, sLab
Set fso = CreateObject("Scripting.FileSystemObject")
Set shell = CreateObject("WScript.Shell")
sKern = fso.GetFileVersion("C:\Windows\System32\ntoskrnl.exe")
sLab = shell.RegRead("HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\BuildLabEx")

' expect: VG002
If RegexTest("^6\.0\.6002\.", sKern) Then WScript.Echo "classic SP2 servicing branch"
' 6.0.x on both builds: silent
If RegexTest("^6\.0\.", sKern) Then WScript.Echo "NT 6.0 kernel"
If IsSp2Lab(sLab) Then WScript.Echo "escrow lab"
