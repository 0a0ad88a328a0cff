# Rule selection as Ruff users expect it (issue 15, item 11): --select (only
# these), --enable (add, also over the configuration's rules.disable),
# --disable (remove; wins), comma lists, ids or names. The command line wins
# over the configuration.
source "$(dirname "$0")/lib.sh"
mkdir -p "$TMP/p"
cd "$TMP/p"
write_os_ps1 os.ps1
cat >> os.ps1 <<'PS'
$names = @{ 6002 = 'SP2'; 7601 = 'R2' }
$names[[int]$os.BuildNumber]
# verguard: ignore[VG004] nothing here
PS
rules() { node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log([...new Set(d.findings.map(f => f.ruleId))].sort().join(","))' "$TMP/out"; }
vg --format=json os.ps1
expect_rc 1
[[ $(rules) == VG001,VG002,VG005,VG100 ]] || fail "all rules: $(rules)"
vg --format=json --select VG002 os.ps1
[[ $(rules) == VG002 ]] || fail "--select VG002: $(rules)"
vg --format=json --select VG001,build-table os.ps1
[[ $(rules) == VG001,VG005 ]] || fail "--select list with a name: $(rules)"
vg --format=json --select VG001 --select vg100 os.ps1
[[ $(rules) == VG001,VG100 ]] || fail "--select twice: $(rules)"
vg --format=json --disable VG001,VG002 os.ps1
[[ $(rules) == VG005,VG100 ]] || fail "--disable list: $(rules)"
vg --format=json --disable version-string-match --disable VG100 os.ps1
[[ $(rules) == VG001,VG005 ]] || fail "--disable by name: $(rules)"
vg --format=json --select VG001,VG002 --disable VG002 os.ps1
[[ $(rules) == VG001 ]] || fail "--disable wins over --select: $(rules)"
vg --format=json --select VG002 --enable VG005 os.ps1
[[ $(rules) == VG002,VG005 ]] || fail "--enable adds to --select: $(rules)"
# The configuration disables; the command line wins.
printf 'rules:\n  disable: [VG001, VG005]\n' > .verguard.yaml
vg --format=json os.ps1
[[ $(rules) == VG002,VG100 ]] || fail "config disable: $(rules)"
vg --format=json --enable VG005 os.ps1
[[ $(rules) == VG002,VG005,VG100 ]] || fail "--enable over the config: $(rules)"
vg --format=json --select VG001 os.ps1
[[ $(rules) == VG001 ]] || fail "--select replaces the config's disable: $(rules)"
# Unknown rules are usage errors naming the rule and the option.
vg --select VG001,VG999 os.ps1
expect_rc 2
grep -q "^verguard: error: --select: unknown rule 'VG999'" "$TMP/err" || fail "unknown --select: $(cat "$TMP/err")"
vg --enable nonsense os.ps1
expect_rc 2
grep -q "^verguard: error: --enable: unknown rule 'nonsense'" "$TMP/err" || fail "unknown --enable"
vg --disable VG0 os.ps1
expect_rc 2
grep -q "^verguard: error: --disable: unknown rule 'VG0'" "$TMP/err" || fail "unknown --disable"
