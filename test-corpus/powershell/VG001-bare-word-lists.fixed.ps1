# Bare-word lists as command arguments (Select-Object Caption, BuildNumber),
# which the grammar alone does not accept: the checks around them are read.
$os = Get-WmiObject Win32_OperatingSystem -Property Caption, BuildNumber, Version
# expect: VG001
if ('6002', '6003' -contains $os.BuildNumber) { Write-Output 'Server 2008 SP2' }

$build = (Get-WmiObject Win32_OperatingSystem | Select-Object Caption, BuildNumber).BuildNumber
# expect: VG001
if ([int]$build -le 6003) { Write-Output 'before 6003' }

$info = Get-CimInstance -ClassName Win32_OperatingSystem | Select-Object -Property Caption,Version,BuildNumber
# expect: VG002
if ($info.Version -like '6.0.600[23]*') { Write-Output 'SP2 by version' }

# Silent: the family is the same before and after.
if ($info.Version -like '6.0.*') { Write-Output 'Vista family' }

Get-Service | Format-Table Name, Status -AutoSize
Export-ModuleMember -Function Get-Thing, Set-Thing
