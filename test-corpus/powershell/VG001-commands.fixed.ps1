# A fix never runs a command or method twice: a comparison whose operand
# calls something is rewritten in place (-in, -notin), never joined with a
# second comparison that would call it again.
function Get-OsBuild {
    (Get-CimInstance -ClassName Win32_OperatingSystem).BuildNumber
}
$reg = 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
# expect: VG001
if (6002, 6003 -notcontains (Get-OsBuild)) { 'not SP2' }
# expect: VG001
if (6002, 6003 -contains (Get-OsBuild)) { 'SP2' }
# expect: VG001
if (6002, 6003 -notcontains [int](Get-ItemProperty $reg).CurrentBuildNumber) { 'newer' }
# expect: VG001
if ((Get-OsBuild) -le 6003) { 'SP2 or older' }
