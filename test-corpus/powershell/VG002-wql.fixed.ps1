# Targets only Server 2008 SP2 machines through WMI filters.
# expect: VG002
$sp2 = Get-WmiObject -Class Win32_OperatingSystem -Filter "(BuildNumber = '6002' OR BuildNumber = '6003')"
if ($sp2) { 'SP2 host' }

# expect: VG002
$rows = Get-WmiObject -Query "SELECT Caption FROM Win32_OperatingSystem WHERE Version LIKE '6.0.600[23]%' AND ProductType <> 1"

# expect: VG002
$q = 'SELECT * FROM Win32_OperatingSystem WHERE BuildNumber < ''6003'''
$old = Get-CimInstance -Query $q

# Unrelated classes are not version sources.
$disk = Get-WmiObject -Class Win32_LogicalDisk -Filter "DriveType = 6002"
