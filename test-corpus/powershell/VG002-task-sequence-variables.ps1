# A ConfigMgr/MDT task sequence step reads the gather step's variables.
$tsenv = New-Object -ComObject Microsoft.SMS.TSEnvironment
# expect: VG001
if ($tsenv.Value("OSCurrentBuild") -eq "6002") {
    $tsenv.Value("NeedsSha2Update") = "True"
}
# expect: VG002
if ($tsenv.Value("OSCurrentVersion") -like "6.0.6002*") {
    Write-Output "Server 2008 SP2"
}
# Silent: a variable the task sequence author sets.
if ($tsenv.Value("OSDComputerName") -eq "6002") {
    Write-Output "odd name"
}
