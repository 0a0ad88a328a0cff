# Values that merely look like versions or builds.
if ($PSVersionTable.PSVersion.Major -lt 3) { throw 'PowerShell 3 required' }
if ($PSVersionTable.BuildVersion.Build -eq 6002) { 'PowerShell engine build' }
if ($Host.Version.Build -lt 6003) { 'old host' }

$port = 6002
if ($port -eq 6002) { 'default listener port' }
$listener = Get-NetTCPConnection -LocalPort 6002 -ErrorAction SilentlyContinue
if ($listener.LocalPort -eq 6002) { 'in use' }

# A comment about build 6002 is not a check: if ($build -eq 6002) {}
Write-Host "Tested on Windows Server 2008 SP2 (build 6002)"
$note = 'Requires 6.0.6002 or later'

$app = (Get-Item 'C:\Program Files\Contoso\agent.exe').VersionInfo
if ($app.FileBuildPart -eq 6002) { 'agent build 6002' }

$ticket = Read-Host 'Ticket number'
if ($ticket -eq '6002') { 'special ticket' }

# Port and code tables whose keys happen to be Windows builds: only ever
# read at their own keys or at constants, never at an OS value.
$listen = @{ 6001 = 'http'; 6002 = 'https' }
foreach ($port in $listen.Keys) {
    New-NetFirewallRule -DisplayName $listen[$port] -LocalPort $port -Protocol TCP
}
$errors = @{ 6001 = 'ERROR_ENCRYPTION_FAILED'; 6002 = 'ERROR_FILE_ENCRYPTED' }
Write-Warning $errors[6002]

# Third-party files under System32 carry their own product's version.
$filter = (Get-Item "$env:SystemRoot\System32\drivers\ctxflt.sys").VersionInfo
if ($filter.FileBuildPart -le 6002) { 'old filter driver' }
$crt = [System.Diagnostics.FileVersionInfo]::GetVersionInfo('C:\Windows\System32\msvcr100.dll')
if ($crt.FileBuildPart -eq 6002) { 'that CRT build' }

# Another WMI class's BuildNumber is not the OS's.
$bios = Get-WmiObject Win32_BIOS
if ($bios.BuildNumber -eq '6002') { 'that BIOS build' }
if ((Get-CimInstance -ClassName Win32_BIOS).BuildNumber -eq '6002') { 'that BIOS build' }
