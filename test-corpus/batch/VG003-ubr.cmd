@echo off
rem UBR (the revision) restarted when the build became 6003: 6002.24566
rem was followed by 6003.20491. "Has the 2018 rollup" stops being true.
for /f "tokens=3" %%u in ('reg query "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion" /v UBR') do set UBR=%%u
rem expect: VG003
if %UBR% GEQ 24000 echo the 2018 rollup is installed
