//===- DriverTest.cpp -----------------------------------------------------===//
// What a run keeps for a report beyond its findings: the files behind each
// skip reason and the suppressed findings (when asked), the bumps checked.
#include "driver/Driver.h"

#include "../TestSupport.h"

using namespace verguard;
using namespace verguard::driver;

namespace {

class DriverTest : public test::TempDirTest {
protected:
  RunResult runOn(bool ListFiles, unsigned Jobs = 1) {
    RunOptions O;
    O.Paths = {Dir.str().str()};
    O.ListFiles = ListFiles;
    O.Jobs = Jobs;
    return run(O);
  }
};

const char *Fragile = "$b = [Environment]::OSVersion.Version.Build\n"
                      "if ($b -eq 6002) { 'sp2' }\n";

std::vector<std::string> ids(const RunResult &R) {
  std::vector<std::string> Out;
  for (const core::Bump *B : R.Bumps)
    Out.push_back(B->Id);
  return Out;
}

TEST_F(DriverTest, ListsTheFilesBehindEachSkipReasonByPath) {
  write("a.ps1", Fragile);
  std::string Z = write("z/plain.ps1", "Write-Host hello\n");
  std::string B = write("b/plain.ps1", "Write-Host hello\n");
  std::string Bin = write("bin.ps1", llvm::StringRef("MZ\0\0\0", 5));
  for (unsigned Jobs : {1u, 2u}) {
    RunResult R = runOn(/*ListFiles=*/true, Jobs);
    EXPECT_EQ(R.Findings.size(), 1u);
    EXPECT_EQ(R.SkipReasons["cannot hold a finding (prefilter)"], 2u);
    EXPECT_EQ(R.SkippedFiles["cannot hold a finding (prefilter)"],
              (std::vector<std::string>{B, Z}));
    EXPECT_EQ(R.SkippedFiles["binary or undecodable"],
              std::vector<std::string>{Bin});
    EXPECT_EQ(R.SkippedFiles.size(), R.SkipReasons.size());
  }
  // Not asked for: counted only.
  RunResult R = runOn(/*ListFiles=*/false);
  EXPECT_EQ(R.SkipReasons["cannot hold a finding (prefilter)"], 2u);
  EXPECT_TRUE(R.SkippedFiles.empty());
}

TEST_F(DriverTest, KeepsTheSuppressedFindings) {
  // SARIF reports them (marked suppressed) and HTML lists them, so they are
  // kept whatever the format.
  write("a.ps1", std::string(Fragile) + "# verguard: ignore[VG001] known\n"
                                        "if ($b -le 6002) { 'up to sp2' }\n");
  for (bool ListFiles : {true, false}) {
    RunResult R = runOn(ListFiles);
    ASSERT_EQ(R.Suppressed, 1u);
    ASSERT_EQ(R.SuppressedFindings.size(), 1u);
    EXPECT_EQ(R.SuppressedFindings[0].F.Where.Line, 4u);
    EXPECT_EQ(R.SuppressedFindings[0].F.RuleId, "VG001");
    EXPECT_EQ(R.SuppressedFindings[0].Justification, "known");
    EXPECT_EQ(R.Findings.size(), 1u);
  }
}

TEST_F(DriverTest, NamesTheBumpsItChecked) {
  write("a.ps1", Fragile);
  EXPECT_EQ(ids(runOn(false)), std::vector<std::string>{"sp2-6003"});
  // A configuration adds bumps for its files; both are named, in the order
  // of rules/profiles.yaml.
  write("win11/.verguard.yaml", "bumps: [win11-22621-22631]\n");
  write("win11/b.ps1", Fragile);
  EXPECT_EQ(ids(runOn(false)),
            (std::vector<std::string>{"sp2-6003", "win11-22621-22631"}));
  // Every file under that configuration: only its bumps were checked.
  write(".verguard.yaml", "bumps: [win10-19041-19045]\n");
  EXPECT_EQ(ids(runOn(false)), (std::vector<std::string>{"win10-19041-19045",
                                                         "win11-22621-22631"}));
}

TEST_F(DriverTest, ASecondRunTakesEveryResultFromTheCache) {
  write("a.ps1", Fragile);
  write("b.vbs", "If objOS.BuildNumber = \"6002\" Then WScript.Echo 1\n");
  write("c.ps1", "Write-Host 1\n"); // not parsed: not cached either
  RunOptions O;
  O.Paths = {Dir.str().str()};
  O.CacheDir = (Dir + "/.cache").str();
  RunResult First = run(O);
  EXPECT_EQ(First.Parses, 2u);
  EXPECT_EQ(First.CacheHits, 0u);
  EXPECT_EQ(First.CacheStored, 2u);
  RunResult Second = run(O);
  EXPECT_EQ(Second.Parses, 0u);
  EXPECT_EQ(Second.CacheHits, 2u);
  ASSERT_EQ(Second.Findings.size(), First.Findings.size());
  for (size_t I = 0; I < First.Findings.size(); ++I) {
    EXPECT_EQ(Second.Findings[I].Message, First.Findings[I].Message);
    EXPECT_EQ(Second.Findings[I].Where, First.Findings[I].Where);
  }
  EXPECT_EQ(Second.FilesTotal, First.FilesTotal);
  EXPECT_EQ(Second.Skipped, First.Skipped);
  // Without a directory there is no cache.
  O.CacheDir.clear();
  EXPECT_EQ(run(O).Parses, 2u);
}

} // namespace
