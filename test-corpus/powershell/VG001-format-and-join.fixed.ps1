# Version strings rebuilt from their parts, and a version object whose
# source is out of sight (only its name says it is the OS version).
$v = [Environment]::OSVersion.Version
# expect: VG001
if (('{0}.{1}.{2}' -f $v.Major, $v.Minor, $v.Build) -in '6.0.6002', '6.0.6003') {
    'Windows Server 2008 SP2'
}
# expect: VG001
if ((($v.Major, $v.Minor, $v.Build) -join '.') -in '6.0.6002', '6.0.6003') {
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
if (($s -replace '\.', '') -in '606002', '606003') {
    'Windows Server 2008 SP2, digits only'
}

$OSVersion = Get-PlatformInfo -Computer $env:COMPUTERNAME
# expect: VG001
if ($OSVersion.Build -in 6002, 6003) {
    'Windows Server 2008 SP2 (by the name of the variable)'
}
$toolVersion = Get-PlatformInfo -Tool
if ($toolVersion.Build -eq 6002) {
    'not the OS'
}
