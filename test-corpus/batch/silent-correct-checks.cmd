@echo off
rem Checks that give the same answer on 6002 and 6003.
for /f "tokens=3" %%a in ('reg query "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion" /v CurrentBuildNumber') do set BUILD=%%a

rem At least SP2: true on both builds.
if %BUILD% GEQ 6002 echo SP2 or later
rem Older than Vista: false on both.
if %BUILD% LSS 6000 echo XP or older
rem The release, not the build.
ver | find "6.0.600" >nul && echo Vista family
ver | findstr /r "6\.0\.600[23]" >nul && echo SP2, either build
ver | findstr /c:"6.0.6002" /c:"6.0.6003" >nul && echo SP2, either build
rem Windows 7: false on both.
ver | find "6.1.7601" >nul && echo Windows 7 SP1
rem /v prints the lines without a match, and ver prints an empty line
rem first: this succeeds everywhere.
ver | find /v "6.0.6002" >nul && echo always
rem Quotes make both sides strings: "6003" sorts after "6002" as well.
if "%BUILD%" GEQ "6002" echo string order
rem A port number is not a build.
set PORT=8080
if %PORT% EQU 6002 echo custom port
rem Without /r, findstr reads a first word with no unescaped `.`, `*`,
rem `^`, `$`, `[` or `\` as a literal: "6\.0\.6002" with its backslashes,
rem which `ver` never prints, on any build.
ver | findstr "6\.0\.6002" >nul && echo never
rem A log file searched for the same digits: not the OS.
find "6.0.6002" setup.log >nul && echo logged
rem ver | find "6.0.6002" in a comment is no check.
:: ver | find "6.0.6002"
echo Requires Windows 6.0.6002 or later
if /i "%PROCESSOR_ARCHITECTURE%"=="AMD64" echo 64-bit
