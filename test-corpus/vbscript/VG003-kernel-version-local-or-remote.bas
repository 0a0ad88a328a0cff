Attribute VB_Name = "KernelProbe"
' An inventory workbook reads the kernel's file version on this machine or
' on a remote one through its admin share; both give the kernel's revision.
Option Explicit

Private Const ESU_REV_FLOOR As Long = 24000
Private m_Revision As Long

Public Function LoadLocal() As Boolean
    m_Revision = KernelRevision(Environ$("SystemRoot") & "\System32\ntoskrnl.exe")
    LoadLocal = True
End Function

Public Function LoadRemote(ByVal hostName As String) As Boolean
    m_Revision = KernelRevision("\\" & hostName & "\admin$\System32\ntoskrnl.exe")
    LoadRemote = True
End Function

Public Function AgentRevision(ByVal hostName As String) As Long
    ' our own agent's binary: not the OS
    AgentRevision = KernelRevision("\\" & hostName & "\c$\Program Files\Inv\invagent.exe")
End Function

Private Function KernelRevision(ByVal path As String) As Long
    Dim fso As Object, v As String
    Set fso = CreateObject("Scripting.FileSystemObject")
    On Error Resume Next
    v = fso.GetFileVersion(path)
    On Error GoTo 0
    If Len(v) > 0 Then KernelRevision = CLng(Split(v, ".")(3))
End Function

Public Function IsEsuPatched() As Boolean
    ' expect: VG003
    IsEsuPatched = (m_Revision >= ESU_REV_FLOOR)
End Function

Public Function AgentIsCurrent(ByVal hostName As String) As Boolean
    AgentIsCurrent = (AgentRevision(hostName) >= 24000)
End Function
