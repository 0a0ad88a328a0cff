#include "core/Evaluator.h"
#include "core/Flow.h"
#include "core/SourceTable.h"

#include "../Profiles.h"

#include <gtest/gtest.h>

using namespace verguard::core;
using verguard::test::profile;

namespace {
ExprPtr build() { return quantity(Quantity::Build, "test"); }

Guard condition(ExprPtr C) {
  Guard G;
  G.Cond = std::move(C);
  return G;
}
} // namespace

TEST(Evaluator, BuildEqualityFlipsAcrossTheBump) {
  auto E = cmp(CmpOp::EQ, build(), intConst(6002));
  EXPECT_EQ(evaluate(*E, profile("sp2-6002")).I, 1);
  EXPECT_EQ(evaluate(*E, profile("sp2-6003")).I, 0);
  EXPECT_TRUE(
      isFragile(condition(E), profile("sp2-6002"), profile("sp2-6003")));
}

TEST(Evaluator, GreaterOrEqualIsStable) {
  auto E = cmp(CmpOp::GE, build(), intConst(6002));
  EXPECT_FALSE(
      isFragile(condition(E), profile("sp2-6002"), profile("sp2-6003")));
}

TEST(Evaluator, AlreadyKnowsTheBump) {
  auto E = logicOr(cmp(CmpOp::EQ, build(), intConst(6002)),
                   cmp(CmpOp::EQ, build(), intConst(6003)));
  EXPECT_FALSE(
      isFragile(condition(E), profile("sp2-6002"), profile("sp2-6003")));
}

TEST(Evaluator, GetVersionDwordDecodes) {
  // GetVersion(): build in the high word, minor/major in the low word.
  auto Dword =
      binary(Op::BitOr, binary(Op::Shl, build(), intConst(16)),
             binary(Op::BitOr,
                    binary(Op::Shl, quantity(Quantity::Minor, ""), intConst(8)),
                    quantity(Quantity::Major, "")));
  auto Hi = binary(Op::BitAnd, binary(Op::Shr, Dword, intConst(16)),
                   intConst(0xFFFF));
  EXPECT_EQ(evaluate(*Hi, profile("sp2-6002")).I, 6002);
  auto Lo = binary(Op::BitAnd, Dword, intConst(0xFF));
  EXPECT_EQ(evaluate(*Lo, profile("win7-sp1")).I, 6);
}

TEST(Evaluator, UnknownIsThreeValued) {
  auto U = unknown();
  auto E = logicAnd(cmp(CmpOp::EQ, build(), intConst(6002)), U);
  EXPECT_FALSE(evaluate(*E, profile("sp2-6002")).known());
  EXPECT_EQ(evaluate(*E, profile("sp2-6003")).I, 0); // false && ? == false
  // Fragile for the assignment where the opaque condition is true.
  EXPECT_TRUE(
      isFragile(condition(E), profile("sp2-6002"), profile("sp2-6003")));
  auto Never =
      logicAnd(cmp(CmpOp::EQ, build(), intConst(6002)), boolConst(false));
  EXPECT_FALSE(
      isFragile(condition(Never), profile("sp2-6002"), profile("sp2-6003")));
}

TEST(Evaluator, RevisionThresholdFlipsBecauseTheCounterReset) {
  auto E = cmp(CmpOp::GE, quantity(Quantity::Revision, ""), intConst(24000));
  EXPECT_TRUE(
      isFragile(condition(E), profile("sp2-6002"), profile("sp2-6003")));
}

TEST(Evaluator, StringOperations) {
  auto V = quantity(Quantity::Version, "");
  EXPECT_EQ(evaluate(*cmp(CmpOp::EQ, V, strConst("6.0.6002"), CmpMode::Str),
                     profile("sp2-6002"))
                .I,
            1);
  auto Starts = binary(Op::StartsWith, V, strConst("6.0.6002"));
  EXPECT_EQ(evaluate(*Starts, profile("sp2-6003")).I, 0);
  auto Third =
      binary(Op::Index, binary(Op::Split, V, strConst(".")), intConst(2));
  EXPECT_EQ(evaluate(*Third, profile("sp2-6003")).S, "6003");
  auto Mid = nary(Op::Substr, {V, intConst(4), intConst(4)});
  EXPECT_EQ(evaluate(*Mid, profile("sp2-6002")).S, "6002");
  auto Num = unary(Op::ToInt, strConst(" 6002abc"));
  EXPECT_EQ(evaluate(*Num, profile("sp2-6002")).I, 6002);
  auto Vs = quantity(Quantity::VersionString, "");
  EXPECT_EQ(evaluate(*Vs, profile("sp2-6002")).S,
            "Microsoft Windows NT 6.0.6002 Service Pack 2");
  auto F = binary(Op::Find, Vs, strConst("6.0.6002"));
  EXPECT_EQ(evaluate(*F, profile("sp2-6002")).I, 21);
  EXPECT_EQ(evaluate(*F, profile("sp2-6003")).I, -1);
}

TEST(Evaluator, SearchesFromAPosition) {
  // "6002.24566.amd64fre.vistasp2_ldr_escrow.190220-1700"
  auto Lab = quantity(Quantity::BuildLabEx, "");
  auto Dot = strConst(".");
  auto First = findFrom(Lab, Dot, nullptr);
  EXPECT_EQ(evaluate(*First, profile("sp2-6002")).I, 4);
  // s.find('.', first + 1): the second dot, as an index into the whole text.
  auto Second = findFrom(Lab, Dot, binary(Op::Add, First, intConst(1)));
  EXPECT_EQ(evaluate(*Second, profile("sp2-6002")).I, 10);
  auto Rev = unary(
      Op::ToInt,
      nary(Op::Substr,
           {Lab, binary(Op::Add, First, intConst(1)),
            binary(Op::Sub, binary(Op::Sub, Second, First), intConst(1))}));
  EXPECT_EQ(evaluate(*Rev, profile("sp2-6002")).I, 24566);
  EXPECT_EQ(evaluate(*Rev, profile("sp2-6003")).I, 20491);
  // No match after the start: -1, not the start minus one.
  auto None = findFrom(Lab, strConst("6002"), intConst(1));
  EXPECT_EQ(evaluate(*None, profile("sp2-6002")).I, -1);
  // lastIndexOf(x, 0) == 0 is a prefix test; a later match does not count.
  auto AtStart =
      findFrom(Lab, strConst("6002."), intConst(0), FindFrom::LastBefore);
  EXPECT_EQ(evaluate(*AtStart, profile("sp2-6002")).I, 0);
  EXPECT_EQ(evaluate(*AtStart, profile("sp2-6003")).I, -1);
  auto LastDot = findFrom(Lab, Dot, intConst(9), FindFrom::LastBefore);
  EXPECT_EQ(evaluate(*LastDot, profile("sp2-6002")).I, 4);
  // Python's rfind(x, start): the last match at or after start.
  auto After = findFrom(Lab, Dot, intConst(5), FindFrom::LastAfter);
  EXPECT_EQ(evaluate(*After, profile("sp2-6002")).I, 39);
}

TEST(Evaluator, PowerShellLeftOperandGovernsConversion) {
  // '6003' -gt 600 compares as strings: "6003" > "600".
  auto E =
      cmp(CmpOp::GT, strConst("6003"), intConst(7000), CmpMode::PowerShell);
  EXPECT_EQ(evaluate(*E, profile("sp2-6002")).I, 0); // "6003" < "7000"
  auto S =
      cmp(CmpOp::GT, strConst("10240"), intConst(6002), CmpMode::PowerShell);
  EXPECT_EQ(evaluate(*S, profile("sp2-6002")).I, 0); // lexical: "1" < "6"
  auto N =
      cmp(CmpOp::GT, intConst(10240), strConst("6002"), CmpMode::PowerShell);
  EXPECT_EQ(evaluate(*N, profile("sp2-6002")).I, 1);
  auto Ci =
      cmp(CmpOp::EQ, strConst("ABC"), strConst("abc"), CmpMode::PowerShell);
  EXPECT_EQ(evaluate(*Ci, profile("sp2-6002")).I, 1);
  auto Cs =
      cmp(CmpOp::EQ, strConst("ABC"), strConst("abc"), CmpMode::PowerShellCS);
  EXPECT_EQ(evaluate(*Cs, profile("sp2-6002")).I, 0);
}

TEST(Evaluator, VersionOrderingTreatsMissingComponentsAsSmallest) {
  EXPECT_EQ(compareVersions("6.0.6002", "6.0.6002.0"), -1);
  EXPECT_EQ(compareVersions("6.0.6003", "6.0.6002.99999"), 1);
  EXPECT_EQ(compareVersions("10.0", "6.3.9600"), 1);
  EXPECT_FALSE(compareVersions("abc", "6.0").has_value());
}

TEST(Evaluator, VBVariantComparison) {
  // String variant vs numeric literal: converted to a number.
  auto E = cmp(CmpOp::EQ, strConst("6002"), intConst(6002), CmpMode::VBVariant);
  clone(*E);
  auto L = clone(*E);
  L->Flags |= FlagRhsLiteral;
  EXPECT_EQ(evaluate(*L, profile("sp2-6002")).I, 1);
  // Two variables of different types: the number is less than the string.
  EXPECT_EQ(evaluate(*E, profile("sp2-6002")).I, 0);
}

TEST(Evaluator, Wildcards) {
  EXPECT_TRUE(
      wildcardMatch("6.0.6002", "6.0.600[23]*", Dialect::PowerShell, true));
  EXPECT_FALSE(
      wildcardMatch("6.0.6001", "6.0.600[23]*", Dialect::PowerShell, true));
  EXPECT_TRUE(wildcardMatch("6.0.6002", "6.0.600#", Dialect::VB, false));
  EXPECT_TRUE(wildcardMatch("6.0.6005", "6.0.600[!23]", Dialect::VB, false));
  EXPECT_TRUE(wildcardMatch("Microsoft Windows NT 6.0.6002 Service Pack 2",
                            "*6.0.6002*", Dialect::PowerShell, true));
  EXPECT_TRUE(wildcardMatch("ABC", "a?c", Dialect::PowerShell, true));
  EXPECT_FALSE(wildcardMatch("ABC", "a?c", Dialect::PowerShell, false));
}

TEST(Evaluator, Regex) {
  EXPECT_EQ(regexSearch("6.0.6002", "6\\.0\\.6002", false, false), true);
  EXPECT_EQ(regexSearch("6.0.6003", "6\\.0\\.6002", false, false), false);
  EXPECT_EQ(regexSearch("6.0.6003", "^6\\.0\\.600[23]$", false, false), true);
  EXPECT_EQ(regexSearch("6.0.6003", "\\d+\\.\\d+\\.600\\d", false, false),
            true);
  EXPECT_EQ(regexSearch("x", "(?<=a)x", false, false), std::nullopt);
}

TEST(Evaluator, ReplaceIsOrdinalOrCaseInsensitive) {
  auto V = quantity(Quantity::Version, "");
  auto R = nary(Op::Replace, {V, strConst("."), strConst("")});
  EXPECT_EQ(evaluate(*R, profile("sp2-6002")).S, "606002");
  auto C = clone(*nary(Op::Replace, {strConst("Build6002BUILD"),
                                     strConst("build"), strConst("b")}));
  EXPECT_EQ(evaluate(*C, profile("sp2-6002")).S, "Build6002BUILD");
  C->Flags |= FlagCaseInsensitive;
  EXPECT_EQ(evaluate(*C, profile("sp2-6002")).S, "b6002b");
}

TEST(Evaluator, ChooseTakesTheBranchItsConditionPicks) {
  // `v & 0x80000000 ? 0 : HIWORD(v)` with v = the build in the high word.
  auto V = binary(Op::Shl, build(), intConst(16));
  auto Hi = binary(Op::Shr, V, intConst(16));
  auto C =
      cmp(CmpOp::NE, binary(Op::BitAnd, V, intConst(0x80000000)), intConst(0));
  auto E = nary(Op::Choose, {C, intConst(0), Hi});
  EXPECT_EQ(evaluate(*E, profile("sp2-6002")).I, 6002);
  EXPECT_EQ(evaluate(*E, profile("sp2-6003")).I, 6003);
  auto Guard = cmp(CmpOp::EQ, E, intConst(6002));
  EXPECT_TRUE(
      isFragile(condition(Guard), profile("sp2-6002"), profile("sp2-6003")));
  // An unknown condition: known only when both branches agree.
  auto Same = nary(Op::Choose, {unknown(), intConst(7), intConst(7)});
  EXPECT_EQ(evaluate(*Same, profile("sp2-6002")).I, 7);
  auto Differ = nary(Op::Choose, {unknown(), intConst(7), build()});
  EXPECT_FALSE(evaluate(*Differ, profile("sp2-6002")).known());
  EXPECT_TRUE(isBoolean(*nary(Op::Choose, {unknown(), C, Guard})));
  EXPECT_FALSE(isBoolean(*E));
}

TEST(Evaluator, ParametersAreBoundPerCall) {
  // A helper's summary: `IsBuildOf(b) = (build == b)`.
  auto Summary = cmp(CmpOp::EQ, build(), param(0));
  EXPECT_TRUE(hasParam(*Summary));
  EXPECT_FALSE(evaluate(*Summary, profile("sp2-6002")).known()); // unbound
  auto At6002 = substituteParams(Summary, {intConst(6002)});
  auto At7601 = substituteParams(Summary, {intConst(7601)});
  EXPECT_FALSE(hasParam(*At6002));
  EXPECT_TRUE(
      isFragile(condition(At6002), profile("sp2-6002"), profile("sp2-6003")));
  EXPECT_FALSE(
      isFragile(condition(At7601), profile("sp2-6002"), profile("sp2-6003")));
  // A missing argument is unknown, never a wrong value.
  EXPECT_FALSE(
      evaluate(*substituteParams(Summary, {}), profile("sp2-6002")).known());
  // Unbound, a parameter is what its name says (here: the build, inferred).
  auto Named = cmp(CmpOp::EQ, param(0, build()), intConst(6002));
  EXPECT_TRUE(
      isFragile(condition(Named), profile("sp2-6002"), profile("sp2-6003")));
  EXPECT_EQ(toString(*Named),
            toString(*cmp(CmpOp::EQ, build(), intConst(6002))));
}

TEST(Evaluator, ListArgumentsSpliceIntoMembershipTests) {
  // `$Build -contains (Get-OsBuild)` called with `-Build 6001, 6002`: each
  // item of the list is a member; a scalar use of the list is unknown.
  auto Summary = nary(Op::Element, {build(), param(0)});
  auto Sp2 =
      substituteParams(Summary, {nullptr}, {{intConst(6001), intConst(6002)}});
  ASSERT_EQ(Sp2->Kids.size(), 3u);
  EXPECT_TRUE(
      isFragile(condition(Sp2), profile("sp2-6002"), profile("sp2-6003")));
  auto R2 =
      substituteParams(Summary, {nullptr}, {{intConst(7600), intConst(7601)}});
  EXPECT_FALSE(
      isFragile(condition(R2), profile("sp2-6002"), profile("sp2-6003")));
  auto Scalar = substituteParams(cmp(CmpOp::EQ, build(), param(0)), {nullptr},
                                 {{intConst(6002)}});
  EXPECT_FALSE(evaluate(*Scalar, profile("sp2-6002")).known());
}

TEST(Evaluator, RegexReplace) {
  // PowerShell's -replace: every match, an anchored one once.
  EXPECT_EQ(regexReplace("6.0.6002", "^\\d+\\.\\d+\\.", "", false), "6002");
  EXPECT_EQ(regexReplace("6.0.6002", "\\.", "-", false), "6-0-6002");
  EXPECT_EQ(regexReplace("a6002a", "^a", "", false), "6002a");
  EXPECT_EQ(regexReplace("6.0.6002 SP2", "sp\\d", "", true), "6.0.6002 ");
  EXPECT_EQ(regexReplace("6002", "x*", "", false), "6002"); // empty matches
  // A group reference in the replacement, an unknown construct: unknown.
  EXPECT_EQ(regexReplace("6.0.6002", "(\\d+)$", "$1", false), std::nullopt);
  EXPECT_EQ(regexReplace("6.0.6002", "(?=\\d+)", "", false), std::nullopt);
  // As an operand: the build left after the replacement.
  auto R =
      clone(*nary(Op::Replace, {quantity(Quantity::Version, "WMI"),
                                strConst("^\\d+\\.\\d+\\."), strConst("")}));
  R->Flags |= FlagRegexPattern;
  auto C = cmp(CmpOp::EQ, R, strConst("6002"), CmpMode::Str);
  EXPECT_EQ(evaluate(*C, profile("sp2-6002")).I, 1);
  EXPECT_EQ(evaluate(*C, profile("sp2-6003")).I, 0);
}

TEST(Evaluator, RegexGroupCountCountsOnlyCapturingParentheses) {
  EXPECT_EQ(regexGroupCount(R"((\d+)\.(\d+)\.(\d+))"), 3u);
  EXPECT_EQ(regexGroupCount(R"(\(6\.0\)(?:\.(\d+)))"), 1u);
  EXPECT_EQ(regexGroupCount(R"([(]6(?P<build>\d+)(?<rev>\d+))"), 2u);
  EXPECT_EQ(regexGroupCount(R"([\]()](a))"), 1u);
  EXPECT_EQ(regexGroupCount("6002"), 0u);
  // A pattern outside the subset read: no count, rather than a wrong one.
  EXPECT_EQ(regexGroupCount(R"((a)(?<=x))"), std::nullopt);
  // Named groups are numbered with the others.
  llvm::StringRef Named =
      R"((\d+)\.(?P<minor>\d+)\.(?<build>\d+)(?'rev'\.\d+)?)";
  EXPECT_EQ(regexGroupNumber(Named, "minor"), 2u);
  EXPECT_EQ(regexGroupNumber(Named, "build"), 3u);
  EXPECT_EQ(regexGroupNumber(Named, "rev"), 4u);
  EXPECT_EQ(regexGroupNumber(Named, "major"), std::nullopt);
  EXPECT_EQ(regexGroup("Version 6.0.6002.24566", Named, false, 3), "6002");
  EXPECT_EQ(regexGroup("Version 6.0.6002.24566", Named, false, 4), ".24566");
  EXPECT_EQ(regexSearch("6.0.6003", R"(^6\.0\.(?<b>600[0-2])$)", false, false),
            false);
}

TEST(Evaluator, RegexGroups) {
  const char *Ver = "Microsoft Windows [Version 6.0.6002]";
  EXPECT_EQ(regexGroup(Ver, "Version (\\d+)\\.(\\d+)\\.(\\d+)", false, 3),
            "6002");
  EXPECT_EQ(regexGroup(Ver, "Version (\\d+)\\.(\\d+)\\.(\\d+)", false, 0),
            "Version 6.0.6002");
  // A non-capturing group is not counted, nor a parenthesis in brackets.
  EXPECT_EQ(
      regexGroup(Ver, "(?:Version) ([0-9(]+)\\.(\\d+)\\.(\\d+)", false, 3),
      "6002");
  EXPECT_EQ(regexGroup(Ver, "version (\\d+)", true, 1), "6");
  // No match, a group the pattern lacks, a construct not modelled: unknown.
  EXPECT_EQ(regexGroup(Ver, "Version (7)", false, 1), std::nullopt);
  EXPECT_EQ(regexGroup(Ver, "Version (\\d+)", false, 2), std::nullopt);
  EXPECT_EQ(regexGroup(Ver, "(?=\\d+)", false, 1), std::nullopt);
  EXPECT_EQ(regexGroup(Ver, "(?<b>\\d+)\\.", false, 1), "6");

  // RegExp.Execute(ver)(0).SubMatches(2) as a build, on two profiles.
  auto G = clone(*binary(Op::RegexGroup, quantity(Quantity::VerOutput, "ver"),
                         strConst("Version (\\d+)\\.(\\d+)\\.(\\d+)")));
  G->Int = 3;
  auto C = cmp(CmpOp::EQ, unary(Op::ToInt, G), intConst(6002));
  EXPECT_EQ(evaluate(*C, profile("sp2-6002")).I, 1);
  EXPECT_EQ(evaluate(*C, profile("sp2-6003")).I, 0);
}

TEST(Evaluator, CmdNumbersAreWholeDecimalHexOrOctal) {
  EXPECT_EQ(cmdNumber("6002"), 6002);
  EXPECT_EQ(cmdNumber("-12"), -12);
  EXPECT_EQ(cmdNumber("0x1772"), 6002);
  EXPECT_EQ(cmdNumber("013562"), 6002); // octal
  EXPECT_EQ(cmdNumber("0"), 0);
  EXPECT_FALSE(cmdNumber("08"));    // not octal: a string
  EXPECT_FALSE(cmdNumber("6002]")); // trailing text
  EXPECT_FALSE(cmdNumber("\"6002\""));
  EXPECT_FALSE(cmdNumber(""));
}

TEST(Evaluator, CmdComparesNumbersOnlyWhenBothSidesAreNumbers) {
  auto Cmp = [](const char *A, CmpOp O, const char *B,
                CmpMode M = CmpMode::Cmd) {
    return evaluate(*cmp(O, strConst(A), strConst(B), M), Profile()).I;
  };
  EXPECT_EQ(Cmp("10240", CmpOp::GT, "6002"), 1);         // numbers
  EXPECT_EQ(Cmp("\"10240\"", CmpOp::GT, "\"6002\""), 0); // strings
  EXPECT_EQ(Cmp("0x1772", CmpOp::EQ, "6002"), 1);
  EXPECT_EQ(Cmp("6.0.6002", CmpOp::LT, "6.0.6003"), 1); // strings
  EXPECT_EQ(Cmp("ABC", CmpOp::EQ, "abc"), 0);
  EXPECT_EQ(Cmp("ABC", CmpOp::EQ, "abc", CmpMode::CmdCI), 1);
}

TEST(Evaluator, CmdTokensReadsForFLines) {
  // `for /f "skip=1 tokens=3" %%a in (...)`: the last line with a third
  // token, blank lines and `;` lines passed over.
  auto Tok = [](const char *Text, int64_t Skip, const char *Delims, int64_t N,
                bool Rest) {
    auto E = clone(*nary(Op::CmdTokens, {strConst(Text), intConst(N),
                                         strConst(";"), boolConst(Rest)}));
    E->Int = Skip;
    E->Str = Delims;
    return evaluate(*E, Profile()).str();
  };
  const char *Reg = "\r\nHKEY_LOCAL_MACHINE\\X\r\n    CurrentBuildNumber    "
                    "REG_SZ    6002\r\n\r\n";
  EXPECT_EQ(Tok(Reg, 0, " \t", 3, false), "\"6002\"");
  EXPECT_EQ(Tok(Reg, 2, " \t", 3, false), "\"6002\"");
  EXPECT_EQ(Tok(Reg, 3, " \t", 3, false), "?");
  EXPECT_EQ(Tok("Microsoft Windows [Version 6.0.6002]", 0, "[.] ", 6, false),
            "\"6002\"");
  EXPECT_EQ(Tok("a=b=c\r\n;x=y=z\r\n", 0, "=", 2, true), "\"b=c\"");
}

TEST(Evaluator, TernaryConditionOutsideTheVersionIsFree) {
  // `ok ? build : 0`: the condition is the same on both builds; chosen true,
  // `== 6002` flips. Two copies of it are one choice: `== 6002 || == 6003`
  // holds on both builds when it is true and on neither when it is false.
  auto Ok = [] { return nary(Op::Choose, {unknown(), build(), intConst(0)}); };
  auto E = cmp(CmpOp::EQ, Ok(), intConst(6002));
  EXPECT_FALSE(evaluate(*E, profile("sp2-6002")).known());
  EXPECT_TRUE(
      isFragile(condition(E), profile("sp2-6002"), profile("sp2-6003")));
  EXPECT_EQ(
      flippingAtoms(condition(E), profile("sp2-6002"), profile("sp2-6003"))
          .size(),
      1u);
  auto Fixed = logicOr(cmp(CmpOp::EQ, Ok(), intConst(6002)),
                       cmp(CmpOp::EQ, Ok(), intConst(6003)));
  EXPECT_FALSE(
      isFragile(condition(Fixed), profile("sp2-6002"), profile("sp2-6003")));
}

TEST(Evaluator, KeyedLinesOfSysteminfoAndWmic) {
  // `facts[key.strip()] = value.strip()` of `line.partition(":")` over
  // systeminfo's lines: "OS Version" is the rest of its line, trimmed.
  ExprPtr Sys = systeminfoOutput("test");
  ExprPtr V = keyedLineValue(Sys, "OS Version", ":", true);
  EXPECT_EQ(evaluate(*V, profile("sp2-6002")).S,
            "6.0.6002 Service Pack 2 Build 6002");
  EXPECT_EQ(evaluate(*V, profile("sp2-6003")).S,
            "6.0.6003 Service Pack 2 Build 6003");
  // Not trimmed: the blanks after the colon stay.
  EXPECT_EQ(
      llvm::StringRef(evaluate(*keyedLineValue(Sys, "OS Version", ":", false),
                               profile("sp2-6002"))
                          .S)
          .ltrim(),
      "6.0.6002 Service Pack 2 Build 6002");
  EXPECT_NE(evaluate(*keyedLineValue(Sys, "OS Version", ":", false),
                     profile("sp2-6002"))
                .S[0],
            '6');
  // wmic's /value lines, in alphabetical order, each ended by \r\r\n.
  ExprPtr W = commandOutput("wmic os get Version,BuildNumber /value");
  ASSERT_TRUE(W);
  EXPECT_EQ(evaluate(*W, profile("sp2-6003")).S,
            "\r\r\n\r\r\nBuildNumber=6003\r\r\nVersion=6.0.6003\r\r\n\r\r\n"
            "\r\r\n");
  EXPECT_EQ(evaluate(*keyedLineValue(W, "BuildNumber", "=", true),
                     profile("sp2-6002"))
                .S,
            "6002");
  EXPECT_EQ(
      evaluate(*keyedLineValue(W, "Version", "=", false), profile("sp2-6002"))
          .S,
      "6.0.6002");
  // A key no line has: no match, no value.
  EXPECT_FALSE(
      evaluate(*keyedLineValue(W, "Caption", "=", true), profile("sp2-6002"))
          .known());
  // One property in wmic's table; another class, or a format of its own,
  // is not the OS's output.
  ExprPtr T = commandOutput("C:\\Windows\\System32\\wbem\\WMIC.exe os get "
                            "BuildNumber");
  ASSERT_TRUE(T);
  EXPECT_EQ(evaluate(*T, profile("sp2-6002")).S,
            "BuildNumber  \r\r\n6002  \r\r\n\r\r\n");
  EXPECT_FALSE(commandOutput("wmic os get BuildNumber,Version"));
  EXPECT_FALSE(commandOutput("wmic bios get Version /value"));
  EXPECT_FALSE(commandOutput("wmic os get BuildNumber /format:csv"));
  EXPECT_FALSE(commandOutput("wmic os get FreePhysicalMemory /value"));
}

TEST(Evaluator, RegexIndexAndEscapedBracketItems) {
  // JScript's String.search: the offset of the first match, or -1.
  EXPECT_EQ(regexIndex("Microsoft Windows [Version 6.0.6002]",
                       "Version 6\\.0\\.600[0-2]", false),
            19);
  EXPECT_EQ(regexIndex("[Version 6.0.6003]", "6\\.0\\.6002", false), -1);
  EXPECT_EQ(regexIndex("VERSION 6", "version", true), 0);
  // `[^\]]*`: a `]` escaped in a bracket expression is one of its items.
  EXPECT_EQ(
      regexGroup("[Version 6.0.6002]", "\\[Version ([^\\]]*)\\]", false, 1),
      std::optional<std::string>("6.0.6002"));
  EXPECT_EQ(regexGroup("a]b", "([\\]b]+)", false, 1),
            std::optional<std::string>("]b"));
  EXPECT_EQ(regexSearch("a^b", "[a\\^]\\^", false, false),
            std::optional<bool>(true));
}
