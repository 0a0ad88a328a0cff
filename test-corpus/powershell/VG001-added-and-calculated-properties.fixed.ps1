# Diagnostic packs build their report objects with Add-Member and with
# Select-Object's calculated properties, then test the report.
$os = Get-WmiObject Win32_OperatingSystem
$report = New-Object PSObject
$report | Add-Member -MemberType NoteProperty -Name Build -Value ([int]$os.BuildNumber)
$report | Add-Member -MemberType NoteProperty -Name Computer -Value $env:COMPUTERNAME
Add-Member -InputObject $report -NotePropertyName Version -NotePropertyValue $os.Version
$report | Add-Member NoteProperty Caption $os.Caption
# expect: VG001
if ($report.Build -lt 6004) { 'predates the March 2019 servicing bump' }
# expect: VG002
if ($report.Version -like '6.0.600[23]*') { 'SP2 by version' }
# Silent: the computer's name, the product's name.
if ($report.Computer -eq 'SRV6002') { 'the build server' }
if ($report.Caption -like '*2008*') { 'Server 2008' }

# A calculated property over the next line (a comma ends the line).
$info = $os | Select-Object Caption, Version,
    @{ Name = 'Build'; Expression = { [int]$_.BuildNumber } },
    @{ Name = 'Ubr'; Expression = { 0 } }
# expect: VG001
if (6002, 6003 -contains $info.Build) { 'calculated property says SP2' }
# expect: VG002
if ('6.0.6002', '6.0.6003' -contains $info.Version) { 'selected property says SP2' }
# Silent: a constant, the same before and after.
if ($info.Ubr -eq 0) { 'no revision known' }

$short = Get-CimInstance Win32_OperatingSystem |
    Select-Object -Property @{ n = 'Os'; e = 'BuildNumber' }, CSDVersion
# expect: VG001
if ($short.Os -le 6003) { 'by property name' }
# Silent: the service pack is the same before and after.
if ($short.CSDVersion -eq 'Service Pack 2') { 'SP2' }
