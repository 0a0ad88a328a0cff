//===- CSharpFrontendTest.cpp ---------------------------------------------===//
//
// Lowers C# snippets and checks the lowered guards (the IR the rules
// see), then the findings and the text of the proven fixes. The annotated
// corpus is checked through the binary by tests/corpus/CorpusRunner.cpp.
//
//===----------------------------------------------------------------------===//
#include "csharp/CSharpFrontend.h"

#include "../TestSupport.h"

#include "core/Evaluator.h"
#include "core/Profile.h"
#include "rules/Checker.h"

#include <gtest/gtest.h>

using namespace verguard;
using namespace verguard::core;

namespace {

struct Result {
  std::vector<Guard> Guards;
  std::vector<Finding> Findings;
  std::vector<Diagnostic> Diags;
  std::string Bytes;
  script::DecodedText Text;

  /// The lowered conditions, one per guard ("<select>"/"<table>" else).
  std::vector<std::string> conds() const {
    std::vector<std::string> R;
    for (const Guard &G : Guards)
      R.push_back(G.Kind == GuardKind::Condition ? toString(*G.Cond)
                  : G.Kind == GuardKind::Select
                      ? "<select " + toString(*G.Subject) + ">"
                      : "<table " + toString(*G.Subject) + ">");
    return R;
  }
  std::vector<std::string> ids() const {
    std::vector<std::string> R;
    for (const Finding &F : Findings)
      R.push_back(F.RuleId + "@" + std::to_string(F.Where.Line));
    return R;
  }
  std::string dump() const {
    std::string S;
    for (const std::string &C : conds())
      S += "guard " + C + "\n";
    for (const Finding &F : Findings)
      S += F.RuleId + " " + std::to_string(F.Where.Line) + " " + F.Message +
           (F.TheFix ? " [fix]" : " [no fix]") + "\n";
    for (const Diagnostic &D : Diags)
      S += "diag " + D.Message + "\n";
    return S;
  }
};

Result run(llvm::StringRef Bytes, llvm::StringRef Path = "test.cs") {
  Result R;
  R.Bytes = Bytes.str();
  auto T = script::decodeText(Bytes, Path);
  if (!T) {
    ADD_FAILURE() << llvm::toString(T.takeError());
    return R;
  }
  R.Text = std::move(*T);
  csharp::lowerFile(Path, R.Text, FrontendOptions(), R.Guards, R.Diags);
  static const rules::CheckConfig Cfg = rules::defaultCheckConfig();
  for (const Guard &G : R.Guards)
    for (Finding &F : rules::checkGuard(G, Cfg))
      R.Findings.push_back(std::move(F));
  return R;
}

/// Applies every proven fix's edits to the original bytes.
std::string applyFixes(const Result &R) {
  return test::applyFixes(R.Bytes, R.Findings,
                          [](const std::string &T) { return T; });
}

using Strings = std::vector<std::string>;

} // namespace

// --- the lowered IR --------------------------------------------------------

namespace {
/// Statements S in a method of a class (C# needs both).
std::string inMethod(llvm::StringRef S) {
  return "using System;\nclass C {\n  static void M() {\n" + S.str() +
         "  }\n}\n";
}
} // namespace

TEST(CSharpLowering, OSVersionMembers) {
  auto R = run(inMethod("var v = Environment.OSVersion.Version;\n"
                        "if (v.Build == 6002) {}\n"
                        "if (System.Environment.OSVersion.Version.Major >= 6 "
                        "&& v.Minor == 0) {}\n"));
  EXPECT_EQ(R.conds(),
            (Strings{"(build == 6002)", "((major >= 6) && (minor == 0))"}))
      << R.dump();
  EXPECT_EQ(R.ids(), Strings{"VG001@5"}) << R.dump();
}

TEST(CSharpLowering, RevisionIsTheServicePackNotTheUbr) {
  // .NET builds OSVersion.Version.Revision from wServicePackMajor/Minor.
  auto R = run(
      inMethod("if (Environment.OSVersion.Version.Revision >= 131072) {}\n"));
  ASSERT_EQ(R.conds().size(), 1u) << R.dump();
  EXPECT_EQ(R.conds()[0], "(((spMajor << 16) | spMinor) >= 131072)");
  EXPECT_TRUE(R.Findings.empty()) << R.dump();
}

TEST(CSharpLowering, SystemVersionComparesComponentWise) {
  auto R = run(inMethod(
      "if (Environment.OSVersion.Version < new Version(6, 0, 6003)) {}\n"
      "if (Environment.OSVersion.Version == new Version(6, 0, 6002)) {}\n"
      "if (Environment.OSVersion.Version.CompareTo(new Version(\"6.0.6003\")) "
      "< 0) {}\n"));
  ASSERT_EQ(R.conds().size(), 3u) << R.dump();
  for (const std::string &C : R.conds())
    EXPECT_NE(C.find("version(dotnetVersion)"), std::string::npos) << C;
  // Four components against three: never equal, on either build. A
  // System.Version compare is a version match (VG002), as in PowerShell.
  EXPECT_EQ(R.ids(), (Strings{"VG002@4", "VG002@6"})) << R.dump();
}

TEST(CSharpLowering, IntAndStringNeverCompare) {
  // mo["BuildNumber"] is text: comparing it with an int does not compile,
  // so it says nothing; compared with text it is VG002-shaped but a build.
  auto R = run("using System.Management;\nclass C { static void M() {\n"
               "foreach (ManagementObject mo in new ManagementObjectSearcher("
               "\"SELECT * FROM Win32_OperatingSystem\").Get()) {\n"
               "  var b = mo[\"BuildNumber\"].ToString();\n"
               "  if (b == \"6002\") {}\n"
               "  if (b == 6002) {}\n"
               "  if (Convert.ToInt32(mo[\"BuildNumber\"]) <= 6002) {}\n"
               "}\n}}\n");
  EXPECT_EQ(R.conds(), (Strings{"(toStr(build) == \"6002\")",
                                "(toInt(toStr(build)) <= 6002)"}))
      << R.dump();
}

TEST(CSharpLowering, SwitchPatternsAndArms) {
  auto R = run(inMethod("switch (Environment.OSVersion.Version.Build) {\n"
                        "  case 6001: case 6002: break;\n"
                        "  case >= 7600 and <= 7601: return;\n"
                        "  default: break;\n"
                        "}\n"));
  ASSERT_EQ(R.Guards.size(), 1u) << R.dump();
  const Guard &G = R.Guards[0];
  ASSERT_EQ(G.Kind, GuardKind::Select);
  ASSERT_EQ(G.Arms.size(), 2u);
  EXPECT_EQ(G.Arms[0].Tests.size(), 2u); // the fall-through labels
  EXPECT_EQ(toString(*G.Arms[1].Tests[0]),
            "(($subject >= 7600) && ($subject <= 7601))");
  EXPECT_EQ(R.ids(), Strings{"VG001@5"}) << R.dump();
}

TEST(CSharpLowering, FieldsSetInConstructorAndOutParameters) {
  auto R = run("using System;\n"
               "class Os {\n"
               "  int _b;\n"
               "  Os() { _b = Environment.OSVersion.Version.Build; }\n"
               "  bool Sp2() { return _b == 6002; }\n"
               "  static void Get(out int b) { b = "
               "Environment.OSVersion.Version.Build; }\n"
               "  static void M() { Get(out var x); if (x < 6003) {} }\n"
               "}\n");
  EXPECT_EQ(R.conds(), (Strings{"(build == 6002)", "(build < 6003)"}))
      << R.dump();
}

TEST(CSharpLowering, RegistryAndFileVersion) {
  auto R =
      run("using Microsoft.Win32; using System.Diagnostics;\n"
          "class C { static void M() {\n"
          "var k = Registry.LocalMachine.OpenSubKey(@\"SOFTWARE\\Microsoft\\"
          "Windows NT\\CurrentVersion\");\n"
          "if ((int)k.GetValue(\"UBR\") >= 24000) {}\n"
          "var f = FileVersionInfo.GetVersionInfo(@\"C:\\Windows\\System32\\"
          "ntdll.dll\");\n"
          "if (f.FileBuildPart == 6002) {}\n"
          "}}\n");
  EXPECT_EQ(R.conds(), (Strings{"(revision >= 24000)", "(build == 6002)"}))
      << R.dump();
  EXPECT_EQ(R.ids(), (Strings{"VG003@4", "VG001@6"})) << R.dump();
}

namespace {
/// A class with the P/Invoke declarations and VER_* constants of
/// VerifyVersionInfo around the members Body.
std::string verify(llvm::StringRef Body, bool GreaterEqual = true) {
  return "using System;\nusing System.Runtime.InteropServices;\n"
         "static class V {\n"
         "  const uint VER_MAJORVERSION = 2, VER_MINORVERSION = 1, "
         "VER_BUILDNUMBER = 4;\n"
         "  const byte VER_EQUAL = 1, VER_LESS_EQUAL = 5;\n" +
         std::string(GreaterEqual ? "  const byte VER_GREATER_EQUAL = 3;\n"
                                  : "  const byte VER_GREATER = 2;\n") +
         "  struct OSVERSIONINFOEX { public int dwOSVersionInfoSize; public "
         "uint dwMajorVersion, dwMinorVersion, dwBuildNumber; }\n"
         "  [DllImport(\"kernel32.dll\")] static extern bool "
         "VerifyVersionInfo(ref OSVERSIONINFOEX i, uint t, ulong m);\n"
         "  [DllImport(\"kernel32.dll\")] static extern ulong "
         "VerSetConditionMask(ulong m, uint t, byte c);\n"
         "  [DllImport(\"ntdll.dll\")] static extern int "
         "RtlVerifyVersionInfo(ref OSVERSIONINFOEX i, uint t, ulong m);\n" +
         Body.str() + "}\n";
}
} // namespace

TEST(CSharpLowering, VerifyVersionInfoThroughPInvoke) {
  // Line 10 on: the struct by member assignments, the mask by a chain.
  auto R = run(verify(
      "  static bool Sp2() {\n"
      "    var o = new OSVERSIONINFOEX();\n"
      "    o.dwMajorVersion = 6; o.dwBuildNumber = 6002;\n"
      "    ulong m = 0;\n"
      "    m = VerSetConditionMask(m, VER_MAJORVERSION, VER_EQUAL);\n"
      "    m = VerSetConditionMask(m, VER_BUILDNUMBER, VER_EQUAL);\n"
      "    return VerifyVersionInfo(ref o, VER_MAJORVERSION | "
      "VER_BUILDNUMBER, m);\n"
      "  }\n"
      "  static bool AtMost() {\n"
      "    var o = new OSVERSIONINFOEX { dwBuildNumber = 6002 };\n"
      "    return VerifyVersionInfo(ref o, 4, VerSetConditionMask(0, 4, 5));\n"
      "  }\n"));
  EXPECT_EQ(R.conds(),
            (Strings{"((major == 6) && (build == 6002))", "(build <= 6002)"}))
      << R.dump();
  // Reported where the build's condition is set.
  EXPECT_EQ(R.ids(), (Strings{"VG004@16", "VG004@21"})) << R.dump();
}

TEST(CSharpLowering, RtlVerifyVersionInfoHoldsWhenItReturnsZero) {
  auto R = run(verify(
      "  static void M() {\n"
      "    OSVERSIONINFOEX o = new() { dwBuildNumber = 6002 };\n"
      "    ulong m = VerSetConditionMask(0, VER_BUILDNUMBER, VER_EQUAL);\n"
      "    if (RtlVerifyVersionInfo(ref o, VER_BUILDNUMBER, m) == 0) {}\n"
      "    if (0 != RtlVerifyVersionInfo(ref o, VER_BUILDNUMBER, m)) {}\n"
      "  }\n"));
  EXPECT_EQ(R.conds(), (Strings{"(build == 6002)", "!((build == 6002))"}))
      << R.dump();
  EXPECT_EQ(R.ids(), (Strings{"VG004@13", "VG004@13"})) << R.dump();
}

TEST(CSharpLowering, VerifyVersionInfoHelperIsJudgedPerCall) {
  auto R =
      run(verify("  static bool AtMostBuild(uint n) {\n"
                 "    var o = new OSVERSIONINFOEX { dwBuildNumber = n };\n"
                 "    ulong m = VerSetConditionMask(0, VER_BUILDNUMBER, "
                 "VER_LESS_EQUAL);\n"
                 "    return VerifyVersionInfo(ref o, VER_BUILDNUMBER, m);\n"
                 "  }\n"
                 "  static void M() {\n"
                 "    if (AtMostBuild(7601)) {}\n"
                 "    if (AtMostBuild(6002)) {}\n"
                 "  }\n"));
  EXPECT_EQ(R.ids(), Strings{"VG004@18"}) << R.dump();
  // The fix moves the bound at the call, not in the helper.
  EXPECT_NE(applyFixes(R).find("AtMostBuild(6003)"), std::string::npos)
      << applyFixes(R);
}

// --- fixes -----------------------------------------------------------------

TEST(CSharpFixes, ComparisonsPatternsAndSwitchArms) {
  auto R = run(inMethod("int b = Environment.OSVersion.Version.Build;\n"
                        "if (b <= 6002) {}\n"
                        "if (b == 6002) {}\n"
                        "var s = b switch { 6002 => 1, _ => 0 };\n"));
  std::string Fixed = applyFixes(R);
  EXPECT_NE(Fixed.find("if (b <= 6003) {}"), std::string::npos) << Fixed;
  EXPECT_NE(Fixed.find("b is 6002 or 6003"), std::string::npos) << Fixed;
  EXPECT_NE(Fixed.find("{ 6002 or 6003 => 1"), std::string::npos) << Fixed;
}

TEST(CSharpFixes, ConditionMaskBecomesGreaterEqual) {
  // 6.0 pinned: VER_GREATER_EQUAL on the build is then exact.
  std::string Body =
      "  static bool Sp2() {\n"
      "    var o = new OSVERSIONINFOEX { dwMajorVersion = 6, dwBuildNumber = "
      "6002 };\n"
      "    var m = VerSetConditionMask(VerSetConditionMask(0, "
      "VER_MAJORVERSION, VER_EQUAL), VER_MINORVERSION, VER_EQUAL);\n"
      "    m = VerSetConditionMask(m, VER_BUILDNUMBER, VER_EQUAL);\n"
      "    var n = VerSetConditionMask(VerSetConditionMask("
      "VerSetConditionMask(0, 2, 1), 1, 1), 4, 0x1);\n"
      "    return VerifyVersionInfo(ref o, 7, m) || VerifyVersionInfo(ref o, "
      "7, n);\n"
      "  }\n";
  auto R = run(verify(Body));
  std::string Fixed = applyFixes(R);
  EXPECT_NE(Fixed.find("m = VerSetConditionMask(m, VER_BUILDNUMBER, "
                       "VER_GREATER_EQUAL);"),
            std::string::npos)
      << Fixed << R.dump();
  EXPECT_NE(Fixed.find("1, 1), 4, 3);"), std::string::npos) << Fixed;
  // VER_GREATER_EQUAL not declared: nothing that would not compile.
  auto U = run(verify(Body, /*GreaterEqual=*/false));
  EXPECT_EQ(U.ids().size(), 2u) << U.dump();
  std::string Unfixed = applyFixes(U);
  EXPECT_NE(Unfixed.find("(m, VER_BUILDNUMBER, VER_EQUAL);"), std::string::npos)
      << Unfixed;
  EXPECT_NE(Unfixed.find("1, 1), 4, 3);"), std::string::npos) << Unfixed;
  // Only the build pinned: VER_GREATER_EQUAL would hold on 7601 too.
  auto B = run(verify("  static bool Sp2() {\n"
                      "    var o = new OSVERSIONINFOEX { dwBuildNumber = 6002 "
                      "};\n"
                      "    return VerifyVersionInfo(ref o, 4, "
                      "VerSetConditionMask(0, 4, 1));\n"
                      "  }\n"));
  ASSERT_EQ(B.Findings.size(), 1u) << B.dump();
  EXPECT_FALSE(B.Findings[0].TheFix) << B.dump();
}

// --- bad input -------------------------------------------------------------

TEST(CSharpInput, ParseErrorsAreNotedAndTheRestAnalyzed) {
  auto R =
      run("class B { void N() { int x = 1 +; f(; } }\n" +
          inMethod("if (Environment.OSVersion.Version.Build == 6002) {}\n"));
  EXPECT_FALSE(R.Diags.empty()) << R.dump();
  EXPECT_FALSE(R.Findings.empty()) << R.dump();
}

TEST(CSharpInput, DeepNestingIsCutOffNotCrashed) {
  std::string S = "class C { void M() { var x = ";
  for (int I = 0; I < 5000; ++I)
    S += "1 + (";
  S += "1";
  for (int I = 0; I < 5000; ++I)
    S += ")";
  S += "; } }\n";
  auto R = run(S);
  EXPECT_TRUE(R.Findings.empty());
  ASSERT_EQ(R.Diags.size(), 1u) << R.dump();
  EXPECT_EQ(R.Diags[0].Where.File, "test.cs");
  EXPECT_EQ(R.Diags[0].Where.Line, 1u);
  EXPECT_EQ(R.Diags[0].Message.rfind("expression nested more than", 0), 0u)
      << R.Diags[0].Message;
}
