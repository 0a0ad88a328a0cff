//===- MergeTest.cpp ------------------------------------------------------===//
// The files' results made one run's: order, deduplication, suppressions,
// changed lines, counts, and the baseline.
#include "driver/Merge.h"
#include "driver/Baseline.h"

#include "../TestSupport.h"

#include <deque>

using namespace verguard;
using namespace verguard::driver;

namespace {

core::Finding finding(std::string File, uint32_t Line, uint32_t Begin,
                      std::string Rule = "VG001") {
  core::Finding F;
  F.RuleId = std::move(Rule);
  F.Where = test::spanAt(std::move(File), Line, 1, Line, 5, Begin, Begin + 4);
  F.Guard = "build == 6002";
  F.Message = "m";
  return F;
}

core::Diagnostic diag(std::string File, uint32_t Line, std::string Msg) {
  core::Diagnostic D;
  D.Where.File = std::move(File);
  D.Where.Line = Line;
  D.Message = std::move(Msg);
  return D;
}

struct Files {
  std::deque<DiscoveredFile> Found;
  std::deque<FileResult> Results;
  std::vector<KeptFile> Kept;
  FileResult &add(std::string Path, Language L = Language::Cpp) {
    DiscoveredFile *F = &Found.emplace_back(DiscoveredFile{Path, L});
    FileResult *R = &Results.emplace_back();
    R->Parsed = true;
    Kept.push_back({F, R});
    return *R;
  }
};

TEST(MergeTest, InPathOrderAndAHeaderFindingOnce) {
  Files Fs;
  // Two translation units found the same finding in h.h: reported once.
  FileResult &B = Fs.add("/p/b.cpp");
  B.Findings = {finding("/p/b.cpp", 3, 20), finding("/p/h.h", 1, 0)};
  B.Content = "b";
  FileResult &A = Fs.add("/p/a.cpp");
  A.Findings = {finding("/p/h.h", 1, 0), finding("/p/a.cpp", 2, 10)};
  A.Content = "a";
  A.Diags = {diag("/p/h.h", 0, "missing x.h"), diag("/p/a.cpp", 4, "w")};
  B.Diags = {diag("/p/h.h", 0, "missing x.h")};
  RunOptions O;
  RunResult R;
  mergeFiles(Fs.Kept, O, R);
  finishResult(R);
  std::vector<std::string> Where;
  for (const core::Finding &F : R.Findings)
    Where.push_back(F.Where.File + ":" + std::to_string(F.Where.Line));
  EXPECT_EQ(Where,
            (std::vector<std::string>{"/p/a.cpp:2", "/p/b.cpp:3", "/p/h.h:1"}));
  ASSERT_EQ(R.Files.size(), 2u);
  EXPECT_EQ(R.Files[0].Path, "/p/a.cpp");
  EXPECT_EQ(R.Files[0].Content, "a");
  // Diagnostics: the header's one once, by file and line.
  ASSERT_EQ(R.Diagnostics.size(), 2u);
  EXPECT_EQ(R.Diagnostics[0].Where.File, "/p/a.cpp");
  EXPECT_EQ(R.Diagnostics[1].Message, "missing x.h");
}

TEST(MergeTest, SuppressionsHideFindingsAndUnusedOnesAreReported) {
  Files Fs;
  std::string Text = "$b = 1\n"
                     "# verguard: ignore[VG001] known\n"
                     "if ($b -eq 6002) {}\n"
                     "# verguard: ignore[VG002]\n"
                     "if ($b -eq 1) {}\n";
  FileResult &P = Fs.add("/p/a.ps1", Language::PowerShell);
  P.Suppressions = findSuppressions("/p/a.ps1", Text, Language::PowerShell);
  ASSERT_EQ(P.Suppressions.size(), 2u);
  P.Findings = {finding("/p/a.ps1", 3, 45)};
  // The same comments in a file that was not parsed say nothing.
  FileResult &Q = Fs.add("/p/q.ps1", Language::PowerShell);
  Q.Parsed = false;
  Q.Suppressions = findSuppressions("/p/q.ps1", Text, Language::PowerShell);
  RunOptions O;
  RunResult R;
  mergeFiles(Fs.Kept, O, R);
  finishResult(R);
  EXPECT_EQ(R.Suppressed, 1u);
  ASSERT_EQ(R.SuppressedFindings.size(), 1u);
  EXPECT_EQ(R.SuppressedFindings[0].Justification, "known");
  EXPECT_EQ(R.SuppressedFindings[0].Comment.Line, 2u);
  ASSERT_EQ(R.Findings.size(), 1u);
  EXPECT_EQ(R.Findings[0].RuleId, "VG100");
  EXPECT_EQ(R.Findings[0].Where.File, "/p/a.ps1");
  EXPECT_EQ(R.Findings[0].Where.Line, 4u);
}

TEST(MergeTest, OnlyChangedLines) {
  Files Fs;
  Fs.add("/p/a.cpp").Findings = {finding("/p/a.cpp", 2, 10),
                                 finding("/p/a.cpp", 7, 90)};
  Fs.add("/p/b.cpp").Findings = {finding("/p/b.cpp", 1, 0)};
  RunOptions O;
  O.OnlyFiles.emplace();
  (*O.OnlyFiles)["/p/a.cpp"] = {7};
  (*O.OnlyFiles)["/p/b.cpp"] = {0}; // 0: every line
  O.ChangedLinesOnly = true;
  RunResult R;
  mergeFiles(Fs.Kept, O, R);
  finishResult(R);
  ASSERT_EQ(R.Findings.size(), 2u);
  EXPECT_EQ(R.Findings[0].Where.Line, 7u);
  EXPECT_EQ(R.Findings[1].Where.File, "/p/b.cpp");
}

TEST(MergeTest, ListsSkippedFilesWhenAsked) {
  Files Fs;
  FileResult &S = Fs.add("/p/z.ps1");
  S.Parsed = false;
  S.SkipReason = "unreadable";
  RunOptions O;
  O.ListFiles = true;
  RunResult R;
  mergeFiles(Fs.Kept, O, R);
  EXPECT_EQ(R.SkippedFiles["unreadable"], std::vector<std::string>{"/p/z.ps1"});
}

TEST(MergeTest, TalliesAddUp) {
  FileResult Parsed, Skipped, Bad;
  Parsed.Parsed = true;
  Skipped.SkipReason = "cannot hold a finding (prefilter)";
  Bad.SkipReason = "invalid configuration";
  Bad.ConfigError = true;
  Tally A, B, Sum;
  A.count(Language::Cpp, Parsed);
  A.count(Language::PowerShell, Skipped);
  B.count(Language::PowerShell, Skipped);
  B.count(Language::VBA, Bad);
  Sum.add(A);
  Sum.add(B);
  RunResult R;
  Sum.into(R);
  EXPECT_EQ(R.FilesTotal, 4u);
  EXPECT_EQ(R.Skipped, 3u);
  EXPECT_TRUE(R.ConfigError);
  EXPECT_EQ(R.SkipReasons["cannot hold a finding (prefilter)"], 2u);
  EXPECT_EQ(R.SkipReasons["invalid configuration"], 1u);
  EXPECT_EQ(R.FilesByLanguage[languageName(Language::PowerShell)], 2u);
  EXPECT_EQ(R.FilesByLanguage[languageName(Language::Cpp)], 1u);
  EXPECT_EQ(R.FilesByLanguage.size(), 3u);
}

TEST(MergeTest, BaselineDropsOrMarksKnownFindings) {
  report::ReportData D;
  D.Findings = {finding("/p/a.cpp", 1, 0), finding("/p/a.cpp", 2, 10)};
  D.Fingerprints = {"f1", "f2"};
  std::set<std::string> Known{"f1"};
  report::ReportData Text = D;
  applyBaseline(Text, Known, /*KeepKnown=*/false, /*ListKnown=*/false);
  ASSERT_EQ(Text.Findings.size(), 1u);
  EXPECT_EQ(Text.Fingerprints, std::vector<std::string>{"f2"});
  EXPECT_EQ(Text.Baselined, 1u);
  EXPECT_TRUE(Text.BaselinedFindings.empty());
  report::ReportData Html = D;
  applyBaseline(Html, Known, false, /*ListKnown=*/true);
  ASSERT_EQ(Html.BaselinedFindings.size(), 1u);
  EXPECT_EQ(Html.BaselinedFindings[0].Where.Line, 1u);
  report::ReportData Sarif = D;
  applyBaseline(Sarif, Known, /*KeepKnown=*/true, false);
  ASSERT_EQ(Sarif.Findings.size(), 2u);
  EXPECT_EQ(Sarif.Baselined, 0u);
  EXPECT_EQ(Sarif.Baseline,
            (std::vector<report::BaselineState>{
                report::BaselineState::Unchanged, report::BaselineState::New}));
}

} // namespace
