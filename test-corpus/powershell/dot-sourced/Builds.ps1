# Build numbers the audit scripts compare with, set once for all of them.
$script:Sp2Build = 6002
$script:MinKernelRevision = 24000
$script:WinRmPort = 5985
