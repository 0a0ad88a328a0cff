# A list holding both builds of the bump, scanned with a counting loop: the
# index steps, so the test is not that of the first item alone.
$os = Get-CimInstance Win32_OperatingSystem
$supported = @(6002, 6003, 7601)
for ($i = 0; $i -lt $supported.Count; $i++) {
    if ($os.BuildNumber -eq $supported[$i]) { 'supported' }
}
