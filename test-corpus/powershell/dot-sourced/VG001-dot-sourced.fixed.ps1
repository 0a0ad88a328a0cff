# The version is read in OsInfo.ps1 and compared here.
. $PSScriptRoot\OsInfo.ps1

# expect: VG001
if (6002, 6003 -contains $OSVersion.Build) {
    'Windows Server 2008 SP2'
}
# expect: VG001
if ([int](Get-OsBuildNumber) -le 6003) {
    'Windows Server 2008 or older'
}
$b = 0
Get-KernelVersion ([ref]$b)
# expect: VG001
if (6002, 6003 -contains $b) {
    'SP2'
}
if ($OSVersion.Major -ge 10) {
    'Windows 10 or later'
}
