# `ver` output searched with Select-String: a regular expression unless
# -SimpleMatch, case-insensitive unless -CaseSensitive.
# expect: VG002
if (cmd /c ver | Select-String '6\.0\.600[23]' -Quiet) {
    'Windows Server 2008 SP2'
}

# expect: VG002
$sp2 = cmd /c ver | Select-String -Pattern '6.0.6002' -SimpleMatch
if ($sp2) {
    'Windows Server 2008 SP2'
}

# Not the OS: a log file searched for the same digits.
if (Get-Content .\setup.log | Select-String '6002' -Quiet) {
    'logged'
}
if (cmd /c ver | Select-String '6\.1\.' -Quiet) {
    'Windows 7 family'
}
