; A helper takes the build to compare with on the stack: Push / Call /
; Exch $0. It is reported where it is called with a build the bump
; separates, not where it is called with 7601.
!include LogicLib.nsh
!include WinVer.nsh

Function IsAtMostBuild
  Exch $0
  Push $1
  ${WinVerGetBuild} $1
  ${If} $1 <= $0
    StrCpy $0 1
  ${Else}
    StrCpy $0 0
  ${EndIf}
  Pop $1
  Exch $0
FunctionEnd

Function GetBuild
  ${WinVerGetBuild} $R9
  Push $R9
FunctionEnd

Section "main"
  Push 7601
  Call IsAtMostBuild
  Pop $2

  Push 6003
  ; expect: VG001
  Call IsAtMostBuild
  Pop $2

  Call GetBuild
  Pop $4
  ; expect: VG001
  IntCmp $4 6003 old old new
old:
  DetailPrint "SP2 or older"
new:
SectionEnd
