//===- JUnitReportTest.cpp ------------------------------------------------===//
#include "ReportTestSupport.h"

#include <gtest/gtest.h>

using namespace verguard;
using namespace verguard::reporttest;

TEST(JUnitReport, ASuitePerFileAFailurePerFinding) {
  std::string Out =
      render([](llvm::raw_ostream &OS) { report::writeJUnit(OS, sample()); });
  EXPECT_NE(Out.find("<testsuites name=\"verguard\" tests=\"4\" "
                     "failures=\"3\" errors=\"1\">"),
            std::string::npos)
      << Out;
  EXPECT_NE(Out.find("<testsuite name=\"a.cpp\" tests=\"2\" failures=\"2\" "
                     "errors=\"0\">\n    <testcase name=\"VG001 at a.cpp:3:7\" "
                     "classname=\"a.cpp\" file=\"a.cpp\" line=\"3\">\n"
                     "      <failure type=\"VG001\" message=\"`b == 6002` "
                     "flips\">a.cpp:3:7: error: `b == 6002` flips [VG001]\n"
                     "fix: accept build 6003 as well\n"
                     "sp2.h:2:19: note: `SP2_BUILD` is defined here as 6002\n"
                     "</failure>"),
            std::string::npos)
      << Out;
  // An input file verguard could not read is an error, not a failure.
  EXPECT_NE(Out.find("<testsuite name=\"c.vbs\" tests=\"1\" failures=\"0\" "
                     "errors=\"1\">"),
            std::string::npos)
      << Out;
  EXPECT_NE(Out.find("<error type=\"input\" message=\"cannot read: "
                     "Permission denied\">c.vbs: error: cannot read: "
                     "Permission denied</error>"),
            std::string::npos)
      << Out;
}

TEST(JUnitReport, NothingToReportIsOnePassingTest) {
  report::ReportData D;
  std::string Out =
      render([&](llvm::raw_ostream &OS) { report::writeJUnit(OS, D); });
  EXPECT_NE(Out.find("tests=\"1\" failures=\"0\" errors=\"0\""),
            std::string::npos);
  EXPECT_NE(Out.find("<testcase name=\"no findings\" classname=\"verguard\"/>"),
            std::string::npos)
      << Out;
  EXPECT_EQ(Out.find("<failure"), std::string::npos);
}
