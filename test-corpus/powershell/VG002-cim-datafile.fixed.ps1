# The file version of a system binary read through WMI's CIM_DataFile.
$kernel = Get-CimInstance -ClassName CIM_DataFile -Filter "Name='C:\\Windows\\System32\\ntoskrnl.exe'"
# expect: VG002
if ($kernel.Version -like '6.0.600[23]*') {
    'SP2 kernel'
}
$k32 = Get-WmiObject -Query "SELECT Version FROM CIM_DataFile WHERE Name='C:\\Windows\\System32\\kernel32.dll'"
# expect: VG002
if ($k32.Version.StartsWith('6.0.6002') -or $k32.Version.StartsWith('6.0.6003')) {
    'SP2 kernel32'
}
# Not a system binary: our own file.
$mine = Get-CimInstance -ClassName CIM_DataFile -Filter "Name='C:\\Program Files\\Contoso\\agent.exe'"
if ($mine.Version -like '6.0.6002*') {
    'our agent 6.0.6002'
}
