; The build read from the registry is text: StrCmp compares it as text,
; ignoring case; StrCmpS as well, respecting case (a text compare with the
; build is a version-string match). IntOp makes it a number again.
!include LogicLib.nsh

Section "check"
  ReadRegStr $0 HKLM "SOFTWARE\Microsoft\Windows NT\CurrentVersion" "CurrentBuildNumber"
  ; expect: VG002
  StrCmp $0 "6002" sp2 not_sp2
sp2:
  DetailPrint "Vista SP2"
not_sp2:

  ; expect: VG002
  StrCmpS $0 6002 0 +2
    DetailPrint "SP2 again"

  ; expect: VG002
  ${If} $0 == "6002"
    DetailPrint "SP2 via LogicLib"
  ${EndIf}

  ; expect: VG002
  ${If} $0 S== 6002
    DetailPrint "SP2, case-sensitive"
  ${EndIf}

  ReadRegStr $2 HKEY_LOCAL_MACHINE "SOFTWARE\Microsoft\Windows NT\CurrentVersion\" CurrentBuild
  IntOp $3 $2 + 0
  ; expect: VG001
  ${If} $3 <= 6002
    DetailPrint "through IntOp"
  ${EndIf}
SectionEnd
