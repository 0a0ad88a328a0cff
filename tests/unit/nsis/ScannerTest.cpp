//===- ScannerTest.cpp ----------------------------------------------------===//
#include "nsis/Scanner.h"

#include <gtest/gtest.h>

using namespace verguard::nsis;

namespace {

std::vector<std::string> words(const Statement &S) {
  std::vector<std::string> Out;
  for (const Word &W : S.Words)
    Out.push_back(W.Text);
  return Out;
}

using V = std::vector<std::string>;

TEST(NsisScanner, WordsQuotesAndComments) {
  Script S = scan("StrCmp $0 \"6.0 $\\\"x\" 'a b' `c;d` ; comment\n"
                  "# a whole comment line\n"
                  "IntCmp $0 6002 /* inline */ eq lt gt\n");
  ASSERT_EQ(S.Statements.size(), 2u);
  EXPECT_EQ(words(S.Statements[0]),
            (V{"StrCmp", "$0", "6.0 $\\\"x", "a b", "c;d"}));
  EXPECT_EQ(S.Statements[0].Words[2].Quote, '"');
  EXPECT_EQ(words(S.Statements[1]),
            (V{"IntCmp", "$0", "6002", "eq", "lt", "gt"}));
  EXPECT_TRUE(S.Problems.empty());
}

TEST(NsisScanner, OffsetsPointAtTheWordWithItsQuotes) {
  llvm::StringRef T = "  StrCmp $0 \"6002\" a\n";
  Script S = scan(T);
  ASSERT_EQ(S.Statements.size(), 1u);
  const Word &W = S.Statements[0].Words[2];
  EXPECT_EQ(T.slice(W.B, W.E), "\"6002\"");
  EXPECT_TRUE(W.Raw);
}

TEST(NsisScanner, ContinuationJoinsLinesAndComments) {
  Script S = scan("IntCmp $0 \\\n  6002 a b\n"
                  "; a comment \\\n IntCmp $0 6002 hidden\n"
                  "Goto end\n");
  ASSERT_EQ(S.Statements.size(), 2u);
  EXPECT_EQ(words(S.Statements[0]), (V{"IntCmp", "$0", "6002", "a", "b"}));
  EXPECT_EQ(words(S.Statements[1]), (V{"Goto", "end"}));
}

TEST(NsisScanner, Labels) {
  Script S = scan("sp2:\nloop: Goto sp2\n+2:\n$0:\n");
  ASSERT_EQ(S.Statements.size(), 5u);
  EXPECT_TRUE(S.Statements[0].Label);
  EXPECT_EQ(S.Statements[0].Name, "sp2");
  EXPECT_TRUE(S.Statements[1].Label);
  EXPECT_EQ(words(S.Statements[2]), (V{"Goto", "sp2"}));
  EXPECT_FALSE(S.Statements[3].Label); // not a label name
  EXPECT_FALSE(S.Statements[4].Label);
}

TEST(NsisScanner, UnterminatedStringAndCommentAreProblems) {
  Script S = scan("StrCmp $0 \"6002 a\nGoto b\n/* open");
  ASSERT_EQ(S.Statements.size(), 2u);
  EXPECT_EQ(words(S.Statements[1]), (V{"Goto", "b"}));
  ASSERT_EQ(S.Problems.size(), 2u);
  EXPECT_NE(S.Problems[0].Message.find("closing"), std::string::npos);
  EXPECT_NE(S.Problems[1].Message.find("*/"), std::string::npos);
}

TEST(NsisScanner, OverlongLineIsSkippedAndTheNextRead) {
  std::string T =
      "DetailPrint " + std::string(MaxLine + 10, 'x') + "\nGoto next\n";
  Script S = scan(T);
  ASSERT_EQ(S.Statements.size(), 1u);
  EXPECT_EQ(words(S.Statements[0]), (V{"Goto", "next"}));
  ASSERT_EQ(S.Problems.size(), 1u);
}

TEST(NsisScanner, ManyLinesAreLinear) {
  std::string T;
  for (int I = 0; I < 50000; ++I)
    T += "IntCmp $0 " + std::to_string(I) + " a b\n";
  Script S = scan(T);
  EXPECT_EQ(S.Statements.size(), 50000u);
}

} // namespace
