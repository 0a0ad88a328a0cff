# Which files a run reads: configuration globs with .gitignore syntax (and a
# warning for one that matches nothing), files git ignores skipped unless
# --no-ignore, the search for .verguard.yaml stopping at the top of the
# repository, .verguard.yml, --show-settings, and a compile-database that
# is not there.
source "$(dirname "$0")/lib.sh"
CHECK='bool f(unsigned long dwBuildNumber) { return dwBuildNumber == 6002; }'
files() { # the files with findings, sorted, one line
  node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1]));
    console.log([...new Set(d.findings.map(f => f.location.file))].sort().join(" "))' "$TMP/out"
}
mkdir -p "$TMP/p" && cd "$TMP/p"
mkdir -p src/gen src/core third_party lib/third_party tools/scripts scripts gen
for f in src/a.cpp src/core/b.cpp src/gen/g.cpp third_party/t.cpp lib/third_party/t.cpp \
         tools/scripts/s.cpp gen/top.cpp scripts.cpp; do echo "$CHECK" > "$f"; done
ALL="gen/top.cpp lib/third_party/t.cpp scripts.cpp src/a.cpp src/core/b.cpp src/gen/g.cpp third_party/t.cpp tools/scripts/s.cpp"
vg --format=json .
[[ $(files) == "$ALL" ]] || fail "without a config: $(files)"
try() { # PATTERN EXPECTED-FILES
  printf 'exclude: ["%s"]\n' "$1" > .verguard.yaml
  vg --format=json .
  [[ $(files) == "$2" ]] || fail "exclude '$1': $(files)"
  ! grep -q "matches no file" "$TMP/err" || fail "exclude '$1': $(cat "$TMP/err")"
}
# A name matches at any depth; `dir/` only directories; a leading `/`
# anchors; `*` stays within a directory; `**` crosses them.
try third_party "gen/top.cpp scripts.cpp src/a.cpp src/core/b.cpp src/gen/g.cpp tools/scripts/s.cpp"
try scripts/ "gen/top.cpp lib/third_party/t.cpp scripts.cpp src/a.cpp src/core/b.cpp src/gen/g.cpp third_party/t.cpp"
try '/src/*' "gen/top.cpp lib/third_party/t.cpp scripts.cpp third_party/t.cpp tools/scripts/s.cpp"
try '/src/*.cpp' "gen/top.cpp lib/third_party/t.cpp scripts.cpp src/core/b.cpp src/gen/g.cpp third_party/t.cpp tools/scripts/s.cpp"
try '**/gen/**' "lib/third_party/t.cpp scripts.cpp src/a.cpp src/core/b.cpp third_party/t.cpp tools/scripts/s.cpp"
# Include, and `!` to take back part of a pattern.
printf 'include: ["src/"]\nexclude: ["gen/", "!src/gen/"]\n' > .verguard.yaml
vg --format=json .
[[ $(files) == "src/a.cpp src/core/b.cpp src/gen/g.cpp" ]] || fail "include and negation: $(files)"
# A pattern that matches nothing is a warning at its place (not with a
# file list, as pre-commit passes, where most patterns match nothing).
printf 'exclude:\n  - third_party\n  - "vendor/*"\n' > .verguard.yaml
vg --format=json .
expect_rc 1
grep -q "^.verguard.yaml:3:5: warning: exclude pattern 'vendor/\*' matches no file" "$TMP/err" || fail "no warning for an unmatched pattern: $(cat "$TMP/err")"
[[ $(grep -c "matches no file" "$TMP/err") == 1 ]] || fail "a pattern that matched was reported: $(cat "$TMP/err")"
vg --format=json src/a.cpp scripts.cpp
! grep -q "matches no file" "$TMP/err" || fail "warning for a run on named files"
rm .verguard.yaml

# Files git ignores are skipped in the directories walked (--no-ignore:
# read them); a file named is always read.
git init -q .
printf 'gen/\n*.gen.cpp\n!keep.gen.cpp\n' > .gitignore
printf '/lib/\n' > src/.gitignore
echo "$CHECK" > src/x.gen.cpp; echo "$CHECK" > src/keep.gen.cpp
mkdir -p src/lib && echo "$CHECK" > src/lib/l.cpp && echo "$CHECK" > tools/lib.cpp
mkdir -p .git/info && printf 'scripts.cpp\n' > .git/info/exclude
vg --format=json .
[[ $(files) == "lib/third_party/t.cpp src/a.cpp src/core/b.cpp src/keep.gen.cpp third_party/t.cpp tools/lib.cpp tools/scripts/s.cpp" ]] || fail "git-ignored files: $(files)"
vg --format=json --no-ignore .
[[ $(files) == "gen/top.cpp lib/third_party/t.cpp scripts.cpp src/a.cpp src/core/b.cpp src/gen/g.cpp src/keep.gen.cpp src/lib/l.cpp src/x.gen.cpp third_party/t.cpp tools/lib.cpp tools/scripts/s.cpp" ]] || fail "--no-ignore: $(files)"
vg --format=json src/x.gen.cpp
[[ $(files) == "src/x.gen.cpp" ]] || fail "a file named is read: $(files)"
vg --format=json src
[[ $(files) == "src/a.cpp src/core/b.cpp src/keep.gen.cpp" ]] || fail "parent .gitignore for a walk below the top: $(files)"

# The search for a configuration stops at the top of the repository; a
# .verguard.yml is read like a .verguard.yaml; both in one directory is an
# error.
printf 'rules:\n  disable: [VG001]\n' > "$TMP/.verguard.yaml"   # above the repository
vg --format=json src/a.cpp
expect_rc 1
printf 'rules:\n  disable: [VG001]\n' > .verguard.yml
vg --format=json src/a.cpp
expect_rc 0
printf 'rules:\n  disable: [VG005]\n' > .verguard.yaml
vg src/a.cpp
expect_rc 2
grep -q "\.verguard\.yaml:1:1: error: both .verguard.yaml and .verguard.yml" "$TMP/err" || fail "both: $(cat "$TMP/err")"
rm .verguard.yml "$TMP/.verguard.yaml"

# --show-settings FILE: the configuration in effect, and where each value
# comes from.
mkdir -p db && echo '[]' > db/compile_commands.json
cat > .verguard.yaml <<'YAML'
rules:
  disable: [VG005]
  severity: {VG003: warning}
bumps: [sp2-6003, win11-22621-22631]
compile-database: db
extra-args: ["-DWINVER=0x0600"]
exclude: ["third_party/"]
sources:
  - {name: "MyOs::Build", quantity: build, language: cpp}
YAML
vg --show-settings src/a.cpp --disable VG004 --extra-arg=-DX
expect_rc 0
for want in "settings for src/a.cpp" "configuration: .verguard.yaml" "analyzed: yes" \
    "VG001 build-comparison: enabled (default)" \
    "VG003 revision-threshold: enabled (default), severity warning (.verguard.yaml:3:21)" \
    "VG004 condition-mask: disabled (--disable)" "VG005 build-table: disabled (.verguard.yaml:2:13)" \
    "sp2-6003 (.verguard.yaml:4:9)" "win11-22621-22631 (.verguard.yaml:4:9)" \
    "compile database: db/compile_commands.json (.verguard.yaml:5:19)" \
    "-DWINVER=0x0600 (.verguard.yaml:6:14)" "-DX (--extra-arg)" \
    "MyOs::Build: build, cpp (.verguard.yaml:9:6)"; do
  grep -qF -- "$want" "$TMP/out" || fail "--show-settings lacks '$want': $(cat "$TMP/out")"
done
vg --show-settings third_party/t.cpp
grep -qF "analyzed: no, excluded: 'third_party/' at .verguard.yaml:7:11" "$TMP/out" || fail "excluded: $(cat "$TMP/out")"
vg --show-settings src/x.gen.cpp
grep -qF "git ignores it ('*.gen.cpp' at .gitignore:2:1 matches src/x.gen.cpp" "$TMP/out" || fail "ignored: $(cat "$TMP/out")"

# compile-database: pointing nowhere is an error, at its place.
sed -i 's/^compile-database: db/compile-database: no-such-dir/' .verguard.yaml
vg src/a.cpp
expect_rc 2
grep -q "\.verguard\.yaml:5:19: error: 'compile-database': no compile_commands.json in .*/no-such-dir" "$TMP/err" || fail "compile-database: $(cat "$TMP/err")"
