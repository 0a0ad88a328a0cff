Attribute VB_Name = "modOs"
Option Explicit

Public Function OsBuild() As Long
  Dim sh As Object
  Set sh = CreateObject("WScript.Shell")
  OsBuild = CLng(sh.RegRead("HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\CurrentBuild"))
End Function

Public Sub ReadKernelBuild(ByRef build As Long, ByVal unused As Long)
  Dim os As Object
  For Each os In GetObject("winmgmts:").InstancesOf("Win32_OperatingSystem")
    build = CLng(os.BuildNumber)
  Next
End Sub
