//===- StatisticsTest.cpp -------------------------------------------------===//
#include "ReportTestSupport.h"

#include <gtest/gtest.h>

using namespace verguard;
using namespace verguard::reporttest;

TEST(Statistics, CountsPerRuleMostFirst) {
  report::ReportData D = sample();
  std::string Out = render(
      [&](llvm::raw_ostream &OS) { report::writeStatistics(OS, D, false); });
  EXPECT_EQ(Out, "count  rule   fixable  name\n"
                 "    2  VG001        1  build-comparison\n"
                 "    1  VG003        0  revision-threshold\n");
  Out = render(
      [&](llvm::raw_ostream &OS) { report::writeStatistics(OS, D, true); });
  EXPECT_NE(Out.find("\"count\": 2,\n    \"fixable\": 1,\n    \"name\": "
                     "\"build-comparison\",\n    \"ruleId\": \"VG001\""),
            std::string::npos)
      << Out;
}

TEST(Statistics, NoFindingsNoRows) {
  report::ReportData D;
  EXPECT_EQ(render([&](llvm::raw_ostream &OS) {
              report::writeStatistics(OS, D, false);
            }),
            "");
  EXPECT_EQ(render([&](llvm::raw_ostream &OS) {
              report::writeStatistics(OS, D, true);
            }),
            "[]\n");
}
