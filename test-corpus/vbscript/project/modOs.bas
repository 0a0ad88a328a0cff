Attribute VB_Name = "modOs"
Option Explicit

Public Function OsBuild() As Long
  Dim sh As Object
  Set sh = CreateObject("WScript.Shell")
  OsBuild = CLng(sh.RegRead("HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\CurrentBuild"))
End Function
