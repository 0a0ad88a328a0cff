; Checks that give the same answer on 6002 and 6003.
!include LogicLib.nsh
!include WinVer.nsh

Function IsAtMostBuild
  Exch $0
  ${WinVerGetBuild} $1
  ${If} $1 <= $0
    StrCpy $0 1
  ${Else}
    StrCpy $0 0
  ${EndIf}
  Exch $0
FunctionEnd

Section "main"
  ; WinVer's OS tests compare major and minor only.
  ${If} ${IsWinVista}
    DetailPrint "Vista"
  ${EndIf}
  ${If} ${IsWin2008}
    DetailPrint "2008"
  ${EndIf}
  ${If} ${AtMostWin2008}
    DetailPrint "2008 or older"
  ${EndIf}
  ${If} ${AtLeastWinVista}
  ${AndIf} ${AtMostWinVista}
    DetailPrint "Vista family"
  ${EndIf}
  ${If} ${AtLeastServicePack} 2
    DetailPrint "SP2"
  ${EndIf}
  ${If} ${AtLeastBuild} 6002
    DetailPrint "SP2 or newer"
  ${EndIf}
  ${If} ${AtMostBuild} 6001
    DetailPrint "SP1 or older"
  ${EndIf}

  ${WinVerGetBuild} $0
  ${If} $0 >= 6002
    DetailPrint "SP2 or newer"
  ${EndIf}
  IntCmp $0 6000 rtm notrtm notrtm
rtm:
  DetailPrint "Vista RTM"
notrtm:
  ${If} $0 > 7600
    DetailPrint "Windows 7 SP1 or newer"
  ${EndIf}

  ; A switch that knows both builds of the bump (the cases fall through).
  ${Switch} $0
    ${Case} 6002
    ${Case} 6003
      StrCpy $1 "SP2"
      ${Break}
    ${Case} 7601
      StrCpy $1 "7 SP1"
      ${Break}
  ${EndSwitch}

  Push 7601
  Call IsAtMostBuild
  Pop $2

  ; Not the OS: a port and a setting read from an INI file.
  StrCpy $5 6002
  IntCmp $5 6002 port_ok
  DetailPrint "another port"
port_ok:
  ReadINIStr $6 "$INSTDIR\app.ini" "app" "build"
  StrCmp $6 "6002" same_app_build
  DetailPrint "another app build"
same_app_build:
  ; build 6002 mentioned in a comment: IntCmp $0 6002 a b
  # and in a hash comment: ${If} $0 <= 6002
  /* and a block comment: ${If} ${AtMostBuild} 6002 */
  DetailPrint "build 6002 is mentioned in text only"
SectionEnd
