; LogicLib ${Switch} compares with `==`; a case for 6002 and none for 6003.
!include LogicLib.nsh
!include WinVer.nsh

Section "drivers"
  ${WinVerGetBuild} $0
  ${Switch} $0
    ; expect: VG002
    ${Case} 6002
    ${Case} 6003
      StrCpy $1 "vista-sp2"
      ${Break}
    ${Case} 7601
      StrCpy $1 "win7-sp1"
      ${Break}
    ${Default}
      Abort "unsupported"
  ${EndSwitch}
SectionEnd
