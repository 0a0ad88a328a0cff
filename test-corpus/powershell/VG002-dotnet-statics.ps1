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

# [int]::TryParse fills its [ref] variable with the number.
$raw = (Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion').CurrentBuildNumber
$build = 0
if ([int]::TryParse($raw, [ref]$build)) {
    # expect: VG001
    if ($build -le 6002) { 'Server 2008 SP2 or older' }
    # Silent: both builds are below Windows 7.
    if ($build -lt 7600) { 'before Windows 7' }
}

# The version's first three parts as text.
# expect: VG002
if ([Environment]::OSVersion.Version.ToString(3) -eq '6.0.6002') { 'exactly 6.0.6002' }
# Silent: the same family on both builds.
if ([Environment]::OSVersion.Version.ToString(3) -like '6.0.*') { 'Vista family' }
