; Builds written as !define constants and passed to a macro.
!include LogicLib.nsh
!include WinVer.nsh
!include "versions.nsh"

!define LAST_SP2_BUILD 6002

!macro RequireAtMost build
  ${If} ${AtMostBuild} ${build}
    DetailPrint "old enough"
  ${EndIf}
!macroend

Section "main"
  ; expect: VG001
  ${If} ${AtMostBuild} 6003
    DetailPrint "SP2 or older"
  ${EndIf}

  ${WinVerGetBuild} $0
  ; The bound comes from versions.nsh.
  ; expect: VG001
  ${If} $0 <= ${VISTA_SP2}
    DetailPrint "SP2 or older (shared header)"
  ${EndIf}

  ; expect: VG001
  !insertmacro RequireAtMost 6003
  !insertmacro RequireAtMost 7601
SectionEnd
