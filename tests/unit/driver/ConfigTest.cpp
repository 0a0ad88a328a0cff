//===- ConfigTest.cpp -----------------------------------------------------===//
#include "driver/Config.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

using namespace verguard;

namespace {

// Found by ConfigFuzzer: a stream the YAML scanner gives up on has a root
// without a location; the error must still name the file, not crash.
TEST(Config, BrokenFlowSequenceIsAnErrorNamingTheFile) {
  auto C = driver::parseConfig(llvm::StringRef("[\rG\xb0"
                                               "0",
                                               5),
                               "/src/.verguard.yaml");
  ASSERT_FALSE(static_cast<bool>(C));
  std::string Msg = llvm::toString(C.takeError());
  EXPECT_EQ(Msg.rfind("/src/.verguard.yaml:", 0), 0u) << Msg;
}

TEST(Config, NotAMappingIsAnErrorWithItsLine) {
  auto C = driver::parseConfig("\n- a\n- b\n", "/src/.verguard.yaml");
  ASSERT_FALSE(static_cast<bool>(C));
  std::string Msg = llvm::toString(C.takeError());
  EXPECT_NE(Msg.find("/src/.verguard.yaml:2:1: "), std::string::npos) << Msg;
}

TEST(Config, GlobsFollowGitignoreSyntaxAndTrackUse) {
  auto C = driver::parseConfig("include: [src/, lib/]\n"
                               "exclude: [third_party, \"/src/gen/*.cpp\", "
                               "\"!/src/gen/keep.cpp\", /src/old/]\n",
                               "/p/.verguard.yaml");
  ASSERT_TRUE(bool(C)) << llvm::toString(C.takeError());
  EXPECT_TRUE(C->selects("/p/src/a.cpp"));
  EXPECT_FALSE(C->selects("/p/tools/a.cpp"));             // not included
  EXPECT_FALSE(C->selects("/p/src/x/third_party/a.cpp")); // any depth
  EXPECT_FALSE(C->selects("/p/src/gen/a.cpp"));
  EXPECT_TRUE(C->selects("/p/src/gen/keep.cpp")); // taken back by `!`
  EXPECT_TRUE(C->selects("/p/src/gen/x/b.cpp"));  // `*` stays in gen/
  EXPECT_FALSE(C->selects("/p/src/old/x/c.cpp")); // in a directory matched
  ASSERT_EQ(C->Include.unused().size(), 1u);
  EXPECT_EQ(C->Include.unused()[0]->Text, "lib/");
  EXPECT_EQ(C->Include.unused()[0]->Line, 1u);
  EXPECT_EQ(C->Include.unused()[0]->Col, 17u);
  EXPECT_TRUE(C->Exclude.unused().empty());
}

TEST(Config, OriginsOfValues) {
  auto C = driver::parseConfig("rules:\n  disable: [VG005]\n"
                               "bumps: [sp2-6003]\n",
                               "/p/.verguard.yaml");
  ASSERT_TRUE(bool(C));
  EXPECT_EQ(C->Where["rules.disable.VG005"].Line, 2u);
  EXPECT_EQ(C->Where["rules.disable.VG005"].Col, 13u);
  EXPECT_EQ(C->Where["bumps"].Line, 3u);
}

TEST(Config, CompileDatabaseMustExist) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("config", Dir));
  std::string P = (Dir + "/.verguard.yaml").str();
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(P, EC);
    OS << "\ncompile-database: build\n";
  }
  auto C = driver::loadConfig(P);
  ASSERT_FALSE(bool(C));
  std::string Msg = llvm::toString(C.takeError());
  EXPECT_NE(Msg.find(".verguard.yaml:2:19: 'compile-database': no "
                     "compile_commands.json in "),
            std::string::npos)
      << Msg;
  llvm::sys::fs::create_directory(Dir + "/build");
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS((Dir + "/build/compile_commands.json").str(), EC);
    OS << "[]";
  }
  EXPECT_TRUE(bool(driver::loadConfig(P)));
  llvm::sys::fs::remove_directories(Dir);
}

} // namespace

TEST(Config, TheLookupTakesTheWalksListingOfADirectory) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("vg-config", Dir));
  std::string Top = Dir.str().str(), Sub = Top + "/sub";
  ASSERT_FALSE(llvm::sys::fs::create_directories(Sub));
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Top + "/.verguard.yaml", EC);
    ASSERT_FALSE(EC);
    OS << "exclude: [\"generated/\"]\n";
  }
  // Asked of the filesystem, sub's file finds the configuration above it.
  driver::ConfigFinder Plain;
  auto C = Plain.forFile(Sub + "/a.ps1");
  ASSERT_TRUE(bool(C));
  EXPECT_TRUE(*C);
  // Listed by a walk that saw `.git` in sub, the search stops there, without
  // asking the filesystem, which has no .git.
  driver::ConfigFinder Walked;
  driver::DirectoryMarks Repo;
  Repo.Git = true;
  Walked.listed(Sub, Repo);
  auto D = Walked.forFile(Sub + "/a.ps1");
  ASSERT_TRUE(bool(D));
  EXPECT_FALSE(*D);
  llvm::sys::fs::remove_directories(Top);
}
