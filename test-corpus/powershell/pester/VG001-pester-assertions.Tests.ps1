# A Pester suite run on the servers themselves: each assertion is a check
# of the OS, and fails after the bump as an `if` would flip.
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
Import-Module (Join-Path $here 'OsChecks.psm1') -Force

function Get-SupportedProtocol {
    param([Parameter(Mandatory = $true)]$OperatingSystem)
    switch ([int]$OperatingSystem.BuildNumber) {
        6001 { @('TLS 1.0') }
        # expect: VG001
        6002 { @('TLS 1.0', 'TLS 1.1', 'TLS 1.2') }
        default { @() }
    }
}

Describe 'Legacy 2008 host' {
    $os = Get-CimInstance -ClassName Win32_OperatingSystem
    $cv = Get-ItemProperty -Path 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion'

    It 'is an NT 6.0 kernel' {
        # Silent: 6.0 on both sides.
        $os.Version | Should -Match '^6\.0\.'
    }
    It 'is on the SP2 build' {
        # expect: VG001
        $os.BuildNumber | Should -Be '6002'
    }
    It 'is not on the rebased build' {
        # expect: VG001
        $os.BuildNumber | Should -Not -Be 6003
    }
    It 'has the March 2019 rollup' {
        # expect: VG003
        [int]$cv.UBR | Should -BeGreaterOrEqual 24540
    }
    It 'agrees with the ver banner' {
        # expect: VG002
        ((cmd /c ver) -join ' ') | Should -Match 'Version 6\.0\.6002\]'
    }
    It 'reports SP2 (Pester 3 syntax)' {
        # Silent: the service pack is the same on both sides.
        $os.ServicePackMajorVersion | Should Be 2
    }
    It 'is identified by the module' {
        # expect: VG001
        Test-OsBuild -Build 6002 | Should -BeTrue
    }
    It 'offers TLS 1.2' {
        if ((Get-SupportedProtocol -OperatingSystem $os) -notcontains 'TLS 1.2') {
            throw 'no TLS 1.2'
        }
    }
}
