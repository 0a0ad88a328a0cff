# A monitoring check whose threshold is a parameter's default, compared
# with a record an imported module builds through a class.
param(
    [int]$WarnRevision = 22000
)
Import-Module (Join-Path $PSScriptRoot 'HostRecord.psm1') -Force

$rec = Get-HostRecord
# expect: VG003
if ($rec.Revision -lt $WarnRevision) {
    Write-Output "WARNING - kernel revision $($rec.Revision)"
    exit 1
}
# 6002 and 6003 are both past 6001: silent
if ($rec.Build -lt 6001) {
    Write-Output 'CRITICAL - unsupported kernel'
    exit 2
}
Write-Output 'OK'
