@echo off
setlocal
rem The build out of `ver`: "Microsoft Windows [Version 6.0.6002]" split
rem at "[", "." and "]" (and blanks): token 4 is 6, 5 is 0, 6 is 6002.
for /f "tokens=4-6 delims=[.] " %%i in ('ver') do (
  set MAJOR=%%i
  set MINOR=%%j
  set BUILD=%%k
)

rem expect: VG002
if %BUILD% LEQ 6002 echo Vista SP2 / Server 2008 SP2 or older

rem "Newer than SP2, so the Windows 7 APIs exist."
rem expect: VG002
if %BUILD% GTR 6002 (
  echo Windows 7 or later
) else (
  echo Vista or Server 2008
)

rem expect: VG002
if %BUILD% LSS 6003 goto :legacy

rem expect: VG002
if "%MAJOR%.%MINOR%.%BUILD%"=="6.0.6002" echo exactly SP2
goto :eof

:legacy
echo legacy path
