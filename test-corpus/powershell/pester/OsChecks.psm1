function Get-OsBuildNumber {
    [int](Get-CimInstance -ClassName Win32_OperatingSystem).BuildNumber
}

function Test-OsBuild {
    param([Parameter(Mandatory = $true)][int]$Build)
    (Get-OsBuildNumber) -eq $Build
}

Export-ModuleMember -Function Get-OsBuildNumber, Test-OsBuild
