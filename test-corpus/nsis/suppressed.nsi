; Suppressions in both comment styles.
!include WinVer.nsh
!include LogicLib.nsh

Section "main"
  ; verguard: ignore[VG001] pinned lab image
  ${If} ${AtMostBuild} 6002
  ${EndIf}
  # verguard: ignore[VG001]
  ${If} ${AtMostBuild} 6002
  ${EndIf}
SectionEnd
