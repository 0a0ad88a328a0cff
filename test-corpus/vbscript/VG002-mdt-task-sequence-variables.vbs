' An MDT custom script (run by ZTIUtility, which declares oEnvironment and
' oLogging): the gather step's task sequence variables.
Option Explicit
' expect: VG001
If oEnvironment.Item("OSCurrentBuild") = "6002" Then
    oLogging.CreateEntry "Windows Server 2008 SP2", LogTypeInfo
End If
' expect: VG002
If Left(oEnvironment.Item("OSCurrentVersion"), 8) = "6.0.6002" Then
    oLogging.CreateEntry "6.0.6002", LogTypeInfo
End If
' Silent: a variable the deployment share sets, not the OS's.
If oEnvironment.Item("OSDComputerName") = "6002" Then
    oLogging.CreateEntry "odd name", LogTypeInfo
End If
