# The kernel's revision returned by a function: its build is spelled with
# the function's own $vi, which the caller cannot write, so no fix pairs
# the threshold with it here.
function Get-KernelRevision {
    $vi = (Get-Item -LiteralPath (Join-Path $env:SystemRoot 'System32\ntoskrnl.exe')).VersionInfo
    return [int]$vi.FilePrivatePart
}

$rev = Get-KernelRevision
# expect: VG003
if ($rev -lt 24000) { Write-Output 'install the rollup' }
