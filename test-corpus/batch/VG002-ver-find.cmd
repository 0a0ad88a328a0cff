@echo off
rem `ver` prints "Microsoft Windows [Version 6.0.6002]" on Server 2008 SP2
rem before KB4489887 and "... 6.0.6003]" after it: a search for the old
rem build stops finding it.

rem expect: VG002
ver | find "6.0.6002" >nul
if errorlevel 1 goto not_sp2
echo Windows Server 2008 SP2
:not_sp2

rem expect: VG002
ver | find /i "6.0.6002" > nul && set OS=2008SP2

rem expect: VG002
ver | findstr /c:"Version 6.0.6002" >nul || goto unsupported

rem A regular expression (`.` is any character); /r: see the silent cases.
rem expect: VG002
ver | findstr /r "6\.0\.6002" >nul
if %errorlevel% equ 0 echo SP2

rem findstr's own default: a regex, as the first word has an unescaped `.`.
rem expect: VG002
ver | findstr /i "6.0.6002" >nul
if not errorlevel 1 echo SP2

rem expect: VG002
ver | findstr /r /c:"6\.0\.6002\]" >nul
if not errorlevel 1 echo SP2

:unsupported
