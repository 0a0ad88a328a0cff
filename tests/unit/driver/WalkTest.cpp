//===- WalkTest.cpp -------------------------------------------------------===//
// The inputs of a run: the tree walked, restricted to the files asked for,
// or the one file of text from stdin.
#include "driver/Walk.h"

#include "../TestSupport.h"

using namespace verguard;
using namespace verguard::driver;

namespace {

class WalkTest : public test::TempDirTest {
protected:
  std::vector<std::string> walk(const RunOptions &O,
                                std::vector<core::Diagnostic> &Diags) {
    std::vector<std::string> Out;
    walkInputs(O, Diags, [&](DiscoveredFile F) { Out.push_back(F.Path); });
    llvm::sort(Out);
    return Out;
  }
};

TEST_F(WalkTest, WalksThePathsNamed) {
  std::string A = write("a.ps1", "x");
  std::string B = write("sub/b.vbs", "x");
  write("notes.txt", "x");
  RunOptions O;
  O.Paths = {Dir.str().str()};
  std::vector<core::Diagnostic> Diags;
  EXPECT_EQ(walk(O, Diags), (std::vector<std::string>{A, B}));
  EXPECT_TRUE(Diags.empty());
}

TEST_F(WalkTest, OnlyTheFilesAskedFor) {
  write("a.ps1", "x");
  std::string B = write("sub/b.vbs", "x");
  RunOptions O;
  O.Paths = {Dir.str().str()};
  O.OnlyFiles.emplace();
  (*O.OnlyFiles)[B] = {0};
  std::vector<core::Diagnostic> Diags;
  EXPECT_EQ(walk(O, Diags), std::vector<std::string>{B});
}

TEST_F(WalkTest, StdinTextIsTheOneFileNamedWhetherItExistsOrNot) {
  RunOptions O;
  O.StdinText = "Write-Host 1\n";
  O.Paths = {(Dir + "/x/../missing.ps1").str()};
  std::vector<core::Diagnostic> Diags;
  std::vector<DiscoveredFile> Got;
  DiscoverResult R = walkInputs(
      O, Diags, [&](DiscoveredFile F) { Got.push_back(std::move(F)); });
  ASSERT_EQ(Got.size(), 1u);
  EXPECT_EQ(Got[0].Path, (Dir + "/missing.ps1").str());
  EXPECT_EQ(Got[0].Lang, Language::PowerShell);
  EXPECT_EQ(R.BadPaths, 0u);
  EXPECT_TRUE(Diags.empty());
}

TEST_F(WalkTest, APathThatIsNotThereIsCounted) {
  RunOptions O;
  O.Paths = {(Dir + "/nope").str()};
  std::vector<core::Diagnostic> Diags;
  DiscoverResult R = walkInputs(O, Diags, [](DiscoveredFile) {});
  EXPECT_EQ(R.BadPaths, 1u);
  ASSERT_EQ(Diags.size(), 1u);
  EXPECT_EQ(Diags[0].Where.File, (Dir + "/nope").str());
}

} // namespace
