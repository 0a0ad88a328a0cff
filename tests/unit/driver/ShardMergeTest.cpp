//===- ShardMergeTest.cpp -------------------------------------------------===//
// A report read back is the run that wrote it (JSON and SARIF alike); shard
// results merged are one run's.
#include "driver/ShardMerge.h"

#include "report/Report.h"

#include "../TestSupport.h"

using namespace verguard;
using namespace verguard::driver;

namespace {

core::Finding finding(std::string File, uint32_t Line, uint32_t Begin) {
  core::Finding F;
  F.RuleId = "VG001";
  F.Level = core::Severity::Error;
  F.Where = test::spanAt(std::move(File), Line, 3, Line, 9, Begin, Begin + 6);
  F.Message = "m";
  F.Bump = "sp2-6003";
  F.Guard = "b == 6002";
  F.Function = "f";
  F.NoFixReason = "none proved";
  F.Evaluated = core::Evaluation{"`b == 6002`", true, "true", "false"};
  return F;
}

class ShardMergeTest : public test::TempDirTest {
protected:
  report::ReportData data() {
    report::ReportData D;
    D.SrcRoot = Dir.str().str();
    D.Findings = {finding(D.SrcRoot + "/a.cpp", 2, 10),
                  finding("/elsewhere/h.h", 5, 40)};
    D.Fingerprints = report::fingerprints(D.Findings);
    D.SuppressedFindings = {
        {finding(D.SrcRoot + "/b.ps1", 7, 70),
         test::spanAt(D.SrcRoot + "/b.ps1", 6, 1, 6, 20, 50, 69), "known"}};
    D.SuppressedFingerprints = {"x"};
    core::Diagnostic G;
    G.Where.File = D.SrcRoot + "/c.cpp";
    G.Message = "header 'x.h' not found";
    D.Diagnostics = {G};
    D.FilesTotal = 9;
    D.FilesSkipped = 4;
    D.Suppressed = 1;
    D.FilesByLanguage = {{"C/C++", 6}, {"PowerShell", 3}};
    D.SkipReasons = {{"cannot hold a finding (prefilter)", 4}};
    D.Bumps = {{"sp2-6003", "", "", "", "", ""}};
    D.BadPaths = 1;
    return D;
  }
  RunResult readBack(bool Sarif) {
    report::ReportData D = data();
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    if (Sarif)
      report::writeSarif(OS, D);
    else
      report::writeJson(OS, D);
    std::string P = write(Sarif ? "r.sarif" : "r.json", Text);
    auto R = readReport(P, Dir, core::builtinProfiles());
    EXPECT_TRUE(bool(R)) << (R ? "" : llvm::toString(R.takeError()));
    return R ? std::move(*R) : RunResult();
  }
};

TEST_F(ShardMergeTest, AReportReadBackIsTheRunThatWroteIt) {
  for (bool Sarif : {false, true}) {
    SCOPED_TRACE(Sarif ? "SARIF" : "JSON");
    RunResult R = readBack(Sarif);
    report::ReportData D = data();
    ASSERT_EQ(R.Findings.size(), 2u);
    EXPECT_EQ(R.Findings[0].Where, D.Findings[0].Where); // made absolute
    EXPECT_EQ(R.Findings[1].Where.File, "/elsewhere/h.h");
    EXPECT_EQ(R.Findings[0].Where.EndCol, 9u);
    EXPECT_EQ(R.Findings[0].NoFixReason, "none proved");
    ASSERT_TRUE(R.Findings[0].Evaluated);
    EXPECT_EQ(R.Findings[0].Evaluated->OutcomeAfter, "false");
    ASSERT_EQ(R.SuppressedFindings.size(), 1u);
    EXPECT_EQ(R.SuppressedFindings[0].Justification, "known");
    EXPECT_EQ(R.SuppressedFindings[0].Comment.Begin, 50u);
    ASSERT_EQ(R.Diagnostics.size(), 1u);
    EXPECT_EQ(R.Diagnostics[0].Where.File, D.SrcRoot + "/c.cpp");
    EXPECT_EQ(R.Diagnostics[0].Where.Line, 0u);
    EXPECT_EQ(R.FilesTotal, 9u);
    EXPECT_EQ(R.Skipped, 4u);
    EXPECT_EQ(R.Suppressed, 1u);
    EXPECT_EQ(R.FilesByLanguage, D.FilesByLanguage);
    EXPECT_EQ(R.SkipReasons, D.SkipReasons);
    ASSERT_EQ(R.Bumps.size(), 1u);
    EXPECT_EQ(R.Bumps[0]->Id, "sp2-6003");
    EXPECT_EQ(R.BadPaths, 1u);
    EXPECT_FALSE(R.ConfigError);
  }
}

TEST_F(ShardMergeTest, BadReportsAreNamed) {
  auto Check = [&](llvm::StringRef Name, llvm::StringRef Text,
                   llvm::StringRef Want) {
    std::string P = write(Name, Text);
    auto R = readReport(P, Dir, core::builtinProfiles());
    ASSERT_FALSE(R);
    std::string Msg = llvm::toString(R.takeError());
    EXPECT_NE(Msg.find(P + ": " + Want.str()), std::string::npos) << Msg;
  };
  Check("a.json", "{", "not JSON");
  Check("b.json", "[]", "not a verguard JSON or SARIF report");
  report::ReportData D = data();
  D.Baselined = 2;
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  report::writeJson(OS, D);
  Check("c.json", Text, "summary.baselined: this report was written");
  D.Baselined = 0;
  Text.clear();
  report::writeJson(OS, D);
  std::string Broken = Text;
  Broken.replace(Broken.find("\"ruleId\""), 8, "\"rule\"");
  Check("d.json", Broken, "findings[0]: finding.ruleId: missing");
  Text.clear();
  D.MaxSarifResults = 1;
  report::writeSarif(OS, D);
  Check("e.sarif", Text, "results: truncated");
}

TEST_F(ShardMergeTest, ShardsMergedAreOneRun) {
  const core::ProfileSet &P = core::builtinProfiles();
  RunResult A, B;
  A.Findings = {finding("/p/z.cpp", 1, 0), finding("/p/h.h", 3, 30)};
  B.Findings = {finding("/p/h.h", 3, 30), finding("/p/a.cpp", 9, 90)};
  // The header's finding suppressed in both shards: once.
  core::SuppressedFinding S{finding("/p/g.h", 2, 20), {}, ""};
  A.SuppressedFindings = {S};
  B.SuppressedFindings = {S, {finding("/p/b.cpp", 1, 0), {}, ""}};
  A.Suppressed = 1;
  B.Suppressed = 2;
  core::Diagnostic G;
  G.Where.File = "/p/h.h";
  G.Message = "header 'x.h' not found";
  A.Diagnostics = {G};
  B.Diagnostics = {G};
  A.FilesTotal = 5;
  B.FilesTotal = 4;
  A.Skipped = 1;
  B.Skipped = 2;
  A.FilesByLanguage = {{"C/C++", 5}};
  B.FilesByLanguage = {{"C/C++", 3}, {"VBA", 1}};
  A.SkipReasons = {{"unreadable", 1}};
  B.SkipReasons = {{"unreadable", 2}};
  A.Bumps = {&P.Bumps.back()};
  B.Bumps = {&P.Bumps.front(), &P.Bumps.back()};
  A.BadPaths = B.BadPaths = 1;
  B.ConfigError = true;
  RunResult M = mergeRuns({A, B});
  std::vector<std::string> Where;
  for (const core::Finding &F : M.Findings)
    Where.push_back(F.Where.File);
  EXPECT_EQ(Where,
            (std::vector<std::string>{"/p/a.cpp", "/p/h.h", "/p/z.cpp"}));
  ASSERT_EQ(M.SuppressedFindings.size(), 2u);
  EXPECT_EQ(M.SuppressedFindings[0].F.Where.File, "/p/b.cpp");
  EXPECT_EQ(M.Suppressed, 2u);
  EXPECT_EQ(M.Diagnostics.size(), 1u);
  EXPECT_EQ(M.FilesTotal, 9u);
  EXPECT_EQ(M.Skipped, 3u);
  EXPECT_EQ(M.FilesByLanguage["C/C++"], 8u);
  EXPECT_EQ(M.FilesByLanguage["VBA"], 1u);
  EXPECT_EQ(M.SkipReasons["unreadable"], 3u);
  EXPECT_EQ(M.Bumps, (std::vector<const core::Bump *>{&P.Bumps.front(),
                                                      &P.Bumps.back()}));
  EXPECT_EQ(M.BadPaths, 1u);
  EXPECT_TRUE(M.ConfigError);
}

} // namespace
