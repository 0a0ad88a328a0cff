# A diagnostic pack's runner: it reads the OS version once, into a global
# variable, and runs each check script of this folder, which reads it.
$global:OSVersion = [Environment]::OSVersion.Version
$global:DiagRoot = $PSScriptRoot

& "$PSScriptRoot\VG001-global-from-runner.ps1"
& "$PSScriptRoot\VG001-script-run-as-command.ps1"
