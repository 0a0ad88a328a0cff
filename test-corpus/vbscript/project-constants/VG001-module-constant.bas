Attribute VB_Name = "modSetup"
Option Explicit

' No build number is written in this file: the limit is modPlatform's.
Public Sub CheckPrerequisites()
  Dim build As Long
  build = CLng(CreateObject("WScript.Shell").RegRead("HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\CurrentBuild"))
  ' expect: VG001
  If build <= LEGACY_MAX_BUILD Then MsgBox "Install the legacy driver"
  ' expect: VG001
  If OsBuildNumber() <= LEGACY_MAX_BUILD Then Exit Sub
  If OsBuildNumber() >= LEGACY_MAX_BUILD Then MsgBox "Server 2008 SP2 or later"
End Sub

Public Sub WarnAboutSp2()
  ' expect: VG001
  If OsBuildNumber() = LEGACY_MAX_BUILD Then MsgBox "Server 2008 SP2"
End Sub
