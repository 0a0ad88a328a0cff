# Run as a command (not dot-sourced): only what it sets as $global: stays.
$global:KernelBuild = [int](Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion').CurrentBuildNumber
$LocalOnly = [Environment]::OSVersion.Version.Build
