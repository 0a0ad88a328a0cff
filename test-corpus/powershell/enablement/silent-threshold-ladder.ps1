# An if-expression ladder of lower bounds with an arm at each build of the
# 24H2/25H2 bump names both releases: identification, silent.
$build = [int](Get-CimInstance -ClassName Win32_OperatingSystem).BuildNumber
$release = if ($build -ge 26200) { '25H2' }
           elseif ($build -ge 26100) { '24H2' }
           elseif ($build -ge 22631) { '23H2' }
           elseif ($build -ge 22621) { '22H2' }
           else { 'older' }
Write-Output "Windows 11 $release"
