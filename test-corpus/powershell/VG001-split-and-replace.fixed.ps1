# The build taken out of a version string in the ways scripts do it.
$osVer = (Get-CimInstance Win32_OperatingSystem).Version   # 6.0.6002

# Several variables at once: each gets one part.
$major, $minor, $build = $osVer.Split('.')
# expect: VG001
if (6002, 6003 -contains $build) { 'Server 2008 SP2' }
# Silent: the major version is 6 before and after.
if ($major -eq 6) { 'Vista family' }

# A regular expression replacement, and the string method.
# expect: VG002
if ('6002', '6003' -contains ($osVer -replace '^\d+\.\d+\.', '')) { 'SP2 by -replace' }
# expect: VG002
if ('6002', '6003' -contains $osVer.Replace('6.0.', '')) { 'SP2 by Replace' }
# Silent: what is left of the major and minor does not change.
if (($osVer -replace '\.\d+$', '') -eq '6.0') { 'Server 2008' }

# Four parts into three variables: the last one holds the rest.
$a, $b, $rest = [Environment]::OSVersion.Version.ToString().Split('.')
if ($rest -eq 6002) { 'never: $rest is a list of two' }
