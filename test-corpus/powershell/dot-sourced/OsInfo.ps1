# Shared by the scripts of this folder: the OS version, read once.
$OSVersion = [Environment]::OSVersion.Version

function Get-OsBuildNumber {
    (Get-CimInstance -ClassName Win32_OperatingSystem).BuildNumber
}

function Get-KernelVersion([ref]$Build) {
    $Build.Value = [int](Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion').CurrentBuildNumber
}
