# The version is read in OsInfo.ps1 and compared here.
. $PSScriptRoot\OsInfo.ps1

# expect: VG001
if ($OSVersion.Build -eq 6002) {
    'Windows Server 2008 SP2'
}
# expect: VG001
if ([int](Get-OsBuildNumber) -le 6002) {
    'Windows Server 2008 or older'
}
$b = 0
Get-KernelVersion ([ref]$b)
# expect: VG001
if ($b -eq 6002) {
    'SP2'
}
if ($OSVersion.Major -ge 10) {
    'Windows 10 or later'
}
