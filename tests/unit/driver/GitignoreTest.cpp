//===- GitignoreTest.cpp --------------------------------------------------===//
#include "driver/Gitignore.h"

#include <gtest/gtest.h>

using namespace verguard::driver;

namespace {

bool ignored(const GlobList &L, llvm::StringRef Rel) {
  return L.decide(Rel).value_or(false);
}

// The cases of git's t3070-wildmatch that WM_PATHNAME changes, and the
// common ones.
TEST(Wildmatch, StarsAndSlashes) {
  EXPECT_TRUE(wildmatch("*.ps1", "a.ps1"));
  EXPECT_FALSE(wildmatch("*.ps1", "d/a.ps1"));
  EXPECT_TRUE(wildmatch("src/*", "src/a.cpp"));
  EXPECT_FALSE(wildmatch("src/*", "src/x/a.cpp"));
  EXPECT_TRUE(wildmatch("**/gen/**", "gen/a.cpp"));
  EXPECT_TRUE(wildmatch("**/gen/**", "x/y/gen/z/a.cpp"));
  EXPECT_FALSE(wildmatch("**/gen/**", "x/generated/a.cpp"));
  EXPECT_TRUE(wildmatch("a/**/b", "a/b"));
  EXPECT_TRUE(wildmatch("a/**/b", "a/x/y/b"));
  EXPECT_FALSE(wildmatch("a/**/b", "a/xb"));
  EXPECT_TRUE(wildmatch("a**b", "axxb"));
  EXPECT_FALSE(wildmatch("a**b", "ax/b")); // `**` inside a name is `*`
  EXPECT_TRUE(wildmatch("foo/*/bar", "foo/x/bar"));
  EXPECT_FALSE(wildmatch("foo/*/bar", "foo/x/y/bar"));
  EXPECT_TRUE(wildmatch("**", "a/b/c"));
}

TEST(Wildmatch, QuestionBracketsEscapes) {
  EXPECT_TRUE(wildmatch("a?c", "abc"));
  EXPECT_FALSE(wildmatch("a?c", "a/c"));
  EXPECT_TRUE(wildmatch("[a-c]x", "bx"));
  EXPECT_FALSE(wildmatch("[!a-c]x", "bx"));
  EXPECT_TRUE(wildmatch("[^a-c]x", "dx"));
  EXPECT_TRUE(wildmatch("[]]", "]"));
  EXPECT_TRUE(wildmatch("[[:digit:]]z", "7z"));
  EXPECT_FALSE(wildmatch("[[:digit:]]z", "az"));
  EXPECT_FALSE(wildmatch("a[/]b", "a/b"));
  EXPECT_TRUE(wildmatch("\\*", "*"));
  EXPECT_FALSE(wildmatch("\\*", "x"));
  EXPECT_FALSE(wildmatch("[abc", "a")); // unterminated bracket
}

TEST(GlobRule, GitignoreLineSyntax) {
  EXPECT_FALSE(parseGlobRule("# comment"));
  EXPECT_FALSE(parseGlobRule(""));
  EXPECT_FALSE(parseGlobRule("/"));
  auto R = parseGlobRule("!/src/gen/ ");
  ASSERT_TRUE(R);
  EXPECT_TRUE(R->Negated);
  EXPECT_TRUE(R->DirOnly);
  EXPECT_TRUE(R->Anchored);
  EXPECT_EQ(R->Glob, "src/gen");
  auto Name = parseGlobRule("third_party");
  ASSERT_TRUE(Name);
  EXPECT_FALSE(Name->Anchored);
  EXPECT_EQ(Name->How, GlobRule::Kind::Literal);
  EXPECT_EQ(parseGlobRule("*.log")->How, GlobRule::Kind::Suffix);
  EXPECT_EQ(parseGlobRule("a\\ ")->Glob, "a\\ "); // an escaped space stays
  auto Hash = parseGlobRule("\\#x");
  ASSERT_TRUE(Hash);
  EXPECT_TRUE(Hash->matches("#x", false));
  // Outside .gitignore files (configuration lists) `#` is a character.
  ASSERT_TRUE(parseGlobRule("#x", /*AllowComment=*/false));
}

TEST(GlobList, GitignoreSemantics) {
  GlobList L = parseGitignore("third_party\n"
                              "scripts/\n"
                              "/top.cpp\n"
                              "**/gen/**\n"
                              "*.log\n"
                              "!keep.log\n");
  // A name without a slash matches at any depth, as a file or a directory.
  EXPECT_TRUE(ignored(L, "third_party/x/a.cpp"));
  EXPECT_TRUE(ignored(L, "lib/third_party/a.cpp"));
  EXPECT_TRUE(ignored(L, "third_party"));
  // `dir/`: directories only.
  EXPECT_TRUE(ignored(L, "tools/scripts/a.ps1"));
  EXPECT_FALSE(ignored(L, "scripts"));
  EXPECT_FALSE(ignored(L, "a.ps1"));
  // Anchored.
  EXPECT_TRUE(ignored(L, "top.cpp"));
  EXPECT_FALSE(ignored(L, "sub/top.cpp"));
  EXPECT_TRUE(ignored(L, "a/gen/b.cpp"));
  EXPECT_FALSE(ignored(L, "a/generated/b.cpp"));
  // Negation: the last match decides.
  EXPECT_TRUE(ignored(L, "x/a.log"));
  EXPECT_FALSE(ignored(L, "x/keep.log"));
  EXPECT_FALSE(L.decide("src/a.cpp").has_value());
}

TEST(GlobList, DeeperLevelsDecideAndUseIsTracked) {
  std::vector<GlobRule> Rules;
  for (const char *P : {"src/", "!src/gen/", "nothing/"})
    Rules.push_back(*parseGlobRule(P, false));
  GlobList L(std::move(Rules), /*TrackUse=*/true);
  EXPECT_EQ(L.decide("src/a.cpp"), std::optional<bool>(true));
  EXPECT_EQ(L.decide("src/gen/a.cpp"), std::optional<bool>(false));
  auto Unused = L.unused();
  ASSERT_EQ(Unused.size(), 1u);
  EXPECT_EQ(Unused[0]->Text, "nothing/");
}

} // namespace
