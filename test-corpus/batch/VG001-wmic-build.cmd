@echo off
rem WMI's BuildNumber through wmic: "BuildNumber=6002" with /value.
for /f "tokens=2 delims==" %%b in ('wmic os get BuildNumber /value') do set OSBUILD=%%b

rem expect: VG001
if %OSBUILD% LEQ 6002 (
  echo apply the SP2 workaround
)

rem The table form: a header line, then the value (padded with blanks).
for /f "skip=1" %%v in ('wmic os get BuildNumber') do if not defined WB set WB=%%v

rem expect: VG001
if %WB% LSS 6003 echo still on the old servicing stack

rem expect: VG001
if not %OSBUILD% GEQ 6003 echo not patched
