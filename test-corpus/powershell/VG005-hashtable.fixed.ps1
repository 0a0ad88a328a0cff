# Maps the build to a friendly name for the report.
$friendly = @{
    6000 = 'Windows Vista'
    6001 = 'Windows Server 2008'
    # expect: VG005
    6002 = 'Windows Server 2008 SP2'; 6003 = 'Windows Server 2008 SP2'
    7601 = 'Windows Server 2008 R2 SP1'
}

$os = Get-CimInstance Win32_OperatingSystem
$name = $friendly[[int]$os.BuildNumber]
if (-not $name) { $name = 'Unknown' }

# expect: VG005
$kb = @{ '6.0.6002' = 'KB4489887'; '6.0.6003' = 'KB4489887'; '6.1.7601' = 'KB4489878' }
if ($kb.ContainsKey($os.Version)) { "install $($kb[$os.Version])" }

# MS17-010's table: Server 2008 SP1 and SP2 need the same update, so both
# rows hold one value. The finding and its fix are about the 6002 row.
$ms17010 = @{
    6001 = 'KB4012598'
    # expect: VG005
    6002 = 'KB4012598'; 6003 = 'KB4012598'
    7601 = 'KB4012212'
}
$needed = $ms17010[[int](Get-WmiObject Win32_OperatingSystem).BuildNumber]
