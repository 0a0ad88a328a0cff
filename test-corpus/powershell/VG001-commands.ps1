# A fix never runs a command or method twice: a comparison whose operand
# calls something is rewritten in place (-in, -notin), never joined with a
# second comparison that would call it again.
function Get-OsBuild {
    (Get-CimInstance -ClassName Win32_OperatingSystem).BuildNumber
}
$reg = 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
# expect: VG001
if ((Get-OsBuild) -ne 6002) { 'not SP2' }
# expect: VG001
if ((Get-OsBuild) -eq 6002) { 'SP2' }
# expect: VG001
if ([int](Get-ItemProperty $reg).CurrentBuildNumber -ne 6002) { 'newer' }
# expect: VG001
if ((Get-OsBuild) -le 6002) { 'SP2 or older' }
