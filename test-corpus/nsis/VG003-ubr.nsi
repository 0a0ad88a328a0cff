; The revision (UBR) restarted at the bump: "has the 2018 rollup" no longer
; holds on 6003.
!include LogicLib.nsh

Section "rollup"
  ReadRegDWORD $0 HKLM "SOFTWARE\Microsoft\Windows NT\CurrentVersion" "UBR"
  ; expect: VG003
  ${If} $0 >= 24000
    DetailPrint "rollup present"
  ${EndIf}
  ; expect: VG003
  IntCmp $0 24000 has_it no_rollup has_it
has_it:
  DetailPrint "rollup present"
no_rollup:
SectionEnd
