# Parameters passed by splatting a hashtable (`Get-CimInstance @params`), as
# scripts that share one set of WMI options do: the class or the query in
# the hashtable says what the command returns.
$cim = @{
    ClassName   = 'Win32_OperatingSystem'
    ErrorAction = 'Stop'
}
$os = Get-CimInstance @cim
# expect: VG001
if (6002, 6003 -contains $os.BuildNumber) { Write-Output 'Server 2008 SP2' }

# Another class, splatted: its BuildNumber is not the OS's.
$bios = @{ Class = 'Win32_BIOS' }
$b = Get-WmiObject @bios
if ($b.BuildNumber -eq 6002) { Write-Output 'firmware build' }

# A WQL query, splatted.
$query = @{
    # expect: VG002
    Query = "SELECT * FROM Win32_OperatingSystem WHERE (BuildNumber = '6002' OR BuildNumber = '6003')"
}
if (Get-CimInstance @query) { Write-Output 'Server 2008 SP2 by query' }

# Given by name as well: the named parameter wins.
$other = @{ ClassName = 'Win32_OperatingSystem' }
$disk = Get-CimInstance @other -ClassName Win32_LogicalDisk
if ($disk.BuildNumber -eq 6002) { Write-Output 'not a build' }
