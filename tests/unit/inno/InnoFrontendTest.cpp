//===- InnoFrontendTest.cpp -----------------------------------------------===//
//
// Lowers .iss snippets and checks the IR of each guard (what it and its
// parts evaluate to on real profiles), the findings and the fixes. The
// annotated corpus is checked through the binary by tests/corpus.
//
//===----------------------------------------------------------------------===//
#include "inno/InnoFrontend.h"

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

Lowered lower(llvm::StringRef Src, llvm::StringRef Path = "t.iss") {
  Lowered L;
  auto Text = script::decodeText(Src, Path);
  EXPECT_TRUE(bool(Text));
  if (!Text) {
    llvm::consumeError(Text.takeError());
    return L;
  }
  inno::lowerFile(Path, *Text, FrontendOptions(), L.Guards, L.Diags);
  static const rules::CheckConfig Cfg = rules::defaultCheckConfig();
  for (const Guard &G : L.Guards)
    for (Finding &F : rules::checkGuard(G, Cfg))
      L.Findings.push_back(std::move(F));
  return L;
}

std::string on(const Expr &E, llvm::StringRef Id) {
  const Profile *P = builtinProfiles().find(Id);
  EXPECT_TRUE(P) << Id.str();
  return P ? evaluate(E, *P).str() : "";
}

/// The guard's outcome (1, 0) on Vista RTM, 6002, 6003 and Windows 7 SP1.
std::string outcomes(const Guard &G) {
  std::string S;
  for (const char *Id : {"vista-rtm", "sp2-6002", "sp2-6003", "win7-sp1"})
    S += (S.empty() ? "" : " ") + on(*G.Cond, Id);
  return S;
}

std::string setup(llvm::StringRef Directive) {
  return "[Setup]\nAppName=x\n" + Directive.str() + "\n";
}

TEST(InnoFrontend, MinVersionIsInclusiveOnlyBelowVersionExclusive) {
  struct Case {
    const char *Directive, *Outcomes;
  } Cases[] = {
      {"MinVersion=6.0.6002", "0 1 1 1"},
      {"MinVersion=6.0.6003", "0 0 1 1"},
      {"MinVersion=6.0", "1 1 1 1"},
      {"MinVersion=6.1", "0 0 0 1"},
      {"MinVersion=6.0sp2", "0 1 1 1"},
      {"MinVersion=4.1,6.0.6003", "0 0 1 1"},
      {"OnlyBelowVersion=6.0.6003", "1 1 0 0"},
      {"OnlyBelowVersion=6.0.6002", "1 0 0 0"},
      {"OnlyBelowVersion=6.1", "1 1 1 0"},
      {"OnlyBelowVersion= 0 , 6.0.6003 ", "1 1 0 0"},
      // A service pack may match: below SP3 of 6.0 holds on SP2.
      {"OnlyBelowVersion=6.0sp3", "1 1 1 0"},
      {"OnlyBelowVersion=6.0sp2", "1 0 0 0"},
  };
  for (const Case &C : Cases) {
    Lowered L = lower(setup(C.Directive));
    ASSERT_EQ(L.Guards.size(), 1u) << C.Directive;
    EXPECT_EQ(outcomes(L.Guards[0]), C.Outcomes) << C.Directive;
  }
  // No limit, and nothing on NT: no guard.
  EXPECT_TRUE(lower(setup("OnlyBelowVersion=0")).Guards.empty());
  EXPECT_TRUE(lower(setup("MinVersion=4.1,0")).Guards.empty());
}

TEST(InnoFrontend, OnlyBelowBuildIsFixedToTheNextBuild) {
  Lowered L = lower("[Files]\nSource: a; OnlyBelowVersion: \"0,6.0.6003\"\n");
  ASSERT_EQ(L.Findings.size(), 1u);
  const Finding &F = L.Findings[0];
  EXPECT_EQ(F.RuleId, "VG001");
  EXPECT_EQ(F.Level, Severity::Error);
  EXPECT_EQ(F.Where.Line, 2u);
  EXPECT_EQ(F.Where.Col, 31u);
  ASSERT_TRUE(F.TheFix);
  ASSERT_EQ(F.TheFix->Edits.size(), 1u);
  EXPECT_EQ(F.TheFix->Edits[0].Replacement, "6004");
  EXPECT_EQ(F.TheFix->Edits[0].Span.Col, 37u);
}

TEST(InnoFrontend, IsppDefineIsEditedWhereDefined) {
  Lowered L = lower("#define Limit \"6.0.6003\"\n[Setup]\n"
                    "OnlyBelowVersion={#Limit}\n");
  ASSERT_EQ(L.Findings.size(), 1u);
  EXPECT_EQ(L.Findings[0].Where.Line, 3u);
  ASSERT_TRUE(L.Findings[0].TheFix);
  EXPECT_EQ(L.Findings[0].TheFix->Edits[0].Span.Line, 1u);
}

TEST(InnoFrontend, BadVersionsAreNotes) {
  Lowered L = lower(setup("MinVersion=6.x") + "[Files]\nSource: a; "
                                              "MinVersion: 6.0spX\n");
  EXPECT_TRUE(L.Guards.empty());
  ASSERT_EQ(L.Diags.size(), 2u);
  EXPECT_EQ(L.Diags[0].Where.Line, 3u);
  EXPECT_EQ(L.Diags[0].Where.Col, 12u);
  EXPECT_EQ(L.Diags[0].Message, "cannot read the Windows version '6.x'");
  EXPECT_EQ(L.Diags[1].Where.Line, 5u);
  EXPECT_EQ(L.Diags[1].Where.Col, 24u);
}

TEST(InnoFrontend, WindowsVersionExFieldsAndFixes) {
  Lowered L = lower("[Code]\nfunction F: Boolean;\nvar V: TWindowsVersion;\n"
                    "begin\n  GetWindowsVersionEx(V);\n"
                    "  Result := (V.Major = 6) and (V.Build = 6002);\n"
                    "  if V.Build <= 6002 then Log('x');\n"
                    "  if not (V.Build <> 6002) then Log('y');\n"
                    "end;\n");
  ASSERT_EQ(L.Guards.size(), 3u);
  EXPECT_EQ(outcomes(L.Guards[0]), "0 1 0 0");
  EXPECT_EQ(L.Guards[0].Function, "F");
  ASSERT_EQ(L.Findings.size(), 3u);
  std::vector<std::string> Fixes;
  for (const Finding &F : L.Findings) {
    EXPECT_EQ(F.RuleId, "VG001");
    ASSERT_TRUE(F.TheFix) << F.Message;
    Fixes.push_back(F.TheFix->Edits[0].Replacement);
  }
  // `>=` would also hold on Windows 7 (6.1.7601: Major 6, build > 6002):
  // the prover keeps the join instead.
  EXPECT_EQ(Fixes[0], "(V.Build = 6002) or (V.Build = 6003)");
  EXPECT_EQ(Fixes[1], "6003");
  // Pascal's `and` binds tighter than `<>`: each comparison keeps its own
  // parentheses.
  EXPECT_EQ(Fixes[2], "(V.Build <> 6002) and (V.Build <> 6003)");
}

TEST(InnoFrontend, PackedVersionAndItsParts) {
  Lowered L =
      lower("[Code]\nprocedure P;\nvar B: Cardinal;\nbegin\n"
            "  B := GetWindowsVersion and $FFFF;\n"
            "  if B = 6002 then Log('a');\n"
            "  if (GetWindowsVersion shr 16) and $FF = 0 then Log('b');\n"
            "  if GetWindowsVersion shr 24 = 6 then Log('c');\n"
            "  if GetWindowsVersion < $06001773 then Log('d');\n"
            "end;\n");
  ASSERT_EQ(L.Guards.size(), 4u);
  EXPECT_EQ(outcomes(L.Guards[0]), "0 1 0 0");
  EXPECT_EQ(outcomes(L.Guards[1]), "1 1 1 0");
  EXPECT_EQ(outcomes(L.Guards[2]), "1 1 1 1");
  EXPECT_EQ(outcomes(L.Guards[3]), "1 1 0 0");
  EXPECT_EQ(on(*L.Guards[0].Cond->Kids[0], "sp2-6003"), "6003");
}

TEST(InnoFrontend, VersionStringHasTwoDigitMinor) {
  Lowered L =
      lower("[Code]\nprocedure P;\nbegin\n"
            "  if GetWindowsVersionString = '6.00.6002' then Log('a');\n"
            "end;\n");
  ASSERT_EQ(L.Guards.size(), 1u);
  const Expr &S = *L.Guards[0].Cond->Kids[0];
  EXPECT_EQ(on(S, "sp2-6002"), "\"6.00.6002\"");
  EXPECT_EQ(on(S, "win10-22h2"), "\"10.00.19045\"");
  EXPECT_EQ(on(S, "win81"), "\"6.03.9600\"");
  ASSERT_EQ(L.Findings.size(), 1u);
  EXPECT_EQ(L.Findings[0].RuleId, "VG002");
}

TEST(InnoFrontend, RegistryValuesOfCurrentVersion) {
  Lowered L = lower(
      "[Code]\nprocedure P;\nvar S: String; U: Cardinal;\nbegin\n"
      "  RegQueryStringValue(HKLM, 'SOFTWARE\\Microsoft\\Windows "
      "NT\\CurrentVersion', 'CurrentBuildNumber', S);\n"
      "  RegQueryDWordValue(HKEY_LOCAL_MACHINE, 'SOFTWARE\\Microsoft\\Windows "
      "NT\\CurrentVersion\\', 'UBR', U);\n"
      "  if StrToInt(S) < 6003 then Log('a');\n"
      "  if U >= 24000 then Log('b');\n"
      "  RegQueryDWordValue(HKCU, 'SOFTWARE\\Microsoft\\Windows "
      "NT\\CurrentVersion', 'UBR', U);\n"
      "  if U >= 24000 then Log('c');\n"
      "end;\n");
  ASSERT_EQ(L.Guards.size(), 2u);
  EXPECT_EQ(on(*L.Guards[0].Cond->Kids[0], "sp2-6002"), "6002");
  ASSERT_EQ(L.Findings.size(), 2u);
  EXPECT_EQ(L.Findings[0].RuleId, "VG001");
  EXPECT_EQ(L.Findings[1].RuleId, "VG003");
}

TEST(InnoFrontend, FunctionsAndVarParametersPerCall) {
  Lowered L =
      lower("[Files]\nSource: a; Check: IsBuild(6002)\nSource: b; Check: "
            "IsBuild(7601)\nSource: c; Check: IsSp2\n"
            "[Code]\n"
            "procedure GetBuild(var B: Cardinal);\nvar V: TWindowsVersion;\n"
            "begin\n  GetWindowsVersionEx(V);\n  B := V.Build;\nend;\n"
            "function IsBuild(N: Cardinal): Boolean;\nvar X: Cardinal;\n"
            "begin\n  GetBuild(X);\n  Result := X = N;\nend;\n"
            "function IsSp2: Boolean;\nvar X: Cardinal;\n"
            "begin\n  GetBuild(X);\n  IsSp2 := X = 6002;\nend;\n"
            "procedure Run;\nbegin\n  if IsSp2 then Log('again');\n"
            "  if IsBuild(6002) or IsBuild(7600) then Log('two');\nend;\n");
  // IsSp2's comparison where it is written; IsBuild(6002) in the Check and
  // in Run; IsBuild(7601) is silent; `if IsSp2` adds nothing.
  ASSERT_EQ(L.Findings.size(), 3u);
  std::vector<uint32_t> Lines;
  for (const Finding &F : L.Findings)
    Lines.push_back(F.Where.Line);
  std::sort(Lines.begin(), Lines.end());
  EXPECT_EQ(Lines, (std::vector<uint32_t>{2, 22, 27}));
}

TEST(InnoFrontend, CaseArmsAndRanges) {
  Lowered L = lower("[Code]\nfunction F: String;\nvar V: TWindowsVersion;\n"
                    "begin\n  GetWindowsVersionEx(V);\n  case V.Build of\n"
                    "    6001: Result := 'a';\n    6002: Result := 'b';\n"
                    "    7600..7601: Result := 'c';\n  end;\n"
                    "  case V.Build of\n    6000..6002: Result := 'v';\n"
                    "  end;\n"
                    "  case V.Build of\n    6002: Result := 'x';\n"
                    "    6003: Result := 'x';\n  end;\nend;\n");
  // The third case has one outcome for 6002 and 6003 (the same statement).
  ASSERT_EQ(L.Guards.size(), 3u);
  EXPECT_EQ(L.Guards[0].Kind, GuardKind::Select);
  EXPECT_EQ(L.Guards[2].Arms.size(), 1u);
  ASSERT_EQ(L.Findings.size(), 2u);
  ASSERT_TRUE(L.Findings[0].TheFix);
  EXPECT_EQ(L.Findings[0].Where.Line, 8u);
  EXPECT_EQ(L.Findings[0].TheFix->Edits[0].Replacement, ", 6003");
  ASSERT_TRUE(L.Findings[1].TheFix);
  EXPECT_EQ(L.Findings[1].TheFix->Edits[0].Replacement, "6003");
}

TEST(InnoFrontend, UnreadableCodeIsANoteAndTheRestIsRead) {
  Lowered L = lower("[Code]\nprocedure P;\nbegin\n  @@ ;\nend;\n"
                    "function F: Boolean;\nvar V: TWindowsVersion;\nbegin\n"
                    "  GetWindowsVersionEx(V);\n  Result := V.Build = 6002;\n"
                    "end;\n");
  ASSERT_FALSE(L.Diags.empty());
  EXPECT_EQ(L.Diags[0].Where.Line, 4u) << L.Diags[0].Message;
  EXPECT_EQ(L.Findings.size(), 1u);
}

} // namespace
