' A library shared by the jobs of this folder.
Function LibBuild()
  LibBuild = CLng(CreateObject("WScript.Shell").RegRead("HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\CurrentBuildNumber"))
End Function
