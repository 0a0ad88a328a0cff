# A build written in hex: 0x1772 is the SP2 build before KB4489887. No
# decimal build appears in this script: the prefilter must read the number.
$build = [Environment]::OSVersion.Version.Build
# expect: VG001
if (0x1772, 0x1773 -contains $build) {
    Write-Output 'Server 2008 SP2'
}
