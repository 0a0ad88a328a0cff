' A RegExp object tested against the version string.
Option Explicit
Dim re, os, ver
Set re = New RegExp
re.Pattern = "^6\.0\.600[23]"
re.IgnoreCase = True
For Each os In GetObject("winmgmts:\\.\root\cimv2").ExecQuery("Select * from Win32_OperatingSystem")
  ver = os.Version
Next
' expect: VG002
If re.Test(ver) Then WScript.Echo "Windows Server 2008 SP2"

Dim other
Set other = CreateObject("VBScript.RegExp")
other.Pattern = "^6\.1\."
If other.Test(ver) Then WScript.Echo "Windows 7 family"
