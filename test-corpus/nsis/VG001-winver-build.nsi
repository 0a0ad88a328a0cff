; WinVer.nsh build tests and the build read with ${WinVerGetBuild}.
!include LogicLib.nsh
!include WinVer.nsh

Name "Build checks"
OutFile "setup.exe"

Function .onInit
  ; "SP2 or older": 6003 is SP2 too, after KB4489887.
  ; expect: VG001
  ${If} ${AtMostBuild} 6002
    MessageBox MB_OK "Installing the Vista SP2 driver"
  ${EndIf}

  ${WinVerGetBuild} $0
  ; expect: VG001
  ${If} $0 <= 6002
    StrCpy $1 "legacy"
  ; expect: VG001
  ${ElseIf} $0 U<= 6002
    StrCpy $1 "never"
  ${EndIf}

  ; expect: VG001
  ${If} $0 = 6002
    DetailPrint "exactly SP2"
  ${EndIf}

  ; expect: VG001
  ${If} $0 < 6003
    DetailPrint "before 6003"
  ${EndIf}

  ; expect: VG001
  ${IfNot} $0 > 6002
    DetailPrint "not newer than SP2"
  ${EndIf}

  ; A range of SP2 builds, the upper bound written as AtMostBuild.
  ${If} ${AtLeastBuild} 6001
  ; expect: VG001
  ${AndIf} ${AtMostBuild} 6002
    DetailPrint "SP1 or SP2"
  ${EndIf}
FunctionEnd

Section "main"
SectionEnd
