# A diagnostics collector builds one summary record and hands it to small
# test functions by name; their results are appended to a report with +=.
function Test-LegacyBuild {
    param($Summary)
    # expect: VG001
    return ([int]$Summary.Build -le 6002)
}

function Test-Sp2Text {
    param([string]$Text)
    # expect: VG002
    return ($Text -match '^6\.0\.6002(\.|$)')
}

function Test-Nt60 {
    param($Summary)
    # Silent: the same major and minor before and after.
    return ($Summary.Version -like '6.0.*')
}

function Test-AgentSchema {
    param($Summary)
    # Silent: the agent's own schema number, not the OS's.
    return ($Summary.Schema -eq 6002)
}

$os = Get-CimInstance -ClassName Win32_OperatingSystem
$summary = [pscustomobject]@{
    Build   = $os.BuildNumber
    Version = $os.Version
    Schema  = 6002
}
$report = @()
$report += 'legacy={0}' -f (Test-LegacyBuild -Summary $summary)
$report += 'nt60={0}' -f (Test-Nt60 -Summary $summary)
$report += 'schema={0}' -f (Test-AgentSchema -Summary $summary)
$report += (Test-Sp2Text -Text $os.Version)
$report | Set-Content -Path "$env:TEMP\diag.txt"
