# Checks that the February 2019 servicing stack rollup is installed.
$kernel = (Get-Item "$env:windir\System32\kernel32.dll").VersionInfo
# expect: VG003
if ($kernel.FilePrivatePart -ge 24000 -or $kernel.FileBuildPart -eq 6003) {
    'rollup present'
}

$ubr = (Get-ItemProperty -Path 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion' -Name UBR).UBR
# expect: VG003
if ($ubr -lt 24500 -and [int](Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion').CurrentBuildNumber -ne 6003) {
    'needs KB4487019'
}

$fileVersion = [version]$kernel.FileVersion
# expect: VG003
if ($fileVersion.Revision -gt 24000 -or $fileVersion.Build -eq 6003) {
    'has the LDR fix'
}
