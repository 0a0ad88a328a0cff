' A build written in hex: &H1772 is the SP2 build before KB4489887. No
' decimal build appears in this script: the prefilter must read the number.
Set wmi = GetObject("winmgmts:\\.\root\cimv2")
For Each os In wmi.ExecQuery("SELECT BuildNumber FROM Win32_OperatingSystem")
    ' expect: VG001
    If CLng(os.BuildNumber) = &H1772 Then
        WScript.Echo "Server 2008 SP2"
    End If
Next
