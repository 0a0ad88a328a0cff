# Feature gates that keep working across servicing bumps.
$os = Get-WmiObject Win32_OperatingSystem
$build = [int]$os.BuildNumber

if ($build -ge 6002) { 'SP2 or later' }
if ($build -gt 6001) { 'after SP1' }
if ([Environment]::OSVersion.Version -ge [version]'6.0.6002') { 'SP2 or later (.NET)' }
if ([version]$os.Version -ge '6.0.6002') { 'SP2 or later (WMI)' }
if ($build -lt 6002) { 'needs SP2' }
if ($build -ge 19041) { 'Windows 10 2004 or later' }
elseif ($build -ge 17763) { 'Windows 10 1809 or later' }
elseif ($build -ge 14393) { 'Windows 10 1607 or later' }
if ([Environment]::OSVersion.Version.Major -eq 6 -and [Environment]::OSVersion.Version.Minor -eq 0) { 'Vista family' }
if ($os.Version -like '6.0.*') { 'Vista family by string' }
if ($os.ServicePackMajorVersion -ge 2) { 'SP2 installed' }
if ($os.CSDVersion -eq 'Service Pack 2') { 'SP2 by name' }
