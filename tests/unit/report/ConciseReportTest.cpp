//===- ConciseReportTest.cpp ----------------------------------------------===//
#include "ReportTestSupport.h"

#include <gtest/gtest.h>

using namespace verguard;
using namespace verguard::reporttest;

TEST(ConciseReport, OneLinePerFindingAndNothingElse) {
  report::ReportData D = sample();
  D.Findings[2].Message = "a message\nover two lines";
  std::string Out =
      render([&](llvm::raw_ostream &OS) { report::writeConcise(OS, D); });
  // Messages about the input go to stderr, as in every format.
  EXPECT_EQ(Out, "a.cpp:3:7: error: `b == 6002` flips [VG001]\n"
                 "a.cpp:9:1: warning: revision [VG003]\n"
                 "b.ps1:1:5: error: a message over two lines [VG001]\n");
}
