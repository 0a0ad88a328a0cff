//===- NoteSummaryTest.cpp ------------------------------------------------===//
#include "report/NoteSummary.h"

#include <gtest/gtest.h>

using namespace verguard;
using namespace verguard::report;

namespace {

core::Diagnostic note(std::string File, std::string Msg,
                      core::Severity S = core::Severity::Note) {
  core::Diagnostic G;
  G.Level = S;
  G.Where.File = std::move(File);
  G.Where.Line = 1;
  G.Message = std::move(Msg);
  return G;
}

core::Diagnostic missing(std::string File, std::string Header) {
  return note(std::move(File),
              "header '" + Header +
                  "' not found; analyzed what could be parsed without it");
}

TEST(NoteSummaryTest, CountsFilesWithoutFindingsAndRanksTheHeaders) {
  core::Finding F;
  F.Where.File = "/p/hit.cpp";
  NoteFilter Filter({F});
  std::vector<core::Diagnostic> Diags = {
      missing("/p/a.cpp", "config.h"),
      missing("/p/a.cpp", "builtin.h"),
      missing("/p/b.cpp", "builtin.h"),
      missing("/p/c.cpp", "builtin.h"),
      missing("/p/c.cpp", "alpha.h"),
      missing("/p/hit.cpp", "config.h"), // a file with a finding: listed
      note("/p/x.ps1", "/p/x.ps1:2:1: parse error (1 unparsed region)"),
      note("/p/x.ps1", "/p/x.ps1:9:1: parse error (1 unparsed region)"),
      note("/p/y.cpp", "2 parse error(s) (first: expected ';')"),
      note("/p/z.ps1", "expression nested more than 100 levels deep"),
      missing("/p/w.cpp", "x.h"), // not a note: counted nowhere
  };
  Diags.back().Level = core::Severity::Warning;
  EXPECT_TRUE(Filter.summarized(Diags[0]));
  EXPECT_FALSE(Filter.summarized(Diags[5]));
  EXPECT_FALSE(Filter.summarized(Diags[9]));
  EXPECT_FALSE(Filter.summarized(Diags[10]));
  NoteSummary S = Filter.summarize(Diags);
  EXPECT_EQ(S.FilesMissingHeaders, 3u);
  EXPECT_EQ(S.FilesWithParseErrors, 2u);
  // Most missed first, ties by name.
  EXPECT_EQ(S.MostMissed,
            (std::vector<std::pair<std::string, unsigned>>{
                {"builtin.h", 3}, {"alpha.h", 1}, {"config.h", 1}}));
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  writeNoteSummary(OS, S, "  ");
  EXPECT_EQ(Text, "  3 files parsed without some project headers; most "
                  "missed: builtin.h (3), alpha.h (1), config.h (1); pass -p "
                  "DIR (compile_commands.json) or --extra-arg=-IDIR; "
                  "--verbose lists them\n"
                  "  2 files without a finding had parse errors (analyzed "
                  "what could be parsed); --verbose lists them\n");
}

TEST(NoteSummaryTest, ShowsFiveHeadersAndHowManyMore) {
  NoteFilter Filter({});
  std::vector<core::Diagnostic> Diags;
  for (int I = 0; I < 8; ++I)
    Diags.push_back(missing("/p/f.cpp", "h" + std::to_string(I) + ".h"));
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  writeNoteSummary(OS, Filter.summarize(Diags), "");
  EXPECT_NE(Text.find("h4.h (1) and 3 more;"), std::string::npos) << Text;
  EXPECT_EQ(Text.find("h5.h"), std::string::npos) << Text;
  // Nothing to say: nothing written.
  Text.clear();
  writeNoteSummary(OS, Filter.summarize({}), "");
  EXPECT_EQ(Text, "");
}

TEST(NoteSummaryTest, ThousandsSeparated) {
  EXPECT_EQ(withCommas(0), "0");
  EXPECT_EQ(withCommas(999), "999");
  EXPECT_EQ(withCommas(1732), "1,732");
  EXPECT_EQ(withCommas(1234567), "1,234,567");
}

} // namespace
