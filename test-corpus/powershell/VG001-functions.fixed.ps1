# Helper module functions used by the deployment scripts.
function Get-OSBuild {
    Get-WmiObject Win32_OperatingSystem | Select-Object -ExpandProperty BuildNumber
}

function Test-LegacyServer {
    param([int]$Build = [Environment]::OSVersion.Version.Build)
    # expect: VG001
    return 6002, 6003 -contains $Build
}

function Test-ScriptScope {
    # expect: VG001
    if (6002, 6003 -contains $script:OsBuild) { 'legacy' }
}

$script:OsBuild = [int](Get-OSBuild)
$current = Get-OSBuild
# expect: VG001
if ('6002', '6003' -contains $current) {
    Test-ScriptScope
}

$builds = Get-WmiObject Win32_OperatingSystem | ForEach-Object { $_.BuildNumber }
# expect: VG001
if ('6002', '6003' -contains $builds) { 'SP2' }

$global:Ubr = Get-ItemPropertyValue 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion' -Name CurrentBuild
# expect: VG001
while ('6002', '6003' -contains $global:Ubr) { break }

# Unknown origin, but the name says it is a build number.
# expect: VG001
if (6002, 6003 -contains $OSBuildNumber) { 'inferred' }
