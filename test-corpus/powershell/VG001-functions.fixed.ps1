# Helper module functions used by the deployment scripts.
function Get-OSBuild {
    Get-WmiObject Win32_OperatingSystem | Select-Object -ExpandProperty BuildNumber
}

function Test-LegacyServer {
    param([int]$Build = [Environment]::OSVersion.Version.Build)
    # expect: VG001
    return $Build -in 6002, 6003
}

function Test-ScriptScope {
    # expect: VG001
    if ($script:OsBuild -in 6002, 6003) { 'legacy' }
}

$script:OsBuild = [int](Get-OSBuild)
$current = Get-OSBuild
# expect: VG001
if ($current -in '6002', '6003') {
    Test-ScriptScope
}

$builds = Get-WmiObject Win32_OperatingSystem | ForEach-Object { $_.BuildNumber }
# expect: VG001
if ($builds -in '6002', '6003') { 'SP2' }

$global:Ubr = Get-ItemPropertyValue 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion' -Name CurrentBuild
# expect: VG001
while ($global:Ubr -in '6002', '6003') { break }

# Unknown origin, but the name says it is a build number.
# expect: VG001
if ($OSBuildNumber -in 6002, 6003) { 'inferred' }
