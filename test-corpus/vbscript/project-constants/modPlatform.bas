Attribute VB_Name = "modPlatform"
Option Explicit

' Shared by the other modules of this folder.
Public Const LEGACY_MAX_BUILD As Long = 6002

Public Function OsBuildNumber() As Long
  OsBuildNumber = CLng(CreateObject("WScript.Shell").RegRead("HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\CurrentBuildNumber"))
End Function
