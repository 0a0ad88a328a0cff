# Friendly names with a note on each entry, as inventory scripts write them.
$os = Get-CimInstance -ClassName Win32_OperatingSystem
$names = @{
    6001 = 'Windows Server 2008'      # RTM / SP1
    # expect: VG005
    6002 = 'Windows Server 2008 SP2'  # before KB4489887
    7601 = 'Windows Server 2008 R2'   # SP1
}
$name = $names[[int]$os.BuildNumber]
if (-not $name) { $name = 'Unknown' }

# Both builds of the bump, same name (the comments differ): bump-aware, silent.
$aware = @{
    6002 = 'Windows Server 2008 SP2'  # before KB4489887
    6003 = 'Windows Server 2008 SP2'  # after KB4489887
    7601 = 'Windows Server 2008 R2'
}
"$name / $($aware[[int]$os.BuildNumber])"
