# Inventory scripts keep what they learn in records: a hashtable or a
# [pscustomobject] whose property holds the build.
$os = Get-WmiObject -Class Win32_OperatingSystem
$facts = @{
    Name    = $env:COMPUTERNAME
    Build   = [int]$os.BuildNumber   # from WMI
    Version = $os.Version
}
# expect: VG001
if (6002, 6003 -contains $facts.Build) { 'Server 2008 SP2' }
# expect: VG002
if ($facts['Version'] -like '6.0.600[23]*') { 'SP2 by version' }
# Silent: the same major and minor before and after.
if ($facts.Version -like '6.0.*') { 'Server 2008 family' }
if ($facts.Name -eq 'SRV6002') { 'the build server' }

$record = [pscustomobject]@{
    Computer = $env:COMPUTERNAME
    Ubr      = (Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion').UBR
}
# expect: VG003
if ($record.Ubr -ge 24000 -or [int](Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion').CurrentBuildNumber -eq 6003) { 'kernel rollup installed' }
# Silent: every revision of both builds is above 100.
if ($record.Ubr -gt 100) { 'patched at least once' }
