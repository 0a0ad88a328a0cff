# Version strings rebuilt from their parts, and a version object whose
# source is out of sight (only its name says it is the OS version).
$v = [Environment]::OSVersion.Version
# expect: VG001
if ('6.0.6002', '6.0.6003' -contains ('{0}.{1}.{2}' -f $v.Major, $v.Minor, $v.Build)) {
    'Windows Server 2008 SP2'
}
# expect: VG001
if ('6.0.6002', '6.0.6003' -contains (($v.Major, $v.Minor, $v.Build) -join '.')) {
    'Windows Server 2008 SP2'
}
if (('{0}.{1}' -f $v.Major, $v.Minor) -eq '6.0') {
    'Vista family'
}
$s = (Get-CimInstance -ClassName Win32_OperatingSystem).Version
if (($s -replace '\.\d+$', '') -eq '6.0') {
    'Vista family, any build'
}
# expect: VG002
if ('606002', '606003' -contains ($s -replace '\.', '')) {
    'Windows Server 2008 SP2, digits only'
}

$OSVersion = Get-PlatformInfo -Computer $env:COMPUTERNAME
# expect: VG001
if (6002, 6003 -contains $OSVersion.Build) {
    'Windows Server 2008 SP2 (by the name of the variable)'
}
$toolVersion = Get-PlatformInfo -Tool
if ($toolVersion.Build -eq 6002) {
    'not the OS'
}
