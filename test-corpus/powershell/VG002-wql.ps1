# Targets only Server 2008 SP2 machines through WMI filters.
# expect: VG002
$sp2 = Get-WmiObject -Class Win32_OperatingSystem -Filter "BuildNumber = '6002'"
if ($sp2) { 'SP2 host' }

# expect: VG002
$rows = Get-WmiObject -Query "SELECT Caption FROM Win32_OperatingSystem WHERE Version LIKE '6.0.6002%' AND ProductType <> 1"

# expect: VG002
$q = 'SELECT * FROM Win32_OperatingSystem WHERE BuildNumber < ''6003'''
$old = Get-CimInstance -Query $q

# Unrelated classes are not version sources.
$disk = Get-WmiObject -Class Win32_LogicalDisk -Filter "DriveType = 6002"

# A helper hands its parameter to the query: the WQL of each call is the
# guard, at the call.
function Get-OsByFilter {
    param([string]$Filter)
    Get-WmiObject -Class Win32_OperatingSystem -Filter $Filter
}
function Get-OsByQuery([string]$Query) {
    Get-CimInstance -Query $Query
}
# expect: VG002
$viaHelper = Get-OsByFilter -Filter "BuildNumber='6002'"
# expect: VG002
$viaQuery = Get-OsByQuery "SELECT * FROM Win32_OperatingSystem WHERE BuildNumber <= 6002"
# Silent: 7601 is one build before and after.
$win7 = Get-OsByFilter -Filter "BuildNumber='7601'"
# Silent: the query names another class.
$svc = Get-OsByQuery "SELECT * FROM Win32_Service WHERE ProcessId = 6002"
