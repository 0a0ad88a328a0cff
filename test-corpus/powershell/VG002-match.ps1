# Patch audit: classifies hosts from several version sources.
$ver = cmd /c ver
# expect: VG002
if ($ver -match '6\.0\.6002') {
    "ver reports Server 2008 SP2"
}

$os = Get-WmiObject -Class Win32_OperatingSystem
# expect: VG002
if ($os.Version -notmatch '^6\.0\.6002$') {
    "not SP2"
}

$vs = [Environment]::OSVersion.VersionString
# expect: VG002
if ($vs -cmatch 'NT 6\.0\.6002') {
    "VersionString says SP2"
}

# systeminfo's labelled line: `OS Version:   6.0.6002 Service Pack 2 Build 6002`.
# expect: VG002
if (systeminfo | Select-String -Pattern 'OS Version:\s+6\.0\.6002') {
    "systeminfo's OS Version line says SP2"
}
# Silent: the same family before and after.
if (systeminfo | Select-String -Pattern 'OS Version:\s+6\.0\.') {
    "Server 2008 family"
}

$sysinfo = systeminfo | Select-String 'OS Version'
# expect: VG002
if ($sysinfo -match '6\.0\.6002 Service Pack 2') {
    "systeminfo says SP2"
}

switch -Regex ($os.Version) {
    # expect: VG002
    '^6\.0\.6002' { 'Server 2008 SP2' }
    '^6\.1\.' { 'Server 2008 R2' }
}

# A loop over systeminfo's lines: `^` is the start of each line.
function Get-SystemInfoBuild {
    $lines = & systeminfo.exe /fo list
    foreach ($line in $lines) {
        if ($line -match '^OS Version:\s+(\d+)\.(\d+)\.(\d+)') {
            return [int]$Matches[3]
        }
    }
    return 0
}
foreach ($line in (& systeminfo.exe)) {
    # expect: VG002
    if ($line -match '^OS Version:\s+6\.0\.6002\b') {
        'SP2 by its line'
    }
    # Silent: no line of systeminfo starts with a version.
    if ($line -match '^6\.0\.6002') {
        'never'
    }
}
# expect: VG002
if ((Get-SystemInfoBuild) -le 6002) {
    'SP2 or older'
}
