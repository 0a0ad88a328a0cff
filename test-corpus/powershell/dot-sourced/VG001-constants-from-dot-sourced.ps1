# The numbers come from a dot-sourced script and the build from a module
# imported by an unquoted path: this script holds no build literal of its
# own, and is still analyzed.
. $PSScriptRoot\Builds.ps1
Import-Module $PSScriptRoot\OsTools.psm1 -Force

$build = Get-WindowsBuild
$ubr = [int](Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion').UBR
# expect: VG001
if ($build -eq $script:Sp2Build) {
    'Windows Server 2008 SP2'
}
# expect: VG003
if ($ubr -lt $script:MinKernelRevision) {
    'Kernel rollup missing'
}
if ($script:WinRmPort -eq 5985) {
    'default WinRM port'
}
