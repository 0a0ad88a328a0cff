//===- TextReportTest.cpp -------------------------------------------------===//
#include "ReportTestSupport.h"

#include "../TestSupport.h"

#include <gtest/gtest.h>

using namespace verguard;

namespace {

/// The text report of one finding at Where in a file of Content.
std::string textOf(core::SourceSpan Where, const std::string &Content) {
  report::ReportData D;
  core::Finding F;
  F.RuleId = "VG001";
  F.Message = "m";
  F.Where = std::move(Where);
  D.Findings.push_back(F);
  D.SrcRoot = "/src";
  test::serve(D, Content);
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  report::writeText(OS, D, /*Color=*/false);
  OS.flush();
  return Out;
}

// A span whose end column is far past its line (found by ReportFuzzer): the
// underline stops at the end of the line instead of printing 4 billion `~`.
TEST(TextReport, UnderlineStopsAtTheEndOfTheLine) {
  std::string Out =
      textOf(test::spanAt("/src/a.ps1", 1, 5, 1, 4000000000u, 4, 10),
             "if (build -eq 6002) {}\nnext\n");
  EXPECT_NE(Out.find("a.ps1:1:5: warning: m [VG001]"), std::string::npos);
  // 22 characters on the line, the caret at 5: ^ and 17 ~.
  EXPECT_NE(Out.find("      ^" + std::string(17, '~') + "\n"),
            std::string::npos)
      << Out;
  EXPECT_LT(Out.size(), 400u);
}

// The line of a finding is shown decoded, whatever the file's encoding, and
// the caret stands under the guard's first code point.
TEST(TextReport, ShowsTheLineDecodedWithTheCaretUnderTheGuard) {
  // "$v = 'é' -eq 6002" in UTF-16 LE with a BOM.
  std::string Content = "\xFF\xFE";
  for (char16_t C : std::u16string(u"$v = '\u00e9' -eq 6002\n"))
    Content += std::string{char(C & 0xFF), char(C >> 8)};
  std::string Out =
      textOf(test::spanAt("/src/a.ps1", 1, 10, 1, 15, 2, 30), Content);
  EXPECT_NE(Out.find("  $v = '\xC3\xA9' -eq 6002\n           ^~~~~\n"),
            std::string::npos)
      << Out;
}

} // namespace

namespace {
// A note shows where a named constant is defined, like Clang's notes: its
// own `path:line:col: note:` line and the source line under it.
TEST(TextReport, RelatedLocationsAreNotesWithTheirSourceLine) {
  report::ReportData D;
  D.SrcRoot = "/src";
  core::Finding F = reporttest::finding("/src/a.cpp", 2, 1, "VG001", "m");
  F.Where.Begin = 10;
  F.Where.End = 19;
  F.NoFixReason = "why";
  core::SourceSpan Def = reporttest::span("/src/sp2.h", 1, 19, 4);
  Def.Begin = 18;
  Def.End = 22;
  F.Related.push_back({Def, "`SP2_BUILD` is defined here as 6002"});
  D.Findings.push_back(F);
  std::string A = "#include\nb == SP2_B;\n", H = "#define SP2_BUILD 6002\n";
  D.Content = [&](llvm::StringRef P) -> std::optional<llvm::StringRef> {
    return llvm::StringRef(P == "/src/a.cpp" ? A : H);
  };
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  report::writeText(OS, D, /*Color=*/false);
  OS.flush();
  EXPECT_NE(Out.find("a.cpp:2:1: error: m [VG001]\n"
                     "  b == SP2_B;\n"
                     "  ^~~~~~~~~\n"
                     "  no fix: why\n"
                     "sp2.h:1:19: note: `SP2_BUILD` is defined here as 6002\n"
                     "  #define SP2_BUILD 6002\n"
                     "                    ^~~~\n"),
            std::string::npos)
      << Out;
}
} // namespace
