//===- GitLabReportTest.cpp -----------------------------------------------===//
#include "ReportTestSupport.h"

#include "llvm/Support/JSON.h"

#include <gtest/gtest.h>

using namespace verguard;
using namespace verguard::reporttest;

TEST(GitLabReport, CodeQualityIssues) {
  report::ReportData D = sample();
  std::string Out =
      render([&](llvm::raw_ostream &OS) { report::writeGitLab(OS, D); });
  auto V = llvm::json::parse(Out);
  ASSERT_TRUE(bool(V)) << llvm::toString(V.takeError());
  const llvm::json::Array *A = V->getAsArray();
  ASSERT_TRUE(A);
  ASSERT_EQ(A->size(), 3u); // findings only: input trouble is on stderr
  const llvm::json::Object *I = (*A)[0].getAsObject();
  EXPECT_EQ(I->getString("description"), "`b == 6002` flips");
  EXPECT_EQ(I->getString("check_name"), "VG001");
  EXPECT_EQ(I->getString("fingerprint"), D.Fingerprints[0]);
  EXPECT_EQ(I->getString("severity"), "major");
  EXPECT_EQ(I->getObject("location")->getString("path"), "a.cpp");
  EXPECT_EQ(I->getObject("location")->getObject("lines")->getInteger("begin"),
            3);
  EXPECT_NE(I->getObject("content")->getString("body")->find(
                "fix: accept build 6003 as well"),
            llvm::StringRef::npos);
  EXPECT_EQ((*A)[1].getAsObject()->getString("severity"), "minor");
  // Fingerprints are unique within a report.
  EXPECT_NE((*A)[0].getAsObject()->getString("fingerprint"),
            (*A)[2].getAsObject()->getString("fingerprint"));
}

TEST(GitLabReport, NoFindingsIsAnEmptyArray) {
  report::ReportData D;
  std::string Out =
      render([&](llvm::raw_ostream &OS) { report::writeGitLab(OS, D); });
  EXPECT_EQ(Out, "[]\n");
}
