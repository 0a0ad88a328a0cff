# $OSVersion is set by Invoke-Diagnostics.ps1, which runs this script.
# expect: VG001
if (6002, 6003 -contains $OSVersion.Build) {
    'Storage: apply the Windows Server 2008 SP2 workaround'
}
if ($OSVersion.Major -ge 10) {
    'Storage: nothing to do'
}
# Not a global anywhere: nothing is known of it.
if ($ReportId -eq 6002) {
    'unknown'
}
