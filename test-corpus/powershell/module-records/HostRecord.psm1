# A module that builds a record of the host's version through a class
# whose constructor is given the parsed version.
class HostVersion {
    [int]$Build
    [int]$Revision
    HostVersion([version]$v) {
        $this.Build    = $v.Build
        $this.Revision = $v.Revision
    }
}

function Get-KernelRevision {
    $vi = (Get-Item -LiteralPath (Join-Path $env:SystemRoot 'System32\ntoskrnl.exe')).VersionInfo
    return [int]$vi.FilePrivatePart
}

function Get-HostRecord {
    $os  = Get-CimInstance -ClassName Win32_OperatingSystem
    $ver = [version]('{0}.{1}' -f $os.Version, (Get-KernelRevision))
    $hv  = [HostVersion]::new($ver)
    [pscustomobject]@{
        Computer = $env:COMPUTERNAME
        Build    = $hv.Build
        Revision = $hv.Revision
    }
}

Export-ModuleMember -Function Get-HostRecord
