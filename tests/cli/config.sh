# .verguard.yaml: the nearest config wins; include/exclude, rule settings,
# user-declared sources; unknown keys and bad values name file, line and key.
source "$(dirname "$0")/lib.sh"
mkdir -p "$TMP/p/sub" "$TMP/p/third_party"
cat > "$TMP/p/a.cpp" <<'CPP'
unsigned long PlatformValue();
bool f() { return PlatformValue() == 6002; }
CPP
cp "$TMP/p/a.cpp" "$TMP/p/sub/b.cpp"; cp "$TMP/p/a.cpp" "$TMP/p/third_party/c.cpp"
vg --format=json "$TMP/p"
expect_rc 0   # PlatformValue() is unknown without a config
cat > "$TMP/p/.verguard.yaml" <<'YAML'
exclude: ["third_party/*"]
sources:
  - {name: PlatformValue, quantity: build, language: cpp}
YAML
cat > "$TMP/p/sub/.verguard.yaml" <<'YAML'
rules:
  severity: {VG001: note}
sources:
  - {name: SomethingElse, quantity: build}
YAML
vg --format=json "$TMP/p"
expect_rc 1
# a.cpp: root config (source declared); sub/b.cpp: nearest config wins (no
# PlatformValue source there, so silent); third_party excluded.
js "d.findings.length === 1 && d.findings[0].location.file.endsWith('p/a.cpp') && d.findings[0].severity === 'error'"
js "d.summary.filesSkipped === 1"
# --config FILE applies one config to every file.
vg --format=json --config "$TMP/p/.verguard.yaml" "$TMP/p"
js "d.findings.length === 2"
# Severity override and rule disabling.
printf 'sources:\n  - {name: PlatformValue, quantity: build}\nrules:\n  severity: {VG001: note}\n' > "$TMP/p/sub/.verguard.yaml"
vg --format=json "$TMP/p"
js "d.findings.some(f => f.location.file.endsWith('sub/b.cpp') && f.severity === 'note')"
vg --format=json --fail-on warning "$TMP/p/sub"
expect_rc 0
vg --format=json --fail-on note "$TMP/p/sub"
expect_rc 1
printf 'rules:\n  disable: [VG001]\n' > "$TMP/p/sub/.verguard.yaml"
vg --format=json "$TMP/p/sub"
expect_rc 0
# Errors: file, line and key; exit code 2.
printf 'rules:\n  disable: [VG001]\n  bogus: 1\n' > "$TMP/p/sub/.verguard.yaml"
vg "$TMP/p/sub"
expect_rc 2
grep -q "sub/.verguard.yaml:3:3: error: unknown key 'rules.bogus'" "$TMP/err" || fail "unknown key: $(cat "$TMP/err")"
printf 'rules:\n  severity: {VG001: loud}\n' > "$TMP/p/sub/.verguard.yaml"
vg "$TMP/p/sub"
expect_rc 2
grep -q ".verguard.yaml:2:.*expected error, warning or note, not 'loud'" "$TMP/err" || fail "bad value: $(cat "$TMP/err")"
printf 'bumps: [no-such-bump]\n' > "$TMP/p/sub/.verguard.yaml"
vg "$TMP/p/sub"
expect_rc 2
grep -q "unknown bump 'no-such-bump'" "$TMP/err" || fail "bad bump"
printf 'sources:\n  - {name: X, quantity: flavour}\n' > "$TMP/p/sub/.verguard.yaml"
vg "$TMP/p/sub"
expect_rc 2
grep -q "unknown quantity 'flavour'" "$TMP/err" || fail "bad quantity"
printf 'key: [unterminated\n' > "$TMP/p/sub/.verguard.yaml"
vg "$TMP/p/sub"
expect_rc 2
grep -q "sub/.verguard.yaml" "$TMP/err" || fail "invalid YAML not named: $(cat "$TMP/err")"
vg --config "$TMP/missing.yaml" "$TMP/p"
expect_rc 2
# An enablement bump enabled in the config.
printf 'bumps: [sp2-6003, win11-22621-22631]\n' > "$TMP/p/sub/.verguard.yaml"
printf 'bool f(unsigned long dwBuildNumber) { return dwBuildNumber == 22621; }\n' > "$TMP/p/sub/w11.cpp"
vg --format=json "$TMP/p/sub/w11.cpp"
js "d.findings.length === 1 && d.findings[0].bump === 'win11-22621-22631'"
vg --format=json --no-config "$TMP/p/sub/w11.cpp"
js "d.findings.length === 0"

# A qualified user source is a trigger for the C/C++ body plan as well: a
# revision check whose only trigger is the source's name (three tokens) is
# parsed, not skipped.
mkdir -p "$TMP/u"
cat > "$TMP/u/.verguard.yaml" <<'YAML'
sources:
  - {name: "MyOs::Patch", quantity: revision, language: cpp}
YAML
cat > "$TMP/u/r.cpp" <<'CPP'
namespace MyOs { unsigned long Patch(); }
bool Patched() { return MyOs::Patch() >= 24000; }
int Other() { return 1; }
CPP
vg --format=json "$TMP/u"
expect_rc 1
js "d.findings.length === 1 && d.findings[0].ruleId === 'VG003'"
