@echo off
rem Without delayed expansion, %B% in a block is read before the block
rem runs: it is still empty here, whatever the loop sets.
for /f "tokens=2 delims==" %%b in ('wmic os get BuildNumber /value') do (
  set B=%%b
  if "%B%"=="6002" echo never reached with the build
)
rem The 6002 ladder that knows 6003 is the same release.
for /f "tokens=2 delims==" %%b in ('wmic os get BuildNumber /value') do set BN=%%b
if %BN% GEQ 6002 if %BN% LEQ 6003 echo SP2 either build
rem verguard: ignore[VG001] the SP2 before the bump only, on purpose
if %BN% EQU 6002 echo pre-KB4489887 box
:: verguard: ignore[VG002] checked by the installer
ver | find "6.0.6002" >nul && echo pinned
