# Install script for the management agent.
$os = Get-WmiObject Win32_OperatingSystem

# expect: VG002
if ("6.0.6002", "6.0.6003" -contains [version]$os.Version) {
    Write-Host "Installing the Server 2008 SP2 build of the agent"
}

$target = [version]'6.0.6002'
$current = [version]$os.Version
# expect: VG002
if ('6.0.6002', '6.0.6003' -contains $current) {
    Write-Host "exact match"
}

$text = "$($os.Version)"
# expect: VG002
if ($text.StartsWith('6.0.6002') -or $text.StartsWith('6.0.6003')) {
    Write-Host "prefix match"
}

$lab = (Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion').BuildLabEx
# expect: VG002
if ($lab.Contains('6002.') -or $lab.Contains('6003.')) {
    Write-Host "BuildLabEx names build 6002"
}

$fv = [System.Diagnostics.FileVersionInfo]::GetVersionInfo("$env:windir\system32\ntdll.dll")
# expect: VG002
if ($fv.ProductVersion.Equals('6.0.6002.24566')) {
    Write-Host "ntdll from the February 2019 rollup"
}
