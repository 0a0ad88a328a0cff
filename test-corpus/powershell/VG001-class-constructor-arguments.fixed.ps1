# A class whose constructor is given the OS's version by every
# [HostBuild]::new(...) and New-Object call: its members are that version,
# in its methods and on the instances.
class HostBuild {
    [int]$Build
    [int]$Revision
    [string]$Source

    HostBuild([version]$v, [string]$source) {
        $this.Build    = $v.Build
        $this.Revision = $v.Revision
        $this.Source   = $source
    }

    [bool] IsLegacyBranch() {
        # expect: VG001
        return (6002, 6003 -contains $this.Build)
    }

    [bool] IsVistaFamily() {
        return ($this.Build -ge 6000 -and $this.Build -lt 7600)
    }
}

class AgentBuild {
    [int]$Number
    AgentBuild([int]$n) { $this.Number = $n }
    [bool] IsOld() { return $this.Number -eq 6002 }
}

$os  = Get-CimInstance -ClassName Win32_OperatingSystem
$k32 = (Get-Item -LiteralPath "$env:SystemRoot\System32\kernel32.dll").VersionInfo
$ver = [version]('{0}.{1}' -f $os.Version, $k32.FilePrivatePart)
$hb  = [HostBuild]::new($ver, 'CIM+kernel32')
$alt = New-Object HostBuild -ArgumentList $ver, 'again'

if ($hb.IsLegacyBranch()) { Write-Output 'legacy servicing' }
# expect: VG003
if ($hb.Revision -lt 24000 -and $k32.FileBuildPart -ne 6003) { Write-Output 'rollup missing' }
# expect: VG001
if ($alt.Build -le 6003) { Write-Output 'classic' }

# our agent's own build number: not the OS
$agent = [AgentBuild]::new(6002)
if ($agent.IsOld()) { Write-Output 'agent upgrade due' }
