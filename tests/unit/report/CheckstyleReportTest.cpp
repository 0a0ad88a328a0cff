//===- CheckstyleReportTest.cpp -------------------------------------------===//
#include "ReportTestSupport.h"

#include <gtest/gtest.h>

using namespace verguard;
using namespace verguard::reporttest;

TEST(CheckstyleReport, OneFileElementPerFileOneErrorPerFinding) {
  std::string Out = render(
      [](llvm::raw_ostream &OS) { report::writeCheckstyle(OS, sample()); });
  EXPECT_EQ(Out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<checkstyle version=\"4.3\">\n",
                      0),
            0u)
      << Out;
  EXPECT_NE(Out.find("  <file name=\"a.cpp\">\n"
                     "    <error line=\"3\" column=\"7\" severity=\"error\" "
                     "message=\"`b == 6002` flips (fix: accept build 6003 as "
                     "well)\" source=\"verguard.VG001\"/>\n"
                     "    <error line=\"9\" column=\"1\" severity=\"warning\" "
                     "message=\"revision\" source=\"verguard.VG003\"/>\n"
                     "  </file>\n"),
            std::string::npos)
      << Out;
  // A message about the input: the whole file (line 0), no column.
  EXPECT_NE(Out.find("<file name=\"c.vbs\">\n    <error line=\"0\" "
                     "severity=\"error\" message=\"cannot read: Permission "
                     "denied\" source=\"verguard.input\"/>"),
            std::string::npos)
      << Out;
  EXPECT_EQ(Out.substr(Out.size() - 14), "</checkstyle>\n");
}

TEST(CheckstyleReport, HostileNamesAndMessagesAreEscaped) {
  report::ReportData D;
  D.SrcRoot = "/src";
  D.Findings.push_back(finding("/src/a\"<&>'\n.ps1", 1, 1, "VG002",
                               "`$v -like \"6.0.6002*\"` & <more>",
                               core::Severity::Note));
  std::string Out =
      render([&](llvm::raw_ostream &OS) { report::writeCheckstyle(OS, D); });
  EXPECT_NE(Out.find("<file name=\"a&quot;&lt;&amp;&gt;&apos;&#10;.ps1\">"),
            std::string::npos)
      << Out;
  EXPECT_NE(Out.find("severity=\"info\" message=\"`$v -like &quot;6.0.6002*"
                     "&quot;` &amp; &lt;more&gt;\""),
            std::string::npos)
      << Out;
}
