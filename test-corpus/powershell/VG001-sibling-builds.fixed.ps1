# A value the analyzer cannot follow is an OS build when one function
# compares it with several Windows builds and nothing else.
function Get-ReleaseName($Value) {
    if ($Value -eq 6000) { return 'Vista' }
    if ($Value -eq 6001) { return 'Vista SP1' }
    # expect: VG001
    if (6002, 6003 -contains $Value) { return 'Vista SP2' }
    if ($Value -eq 7601) { return '7 SP1' }
    return 'unknown'
}

# Error codes: named so, silent.
function Test-Transient($ErrorCode) {
    if ($ErrorCode -eq 6000) { return $true }
    if ($ErrorCode -eq 6002) { return $true }
    if ($ErrorCode -eq 7600) { return $true }
    return $false
}

# A switch on such a value: its labels say what it is.
function Get-Label($Value) {
    switch ($Value) {
        6000 { 'Vista' }
        6001 { 'Vista SP1' }
        # expect: VG001
        { 6002, 6003 -contains $_ } { 'Vista SP2' }
        7601 { '7 SP1' }
        default { 'unknown' }
    }
}
