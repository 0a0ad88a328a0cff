//===- ScannerTest.cpp ----------------------------------------------------===//
#include "inno/Scanner.h"

#include <gtest/gtest.h>

using namespace verguard::inno;

namespace {

TEST(InnoScanner, DirectivesEntriesAndCode) {
  std::string T = "; a comment\r\n"
                  "[Setup]\r\n"
                  "MinVersion = 6.0.6002 \r\n"
                  "[Files]\r\n"
                  "Source: \"a \"\"b\"\".dll\"; DestDir: {app}; "
                  "OnlyBelowVersion: 0,6.1\r\n"
                  "[Code]\r\n"
                  "function F: Boolean; begin end;\r\n"
                  "[Run]\r\n"
                  "Filename: x.exe\r\n";
  IssScript S = scanIss(T);
  EXPECT_TRUE(S.Problems.empty());
  ASSERT_EQ(S.Entries.size(), 3u);
  const Entry &Setup = S.Entries[0];
  EXPECT_EQ(Setup.Section, "setup");
  EXPECT_TRUE(Setup.Directive);
  ASSERT_EQ(Setup.Params.size(), 1u);
  EXPECT_EQ(Setup.Params[0].Name, "MinVersion");
  EXPECT_EQ(Setup.Params[0].Value, "6.0.6002");
  EXPECT_EQ(T.substr(Setup.Params[0].VB, 8), "6.0.6002");

  const Entry &Files = S.Entries[1];
  EXPECT_FALSE(Files.Directive);
  ASSERT_EQ(Files.Params.size(), 3u);
  EXPECT_EQ(Files.Params[0].Value, "a \"b\".dll");
  EXPECT_FALSE(Files.Params[0].Raw);
  EXPECT_EQ(Files.Params[1].Value, "{app}");
  EXPECT_EQ(Files.Params[2].Name, "OnlyBelowVersion");
  EXPECT_EQ(Files.Params[2].Value, "0,6.1");
  EXPECT_TRUE(Files.Params[2].Raw);
  EXPECT_EQ(S.Entries[2].Section, "run");

  ASSERT_EQ(S.Code.size(), 1u);
  auto [B, E] = S.Code[0];
  EXPECT_EQ(T.substr(B, E - B), "function F: Boolean; begin end;\r\n");
}

TEST(InnoScanner, DefinesAndProblems) {
  std::string T = "#define  Limit \"6.0.6003\"\n"
                  "#include \"other.iss\"\n"
                  "stray text\n"
                  "[Setup]\n"
                  "no equals sign\n"
                  "[Icons]\n"
                  "Name \"x\"\n";
  IssScript S = scanIss(T);
  ASSERT_TRUE(S.Defines.count("limit"));
  const Param &D = S.Defines["limit"];
  EXPECT_EQ(D.Value, "6.0.6003");
  EXPECT_EQ(T.substr(D.VB, D.VE - D.VB), "6.0.6003");
  ASSERT_EQ(S.Problems.size(), 3u);
  EXPECT_EQ(S.Problems[0].At, T.find("stray"));
  EXPECT_NE(S.Problems[1].Message.find("Name=Value"), std::string::npos);
  EXPECT_NE(S.Problems[2].Message.find("Name: value"), std::string::npos);
}

TEST(InnoScanner, IsppContinuationLines) {
  // A `#define` over three lines is one ISPP line; an entry's parameters go
  // on after a trailing `\`.
  std::string T = "#define F(str X) \\\n  G(X), \\\n  H(X)\n"
                  "[Tasks]\nName: a; Flags: unchecked; \\\n"
                  "    OnlyBelowVersion: 6.1\n";
  IssScript S = scanIss(T);
  EXPECT_TRUE(S.Problems.empty()) << S.Problems[0].Message;
  ASSERT_EQ(S.Entries.size(), 1u);
  ASSERT_EQ(S.Entries[0].Params.size(), 3u);
  EXPECT_EQ(S.Entries[0].Params[2].Name, "OnlyBelowVersion");
  EXPECT_EQ(S.Entries[0].Params[2].Value, "6.1");
}

TEST(InnoScanner, LongLinesAreLinear) {
  std::string T = "[Files]\nSource: a";
  T += std::string(1 << 20, ';');
  T += "\n";
  IssScript S = scanIss(T);
  ASSERT_EQ(S.Entries.size(), 1u);
  EXPECT_EQ(S.Entries[0].Params.size(), 1u);
}

} // namespace
