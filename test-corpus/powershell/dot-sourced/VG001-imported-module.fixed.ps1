Import-Module "$PSScriptRoot\OsTools.psm1"

# expect: VG001
if ((Get-WindowsBuild) -in 6001, 6002, 6003) {
    'Windows Server 2008'
}
if ((Get-WindowsBuild) -ge 9200) {
    'Windows Server 2012 or later'
}
