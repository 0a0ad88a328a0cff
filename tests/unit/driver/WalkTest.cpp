//===- WalkTest.cpp -------------------------------------------------------===//
// The inputs of a run: the tree walked, restricted to the files asked for,
// or the one file of text from stdin.
#include "driver/Walk.h"

#include "llvm/ADT/StringExtras.h"

#include "../TestSupport.h"

#include <map>

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

// Each walked file comes with the stat() the walk made through its
// directory (a symlink's target's), which the stat index compares; a file
// named on the command line has none.
TEST_F(WalkTest, WalkedFilesComeWithTheirStat) {
  std::string A = write("a.ps1", "x");
  std::string B = write("sub/b.vbs", "xyz");
  std::string L = (Dir + "/l.ps1").str();
  ASSERT_FALSE(llvm::sys::fs::create_link(B, L));
  RunOptions O;
  O.Paths = {Dir.str().str(), A};
  std::vector<core::Diagnostic> Diags;
  std::map<std::string, FileStamp> Got;
  walkInputs(O, Diags, [&](DiscoveredFile F) { Got[F.Path] = F.Stamp; });
  ASSERT_EQ(Got.size(), 3u);
  EXPECT_EQ(Got[A], FileStamp::of(A));
  EXPECT_EQ(Got[B], FileStamp::of(B));
  EXPECT_EQ(Got[L], FileStamp::of(B));
  EXPECT_EQ(Got[L].Size, 3);
  O.Paths = {A};
  Got.clear();
  walkInputs(O, Diags, [&](DiscoveredFile F) { Got[F.Path] = F.Stamp; });
  EXPECT_EQ(Got[A].Size, -1);
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

TEST_F(WalkTest, ShardsSplitTheFilesOnceEachTheSameAnywhere) {
  std::vector<std::string> All;
  for (int I = 0; I < 60; ++I)
    All.push_back(write(
        "d" + std::to_string(I % 7) + "/f" + std::to_string(I) + ".ps1", "x"));
  llvm::sort(All);
  RunOptions O;
  O.Paths = {Dir.str().str()};
  O.ShardCount = 3;
  O.ShardRoot = Dir.str().str();
  std::vector<std::string> Union;
  std::vector<size_t> Sizes;
  for (unsigned K = 0; K < 3; ++K) {
    O.ShardIndex = K;
    std::vector<core::Diagnostic> Diags;
    std::vector<std::string> Mine = walk(O, Diags), Others;
    walkInputs(
        O, Diags, [](DiscoveredFile) {},
        [&](const DiscoveredFile &F) { Others.push_back(F.Path); });
    EXPECT_EQ(Mine.size() + Others.size(), All.size());
    Sizes.push_back(Mine.size());
    Union.insert(Union.end(), Mine.begin(), Mine.end());
  }
  llvm::sort(Union);
  EXPECT_EQ(Union, All) << "every file in exactly one shard";
  for (size_t N : Sizes)
    EXPECT_GT(N, 5u) << "a shard far from a third";
  // The path relative to the root decides: the same tree elsewhere splits
  // alike; the absolute path would not.
  unsigned Same = 0;
  for (const std::string &F : All) {
    std::string Rel = F.substr(Dir.size());
    Same += inShard(F, Dir, 1, 3) ==
            inShard("/other/root" + Rel, "/other/root", 1, 3);
  }
  EXPECT_EQ(Same, All.size());
  EXPECT_NE(
      inShard("/a/x.ps1", "/a", 0, 2) && inShard("/a/y.ps1", "/a", 0, 2) &&
          inShard("/a/z.ps1", "/a", 0, 2) && inShard("/a/w.ps1", "/a", 0, 2) &&
          inShard("/a/v.ps1", "/a", 0, 2) && inShard("/a/u.ps1", "/a", 0, 2),
      true);
}

TEST(ParseShardTest, KOfN) {
  EXPECT_EQ(parseShard("1/3"), (std::pair<unsigned, unsigned>{0, 3}));
  EXPECT_EQ(parseShard("3/3"), (std::pair<unsigned, unsigned>{2, 3}));
  for (const char *Bad : {"0/3", "4/3", "3", "a/b", "1/0", "", "-1/2"})
    EXPECT_FALSE(parseShard(Bad)) << Bad;
}

} // namespace

TEST_F(WalkTest, EachDirectoryIsListedWithItsMarksBeforeItsFiles) {
  write("a.ps1", "x");
  write(".verguard.yaml", "rules: [VG001]\n");
  write("sub/.verguard.yml", "rules: [VG001]\n");
  write("sub/b.vbs", "x");
  write("repo/.git", "gitdir: elsewhere\n");
  write("repo/c.ps1", "x");
  RunOptions O;
  O.Paths = {Dir.str().str()};
  O.Gitignore = false;
  std::vector<core::Diagnostic> Diags;
  std::map<std::string, std::string> Seen;   // dir -> marks
  std::map<std::string, std::string> Listed; // dir -> "name:type ..."
  std::vector<std::string> Order;
  std::map<std::string, FileStamp> Stamped;
  walkInputs(
      O, Diags,
      [&](DiscoveredFile F) {
        Order.push_back(F.Path);
        EXPECT_TRUE(Stamped.count(F.Path)) << "stamped before " << F.Path;
      },
      {},
      [&](llvm::StringRef D, DirectoryMarks M, llvm::ArrayRef<DirEntry> E) {
        Order.push_back(("dir " + D).str());
        Seen[D.str()] = std::string(M.Git ? "git " : "") +
                        (M.Yaml ? "yaml " : "") + (M.Yml ? "yml" : "");
        std::vector<std::string> Names;
        for (const DirEntry &X : E) {
          EXPECT_EQ(X.Name.find('/'), std::string::npos) << X.Name;
          Names.push_back(
              X.Name +
              (X.Type == llvm::sys::fs::file_type::directory_file ? "/" : ""));
        }
        llvm::sort(Names);
        Listed[D.str()] = llvm::join(Names, " ");
      },
      [&](llvm::ArrayRef<DiscoveredFile> Files) {
        for (const DiscoveredFile &F : Files)
          Stamped[F.Path] = F.Stamp;
      });
  std::string Top = Dir.str().str();
  EXPECT_EQ(Seen,
            (std::map<std::string, std::string>{{Top, "yaml "},
                                                {Top + "/sub", "yml"},
                                                {Top + "/repo", "git "}}));
  // Every entry, not only the files verguard reads; no "." or "..".
  EXPECT_EQ(Listed[Top], ".verguard.yaml a.ps1 repo/ sub/");
  EXPECT_EQ(Listed[Top + "/sub"], ".verguard.yml b.vbs");
  // The walk's stat() of each file handed out, before it is.
  EXPECT_EQ(Stamped.size(), 3u);
  EXPECT_EQ(Stamped[Top + "/sub/b.vbs"], FileStamp::of(Top + "/sub/b.vbs"));
  // A directory is listed before any of its files is handed out.
  for (const std::string &File :
       {Top + "/a.ps1", Top + "/sub/b.vbs", Top + "/repo/c.ps1"}) {
    auto F = llvm::find(Order, File);
    auto D =
        llvm::find(Order, "dir " + llvm::sys::path::parent_path(File).str());
    ASSERT_NE(F, Order.end());
    EXPECT_LT(D, F) << File;
  }
}

TEST_F(WalkTest, ADirectorysHeadersAreHandedOutFirstAndEachFileOnce) {
  // Sources listed around their headers: the prefilter reads a source's
  // project headers from the walk's look at them if those came first.
  for (const char *Name : {"a.c", "a.h", "b.cpp", "b.hpp", "c.ps1", "d.inl"})
    write(Name, "x");
  RunOptions O;
  O.Paths = {Dir.str().str()};
  O.Gitignore = false;
  std::vector<core::Diagnostic> Diags;
  std::vector<std::string> Order;
  walkInputs(O, Diags,
             [&](DiscoveredFile F) {
               Order.push_back(llvm::sys::path::filename(F.Path).str());
             },
             {}, {}, {});
  ASSERT_EQ(Order.size(), 6u);
  std::vector<std::string> Headers(Order.begin(), Order.begin() + 3);
  llvm::sort(Headers);
  EXPECT_EQ(Headers, (std::vector<std::string>{"a.h", "b.hpp", "d.inl"}));
  llvm::sort(Order);
  EXPECT_EQ(Order, (std::vector<std::string>{"a.c", "a.h", "b.cpp", "b.hpp",
                                             "c.ps1", "d.inl"}));
}
