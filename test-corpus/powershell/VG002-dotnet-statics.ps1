# .NET static members scripts call instead of PowerShell's operators.
$os = Get-CimInstance Win32_OperatingSystem
# expect: VG002
if ([regex]::IsMatch($os.Version, '^6\.0\.6002')) { 'SP2' }
# Silent: the same major and minor.
if ([regex]::IsMatch($os.Version, '^6\.0\.')) { 'Server 2008' }

$v = [Environment]::OSVersion.Version
# expect: VG002
if ($v -lt [version]::new(6, 0, 6003)) { 'before the 2019 update' }
# expect: VG002
if ($v -lt (New-Object Version 6, 0, 6003)) { 'before the 2019 update' }
# Silent: both builds are at least 6.0.
if ($v -ge [version]::new(6, 0)) { 'Vista or later' }
