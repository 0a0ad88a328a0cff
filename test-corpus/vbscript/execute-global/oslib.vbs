' A library other scripts load with ExecuteGlobal: nothing here is a check.
Const LEGACY_MAX_BUILD = 6002

Function OsBuild()
  Dim os
  For Each os In GetObject("winmgmts:").ExecQuery("SELECT * FROM Win32_OperatingSystem")
    OsBuild = CLng(os.BuildNumber)
  Next
End Function

Function IsAtMostBuild(b)
  IsAtMostBuild = (OsBuild() <= b)
End Function
