# Deployment helpers: each check reads its build from somewhere else in the
# file (a function's output, a script variable another function sets, the
# top-level code), among functions that have nothing to do with versions.
Set-StrictMode -Version Latest

function Get-OSBuild {
    (Get-CimInstance -ClassName Win32_OperatingSystem).BuildNumber
}

function Copy-Payload {
    param([string]$Source, [string]$Target)
    if (-not (Test-Path $Target)) { New-Item -ItemType Directory -Path $Target | Out-Null }
    Get-ChildItem -Path $Source -Recurse | Copy-Item -Destination $Target -Force
}

function Initialize-Cache {
    $script:CachedBuild = [Environment]::OSVersion.Version.Build
}

function Get-PatchLevel {
    (Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion').UBR
}

function Write-DeployLog {
    param([string]$Message)
    $line = '{0:u} {1}' -f (Get-Date), $Message
    Add-Content -Path (Join-Path $env:TEMP 'deploy.log') -Value $line
}

function Get-Os {
    Get-CimInstance -ClassName Win32_OperatingSystem
}

function Test-Server2008Sp2 {
    # expect: VG001
    return '6002', '6003' -contains (Get-OSBuild)
}

function Test-CachedSp2 {
    # expect: VG001
    if (6002, 6003 -contains $CachedBuild) { Write-DeployLog 'cached: SP2' }
}

function Test-MonthlyRollup {
    # expect: VG003
    if ((Get-PatchLevel) -ge 24000 -or [int](Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion').CurrentBuildNumber -eq 6003) { Write-DeployLog 'rollup installed' }
}

function Test-TopLevelOs {
    # expect: VG001
    if ('6002', '6003' -contains $os.BuildNumber) { Write-DeployLog 'top-level: SP2' }
}

function Remove-OldLogs {
    param([int]$Days = 30)
    Get-ChildItem -Path $env:TEMP -Filter '*.log' |
        Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-$Days) } |
        Remove-Item -Force
}

$os = Get-Os
Initialize-Cache
