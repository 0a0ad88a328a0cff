//===- HtmlReportTest.cpp -------------------------------------------------===//
// The page's structure; tests/cli/html.sh checks it in a browser.
#include "report/Report.h"

#include "../TestSupport.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Base64.h"
#include "llvm/Support/SHA256.h"

#include <gtest/gtest.h>

using namespace verguard;

namespace {

size_t occurrences(llvm::StringRef Hay, llvm::StringRef Needle) {
  size_t N = 0;
  for (size_t At = Hay.find(Needle); At != llvm::StringRef::npos;
       At = Hay.find(Needle, At + 1))
    ++N;
  return N;
}

/// Hay holds Needle (on failure, says which).
::testing::AssertionResult contains(llvm::StringRef Hay,
                                    llvm::StringRef Needle) {
  if (Hay.contains(Needle))
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "no \"" << Needle.str() << "\"";
}

core::Finding finding(std::string File, uint32_t Line, std::string Rule) {
  core::Finding F;
  F.RuleId = std::move(Rule);
  F.Level = core::Severity::Error;
  F.Where = test::spanAt(std::move(File), Line, 5, Line, 14);
  F.Message = "`b == 6002` is true on 6.0.6002.24566 but false on "
              "6.0.6003.20491";
  F.Bump = "sp2-6003";
  F.NoFixReason = "no rewrite of this guard could be written here";
  return F;
}

std::string html(const report::ReportData &D) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  report::writeHtml(OS, D);
  OS.flush();
  return Out;
}

std::string between(llvm::StringRef S, llvm::StringRef Open,
                    llvm::StringRef Close) {
  size_t B = S.find(Open);
  if (B == llvm::StringRef::npos)
    return "";
  B += Open.size();
  return S.slice(B, S.find(Close, B)).str();
}

std::string sha256(llvm::StringRef S) {
  return "'sha256-" +
         llvm::encodeBase64(
             llvm::SHA256::hash(llvm::arrayRefFromStringRef(S))) +
         "'";
}

TEST(HtmlReport, AnEmptyReportSaysSo) {
  report::ReportData D;
  D.FilesTotal = 3;
  D.FilesSkipped = 3;
  D.SkipReasons["cannot hold a finding (prefilter)"] = 3;
  std::string H = html(D);
  EXPECT_EQ(H.rfind("<!DOCTYPE html>\n", 0), 0u);
  EXPECT_TRUE(contains(H, "<p>No findings.</p>"));
  EXPECT_EQ(H.find("id=\"findings-list\""), std::string::npos);
  EXPECT_TRUE(contains(H,
                       "<p><span class=\"num\">3</span> cannot hold a finding "
                       "(prefilter)</p>"));
  EXPECT_TRUE(contains(H, "</html>\n"));
}

// The policy lets exactly the page's own style and script run: a script or
// an event handler that got into the page some other way would not.
TEST(HtmlReport, ThePolicyAllowsOnlyItsOwnStyleAndScript) {
  report::ReportData D;
  D.Findings.push_back(finding("/src/a.ps1", 2, "VG001"));
  std::string H = html(D);
  std::string Policy =
      between(H, "http-equiv=\"Content-Security-Policy\" content=\"", "\"");
  std::string Style = between(H, "<style>", "</style>");
  std::string Script = between(H, "<script>", "</script>");
  ASSERT_FALSE(Style.empty());
  ASSERT_FALSE(Script.empty());
  EXPECT_TRUE(contains(Policy, "default-src 'none'"));
  EXPECT_TRUE(contains(Policy, "style-src " + sha256(Style) + ";"));
  EXPECT_TRUE(contains(Policy, "script-src " + sha256(Script) + ";"));
  EXPECT_FALSE(contains(Policy, "unsafe"));
  EXPECT_EQ(occurrences(H, "<script"), 1u);
  EXPECT_EQ(occurrences(H, "<style"), 1u);
  // In XML the style is text and the script a CDATA section: neither may
  // hold what would end it early.
  EXPECT_EQ(Style.find_first_of("<&"), std::string::npos);
  EXPECT_EQ(Script.rfind("//<![CDATA[\n", 0), 0u);
  EXPECT_EQ(Script.find("]]>"), Script.size() - 3);
  EXPECT_EQ(llvm::StringRef(Script).lower().find("</script"),
            std::string::npos);
  EXPECT_EQ(Script.find("<!--"), std::string::npos);
}

// The first 200 findings are elements; the rest wait in a <noscript>,
// which shows them without scripts and is text to the page's script.
TEST(HtmlReport, FindingsPastTheFirstPageAreInTheNoscript) {
  report::ReportData D;
  for (uint32_t I = 0; I < 130; ++I)
    D.Findings.push_back(finding("/src/a/x.ps1", I + 1, "VG001"));
  for (uint32_t I = 0; I < 120; ++I)
    D.Findings.push_back(finding("/src/b/y.ps1", I + 1, "VG002"));
  D.SrcRoot = "/src";
  std::string H = html(D);
  size_t Rest = H.find("<noscript id=\"findings-rest\">");
  ASSERT_NE(Rest, std::string::npos);
  llvm::StringRef Page = llvm::StringRef(H).take_front(Rest);
  llvm::StringRef After =
      llvm::StringRef(H).slice(Rest, H.find("</noscript>", Rest));
  EXPECT_EQ(occurrences(Page, "<article class=\"finding\""), 200u);
  EXPECT_EQ(occurrences(After, "<article class=\"finding\""), 50u);
  EXPECT_TRUE(contains(Page, "id=\"f199\" data-rule=\"VG002\""));
  EXPECT_TRUE(contains(After, "id=\"f200\" data-rule=\"VG002\""));
  // b/y.ps1 goes on in the noscript, under its header again.
  EXPECT_TRUE(contains(After,
                       "<h3 class=\"file-head\" data-file=\"1\">b/y.ps1<span "
                       "class=\"meta\"><span class=\"count\">120 findings"
                       "</span><span class=\"cont\"> (continued)</span>"));
  EXPECT_TRUE(contains(H,
                       "data-dir=\"0\" data-file=\"0\" data-path=\"a/x.ps1\" "
                       "data-line=\"1\" data-column=\"5\""));
  // The filters know every rule, directory and severity, with counts.
  EXPECT_TRUE(contains(H, "<option value=\"VG002\">VG002 version-string-match "
                          "(120)</option>"));
  EXPECT_TRUE(contains(H, "<option value=\"1\">b/ (120)</option>"));
  // Fewer findings: no noscript part at all.
  D.Findings.resize(10);
  H = html(D);
  EXPECT_EQ(H.substr(0, H.find("<script>")).find("findings-rest"),
            std::string::npos);
}

TEST(HtmlReport, UserTextIsEscapedEverywhere) {
  report::ReportData D;
  core::Finding F = finding("/src/<script>x\"y'.ps1", 1, "VG001");
  F.Function = "f</code><b>";
  F.Message = "`</pre><script>` is true on <b>";
  F.Where.Col = 6;
  F.Where.EndCol = 9;
  D.Findings.push_back(F);
  D.SrcRoot = "/src";
  D.Paths = {"<img src=x onerror=alert(1)>"};
  D.SkippedFiles["unreadable"] = {"/src/</pre>\x1b.ps1"};
  D.SkipReasons["unreadable"] = 1;
  std::string Content = "if (\"</noscript><script>\" -eq $x) {}\n";
  test::serve(D, Content);
  std::string H = html(D);
  EXPECT_EQ(occurrences(H, "<script"), 1u);
  EXPECT_EQ(H.find("<img"), std::string::npos);
  EXPECT_EQ(H.find("</noscript><script>"), std::string::npos);
  EXPECT_EQ(H.find("<b>"), std::string::npos);
  EXPECT_TRUE(contains(H, "data-path=\"&lt;script&gt;x&quot;y&#39;.ps1\""));
  EXPECT_TRUE(contains(H,
                       "<li class=\"hit\">if (\"<mark>&lt;/n</mark>oscript&gt;"
                       "&lt;script&gt;\" -eq $x) {}</li>"));
  EXPECT_TRUE(contains(H, "<pre class=\"files\">&lt;/pre&gt;<span "
                          "class=\"cc\">\xE2\x90\x9B</span>.ps1\n</pre>"));
  EXPECT_TRUE(contains(H, "<title>verguard: 1 finding in &lt;img src=x "
                          "onerror=alert(1)&gt;</title>"));
}

TEST(HtmlReport, ShowsTheValuesBeforeAndAfterAndTheFixAsADiff) {
  report::ReportData D;
  core::Finding F = finding("/src/a.ps1", 2, "VG001");
  F.Evaluated = core::Evaluation{"`6002` in this switch", true, "`case 6002`",
                                 "the default arm"};
  core::Edit E{test::spanAt("/src/a.ps1", 2, 3, 2, 3), "6003, "};
  F.TheFix = core::Fix{"accept build 6003 as well", {E}};
  D.Findings.push_back(F);
  D.Bumps.push_back({"sp2-6003", "Server 2008 SP2 6002 -> 6003", "SP2 before",
                     "6.0.6002.24566", "SP2 after", "6.0.6003.20491"});
  D.SrcRoot = "/src";
  std::string Content = "switch ($b) {\n  6002 { 'sp2' }\n}\n";
  test::serve(D, Content);
  std::string H = html(D);
  EXPECT_TRUE(contains(H,
                       "<tr><th><code>6002</code> in this switch</th><td>"
                       "true</td><td class=\"chg\">false</td></tr><tr><th>the "
                       "guard</th><td><code>case 6002</code></td><td "
                       "class=\"chg\">the default arm</td></tr></table>"));
  EXPECT_TRUE(
      contains(H, "<ol class=\"diff\" start=\"2\"><li class=\"del\">  6002 "
                  "{ 'sp2' }</li><li class=\"add\" value=\"2\">  "
                  "<ins>6003, </ins>6002 { 'sp2' }</li></ol>"));
  EXPECT_TRUE(contains(H, "<ol class=\"src\" start=\"1\"><li>switch ($b) {</li>"
                          "<li class=\"hit\">  60<mark>02 { 'sp2</mark>' }</li>"
                          "<li>}</li></ol>"));
  EXPECT_TRUE(
      contains(H, "<code>sp2-6003</code> Server 2008 SP2 6002 -&gt; 6003"));
  EXPECT_FALSE(contains(H, "bump <code>sp2-6003</code>"));
  // With one bump checked, the overview and the message name its profiles;
  // with several, the table and the footer say which bump this was.
  D.Bumps.pop_back();
  H = html(D);
  EXPECT_TRUE(contains(H, "<table class=\"eval\"><tr><th></th><th>before</th>"
                          "<th>after</th></tr>"));
  D.Bumps.push_back(
      {"sp2-6003", "", "", "6.0.6002.24566", "", "6.0.6003.20491"});
  D.Bumps.push_back(
      {"win11-22621-22631", "", "", "10.0.22621.1", "", "10.0.22631.1"});
  H = html(D);
  EXPECT_TRUE(
      contains(H, "<table class=\"eval\"><tr><th></th><th>before \xC2\xB7 "
                  "6.0.6002.24566</th><th>after \xC2\xB7 6.0.6003.20491</th>"));
  EXPECT_TRUE(contains(H, "bump <code>sp2-6003</code>"));
}

TEST(HtmlReport, ChartsCountByRuleSeverityDirectoryAndFix) {
  report::ReportData D;
  for (int Dir = 0; Dir < 14; ++Dir)
    for (int I = 0; I <= Dir; ++I)
      D.Findings.push_back(
          finding("/src/d" + std::to_string(100 + Dir) + "/f.ps1", I + 1,
                  Dir % 2 ? "VG001" : "VG003"));
  D.Findings.back().Level = core::Severity::Warning;
  D.SrcRoot = "/src";
  std::string H = html(D);
  // 105 findings: VG001 in the 7 odd directories (2+4+...+14 = 56).
  EXPECT_TRUE(contains(H, "data-filter=\"rule\" data-value=\"VG001\">VG001 "
                          "build-comparison</a>"));
  EXPECT_TRUE(
      contains(H, "<td class=\"num\">56 <span class=\"pct\">53%</span>"));
  EXPECT_TRUE(contains(H,
                       "data-filter=\"severity\" data-value=\"warning\">warning"
                       "</a></th><td class=\"bar\">"));
  // The 12 directories with most findings, then the other two together.
  EXPECT_TRUE(contains(H, "data-filter=\"dir\" data-value=\"13\">d113/</a>"));
  EXPECT_TRUE(contains(H, "<tr><th>2 other directories</th>"));
  EXPECT_TRUE(contains(H, "<td class=\"num\">3 <span class=\"pct\">3%</span>"));
  EXPECT_TRUE(
      contains(H, "data-filter=\"fix\" data-value=\"0\">without one</a>"));
}

TEST(HtmlReport, ListsWhatTheCountsStandFor) {
  report::ReportData D;
  D.SrcRoot = "/src";
  D.FilesTotal = 4;
  D.FilesSkipped = 2;
  D.SkipReasons["cannot hold a finding (prefilter)"] = 2;
  D.SkippedFiles["cannot hold a finding (prefilter)"] = {"/src/a.ps1",
                                                         "/src/b.ps1"};
  D.Suppressed = 1;
  D.SuppressedFindings.push_back({finding("/src/c.ps1", 7, "VG001"), {}, ""});
  D.Baselined = 1;
  D.BaselinedFindings.push_back(finding("/src/d.ps1", 9, "VG002"));
  core::Diagnostic G;
  G.Level = core::Severity::Warning;
  G.Where.File = "/src/e.ps1";
  G.Where.Line = 3;
  G.Where.Col = 1;
  G.Message = "parse error";
  D.Diagnostics.push_back(G);
  std::string H = html(D);
  EXPECT_TRUE(
      contains(H, "<summary><span class=\"num\">2</span> cannot hold a "
                  "finding (prefilter)</summary><pre class=\"files\">a.ps1\n"
                  "b.ps1\n</pre>"));
  EXPECT_TRUE(contains(H, "<li><span class=\"loc\">c.ps1:7:5</span> VG001: "));
  EXPECT_TRUE(contains(H, "<li><span class=\"loc\">d.ps1:9:5</span> VG002: "));
  EXPECT_TRUE(
      contains(H, "<li><span class=\"loc\">e.ps1:3:1</span> <span "
                  "class=\"sev sev-warning\">warning</span> parse error</li>"));
}

} // namespace
