# An SCCM detection script rebuilds kernel32's version from its parts.
$vi = (Get-Item -LiteralPath "$env:windir\System32\kernel32.dll").VersionInfo
$kernel = New-Object -TypeName System.Version -ArgumentList $vi.FileMajorPart, $vi.FileMinorPart, $vi.FileBuildPart, $vi.FilePrivatePart
# expect: VG001
if (6002, 6003 -contains $kernel.Build) { 'Server 2008 SP2 kernel' }
# expect: VG003
if ($kernel.Revision -ge 24500 -or $vi.FileBuildPart -eq 6003) { 'March 2019 servicing stack' }
# Silent: the same major and minor before and after.
if ($kernel.Major -eq 6 -and $kernel.Minor -eq 0) { 'NT 6.0' }
$tool = New-Object -TypeName System.Version -ArgumentList 6, 0, 6002
# Silent: the tool's own version.
if ($tool.Build -eq 6002) { 'tool 6.0.6002' }
