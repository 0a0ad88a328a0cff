# Functions that branch on a parameter their callers fill with the OS build:
# the checks inside are judged with what the calls pass.
function Select-Installer {
    param([int]$Build)
    # expect: VG001
    if ($Build -eq 6002) { return 'legacy.msi' }
    'agent.msi'
}

function Get-QuirkLevel($b) {
    switch ($b) {
        # expect: VG001
        6002 { 2 }
        7601 { 1 }
        default { 0 }
    }
}

# Silent: its only caller passes the agent's own version.
function Test-KnownBadAgent([int]$AgentBuild) {
    $AgentBuild -eq 6002 -or $AgentBuild -eq 6010
}

# Every call passes the OS build, in a condition too: judged inside, where
# the fix goes.
# expect: VG001
function Test-Sp2($b) { $b -eq 6002 }

$osBuild = [Environment]::OSVersion.Version.Build
$msi = Select-Installer -Build $osBuild
$level = Get-QuirkLevel ([Environment]::OSVersion.Version.Build)
$bad = Test-KnownBadAgent ([int]$args[0])
if (Test-Sp2 $osBuild) { Write-Output "$msi $level $bad" }
