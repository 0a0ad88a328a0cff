# Helpers that take the build to compare with as an argument: each call is
# judged on its own, so a call naming 6002 flips and one naming 7601 does not.
function Get-OsBuild {
    [int](Get-CimInstance -ClassName Win32_OperatingSystem).BuildNumber
}

function Test-OsBuild {
    param([int]$Build)
    (Get-OsBuild) -eq $Build
}

function Test-AtMostBuild([int]$Limit) {
    (Get-OsBuild) -le $Limit
}

# expect: VG001
if (Test-OsBuild -Build 6002) {
    'Windows Server 2008 SP2'
}
if (Test-OsBuild 7601) {
    'Windows Server 2008 R2'
}
# expect: VG001
if (Test-AtMostBuild 6003) {
    'Vista family'
}
if (Test-AtMostBuild -Limit 7599) {
    'before Windows 7'
}
