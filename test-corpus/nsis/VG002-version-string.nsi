; Version strings built from WinVer's parts and searched with StrFunc's
; StrStr, compared with WordFunc's VersionCompare.
!include LogicLib.nsh
!include WinVer.nsh
!include WordFunc.nsh
!include StrFunc.nsh
${StrStr}

Section "main"
  ${WinVerGetMajor} $1
  ${WinVerGetMinor} $2
  ${WinVerGetBuild} $3
  StrCpy $4 "$1.$2.$3"
  ; expect: VG002
  StrCmp $4 "6.0.6002" sp2 other
sp2:
  DetailPrint "6.0.6002"
other:

  ${VersionCompare} $4 "6.0.6002" $R0
  ; expect: VG002
  ${If} $R0 == 0
    DetailPrint "exactly 6.0.6002"
  ${EndIf}

  ReadRegStr $5 HKLM "SOFTWARE\Microsoft\Windows NT\CurrentVersion" "BuildLab"
  ${StrStr} $R1 $5 "6002."
  ; expect: VG002
  ${If} $R1 != ""
    DetailPrint "an SP2 build lab"
  ${EndIf}

  StrCpy $6 $5 4
  ; expect: VG002
  ${If} $6 == "6002"
    DetailPrint "SP2 lab prefix"
  ${EndIf}
SectionEnd
