//===- GitHubReportTest.cpp -----------------------------------------------===//
#include "ReportTestSupport.h"

#include "llvm/ADT/StringExtras.h"

#include <gtest/gtest.h>

using namespace verguard;
using namespace verguard::reporttest;

TEST(GitHubReport, OneWorkflowCommandPerFindingAndMessage) {
  std::string Out =
      render([](llvm::raw_ostream &OS) { report::writeGitHub(OS, sample()); });
  llvm::SmallVector<llvm::StringRef, 8> Lines;
  llvm::StringRef(Out).split(Lines, '\n', -1, false);
  ASSERT_EQ(Lines.size(), 4u) << Out;
  EXPECT_EQ(Lines[0], "::error file=c.vbs,title=verguard::cannot read: "
                      "Permission denied");
  // Every line of the annotation: the message, the fix, the note.
  EXPECT_EQ(Lines[1],
            "::error file=a.cpp,line=3,endLine=3,col=7,endColumn=16,"
            "title=VG001 build-comparison::`b == 6002` flips%0Afix: accept "
            "build 6003 as well%0Asp2.h:2:19: note: `SP2_BUILD` is defined "
            "here as 6002");
  EXPECT_TRUE(Lines[2].starts_with(
      "::warning file=a.cpp,line=9,endLine=9,col=1,endColumn=10,"
      "title=VG003 revision-threshold::revision%0Ano fix: why not"))
      << Lines[2].str();
}

TEST(GitHubReport, EscapesAsTheActionsToolkit) {
  report::ReportData D;
  D.SrcRoot = "/src";
  D.Findings.push_back(finding("/src/a,b:c%d\r\n.ps1", 1, 1, "VG001",
                               "100% sure: a, b\r\nnext",
                               core::Severity::Note));
  D.Findings[0].NoFixReason.clear();
  std::string Out =
      render([&](llvm::raw_ostream &OS) { report::writeGitHub(OS, D); });
  // Properties: % CR LF : , ; the message: % CR LF only.
  EXPECT_EQ(Out, "::notice file=a%2Cb%3Ac%25d%0D%0A.ps1,line=1,endLine=1,"
                 "col=1,endColumn=10,title=VG001 build-comparison::100%25 "
                 "sure: a, b%0D%0Anext\n");
}

TEST(GitHubReport, NoColumnsAcrossLines) {
  report::ReportData D;
  D.Findings.push_back(finding("/x.cpp", 4, 3, "VG005", "t"));
  D.Findings[0].Where.EndLine = 6;
  std::string Out =
      render([&](llvm::raw_ostream &OS) { report::writeGitHub(OS, D); });
  EXPECT_EQ(Out.find(",col="), std::string::npos) << Out;
  EXPECT_NE(Out.find("line=4,endLine=6,title="), std::string::npos) << Out;
}
