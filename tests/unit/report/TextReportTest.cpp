//===- TextReportTest.cpp -------------------------------------------------===//
#include "report/Report.h"

#include <gtest/gtest.h>

using namespace verguard;

namespace {

// A span whose end column is far past its line (found by ReportFuzzer): the
// underline stops at the end of the line instead of printing 4 billion `~`.
TEST(TextReport, UnderlineStopsAtTheEndOfTheLine) {
  report::ReportData D;
  core::Finding F;
  F.RuleId = "VG001";
  F.Message = "m";
  F.Where.File = "/src/a.ps1";
  F.Where.Begin = 4;
  F.Where.End = 10;
  F.Where.Line = F.Where.EndLine = 1;
  F.Where.Col = 5;
  F.Where.EndCol = 4000000000u;
  D.Findings.push_back(F);
  D.SrcRoot = "/src";
  std::string Content = "if (build -eq 6002) {}\nnext\n";
  D.Content = [&](llvm::StringRef) -> std::optional<llvm::StringRef> {
    return llvm::StringRef(Content);
  };
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  report::writeText(OS, D, /*Color=*/false);
  OS.flush();
  EXPECT_NE(Out.find("a.ps1:1:5: warning: m [VG001]"), std::string::npos);
  // 22 characters on the line, the caret at 5: ^ and 17 ~.
  EXPECT_NE(Out.find("      ^" + std::string(17, '~') + "\n"),
            std::string::npos)
      << Out;
  EXPECT_LT(Out.size(), 400u);
}

} // namespace

namespace {

// The line of a finding is shown decoded, whatever the file's encoding, and
// the caret stands under the guard's first code point.
TEST(TextReport, ShowsTheLineDecodedWithTheCaretUnderTheGuard) {
  report::ReportData D;
  core::Finding F;
  F.RuleId = "VG002";
  F.Message = "m";
  F.Where.File = "/src/a.ps1";
  F.Where.Begin = 2;
  F.Where.End = 30;
  F.Where.Line = F.Where.EndLine = 1;
  F.Where.Col = 10;
  F.Where.EndCol = 15;
  D.Findings.push_back(F);
  D.SrcRoot = "/src";
  // "$v = 'é' -eq 6002" in UTF-16 LE with a BOM.
  std::string Content = "\xFF\xFE";
  for (char16_t C : std::u16string(u"$v = '\u00e9' -eq 6002\n"))
    Content += std::string{char(C & 0xFF), char(C >> 8)};
  D.Content = [&](llvm::StringRef) -> std::optional<llvm::StringRef> {
    return llvm::StringRef(Content);
  };
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  report::writeText(OS, D, /*Color=*/false);
  OS.flush();
  EXPECT_NE(Out.find("  $v = '\xC3\xA9' -eq 6002\n           ^~~~~\n"),
            std::string::npos)
      << Out;
}

} // namespace
