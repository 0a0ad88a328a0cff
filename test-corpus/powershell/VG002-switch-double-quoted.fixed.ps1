# Deployment script: picks the package by the OS version string.
$v = (Get-CimInstance Win32_OperatingSystem).Version
switch -Wildcard ($v) {
    # expect: VG002
    "6.0.600[23]*" { $pkg = 'server2008sp2.msu' }
    "6.1.*" { $pkg = 'server2008r2.msu' }
    default { $pkg = $null }
}
switch ($v) {
    # expect: VG002
    { "6.0.6002", "6.0.6003" -contains $_ } { Write-Host "Windows Server 2008 SP2" }
    "10.0.14393" { Write-Host "Windows Server 2016" }
}
