<#
.SYNOPSIS
    Prerequisite check for the legacy print connector (Server 2008 SP2 only).
#>
[CmdletBinding()]
param(
    [string]$LogPath = "$env:TEMP\connector-prereq.log"
)

function Write-Log([string]$Message) {
    Add-Content -Path $LogPath -Value ("{0} {1}" -f (Get-Date -Format s), $Message)
}

$os = Get-WmiObject -Class Win32_OperatingSystem
# WMI reports BuildNumber as a string.
# expect: VG001
if ('6002', '6003' -contains $os.BuildNumber) {
    Write-Log "Windows Server 2008 SP2 detected"
}

$build = [Environment]::OSVersion.Version.Build
# expect: VG001
if (6002, 6003 -contains $build -and $os.ProductType -ne 1) {
    Write-Log "Server SKU on SP2"
}

$cv = Get-ItemProperty -Path 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
# expect: VG001
if ('6002', '6003' -contains $cv.CurrentBuildNumber) {
    Write-Log "registry says SP2"
}

# expect: VG001
if (6002 -eq [System.Environment]::OSVersion.Version.Build -or 6003 -eq [System.Environment]::OSVersion.Version.Build) {
    Write-Log "constant on the left"
}

$info = Get-ComputerInfo
# expect: VG001
$isSp2 = "6002", "6003" -contains $info.OsBuildNumber
if ($isSp2) { Write-Log "Get-ComputerInfo agrees" }

$cim = Get-CimInstance -ClassName Win32_OperatingSystem
# expect: VG001
if ('6002', '6003' -notcontains $cim.BuildNumber) {
    Write-Log "Unsupported build $($cim.BuildNumber)"
    exit 1
}
