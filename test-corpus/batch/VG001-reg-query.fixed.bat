@echo off
rem reg query prints a blank line, the key, then "    CurrentBuildNumber
rem REG_SZ    6002": skip=2 leaves the value line, token 3 is the build.
for /f "skip=2 tokens=3" %%a in ('reg query "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion" /v CurrentBuildNumber') do set CURBUILD=%%a

rem expect: VG001
if %CURBUILD% LEQ 6003 call :old_os

rem The same value without skip: lines without a third token are passed over.
for /f "tokens=3" %%a in ('reg query "HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows NT\CurrentVersion" /v CurrentBuild') do set CB=%%a

rem expect: VG001
if %CB% leq 6003 echo old
goto :eof

:old_os
echo Windows Server 2008 SP2 or older
goto :eof
