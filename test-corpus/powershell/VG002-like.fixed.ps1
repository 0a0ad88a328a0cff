# Chocolatey-style install script: picks the payload by OS version.
$ErrorActionPreference = 'Stop'
$osVersion = (Get-CimInstance Win32_OperatingSystem).Version

# expect: VG002
if ($osVersion -like '6.0.600[23]*') {
    $payload = 'setup-vista-sp2.exe'
}
# expect: VG002
elseif ($osVersion -clike '6.0.600[23]') {
    $payload = 'never'
}

$dotnet = [Environment]::OSVersion.Version.ToString()
# expect: VG002
if ($dotnet -notlike '6.0.600[23].*') {
    Write-Warning "This package targets Server 2008 SP2 only"
}

# expect: VG002
$sp2 = Get-WmiObject Win32_OperatingSystem | Where-Object { $_.Version -like "6.0.600[23]" }

switch -Wildcard ($osVersion) {
    # expect: VG002
    '6.0.600[23]*' { $flavor = 'sp2' }
    '6.1.*' { $flavor = 'win7' }
    default { $flavor = 'other' }
}
