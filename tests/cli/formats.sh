# Output formats for editors and CI (issue 15, item 11): concise, github,
# gitlab, junit, checkstyle. XML is checked with xmllint (libxml2-utils,
# installed by tools/setup), also with hostile file names and messages.
source "$(dirname "$0")/lib.sh"
command -v xmllint >/dev/null || fail "xmllint missing (tools/setup installs libxml2-utils)"
mkdir -p "$TMP/p"
cd "$TMP/p"
write_os_ps1 os.ps1
# A name with every character XML, the workflow commands and JSON must
# escape, a line break and a byte that is not UTF-8.
HOSTILE=$(printf 'a&<b>"q%s%%,:\001\377\nz.ps1' "'")
printf '$os = Get-CimInstance Win32_OperatingSystem\nif ($os.BuildNumber -le 6002) { "old" } # <![CDATA[ ]]> &amp; \002\n' > "$HOSTILE"
printf '\xff\xfe\x00' > binary.vbs   # unreadable as text: a message about the input

# concise: exactly one line per finding, the text report's first lines.
vg --format=concise os.ps1
expect_rc 1
[[ $(wc -l < "$TMP/out") == 2 ]] || fail "concise: $(cat "$TMP/out")"
grep -q '^os.ps1:2:5: error: `$os.BuildNumber -eq 6002` is true .* \[VG001\]$' "$TMP/out" || fail "concise line: $(cat "$TMP/out")"
grep -q '^os.ps1:3:5: error: .* \[VG002\]$' "$TMP/out" || fail "concise VG002"
vg os.ps1
head -1 "$TMP/out" > "$TMP/text1"
vg --format=concise os.ps1
head -1 "$TMP/out" | cmp -s - "$TMP/text1" || fail "concise differs from the text report's first line"

# github: workflow commands, one per finding, escaped as @actions/core does.
vg --format=github .
expect_rc 1
LC_ALL=C grep -aq '^::error file=os.ps1,line=2,endLine=2,col=5,endColumn=29,title=VG001 build-comparison::`$os.BuildNumber -eq 6002` is true' "$TMP/out" || fail "github: $(cat "$TMP/out")"
LC_ALL=C grep -aq '%0Afix: accept build 6003 as well$' "$TMP/out" || fail "github fix line"
LC_ALL=C grep -aq '^::error file=a&<b>"q'"'"'%25%2C%3A.*%0Az.ps1,line=2,' "$TMP/out" || fail "github escaping: $(cat "$TMP/out")"
LC_ALL=C grep -aq '^::warning file=binary.vbs,title=verguard::' "$TMP/out" || fail "github input message: $(cat "$TMP/out")"
[[ $(grep -ac '^::' "$TMP/out") == $(wc -l < "$TMP/out") ]] || fail "github: a line that is not a command"

# gitlab: Code Quality, every required field.
vg --format=gitlab .
expect_rc 1
js "Array.isArray(d) && d.length === 3"
js "d.every(i => typeof i.description === 'string' && i.description.length > 0 && /^VG00[0-9]$/.test(i.check_name) && /^[0-9a-f]{16}$/.test(i.fingerprint) && ['info','minor','major','critical','blocker'].includes(i.severity) && typeof i.location.path === 'string' && i.location.lines.begin >= 1)"
js "new Set(d.map(i => i.fingerprint)).size === d.length"
js "d.some(i => i.location.path === 'os.ps1' && i.location.lines.begin === 3 && i.check_name === 'VG002' && i.severity === 'major')"
js "d.some(i => i.location.path.startsWith('a&<b>') && i.location.path.endsWith('\nz.ps1'))"

# junit and checkstyle: well-formed whatever the names, with the findings.
vg --format=junit -o "$TMP/junit.xml" .
expect_rc 1
xmllint --noout "$TMP/junit.xml" || fail "junit XML is not well-formed"
[[ $(xmllint --xpath 'count(//testcase/failure)' "$TMP/junit.xml") == 3 ]] || fail "junit failures: $(cat "$TMP/junit.xml")"
[[ $(xmllint --xpath 'string(/testsuites/@failures)' "$TMP/junit.xml") == 3 ]] || fail "junit totals"
[[ $(xmllint --xpath 'count(//testcase/error)' "$TMP/junit.xml") == 0 ]] || fail "junit: a warning about the input is not an error"
[[ $(xmllint --xpath 'string(//testsuite[@name="os.ps1"]/testcase[1]/failure/@type)' "$TMP/junit.xml") == VG001 ]] || fail "junit failure type"
xmllint --xpath 'string(//testsuite[starts-with(@name, "a&<b>")]/@name)' "$TMP/junit.xml" | grep -q 'z.ps1$' || fail "junit hostile name"
vg --format=checkstyle -o "$TMP/cs.xml" .
expect_rc 1
xmllint --noout "$TMP/cs.xml" || fail "checkstyle XML is not well-formed"
[[ $(xmllint --xpath 'string(/checkstyle/@version)' "$TMP/cs.xml") == 4.3 ]] || fail "checkstyle version"
[[ $(xmllint --xpath 'count(/checkstyle/file/error[starts-with(@source, "verguard.VG")])' "$TMP/cs.xml") == 3 ]] || fail "checkstyle errors: $(cat "$TMP/cs.xml")"
[[ $(xmllint --xpath 'string(/checkstyle/file[@name="os.ps1"]/error[2]/@line)' "$TMP/cs.xml") == 3 ]] || fail "checkstyle line"
[[ $(xmllint --xpath 'string(/checkstyle/file[@name="os.ps1"]/error[2]/@column)' "$TMP/cs.xml") == 5 ]] || fail "checkstyle column"
[[ $(xmllint --xpath 'string(/checkstyle/file[@name="os.ps1"]/error[2]/@severity)' "$TMP/cs.xml") == error ]] || fail "checkstyle severity"
[[ $(xmllint --xpath 'string(/checkstyle/file[@name="binary.vbs"]/error/@source)' "$TMP/cs.xml") == verguard.input ]] || fail "checkstyle input message"
# The checks above can fail: xmllint rejects a broken document.
printf '<a b="&"/>' > "$TMP/broken.xml"
! xmllint --noout "$TMP/broken.xml" 2>/dev/null || fail "xmllint accepted broken XML"

# An input file verguard cannot read is an error test case in JUnit (and,
# named on the command line, a usage error: exit 2).
vg --format=junit -o "$TMP/junit.xml" os.ps1 missing.ps1
expect_rc 2
xmllint --noout "$TMP/junit.xml" || fail "junit XML is not well-formed"
[[ $(xmllint --xpath 'count(//testsuite[@name="missing.ps1"]/testcase/error)' "$TMP/junit.xml") == 1 ]] || fail "junit: missing file: $(cat "$TMP/junit.xml")"
[[ $(xmllint --xpath 'string(/testsuites/@errors)' "$TMP/junit.xml") == 1 ]] || fail "junit error total"
