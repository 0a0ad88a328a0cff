Attribute VB_Name = "modInstall"
Option Explicit

' The class COsInfo and the module modOs live in other files of this folder.
Private m_info As New COsInfo

Public Sub CheckPlatform()
  Dim info As New COsInfo
  ' expect: VG001
  If info.Build <= 6003 Then MsgBox "Windows Server 2008 or older"
  ' expect: VG003
  If info.HasKernelRollup(24000) Then MsgBox "kernel rollup installed"
  If info.HasKernelRollup(1) Then MsgBox "any rollup"
  ' expect: VG001
  If (m_info.Build = 6002 Or m_info.Build = 6003) Then MsgBox "SP2"
  ' expect: VG001
  If OsBuild() = 6002 Then MsgBox "SP2"
  If OsBuild() >= 9200 Then MsgBox "Windows 8 or later"
  Dim kb As Long
  ReadKernelBuild kb, 0
  ' expect: VG001
  If kb < 6004 Then MsgBox "before the 2019 servicing stack"
End Sub
