# A script run with & leaves its $global: variables, not its script ones.
& .\Set-Environment.ps1
# expect: VG001
if ($global:KernelBuild -le 6002) {
    'Windows Server 2008 or older'
}
if ($LocalOnly -eq 6002) {
    'never set here: a script run as a command keeps its own scope'
}
