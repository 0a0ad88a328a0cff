//===- NsisFrontendTest.cpp -----------------------------------------------===//
//
// Lowers NSIS snippets and checks the IR of each guard (its text, and what
// it evaluates to on real profiles), the findings and where they are. The
// annotated corpus is checked through the binary by tests/corpus.
//
//===----------------------------------------------------------------------===//
#include "nsis/NsisFrontend.h"

#include "core/Evaluator.h"
#include "core/Profile.h"
#include "rules/Checker.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

using namespace verguard;
using namespace verguard::core;

namespace {

struct Lowered {
  std::vector<Guard> Guards;
  std::vector<Diagnostic> Diags;
  std::vector<Finding> Findings;
  std::vector<std::string> Deps;
};

Lowered lower(llvm::StringRef Src, llvm::StringRef Path = "t.nsi") {
  Lowered L;
  auto Text = script::decodeText(Src, Path);
  EXPECT_TRUE(bool(Text));
  if (!Text) {
    llvm::consumeError(Text.takeError());
    return L;
  }
  nsis::lowerFile(Path, *Text, FrontendOptions(), L.Guards, L.Diags, &L.Deps);
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

std::string on(const Expr &E, llvm::StringRef Id) {
  return evaluate(E, profile(Id)).str();
}

/// The guard's condition on Vista SP2 before and after the bump.
std::pair<std::string, std::string> flip(const Guard &G) {
  return {on(*G.Cond, "sp2-6002"), on(*G.Cond, "sp2-6003")};
}

TEST(NsisFrontend, AtMostBuildIsAnUnsignedBuildBound) {
  auto L = lower("Function .onInit\n"
                 "  ${If} ${AtMostBuild} 6002\n"
                 "  ${EndIf}\n"
                 "  ${If} ${AtLeastBuild} 6002\n"
                 "  ${EndIf}\n"
                 "FunctionEnd\n");
  ASSERT_EQ(L.Guards.size(), 2u);
  EXPECT_EQ(toString(*L.Guards[0].Cond), "(build <= 6002)");
  EXPECT_EQ(flip(L.Guards[0]),
            std::make_pair(std::string("1"), std::string("0")));
  EXPECT_EQ(toString(*L.Guards[1].Cond), "(build >= 6002)");
  ASSERT_EQ(L.Findings.size(), 1u);
  EXPECT_EQ(L.Findings[0].RuleId, "VG001");
  EXPECT_EQ(L.Findings[0].Where.Line, 2u);
}

TEST(NsisFrontend, WinVerOsTestsDoNotReadTheBuild) {
  auto L = lower("Section\n"
                 "  ${If} ${IsWinVista}\n  ${EndIf}\n"
                 "  ${If} ${IsWin2008}\n  ${EndIf}\n"
                 "  ${If} ${AtMostWin2008}\n  ${EndIf}\n"
                 "SectionEnd\n");
  ASSERT_EQ(L.Guards.size(), 3u);
  for (const Guard &G : L.Guards) {
    auto Q = quantitiesOf(*G.Cond);
    EXPECT_EQ(std::count(Q.begin(), Q.end(), Quantity::Build), 0);
  }
  // Vista is a workstation, 2008 a server of the same 6.0.
  EXPECT_EQ(on(*L.Guards[0].Cond, "vista-rtm"), "1");
  EXPECT_EQ(on(*L.Guards[0].Cond, "sp2-6002"), "0");
  EXPECT_EQ(on(*L.Guards[1].Cond, "sp2-6002"), "1");
  EXPECT_EQ(on(*L.Guards[1].Cond, "sp2-6003"), "1");
  EXPECT_EQ(on(*L.Guards[1].Cond, "vista-rtm"), "0");
  EXPECT_EQ(on(*L.Guards[2].Cond, "win7-sp1"), "0");
  EXPECT_TRUE(L.Findings.empty());
}

TEST(NsisFrontend, LogicLibOperatorsKeepTheirComparison) {
  auto L = lower("Section\n"
                 "  ${WinVerGetBuild} $0\n"
                 "  ${If} $0 == 6002\n  ${EndIf}\n"
                 "  ${If} $0 S== 6002\n  ${EndIf}\n"
                 "  ${If} $0 <= 6002\n  ${EndIf}\n"
                 "SectionEnd\n");
  ASSERT_EQ(L.Guards.size(), 3u);
  EXPECT_EQ(L.Guards[0].Cond->Mode, CmpMode::StrCI);
  EXPECT_EQ(L.Guards[1].Cond->Mode, CmpMode::Str);
  EXPECT_EQ(L.Guards[2].Cond->Mode, CmpMode::Int);
  for (const Guard &G : L.Guards)
    EXPECT_EQ(flip(G), std::make_pair(std::string("1"), std::string("0")));
}

TEST(NsisFrontend, AndIfOrIfJoinLeftToRight) {
  auto L = lower("Section\n"
                 "  ${WinVerGetBuild} $0\n"
                 "  ${If} $0 >= 6001\n"
                 "  ${AndIf} $0 <= 6002\n"
                 "  ${OrIf} $0 = 7601\n"
                 "  ${EndIf}\n"
                 "SectionEnd\n");
  ASSERT_EQ(L.Guards.size(), 1u);
  EXPECT_EQ(toString(*L.Guards[0].Cond),
            "(((build >= 6001) && (build <= 6002)) || (build == 7601))");
}

TEST(NsisFrontend, IntCmpGroupsItsLabels) {
  auto L = lower("Function f\n"
                 "  ${WinVerGetBuild} $0\n"
                 "  IntCmp $0 6002 a a b\n"
                 "a:\n"
                 "  DetailPrint a\n"
                 "b:\n"
                 "  IntCmp $0 6002 c d d\n"
                 "c:\n"
                 "  DetailPrint c\n"
                 "d:\n"
                 "  IntCmp $0 6002 0 +1 e\n"
                 "  DetailPrint less\n"
                 "e:\n"
                 "  DetailPrint more\n"
                 "FunctionEnd\n");
  ASSERT_EQ(L.Guards.size(), 3u);
  EXPECT_EQ(toString(*L.Guards[0].Cond), "(build <= 6002)");
  EXPECT_EQ(toString(*L.Guards[1].Cond), "(build == 6002)");
  // "" and +1 both go to the next instruction: equal or less.
  EXPECT_EQ(toString(*L.Guards[2].Cond), "(build <= 6002)");
}

TEST(NsisFrontend, RegistryBuildIsText) {
  auto L = lower(
      "Section\n"
      "  ReadRegStr $0 HKLM \"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\""
      " \"CurrentBuildNumber\"\n"
      "  StrCmp $0 \"6002\" sp2\n"
      "  DetailPrint other\n"
      "sp2:\n"
      "SectionEnd\n");
  ASSERT_EQ(L.Guards.size(), 1u);
  const Expr &C = *L.Guards[0].Cond;
  EXPECT_EQ(C.Mode, CmpMode::StrCI);
  EXPECT_EQ(on(*C.Kids[0], "sp2-6002"), "\"6002\"");
  EXPECT_EQ(flip(L.Guards[0]),
            std::make_pair(std::string("1"), std::string("0")));
}

TEST(NsisFrontend, SubstringsAndIntOp) {
  auto L = lower(
      "Section\n"
      "  ReadRegStr $0 HKLM \"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\""
      " BuildLab\n"
      "  StrCpy $1 $0 4\n"
      "  StrCpy $2 $0 \"\" -3\n"
      "  IntOp $3 $1 + 1\n"
      "  StrCmp $1 6002 a\n"
      "  StrCmp $2 abc a\n"
      "  IntCmp $3 6003 a\n"
      "  DetailPrint no\n"
      "a:\n"
      "SectionEnd\n");
  ASSERT_EQ(L.Guards.size(), 3u);
  EXPECT_EQ(on(*L.Guards[0].Cond->Kids[0], "sp2-6002"), "\"6002\"");
  EXPECT_EQ(on(*L.Guards[2].Cond->Kids[0], "sp2-6002"), "6003");
  EXPECT_EQ(flip(L.Guards[2]),
            std::make_pair(std::string("1"), std::string("0")));
}

TEST(NsisFrontend, StackPassingIsJudgedPerCall) {
  auto L = lower("Function IsAtMost\n"
                 "  Exch $0\n"
                 "  ${WinVerGetBuild} $1\n"
                 "  IntCmp $1 $0 yes yes no\n"
                 "yes:\n"
                 "  DetailPrint yes\n"
                 "no:\n"
                 "  Exch $0\n"
                 "FunctionEnd\n"
                 "Section\n"
                 "  Push 7601\n"
                 "  Call IsAtMost\n"
                 "  Push 6002\n"
                 "  Call IsAtMost\n"
                 "SectionEnd\n");
  ASSERT_EQ(L.Findings.size(), 1u);
  EXPECT_EQ(L.Findings[0].Where.Line, 14u); // the Call after Push 6002
}

TEST(NsisFrontend, DefinesAndMacroArguments) {
  auto L = lower("!define SP2 6002\n"
                 "!macro AtMost b\n"
                 "  ${If} ${AtMostBuild} ${b}\n"
                 "  ${EndIf}\n"
                 "!macroend\n"
                 "Section\n"
                 "  ${If} ${AtMostBuild} ${SP2}\n"
                 "  ${EndIf}\n"
                 "  !insertmacro AtMost 7601\n"
                 "  !insertmacro AtMost 6002\n"
                 "SectionEnd\n");
  std::vector<unsigned> Lines;
  for (const Finding &F : L.Findings)
    Lines.push_back(F.Where.Line);
  EXPECT_EQ(Lines, (std::vector<unsigned>{7, 10}));
}

TEST(NsisFrontend, MacroParametersPassedOnByTheSameName) {
  // LogicLib passes `${_a}` on to the next macro as `${_a}`: it is read in
  // the frame around, not in its own (once recursed without end).
  auto L = lower("!macro Inner _a\n"
                 "  ${If} ${AtMostBuild} ${_a}\n"
                 "  ${EndIf}\n"
                 "!macroend\n"
                 "!macro Outer _a\n"
                 "  !insertmacro Inner ${_a}\n"
                 "!macroend\n"
                 "Section\n"
                 "  !insertmacro Outer 6002\n"
                 "SectionEnd\n");
  ASSERT_EQ(L.Findings.size(), 1u);
  EXPECT_EQ(L.Findings[0].Where.Line, 9u);
  ASSERT_TRUE(L.Findings[0].TheFix);
  EXPECT_EQ(L.Findings[0].TheFix->Edits[0].Span.Line, 9u);
}

TEST(NsisFrontend, SwitchIsASelectOnText) {
  auto L = lower("Section\n"
                 "  ${WinVerGetBuild} $0\n"
                 "  ${Switch} $0\n"
                 "    ${Case} 6002\n"
                 "      ${Break}\n"
                 "    ${Case2} 7600 7601\n"
                 "      ${Break}\n"
                 "  ${EndSwitch}\n"
                 "SectionEnd\n");
  ASSERT_EQ(L.Guards.size(), 1u);
  const Guard &G = L.Guards[0];
  EXPECT_EQ(G.Kind, GuardKind::Select);
  ASSERT_EQ(G.Arms.size(), 2u);
  EXPECT_EQ(G.Arms[1].Tests.size(), 2u);
  EXPECT_EQ(G.Arms[0].Indent, "    ");
  ASSERT_EQ(L.Findings.size(), 1u);
}

TEST(NsisFrontend, IfElseArmsRunWithTheirOwnVariables) {
  auto L = lower("Section\n"
                 "  ${WinVerGetBuild} $0\n"
                 "  ${If} $1 == x\n"
                 "    StrCpy $2 $0\n"
                 "  ${Else}\n"
                 "    StrCpy $2 0\n"
                 "  ${EndIf}\n"
                 "  IntCmp $2 6002 a\n"
                 "  DetailPrint no\n"
                 "a:\n"
                 "SectionEnd\n");
  // The IntCmp runs once per arm: with the build (a guard) and with 0.
  ASSERT_EQ(L.Guards.size(), 1u);
  EXPECT_EQ(toString(*L.Guards[0].Cond), "(build == 6002)");
}

TEST(NsisFrontend, ProjectIncludesAreFollowedAndMissingOnesNoted) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("vg-nsis", Dir));
  std::string Main = (Dir + "/setup.nsi").str();
  {
    std::error_code EC;
    llvm::raw_fd_ostream H((Dir + "/ver.nsh").str(), EC);
    H << "!define SP2 6002\n";
  }
  std::string Src = "!include \"ver.nsh\"\n"
                    "!include LogicLib.nsh\n"
                    "!include \"missing.nsh\"\n"
                    "Section\n"
                    "  ${If} ${AtMostBuild} ${SP2}\n"
                    "  ${EndIf}\n"
                    "SectionEnd\n";
  auto L = lower(Src, Main);
  ASSERT_EQ(L.Findings.size(), 1u);
  EXPECT_FALSE(L.Findings[0].TheFix); // the constant is the header's
  ASSERT_EQ(L.Deps.size(), 1u);
  EXPECT_NE(L.Deps[0].find("ver.nsh"), std::string::npos);
  ASSERT_EQ(L.Diags.size(), 1u);
  EXPECT_EQ(L.Diags[0].Where.Line, 3u);
  EXPECT_EQ(L.Diags[0].Where.Col, 10u);
  EXPECT_EQ(L.Diags[0].Message.rfind("`!include \"missing.nsh\"`", 0), 0u)
      << L.Diags[0].Message;
  EXPECT_TRUE(nsis::includesProjectFile(Main, Src));
  EXPECT_FALSE(nsis::includesProjectFile(Main, "!include LogicLib.nsh\n"));
  llvm::sys::fs::remove_directories(Dir);
}

TEST(NsisFrontend, UnreadableInputIsNotedNotFatal) {
  auto L = lower("Function f\n"
                 "  Goto nowhere\n"
                 "  StrCmp $0 \"6002 a\n"
                 "Section\n");
  bool Label = false, Quote = false, End = false;
  for (const Diagnostic &D : L.Diags) {
    auto At = [&](unsigned Line, unsigned Col, llvm::StringRef Msg) {
      return D.Where.Line == Line && D.Where.Col == Col &&
             llvm::StringRef(D.Message).starts_with(Msg);
    };
    Label |= At(2, 8, "jump to `nowhere`");
    Quote |= At(3, 13, "string without");
    End |= D.Message.find("FunctionEnd") != std::string::npos;
  }
  EXPECT_TRUE(Label);
  EXPECT_TRUE(Quote);
  EXPECT_TRUE(End);
}

} // namespace
