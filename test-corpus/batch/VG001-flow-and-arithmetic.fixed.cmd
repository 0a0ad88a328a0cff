@echo off
setlocal enabledelayedexpansion
call :get_build
rem A subroutine set BUILD before the check: the check reads the build.
rem expect: VG001
if %BUILD% LEQ 6003 echo old build
call :check_build

rem set /a arithmetic on the build.
set /a NEXT=BUILD+1
rem expect: VG001
if %NEXT% EQU 6003 echo SP2 (next build is 6003)

rem A substring of the version text: characters 4 to 7 of "6.0.6002".
for /f "tokens=2 delims==" %%v in ('wmic os get Version /value') do set OSVER=%%v
set SHORT=%OSVER:~4,4%
rem expect: VG002
if "%SHORT%"=="6002" echo SP2 by substring

rem Delayed expansion inside a block reads the value set in the block.
for /f "tokens=2 delims==" %%b in ('wmic os get BuildNumber /value') do (
  set B=%%b
  rem expect: VG001
  if !B! LEQ 6003 echo old inside the loop
)
goto :eof

:get_build
for /f "tokens=3" %%a in ('reg query "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion" /v CurrentBuildNumber') do set BUILD=%%a
goto :eof

:check_build
rem Reached by call: the build the caller set is known here.
rem expect: VG001
if %BUILD% GTR 6003 echo Windows 7 or later
goto :eof
