# A diagnostic module keeps the OS facts in a PowerShell class, and report
# objects get computed properties.
class HostOs {
    [int]$Major
    [int]$Build
    [string]$Version
    [int]$Port = 6002
    [int]$Ubr = (Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion').UBR

    HostOs() {
        $os = Get-CimInstance -ClassName Win32_OperatingSystem
        $this.Version = $os.Version
        $v = [version]$os.Version
        $this.Major = $v.Major
        $this.Build = $v.Build
    }

    [bool] IsServer2008Sp2() {
        # expect: VG001
        return $this.Major -eq 6 -and 6002, 6003 -contains $this.Build
    }

    [bool] HasRollup() {
        # expect: VG003
        return ($this.Ubr -ge 24000 -or [int](Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion').CurrentBuildNumber -eq 6003)
    }

    [bool] IsNt6() {
        # Silent: the same major before and after.
        return $this.Major -eq 6
    }

    [bool] UsesDefaultPort() {
        # Silent: a port, not a build.
        return $this.Port -eq 6002
    }
}

$hostOs = [HostOs]::new()
# expect: VG002
if ($hostOs.Version.StartsWith('6.0.6002') -or $hostOs.Version.StartsWith('6.0.6003')) { 'SP2 by version string' }
# Silent: both builds of the bump.
if ($hostOs.Build -in 6002, 6003) { 'SP2 either build' }

$report = New-Object -TypeName PSObject
$report | Add-Member -MemberType ScriptProperty -Name OsBuild -Value { [int](Get-CimInstance Win32_OperatingSystem).BuildNumber }
# expect: VG001
if ($report.OsBuild -le 6003) { 'legacy' }

$facts = [pscustomobject]@{ Name = $env:COMPUTERNAME }
$facts.Build = [int](Get-CimInstance Win32_OperatingSystem).BuildNumber
# expect: VG001
if (6002, 6003 -contains $facts.Build) { 'set after creation' }
