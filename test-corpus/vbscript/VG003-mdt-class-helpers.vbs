' An MDT custom action in ZTIUtility's style: oShell, oFSO and oEnv are
' ZTIUtility's globals (set in another script), its helpers read the
' registry with a fallback when the read fails, and a class keeps what it
' read between its methods.
Option Explicit

Class ZTILegacyServicing

    Dim iKernelRevision

    Function RegReadValue(sKeyPath, sValueName, vDefault)
        Dim v
        On Error Resume Next
        v = oShell.RegRead(sKeyPath & "\" & sValueName)
        If Err.Number <> 0 Then
            v = vDefault
            Err.Clear
        End If
        On Error GoTo 0
        RegReadValue = v
    End Function

    Function Kernel32Revision()
        Dim sVer, aParts
        sVer = oFSO.GetFileVersion(oEnv("SystemRoot") & "\System32\kernel32.dll")
        aParts = Split(sVer, ".")
        If UBound(aParts) >= 3 Then
            Kernel32Revision = CLng(aParts(3))
        Else
            Kernel32Revision = 0
        End If
    End Function

    Function Main()
        Dim sUbr, sOwner
        iKernelRevision = Kernel32Revision()
        ' expect: VG003
        If iKernelRevision >= 24000 Then
            oLogging.CreateEntry "kernel32 on the 2019 branch", LogTypeInfo
        End If
        sUbr = RegReadValue("HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion", "UBR", 0)
        ' expect: VG003
        If CLng(sUbr) < 24000 Then
            oLogging.CreateEntry "servicing stack to stage", LogTypeInfo
        End If
        ' Silent: another value, read through the same helper.
        sOwner = RegReadValue("HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion", "RegisteredOwner", "")
        If sOwner = "6002" Then
            oLogging.CreateEntry "odd owner", LogTypeInfo
        End If
        Main = Success
    End Function

End Class
