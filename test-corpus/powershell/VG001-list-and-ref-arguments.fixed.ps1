# Builds passed as a list to a helper that tests membership, and a build
# handed back through a [ref] parameter.
function Get-OsBuild {
    return [int](Get-CimInstance -ClassName Win32_OperatingSystem).BuildNumber
}

function Test-OsBuild {
    param([int[]]$Build)
    return $Build -contains (Get-OsBuild)
}

# expect: VG001
if (Test-OsBuild -Build 6001, 6002, 6003) {
    'Windows Server 2008'
}
if (Test-OsBuild -Build 7600, 7601) {
    'Windows Server 2008 R2'
}

function Get-KernelBuild([ref]$Result) {
    $Result.Value = [Environment]::OSVersion.Version.Build
}

$kernelBuild = 0
Get-KernelBuild ([ref]$kernelBuild)
# expect: VG001
if (6002, 6003 -contains $kernelBuild) {
    'SP2 kernel'
}
if ($kernelBuild -ge 7600) {
    'Windows 7 kernel or later'
}
