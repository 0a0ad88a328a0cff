# Checks that already know about the 6003 servicing build.
$os = Get-CimInstance Win32_OperatingSystem
$b = [int]$os.BuildNumber
if ($b -in 6002, 6003) { 'Server 2008 SP2' }
if ($os.BuildNumber -eq '6002' -or $os.BuildNumber -eq '6003') { 'SP2 either build' }
if ($os.Version -like '6.0.600[23]*') { 'SP2 by wildcard' }
if ($os.Version -match '^6\.0\.600[23]') { 'SP2 by regex' }
if ($b -ge 6002 -and $b -le 6003) { 'SP2 range' }
switch ($b) {
    6002 { 'SP2' }
    6003 { 'SP2' }
    default { 'other' }
}
$sp2 = Get-WmiObject -Class Win32_OperatingSystem -Filter "BuildNumber = '6002' OR BuildNumber = '6003'"
$vi = (Get-Item "$env:windir\system32\kernel32.dll").VersionInfo
if ($vi.FilePrivatePart -ge 24000 -or $vi.FileBuildPart -gt 6002) { 'rollup present' }
# Arms of their own for each build identify the system, whatever they give.
$label = switch ($b) {
    6002 { 'SP2' }
    6003 { 'SP2, March 2019 servicing build' }
    default { 'other' }
}
$names = @{ 6001 = '2008'; 6002 = '2008 SP2'; 6003 = '2008 SP2 (2019)' }
$name = $names[$b]
if ($b -eq 6002) { 'SP2' } elseif ($b -eq 6003) { 'SP2 refresh' }
