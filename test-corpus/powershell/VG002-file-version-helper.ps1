# File-version helpers whose file name is a parameter: each call is read
# with its own file name, so only a system binary's version is the OS's.
function Get-SystemFileVersion {
    param([string]$Name)
    $path = "$env:windir\System32\$Name"
    (Get-Item $path).VersionInfo.FileVersion
}

function Get-ProductFileVersion([string]$Name) {
    return [System.Diagnostics.FileVersionInfo]::GetVersionInfo("$env:ProgramFiles\Contoso\$Name").ProductVersion
}

# expect: VG002
if ((Get-SystemFileVersion -Name 'ntoskrnl.exe') -like '6.0.6002.*') {
    'kernel of Windows Server 2008 SP2'
}
# The product's own binary: not the OS.
if ((Get-ProductFileVersion 'agent.exe') -like '6.0.6002.*') {
    'agent 6.0.6002'
}
