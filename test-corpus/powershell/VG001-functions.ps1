# Helper module functions used by the deployment scripts.
function Get-OSBuild {
    Get-WmiObject Win32_OperatingSystem | Select-Object -ExpandProperty BuildNumber
}

function Test-LegacyServer {
    param([int]$Build = [Environment]::OSVersion.Version.Build)
    # expect: VG001
    return $Build -eq 6002
}

function Test-ScriptScope {
    # expect: VG001
    if ($script:OsBuild -eq 6002) { 'legacy' }
}

$script:OsBuild = [int](Get-OSBuild)
$current = Get-OSBuild
# expect: VG001
if ($current -eq '6002') {
    Test-ScriptScope
}

$builds = Get-WmiObject Win32_OperatingSystem | ForEach-Object { $_.BuildNumber }
# expect: VG001
if ($builds -eq '6002') { 'SP2' }

$global:Ubr = Get-ItemPropertyValue 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion' -Name CurrentBuild
# expect: VG001
while ($global:Ubr -eq '6002') { break }

# Unknown origin, but the name says it is a build number.
# expect: VG001
if ($OSBuildNumber -eq 6002) { 'inferred' }
