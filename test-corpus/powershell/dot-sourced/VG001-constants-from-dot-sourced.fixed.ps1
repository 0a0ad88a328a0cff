# The numbers come from a dot-sourced script and the build from a module
# imported by an unquoted path: this script holds no build literal of its
# own, and is still analyzed.
. $PSScriptRoot\Builds.ps1
Import-Module $PSScriptRoot\OsTools.psm1 -Force

$build = Get-WindowsBuild
$ubr = [int](Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion').UBR
# expect: VG001
if ($script:Sp2Build, 6003 -contains $build) {
    'Windows Server 2008 SP2'
}
# expect: VG003
if ($ubr -lt $script:MinKernelRevision -and [int](Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion').CurrentBuildNumber -ne 6003) {
    'Kernel rollup missing'
}
if ($script:WinRmPort -eq 5985) {
    'default WinRM port'
}
