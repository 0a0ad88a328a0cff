# Advanced functions: what they output comes from their process block, and
# pipeline input binds their ValueFromPipeline parameter.
function Test-Server2008Sp2 {
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)]$OperatingSystem)
    process {
        $OperatingSystem.BuildNumber -eq '6002'
    }
}

function Get-InboxDriverVersion {
    [CmdletBinding()]
    param([Parameter(Mandatory)][string]$Name)
    process {
        $path = Join-Path -Path "$env:SystemRoot\System32\drivers" -ChildPath $Name
        [System.Diagnostics.FileVersionInfo]::GetVersionInfo($path).FileVersion
    }
}

$os = Get-CimInstance -ClassName Win32_OperatingSystem
# expect: VG001
if (Test-Server2008Sp2 -OperatingSystem $os) { 'SP2 by parameter' }
# expect: VG001
if ($os | Test-Server2008Sp2) { 'SP2 by pipeline' }

$tcpip = Get-InboxDriverVersion -Name 'tcpip.sys'
# expect: VG002
if ($tcpip -like '6.0.600[23].*') { 'tcpip.sys of SP2' }
# Silent: a third-party filter driver carries its own product's version.
$filter = Get-InboxDriverVersion -Name 'ctxflt.sys'
if ($filter -like '6.0.6002.*') { 'that filter build' }
