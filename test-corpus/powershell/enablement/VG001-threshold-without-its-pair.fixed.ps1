# A lower bound at 25H2's build with no arm of its own for 24H2: a 24H2
# machine is called 'older' although 25H2 is 24H2 with an enablement package.
$build = [int](Get-CimInstance -ClassName Win32_OperatingSystem).BuildNumber
# expect: VG001
$release = if ($build -ge 26300) { 'current' }
           elseif ($build -ge 22000) { 'older' }
Write-Output $release

# 22H2 by name, then 23H2 "and later": the later arm is shared with 24H2 and
# every release after it, so this is not identification of both.
# expect: VG001
if (22621, 22631 -contains $build) {
    'apply the 22H2 workaround'
}
# expect: VG001
elseif ($build -ge 22641) {
    'no workaround'
}
