function Get-WindowsBuild {
    [int](Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion').CurrentBuild
}
Export-ModuleMember -Function Get-WindowsBuild
