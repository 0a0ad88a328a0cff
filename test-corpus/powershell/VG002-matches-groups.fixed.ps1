# The build read out of `ver` with -match and the $Matches it fills.
$ver = cmd /c ver
if ($ver -match 'Version (\d+)\.(\d+)\.(\d+)') {
    $build = [int]$Matches[3]
    # expect: VG002
    if (6002, 6003 -contains $build) {
        'Windows Server 2008 SP2'
    }
    if ([int]$Matches[1] -ge 10) {
        'Windows 10 or later'
    }
}

# $Matches of a match on something else says nothing about the OS.
$line = Get-Content .\settings.txt -First 1
if ($line -match 'port=(\d+)') {
    if ([int]$Matches[1] -eq 6002) {
        'port 6002'
    }
}

# Named groups: $Matches.build and $Matches['Build'] (its keys ignore case).
$banner = cmd /c ver | Out-String
if ($banner -match 'Version (?<major>\d+)\.(?<minor>\d+)\.(?<build>\d+)') {
    # expect: VG002
    if (6002, 6003 -contains [int]$Matches.build) {
        'Windows Server 2008 SP2'
    }
    # expect: VG002
    if ([int]$Matches['Build'] -le 6003) {
        'Windows Server 2008 SP2 or older'
    }
    if ([int]$Matches.minor -eq 0) {
        'Vista family'
    }
}
