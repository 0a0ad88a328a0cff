; IntCmp/IntCmpU jumps on the build: labels, "" and relative +N.
!include WinVer.nsh

Function .onInit
  ${WinVerGetBuild} $0
  ; expect: VG001
  IntCmp $0 6003 sp2_or_older sp2_or_older newer
sp2_or_older:
  StrCpy $1 "vista"
  Goto done
newer:
  StrCpy $1 "seven"
done:

  ; expect: VG001
  IntCmpU $0 6003 0 0 +2
    DetailPrint "SP2 or older"
  DetailPrint "go on"

  ; expect: VG001
  IntCmp $0 6002 is_sp2 other other
is_sp2:
  DetailPrint "SP2"
other:

  ; expect: VG001
  IntCmp $0 6002 same older newer2
same:
  DetailPrint "SP2"
  Goto end
older:
  DetailPrint "older"
  Goto end
newer2:
  DetailPrint "newer"
end:
FunctionEnd
