' A file-version helper whose file name is its parameter: each call is read
' with its own name, so only a system binary's version is the OS's.
Option Explicit
Dim fso, kernelVersion, agentVersion
Set fso = CreateObject("Scripting.FileSystemObject")

Function SysFileVersion(fileName)
  SysFileVersion = fso.GetFileVersion(fso.BuildPath(fso.GetSpecialFolder(1), fileName))
End Function

Function AppFileVersion(fileName)
  AppFileVersion = fso.GetFileVersion(fso.BuildPath("C:\Program Files\Contoso", fileName))
End Function

kernelVersion = SysFileVersion("ntoskrnl.exe")
' expect: VG002
If (Left(kernelVersion, 8) = "6.0.6002" Or Left(kernelVersion, 8) = "6.0.6003") Then WScript.Echo "Windows Server 2008 SP2 kernel"

' The product's own binary is not the OS.
agentVersion = AppFileVersion("agent.exe")
If Left(agentVersion, 8) = "6.0.6002" Then WScript.Echo "agent 6.0.6002"
