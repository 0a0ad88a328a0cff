//===- FileAnalysisTest.cpp -----------------------------------------------===//
// One file: why it was not parsed, or what its parse found; a file that
// needs a parse can wait for the second pass.
#include "driver/FileAnalysis.h"

#include "../TestSupport.h"

using namespace verguard;
using namespace verguard::driver;

namespace {

class FileAnalysisTest : public test::TempDirTest {
protected:
  FileResult analyze(const std::string &Path, bool Defer = false,
                     bool *Done = nullptr) {
    RunSettings Settings(Opts);
    ConfigFinder Configs;
    FileAnalyzer A(Opts, Settings, Configs);
    ConfigFinder::Recent Last;
    FileResult Out;
    bool D =
        A.analyze(DiscoveredFile{Path, languageOf(Path)}, Out, Last, Defer);
    if (Done)
      *Done = D;
    return Out;
  }
  RunOptions Opts;
};

const char *Fragile = "$b = [Environment]::OSVersion.Version.Build\n"
                      "if ($b -eq 6002) { 'sp2' }\n";

TEST_F(FileAnalysisTest, ParsesAFileThatCanHoldAFinding) {
  FileResult R = analyze(write("a.ps1", Fragile));
  EXPECT_TRUE(R.Parsed);
  EXPECT_EQ(R.SkipReason, nullptr);
  ASSERT_EQ(R.Findings.size(), 1u);
  EXPECT_EQ(R.Findings[0].RuleId, "VG001");
  EXPECT_EQ(R.Content, Fragile); // kept for the report
  EXPECT_EQ(R.Size, strlen(Fragile));
}

TEST_F(FileAnalysisTest, DeferredUntilTheSecondPass) {
  std::string P = write("a.ps1", Fragile);
  bool Done = true;
  FileResult R = analyze(P, /*Defer=*/true, &Done);
  EXPECT_FALSE(Done);
  EXPECT_FALSE(R.Parsed);
  EXPECT_TRUE(R.Findings.empty());
  EXPECT_EQ(R.Size, strlen(Fragile)); // its key in the second pass
  // A file that needs no parse is finished at once.
  R = analyze(write("b.ps1", "Write-Host 1\n"), /*Defer=*/true, &Done);
  EXPECT_TRUE(Done);
}

TEST_F(FileAnalysisTest, SaysWhyAFileWasNotParsed) {
  EXPECT_STREQ(analyze(write("a.ps1", "Write-Host 1\n")).SkipReason,
               "cannot hold a finding (prefilter)");
  EXPECT_STREQ(
      analyze(write("b.ps1", llvm::StringRef("MZ\0\0\x01", 5))).SkipReason,
      "binary or undecodable");
  EXPECT_STREQ(analyze(write("p.htm", "<p>6002</p>")).SkipReason,
               "HTML without VBScript");
  FileResult Gone = analyze((Dir + "/gone.ps1").str());
  EXPECT_STREQ(Gone.SkipReason, "unreadable");
  ASSERT_EQ(Gone.Diags.size(), 1u);
  EXPECT_EQ(Gone.Diags[0].Level, core::Severity::Error);
  write("ex/.verguard.yaml", "exclude: ['*.ps1']\n");
  EXPECT_STREQ(analyze(write("ex/c.ps1", Fragile)).SkipReason,
               "excluded by configuration");
  Opts.MaxScriptTokens = 5;
  FileResult Big = analyze(write("d.ps1", Fragile));
  EXPECT_STREQ(Big.SkipReason, "too many tokens to parse");
  EXPECT_FALSE(Big.Parsed);
}

TEST_F(FileAnalysisTest, ABrokenConfigurationIsAnErrorAtItsPlace) {
  std::string Cfg = write("bad/.verguard.yaml", "rules: [\n");
  FileResult R = analyze(write("bad/a.ps1", Fragile));
  EXPECT_TRUE(R.ConfigError);
  EXPECT_STREQ(R.SkipReason, "invalid configuration");
  ASSERT_EQ(R.Diags.size(), 1u);
  EXPECT_EQ(R.Diags[0].Where.File, Cfg);
  EXPECT_GT(R.Diags[0].Where.Line, 0u);
}

TEST_F(FileAnalysisTest, EachConfigurationChecksItsOwnBumps) {
  RunSettings Settings(Opts);
  EXPECT_TRUE(Settings.bumpsChecked().empty()); // nothing used yet
  Settings.forConfig(nullptr);
  ASSERT_EQ(Settings.bumpsChecked().size(), 1u);
  EXPECT_EQ(Settings.bumpsChecked()[0]->Id, "sp2-6003");
}

} // namespace
