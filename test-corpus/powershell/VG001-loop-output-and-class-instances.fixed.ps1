# Records made by a function, collected by a foreach loop's output and read
# item by item; a class's methods judged on the instances they are called on.
class OsRecord {
    [string] $Name
    [int] $Build
    [int] $ServicePack

    OsRecord([string]$name) {
        $this.Name = $name
    }

    [string] Label() {
        # expect: VG001
        if (6002, 6003 -contains $this.Build) { return 'SP2' }
        if ($this.ServicePack -gt 0) { return ('SP{0}' -f $this.ServicePack) }
        return 'unknown'
    }

    [bool] IsSp2OrLater() {
        return ($this.Build -ge 6002)
    }
}

function Get-OsRecord {
    param([string]$Name)
    $rec = [OsRecord]::new($Name)
    $os = Get-CimInstance -ClassName Win32_OperatingSystem -ComputerName $Name
    $rec.Build = [int]$os.BuildNumber
    $rec.ServicePack = [int]$os.ServicePackMajorVersion
    return $rec
}

$records = foreach ($n in $ComputerName) {
    try {
        Get-OsRecord -Name $n
    }
    catch {
        Write-Warning $_.Exception.Message
    }
}

foreach ($r in $records) {
    # expect: VG001
    if ($r.Build -le 6003) { "$($r.Name): legacy" }
    '{0} {1} {2}' -f $r.Name, $r.Label(), $r.IsSp2OrLater()
}
# expect: VG001
$sp2 = @($records | Where-Object { 6002, 6003 -contains $_.Build })
