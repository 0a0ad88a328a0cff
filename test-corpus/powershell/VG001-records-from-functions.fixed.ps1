# Records built in a function and read by its callers, and records made by
# New-Object -Property.
function Get-OsFacts {
    $os = Get-WmiObject -Class Win32_OperatingSystem
    $parts = $os.Version.Split('.')
    [pscustomobject]@{
        Caption = $os.Caption
        Build   = [int]$os.BuildNumber
        Minor   = [int]$parts[1]
        Patch   = [int]$parts[2]
    }
}

$facts = Get-OsFacts
# expect: VG001
if ($facts.Build -lt 6004) { 'before the 2019 rollup' }
# expect: VG001
if (6002, 6003 -contains $facts.Patch) { 'Server 2008 SP2' }
# Silent: the minor version is 0 on both builds.
if ($facts.Minor -eq 0) { 'Vista family' }

$record = New-Object PSObject -Property @{
    Build = [int](Get-WmiObject -Class Win32_OperatingSystem).BuildNumber
}
# expect: VG001
if (6002, 6003 -contains $record.Build) { 'SP2 by record' }
