# --format=html: one self-contained page. Checked on the corpus, on a hostile
# tree (markup, quotes and control characters in code and file names) and on
# a generated tree of 25,000 findings: here, then structurally against the
# JSON report (html-structure.py: well-formed XHTML, every finding at its
# place) and in headless Chromium (html-browser.js, which keeps screenshots
# under build/html-report-test/).
source "$(dirname "$0")/lib.sh"
ARTIFACTS="$(cd "$(dirname "$VERGUARD")/.." && pwd)/html-report-test"
rm -rf "$ARTIFACTS"
mkdir -p "$ARTIFACTS"
# The HTML and the JSON report of the working directory, as $TMP/$1.html and
# $TMP/$1.json.
reports() {
  vg --format=html -o "$TMP/$1.html" .
  expect_rc 1
  vg --format=json .
  expect_rc 1
  cp "$TMP/out" "$TMP/$1.json"
}

# The corpus, from its own directory (paths relative to it).
cd "$CORPUS"
reports corpus
[[ -s $TMP/corpus.html ]] || fail "no HTML report written"
head -c 15 "$TMP/corpus.html" | grep -q '^<!DOCTYPE html>' || fail "not an HTML document"
# Self-contained: nothing refers to another file or host; one script, ours.
grep -Eq '(src|href)="(https?:|//|file:)' "$TMP/corpus.html" && fail "a reference outside the page"
[[ $(grep -o '<script' "$TMP/corpus.html" | wc -l) == 1 ]] || fail "more than one script element"
grep -q "Content-Security-Policy" "$TMP/corpus.html" || fail "no content security policy"
# Overview, findings, skipped files (with the files behind the count), rules.
for id in overview findings skipped rules rule-VG001 rule-VG005; do
  grep -q "id=\"$id\"" "$TMP/corpus.html" || fail "no section $id"
done
grep -q 'binary or undecodable</summary><pre class="files">crashers/VbAdapterFuzzer-1501594e39d0.asp' "$TMP/corpus.html" ||
  fail "the skipped binary file is not listed under its reason"
grep -q '<code>sp2-6003</code>' "$TMP/corpus.html" || fail "the bump checked is not named"
grep -q '6.0.6002.24566 (Windows Server 2008 SP2 before KB4489887' "$TMP/corpus.html" || fail "the bump's profiles are not shown"
# A guard with its proven fix as a diff: the line as it is and as fixed.
grep -q '<li class="del"><del>' "$TMP/corpus.html" || grep -q '<del>' "$TMP/corpus.html" || fail "no fix diff"
# To stdout without -o.
vg --format=html cpp/VG001-getversionex.cpp
expect_rc 1
grep -q 'data-path="cpp/VG001-getversionex.cpp" data-line="22" data-column="66"' "$TMP/out" ||
  fail "the first finding's location: $(grep -o 'data-path="[^>]*' "$TMP/out" | head -1)"
grep -q '<li class="hit">  return osvi.dwMajorVersion == 6 \&amp;\&amp; osvi.dwMinorVersion == 0 \&amp;\&amp; <mark>osvi.dwBuildNumber == 6002</mark>;</li>' "$TMP/out" ||
  fail "the guard is not marked in its line"
grep -q '<table class="eval"><tr><th></th><th>before</th><th>after</th></tr><tr><th><code>osvi.dwBuildNumber == 6002</code> and the guard</th><td>true</td><td class="chg">false</td></tr></table>' "$TMP/out" ||
  fail "the values before and after the bump"
# With two bumps checked, each finding says which one, and its profiles.
vg --format=html --bump win11-22621-22631 cpp/VG001-getversionex.cpp
grep -q '<code>win11-22621-22631</code> Windows 11 22H2 -&gt; 23H2 enablement package' "$TMP/out" ||
  fail "the second bump is not named"
grep -q '<th>before · 6.0.6002.24566</th><th>after · 6.0.6003.20491</th>' "$TMP/out" ||
  fail "the profiles of a finding's bump"
grep -q 'bump <code>sp2-6003</code></footer>' "$TMP/out" || fail "the bump of a finding"

# The findings behind the counts of suppressed and baselined findings.
mkdir -p "$TMP/sb"
printf '%s\n' '$b = [Environment]::OSVersion.Version.Build' \
  '# verguard: ignore[VG001] known' 'if ($b -eq 6002) {}' 'if ($b -le 6002) {}' >"$TMP/sb/a.ps1"
cd "$TMP/sb"
vg --write-baseline "$TMP/base.json" a.ps1
printf 'if ($b -lt 6003) {}\n' >>a.ps1
vg --format=html --baseline "$TMP/base.json" a.ps1
expect_rc 1
grep -q '<summary><span class="num">1</span> findings under a <code>verguard: ignore</code> comment</summary><ul class="notes"><li><span class="loc">a.ps1:3:5</span> VG001: ' "$TMP/out" ||
  fail "the suppressed finding is not listed"
grep -q '<summary><span class="num">1</span> findings recorded in the baseline</summary><ul class="notes"><li><span class="loc">a.ps1:4:5</span> VG001: ' "$TMP/out" ||
  fail "the baselined finding is not listed"
grep -q 'data-path="a.ps1" data-line="5" data-column="5"' "$TMP/out" || fail "the new finding is not shown"
[[ $(grep -c '<article class="finding" id="f[0-9]' "$TMP/out") == 1 ]] || fail "a known finding is shown"

# A hostile tree: file names and code that would be markup or script if
# they were written into the page as they are. Every payload that ran would
# set window.__pwned (html-browser.js checks that nothing did) or log an
# error (which fails the browser check).
H="$TMP/hostile"
mkdir -p "$H/<b>dir" "$H/ok"
PAYLOAD='</pre></noscript></textarea></title></script><script>window.__pwned=1;console.error("pwned")</script><img src=x onerror="window.__pwned=2"><svg onload="window.__pwned=3"></svg>]]><!-- -->'
FAKE='<article class="finding" id="f0" data-rule="VG999" data-severity="error" data-fix="0" data-dir="0" data-file="0">'
write_ps1() { # file, extra line
  printf '%s\n' '$build = [Environment]::OSVersion.Version.Build' \
    "# $PAYLOAD" "$2" \
    "if (\$build -eq 6002) { Write-Host '$PAYLOAD' }" \
    "# $FAKE" "\$x = \"$PAYLOAD\"" >"$1"
}
write_ps1 "$H/<script>alert(1)<"'!--.ps1' '# plain'
write_ps1 "$H/\"quoted\" & 'single'.ps1" "\$a = 'it''s \"quoted\" & <b>bold</b>'"
write_ps1 "$H/<b>dir/ctl"$'\x01\x1b[31m\x7f'"name.ps1" $'# control \x01\x02\x1b[2J\x7f and \xc2\x85 next line'
write_ps1 "$H/ok/bidi"$'\xe2\x80\xae'"txt.ps1" $'# bidi \xe2\x80\xae reversed \xe2\x81\xa6 isolate'
write_ps1 "$H/ok/bad"$'\xff\xfe'"bytes.ps1" '# name with bytes that are not UTF-8'
write_ps1 "$H/ok/tab"$'\t'"and"$'\n'"newline.ps1" '# tab and line feed in the name'
# Windows-1252 (bytes 0x80-0x9f are printable there) and UTF-16 with markup.
printf '%s\r\n' '$build = [Environment]::OSVersion.Version.Build' \
  $'# caf\xe9 \x80 \x93quoted\x94' "if (\$build -le 6002) { '$PAYLOAD' }" >"$H/ok/ansi.ps1"
printf '%s\n' '$build = [Environment]::OSVersion.Version.Build' \
  "if (\$build -lt 6003) { \"$PAYLOAD\" }" | iconv -f UTF-8 -t UTF-16 >"$H/ok/utf16.ps1"
cat >"$H/ok/page.vbs" <<EOF
' $PAYLOAD
Set os = GetObject("winmgmts:").ExecQuery("SELECT * FROM Win32_OperatingSystem")
For Each o In os
  If o.BuildNumber = "6002" Then MsgBox "$PAYLOAD"
Next
EOF
# Unreadable and binary files are reported, named, and listed as skipped.
printf 'Write-Host locked\n' >"$H/ok/locked.ps1"
chmod 000 "$H/ok/locked.ps1"
printf 'MZ\0\0<script>window.__pwned=4</script>6002' >"$H/ok/binary.ps1"
cd "$H"
reports hostile
js "d.findings.length === 9 && new Set(d.findings.map(f => f.location.file)).size === 9 && d.diagnostics.length >= 7"
[[ $(grep -o '<script' "$TMP/hostile.html" | wc -l) == 1 ]] || fail "hostile content wrote a script element"
grep -q 'window.__pwned=1' "$TMP/hostile.html" || fail "the payload is not shown at all"
grep -Fq '<img src=x' "$TMP/hostile.html" && fail "an img tag of the payload is in the page as markup"
grep -Fq '<svg onload' "$TMP/hostile.html" && fail "an svg tag of the payload is in the page as markup"
grep -q "ok/locked.ps1: error: cannot read" "$TMP/err" || [[ $(id -u) == 0 ]] || fail "unreadable file not named: $(cat "$TMP/err")"
grep -q "ok/binary.ps1: warning: .*binary" "$TMP/err" || fail "binary file not named: $(cat "$TMP/err")"
grep -q 'binary or undecodable</summary><pre class="files">ok/binary.ps1' "$TMP/hostile.html" || fail "binary file not listed as skipped"

# 25,000 findings: 2,500 scripts of 10 fragile checks each, in 40 top-level
# directories.
B="$TMP/big"
node -e '
const fs = require("fs"), path = require("path");
const checks = [
  (n) => `if ($build -eq 6002) { Write-Host "sp2 only ${n}" }`,
  (n) => `if ($build -le 6002) { Write-Host "up to sp2 ${n}" }`,
  (n) => `if ($build -lt 6003) { Write-Host "before 6003 ${n}" }`,
  (n) => `if ($build -gt 6002) { Write-Host "newer than sp2 ${n}" }`,
  (n) => `if ($os.Version -like "6.0.6002*") { Write-Host "sp2 string ${n}" }`,
  (n) => `if ($os.Version -eq "6.0.6002") { Write-Host "exact ${n}" }`,
  (n) => `if ($os.BuildNumber -eq "6002") { Write-Host "wmi ${n}" }`,
  (n) => `if ($build -ne 6002) { Write-Host "not sp2 ${n}" }`,
  (n) => `if ($build -ge 6000 -and $build -le 6002) { Write-Host "vista family ${n}" }`,
  (n) => `if ($os.Version -match "^6\\.0\\.6002") { Write-Host "regex ${n}" }`,
];
for (let k = 0; k < 2500; k++) {
  const dir = path.join(process.argv[1], "module" + (k % 40), "part" + (k % 5));
  fs.mkdirSync(dir, { recursive: true });
  let s = "$os = Get-CimInstance Win32_OperatingSystem\n$build = [Environment]::OSVersion.Version.Build\n";
  checks.forEach((c, i) => { s += `# check ${i}\n` + c(k * 10 + i) + "\n"; });
  fs.writeFileSync(path.join(dir, `script${k}.ps1`), s);
}' "$B"
cd "$B"
reports big
js "d.findings.length === 25000"

for r in corpus hostile big; do
  python3 "$VERGUARD_SOURCE_DIR/tests/cli/html-structure.py" "$TMP/$r.html" "$TMP/$r.json" ||
    fail "$r: structure"
done
command -v "${CHROMIUM:-chromium}" >/dev/null || fail "chromium is not installed (tools/setup installs it)"
node "$VERGUARD_SOURCE_DIR/tests/cli/html-browser.js" "$ARTIFACTS" \
  "corpus=$TMP/corpus.html,$TMP/corpus.json,pdf" \
  "hostile=$TMP/hostile.html,$TMP/hostile.json" \
  "big=$TMP/big.html,$TMP/big.json" || fail "browser check"
