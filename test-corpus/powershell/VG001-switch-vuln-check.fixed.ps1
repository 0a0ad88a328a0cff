<#
    Checks whether win32k.sys carries the fix for the privilege escalation.
    Revision windows: GDR branch 6002.18xxx/19xxx, LDR branch 6002.2xxxx.
#>
$file = Get-Item "$env:SystemRoot\System32\win32k.sys"
$ver = $file.VersionInfo
$Build = $ver.FileBuildPart
$Revision = $ver.FilePrivatePart

function Get-Status {
    switch ($Build) {
        # expect: VG001
        { 6002, 6003 -contains $_ } {
            if ($Revision -lt 19000) { 'Vulnerable (GDR)' }
            # expect: VG003
            elseif ($Revision -ge 20000 -and ($Revision -lt 24550 -and $ver.FileBuildPart -ne 6003)) { 'Vulnerable (LDR)' }
            else { 'Not Vulnerable' }
        }
        default { 'Not Vulnerable' }
    }
}

Get-Status
