//===- BatchFrontendTest.cpp ----------------------------------------------===//
//
// Lowers batch snippets and checks the IR of each guard (its text, and what
// its parts evaluate to on real profiles), the findings and the fixes. The
// annotated corpus is checked through the binary by tests/corpus.
//
//===----------------------------------------------------------------------===//
#include "batch/BatchFrontend.h"

#include "core/Evaluator.h"
#include "core/Profile.h"
#include "rules/Checker.h"

#include <gtest/gtest.h>

using namespace verguard;
using namespace verguard::core;

namespace {

struct Lowered {
  std::vector<Guard> Guards;
  std::vector<Diagnostic> Diags;
  std::vector<Finding> Findings;
};

Lowered lower(llvm::StringRef Src, llvm::StringRef Path = "t.cmd") {
  Lowered L;
  auto Text = script::decodeText(Src, Path);
  EXPECT_TRUE(bool(Text));
  if (!Text) {
    llvm::consumeError(Text.takeError());
    return L;
  }
  batch::lowerFile(Path, *Text, FrontendOptions(), L.Guards, L.Diags);
  static const rules::CheckConfig Cfg = rules::defaultCheckConfig();
  for (const Guard &G : L.Guards)
    for (Finding &F : rules::checkGuard(G, Cfg))
      L.Findings.push_back(std::move(F));
  return L;
}

const Profile &profile(llvm::StringRef Id) {
  const Profile *P = builtinProfiles().find(Id);
  EXPECT_TRUE(P) << Id.str();
  return *P;
}

/// The value of E on the profile Id, as text.
std::string on(const Expr &E, llvm::StringRef Id) {
  return evaluate(E, profile(Id)).str();
}

/// The left operand of a guard's comparison (under a `not`, if any).
const Expr &lhs(const Guard &G) {
  const Expr *C = G.Cond.get();
  if (C->Kind == Op::Not)
    C = C->Kids[0].get();
  return *C->Kids[0];
}

TEST(BatchFrontend, VerPipedToFind) {
  Lowered L = lower("ver | find /i \"6.0.6002\" >nul\n"
                    "if errorlevel 1 goto :eof\n");
  ASSERT_EQ(L.Guards.size(), 1u);
  const Expr &C = *L.Guards[0].Cond;
  EXPECT_EQ(toString(C), "contains(verOutput, \"6.0.6002\")");
  EXPECT_TRUE(C.has(FlagCaseInsensitive));
  EXPECT_TRUE(C.has(FlagCmdSearch));
  EXPECT_EQ(C.Written.Text, "find /i \"6.0.6002\"");
  ASSERT_EQ(L.Findings.size(), 1u);
  EXPECT_EQ(L.Findings[0].RuleId, "VG002");
  ASSERT_TRUE(L.Findings[0].TheFix);
  ASSERT_EQ(L.Findings[0].TheFix->Edits.size(), 1u);
  EXPECT_EQ(L.Findings[0].TheFix->Edits[0].Replacement,
            "findstr /i /c:\"6.0.6002\" /c:\"6.0.6003\"");
}

TEST(BatchFrontend, FindstrWordsAreAlternativesAndRegexByDefault) {
  Lowered L = lower("ver | findstr \"6.0.6002 6.1.7601\" >nul\n");
  ASSERT_EQ(L.Guards.size(), 1u);
  EXPECT_EQ(toString(*L.Guards[0].Cond),
            "(regex(verOutput, \"6.0.6002\") || regex(verOutput, "
            "\"6.1.7601\"))");
  // /c: is literal; /l makes plain strings literal; findstr's `+` is a
  // plain character.
  L = lower("ver | findstr /c:\"6.0.6002\" /c:\"Version 6.1\" >nul\n"
            "ver | findstr /l \"6.0.6002+\"\n");
  ASSERT_EQ(L.Guards.size(), 2u);
  EXPECT_EQ(toString(*L.Guards[0].Cond),
            "(contains(verOutput, \"6.0.6002\") || contains(verOutput, "
            "\"Version 6.1\"))");
  EXPECT_EQ(toString(*L.Guards[1].Cond), "contains(verOutput, \"6.0.6002+\")");
  L = lower("ver | findstr /r \"6.0.6002+\"\n");
  ASSERT_EQ(L.Guards.size(), 1u);
  EXPECT_EQ(toString(*L.Guards[0].Cond), "regex(verOutput, \"6.0.6002\\+\")");
}

TEST(BatchFrontend, FindVOnVerAlwaysSucceeds) {
  // ver prints an empty line before the version: /v always finds a line.
  Lowered L = lower("ver | find /v \"6.0.6002\" >nul && echo x\n");
  EXPECT_TRUE(L.Guards.empty());
  // A file to search is not the pipe's text.
  L = lower("ver | find \"6.0.6002\" log.txt\n");
  EXPECT_TRUE(L.Guards.empty());
}

TEST(BatchFrontend, ForFTokensOfVer) {
  Lowered L =
      lower("for /f \"tokens=4-6 delims=[.] \" %%i in ('ver') do set B=%%k\n"
            "if %B% LEQ 6002 echo old\n");
  ASSERT_EQ(L.Guards.size(), 1u);
  const Guard &G = L.Guards[0];
  EXPECT_EQ(toString(*G.Cond),
            "(tokens(concat(\"\r\n\", verOutput, \"\r\n\"), 6, \";\", false) "
            "<= 6002)");
  EXPECT_EQ(G.Cond->Mode, CmpMode::Cmd);
  EXPECT_EQ(G.Cond->Written.Text, "%B% LEQ 6002");
  EXPECT_EQ(on(lhs(G), "sp2-6002"), "\"6002\"");
  EXPECT_EQ(on(lhs(G), "sp2-6003"), "\"6003\"");
  EXPECT_EQ(on(lhs(G), "win10-22h2"), "\"19045\"");
  ASSERT_EQ(L.Findings.size(), 1u);
  ASSERT_TRUE(L.Findings[0].TheFix);
  EXPECT_EQ(L.Findings[0].TheFix->Edits[0].Replacement, "6003");
}

TEST(BatchFrontend, WmicAndRegQueryOutputs) {
  Lowered L = lower(
      "for /f \"tokens=2 delims==\" %%b in ('wmic os get BuildNumber /value') "
      "do set W=%%b\n"
      "for /f \"skip=1 delims=\" %%b in ('wmic os get BuildNumber') do set "
      "T=%%b\n"
      "for /f \"skip=2 tokens=3\" %%a in ('reg query "
      "\"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\" /v "
      "CurrentBuildNumber') do set R=%%a\n"
      "if %W% EQU 6002 echo w\n"
      "if \"%T%\"==\"6002\" echo t\n"
      "if %R% LSS 6003 echo r\n");
  ASSERT_EQ(L.Guards.size(), 3u);
  EXPECT_EQ(on(lhs(L.Guards[0]), "sp2-6002"), "\"6002\"");
  // The table form pads the value to the header's width plus two; with
  // `delims=` the whole line, blanks and all, is the value.
  EXPECT_EQ(on(lhs(L.Guards[1]), "sp2-6002"), "\"\"6002         \"\"");
  EXPECT_EQ(on(lhs(L.Guards[2]), "sp2-6003"), "\"6003\"");
  EXPECT_EQ(on(lhs(L.Guards[2]), "win7-sp1"), "\"7601\"");
  // The padded value never equals "6002": only two guards flip.
  EXPECT_EQ(L.Findings.size(), 2u);
}

TEST(BatchFrontend, CmdComparesNumbersOnlyWhenBothSidesAre) {
  // Quoted operands are strings: "10240" sorts before "6002".
  Lowered L =
      lower("for /f \"tokens=3\" %%a in ('reg query "
            "\"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\" /v "
            "CurrentBuildNumber') do set R=%%a\n"
            "if \"%R%\" GEQ \"6002\" echo a\n"
            "if %R% GEQ 0x1772 echo b\n");
  ASSERT_EQ(L.Guards.size(), 2u);
  EXPECT_EQ(evaluate(*L.Guards[0].Cond, profile("win10-1507")).str(), "0");
  EXPECT_EQ(evaluate(*L.Guards[0].Cond, profile("sp2-6003")).str(), "1");
  // 0x1772 is 6002: numbers.
  EXPECT_EQ(evaluate(*L.Guards[1].Cond, profile("win10-1507")).str(), "1");
  EXPECT_EQ(evaluate(*L.Guards[1].Cond, profile("vista-sp1")).str(), "0");
  EXPECT_TRUE(L.Findings.empty());
}

TEST(BatchFrontend, PercentIsReadWithTheLineAndBangWhenItRuns) {
  const char *Body =
      "for /f \"tokens=2 delims==\" %%b in ('wmic os get BuildNumber "
      "/value') do (\n"
      "  set B=%%b\n"
      "  if %B% LEQ 6002 echo percent\n"
      "  if !B! LEQ 6002 echo bang\n"
      ")\n";
  // Without delayed expansion `!B!` is text, and `%B%` is still empty.
  Lowered L = lower(Body);
  EXPECT_TRUE(L.Guards.empty());
  L = lower(std::string("setlocal enabledelayedexpansion\n") + Body);
  ASSERT_EQ(L.Guards.size(), 1u);
  EXPECT_EQ(L.Guards[0].Cond->Written.Text, "!B! LEQ 6002");
  // endlocal forgets what was set after its setlocal.
  L = lower("setlocal\n"
            "for /f \"tokens=2 delims==\" %%b in ('wmic os get BuildNumber "
            "/value') do set B=%%b\n"
            "endlocal\n"
            "if %B% LEQ 6002 echo x\n");
  EXPECT_TRUE(L.Guards.empty());
}

TEST(BatchFrontend, GotoAndCallCarryTheValues) {
  Lowered L =
      lower("@echo off\n"
            "call :get\n"
            "if %B% LEQ 6002 goto old\n"
            "goto :eof\n"
            ":old\n"
            "if %B% EQU 6002 echo exactly\n"
            "goto :eof\n"
            ":get\n"
            "for /f \"tokens=2 delims==\" %%b in ('wmic os get BuildNumber "
            "/value') do set B=%%b\n"
            "goto :eof\n");
  ASSERT_EQ(L.Guards.size(), 2u);
  EXPECT_EQ(L.Guards[0].Function, "");
  EXPECT_EQ(L.Guards[1].Function, "old");
  EXPECT_EQ(on(lhs(L.Guards[1]), "sp2-6002"), "\"6002\"");
  EXPECT_EQ(L.Findings.size(), 2u);
  // Arguments of a call are %1..%9 there (%~1 without quotes).
  L = lower("call :chk \"6.0.6002\"\n"
            "goto :eof\n"
            ":chk\n"
            "ver | find \"%~1\" >nul && echo yes\n");
  ASSERT_EQ(L.Guards.size(), 1u);
  EXPECT_EQ(toString(*L.Guards[0].Cond), "contains(verOutput, \"6.0.6002\")");
}

TEST(BatchFrontend, ArithmeticSubstringsAndReplacement) {
  Lowered L = lower(
      "for /f \"tokens=2 delims==\" %%v in ('wmic os get Version /value') "
      "do set V=%%v\n"
      "set /a N=(%V:~-4%+1)*2, M=0x10\n"
      "set T=%V:~2,-5%\n"
      "set U=%V:.=_%\n"
      "if %N% EQU 12006 echo n\n"
      "if \"%T%\"==\"0\" echo t\n"
      "if /i \"%U%\"==\"6_0_6002\" echo u\n");
  ASSERT_EQ(L.Guards.size(), 3u);
  EXPECT_EQ(on(lhs(L.Guards[0]), "sp2-6002"), "\"12006\"");
  EXPECT_EQ(on(lhs(L.Guards[0]), "sp2-6003"), "\"12008\"");
  EXPECT_EQ(on(lhs(L.Guards[1]), "sp2-6002"), "\"\"0\"\"");
  EXPECT_EQ(on(lhs(L.Guards[2]), "sp2-6002"), "\"\"6_0_6002\"\"");
  EXPECT_EQ(L.Guards[2].Cond->Mode, CmpMode::StrCI);
}

TEST(BatchFrontend, UnknownVariablesByTheirName) {
  // A variable from outside the file: its name is the evidence (a
  // warning); one the file sets later is empty until then.
  Lowered L = lower("if %OSBUILD% LEQ 6002 echo a\n"
                    "if %MYBUILD% LEQ 6002 echo b\n"
                    "set MYBUILD=1\n");
  ASSERT_EQ(L.Findings.size(), 1u);
  EXPECT_EQ(L.Findings[0].Level, Severity::Warning);
  EXPECT_EQ(L.Findings[0].Where.Line, 1u);
}

TEST(BatchFrontend, ProblemsAreNotesNamingTheFile) {
  Lowered L = lower("(\necho unclosed\n", "dir/bad.bat");
  ASSERT_EQ(L.Diags.size(), 1u);
  EXPECT_EQ(L.Diags[0].Level, Severity::Note);
  EXPECT_EQ(L.Diags[0].Where.File, "dir/bad.bat");
  EXPECT_EQ(L.Diags[0].Where.Line, 3u); // where the `(` is still open
  EXPECT_EQ(L.Diags[0].Message.find("bad.bat"), std::string::npos)
      << L.Diags[0].Message;
}

} // namespace
