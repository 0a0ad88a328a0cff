# Server inventory: tags each machine with its support bucket.
param([string[]]$ComputerName = @($env:COMPUTERNAME))

$supported = @(6001, 6002, 6003)

foreach ($computer in $ComputerName) {
    $OS = Get-WmiObject Win32_OperatingSystem -ComputerName $computer
    # expect: VG001
    if (($OS.BuildNumber -eq 6001) -or (6002, 6003 -contains $OS.BuildNumber)) {
        $bucket = 'Server 2008'
    }
    # expect: VG001
    elseif ([int]$OS.BuildNumber -in 7600, 7601, 6002, 6003) {
        $bucket = 'mixed'
    }

    $b = [int]$OS.BuildNumber
    # expect: VG001
    if ($supported -contains $b) {
        Write-Output "$computer is supported"
    }
    # expect: VG001
    if ($b -notin 6000, 6001, 6002, 6003) {
        Write-Output "$computer is not Vista-family"
    }
    # expect: VG001
    if ($b -le 6003) {
        Write-Output "$computer needs the legacy agent"
    }
    # expect: VG001
    if ($b -gt 6003 -and $b -lt 7600) {
        Write-Output "$computer runs an unknown pre-release build"
    }
    # expect: VG001
    if ($b -lt 6004) {
        Write-Output "$computer predates Windows 7"
    }
}
