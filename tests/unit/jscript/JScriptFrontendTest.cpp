//===- JScriptFrontendTest.cpp --------------------------------------------===//
//
// Lowers JScript snippets and checks the lowered guards (the IR the rules
// see), then the findings and the text of the proven fixes. The annotated
// corpus is checked through the binary by tests/corpus/CorpusRunner.cpp.
//
//===----------------------------------------------------------------------===//
#include "jscript/JScriptFrontend.h"

#include "../ScriptLowering.h"

#include "core/Evaluator.h"
#include "core/FixSyntax.h"
#include "core/Profile.h"
#include "rules/Checker.h"

#include <gtest/gtest.h>

using namespace verguard;
using namespace verguard::core;

namespace {

using Result = test::LoweredScript;

Result run(llvm::StringRef Bytes, llvm::StringRef Path = "test.js") {
  return test::lowerScript(Bytes, Path,
                           [](auto &&...A) { jscript::lowerFile(A...); });
}

using test::applyFixes;

using Strings = std::vector<std::string>;

} // namespace

// --- the lowered IR --------------------------------------------------------

const char *const Wmi =
    "var os = new Enumerator(GetObject(\"winmgmts:\").ExecQuery(\"SELECT * "
    "FROM Win32_OperatingSystem\")).item();\n";
const char *const Reg =
    "var sh = new ActiveXObject(\"WScript.Shell\");\n"
    "var b = sh.RegRead(\"HKLM\\\\SOFTWARE\\\\Microsoft\\\\Windows "
    "NT\\\\CurrentVersion\\\\CurrentBuildNumber\");\n";

TEST(JScriptLowering, LooseEqualityReadsTheStringAsANumber) {
  auto R = run(std::string(Wmi) + "if (os.BuildNumber == 6002) {}\n"
                                  "if (os.BuildNumber == \"6002\") {}\n");
  EXPECT_EQ(R.conds(), (Strings{"(toInt(toStr(build)) == 6002)",
                                "(toStr(build) == \"6002\")"}))
      << R.dump();
  EXPECT_EQ(R.ids(), (Strings{"VG001@2", "VG002@3"})) << R.dump();
}

TEST(JScriptLowering, StrictEqualityOfAStringAndANumberIsFalse) {
  auto R =
      run(std::string(Wmi) + "if (os.BuildNumber === 6002) {}\n"
                             "if (os.BuildNumber !== 6002) {}\n"
                             "if (parseInt(os.BuildNumber, 10) === 6002) {}\n");
  EXPECT_EQ(R.conds(), (Strings{"(toInt(toStr(build)) == 6002)"})) << R.dump();
  EXPECT_EQ(R.ids(), (Strings{"VG001@4"})) << R.dump();
}

TEST(JScriptLowering, TwoStringsOrderLexicographically) {
  // "10000" < "6002": a string order, not a number order.
  auto R = run(std::string(Reg) + "if (b < \"6003\") {}\n"
                                  "if (b < 6003) {}\n");
  EXPECT_EQ(R.conds(), (Strings{"(toStr(build) < \"6003\")",
                                "(toInt(toStr(build)) < 6003)"}))
      << R.dump();
  ASSERT_EQ(R.Guards.size(), 2u);
  EXPECT_EQ(R.Guards[0].Cond->Mode, CmpMode::Str);
  EXPECT_EQ(R.Guards[1].Cond->Mode, CmpMode::Int);
}

TEST(JScriptLowering, EnumeratorItemIsTheOperatingSystem) {
  auto R =
      run("var wmi = GetObject(\"winmgmts:\\\\\\\\.\\\\root\\\\cimv2\");\n"
          "var col = wmi.ExecQuery(\"SELECT * FROM Win32_OperatingSystem\");\n"
          "for (var e = new Enumerator(col); !e.atEnd(); e.moveNext()) {\n"
          "  var os = e.item();\n"
          "  if (os.Version == \"6.0.6002\") {}\n"
          "}\n");
  EXPECT_EQ(R.conds(), (Strings{"(version == \"6.0.6002\")"})) << R.dump();
}

TEST(JScriptLowering, VersionStringMethods) {
  auto R = run(std::string(Wmi) +
               "var v = os.Version;\n"
               "if (v.indexOf(\"6.0.6002\") != -1) {}\n"
               "if (/6\\.0\\.600[0-2]/.test(v)) {}\n"
               "if (parseInt(v.split(\".\")[2], 10) == 6002) {}\n");
  EXPECT_EQ(R.conds(), (Strings{"(find(version, \"6.0.6002\") != neg(1))",
                                "regex(version, \"6\\.0\\.600[0-2]\")",
                                "(toInt(toStr(build)) == 6002)"}))
      << R.dump();
  EXPECT_EQ(R.ids(), (Strings{"VG002@3", "VG002@4", "VG001@5"})) << R.dump();
}

TEST(JScriptLowering, RegistryRevisionAndFileVersion) {
  auto R =
      run("var sh = WScript.CreateObject(\"WScript.Shell\");\n"
          "var ubr = sh.RegRead(\"HKLM\\\\SOFTWARE\\\\Microsoft\\\\Windows "
          "NT\\\\CurrentVersion\\\\UBR\");\n"
          "if (ubr >= 24000) {}\n"
          "var fso = new ActiveXObject(\"Scripting.FileSystemObject\");\n"
          "var fv = fso.GetFileVersion(fso.GetSpecialFolder(1) + "
          "\"\\\\kernel32.dll\");\n"
          "if (fv.indexOf(\"6.0.6002.\") == 0) {}\n"
          "var other = fso.GetFileVersion(\"C:\\\\app\\\\app.exe\");\n"
          "if (other == \"6.0.6002.0\") {}\n");
  EXPECT_EQ(R.conds(), (Strings{"(revision >= 24000)",
                                "(find(fileVersion, \"6.0.6002.\") == 0)"}))
      << R.dump();
  EXPECT_EQ(R.ids(), (Strings{"VG003@3", "VG002@6"})) << R.dump();
}

TEST(JScriptLowering, SwitchIsStrict) {
  auto R = run(std::string(Wmi) + "switch (os.BuildNumber) {\n"
                                  "  case 6002: break;\n"
                                  "}\n"
                                  "switch (parseInt(os.BuildNumber, 10)) {\n"
                                  "  case 6001:\n"
                                  "  case 6002: x(); break;\n"
                                  "  default: y();\n"
                                  "}\n");
  EXPECT_EQ(R.conds(),
            (Strings{"<select toStr(build)>", "<select toInt(toStr(build))>"}))
      << R.dump();
  EXPECT_EQ(R.ids(), (Strings{"VG001@7"})) << R.dump();
  // The fall-through group's fix goes after its last label.
  EXPECT_NE(applyFixes(R).find("  case 6002:\n  case 6003: x(); break;"),
            std::string::npos)
      << applyFixes(R);
}

TEST(JScriptLowering, FunctionsParametersAndHoisting) {
  // A call before the declaration, a parameter bound per call.
  auto R = run("if (isBuild(6002)) {}\n"
               "if (isBuild(7601)) {}\n"
               "function isBuild(b) { return osBuild() == b; }\n"
               "function osBuild() {\n"
               "  var os = new Enumerator(GetObject(\"winmgmts:\").ExecQuery("
               "\"SELECT * FROM Win32_OperatingSystem\")).item();\n"
               "  return parseInt(os.BuildNumber, 10);\n"
               "}\n");
  EXPECT_EQ(R.ids(), (Strings{"VG001@1"})) << R.dump();
}

TEST(JScriptLowering, ObjectLiteralTable) {
  auto R =
      run(std::string(Wmi) + "var T = {\"6001\": \"SP1\", \"6002\": \"SP2\"};\n"
                             "var n = T[os.BuildNumber];\n");
  EXPECT_EQ(R.ids(), (Strings{"VG005@2"})) << R.dump();
}

TEST(JScriptLowering, WqlWhereClause) {
  auto R = run("var wmi = GetObject(\"winmgmts:\");\n"
               "var rows = wmi.ExecQuery(\"SELECT * FROM Win32_OperatingSystem "
               "WHERE BuildNumber = '6002'\");\n");
  EXPECT_EQ(R.ids(), (Strings{"VG002@2"})) << R.dump();
  EXPECT_EQ(applyFixes(R),
            "var wmi = GetObject(\"winmgmts:\");\n"
            "var rows = wmi.ExecQuery(\"SELECT * FROM Win32_OperatingSystem "
            "WHERE (BuildNumber = '6002' OR BuildNumber = '6003')\");\n");
}

// --- fixes -----------------------------------------------------------------

TEST(JScriptFixes, AJoinedTestIsParenthesizedOnlyWhereItNeedsIt) {
  // Alone in the if's parentheses: none added; inside `&&`: its own.
  auto R = run(std::string(Wmi) + "if (os.BuildNumber == 6002) {}\n" +
               "if (ok && os.BuildNumber == 6002) {}\n");
  EXPECT_EQ(applyFixes(R),
            std::string(Wmi) +
                "if (os.BuildNumber == 6002 || os.BuildNumber == 6003) {}\n" +
                "if (ok && (os.BuildNumber == 6002 || os.BuildNumber == "
                "6003)) {}\n")
      << R.dump();
}

TEST(JScriptFixes, StrictOperatorsStayStrict) {
  auto R = run(std::string(Wmi) + "if (os.BuildNumber === \"6002\") {}\n");
  EXPECT_EQ(applyFixes(R), std::string(Wmi) +
                               "if (os.BuildNumber === \"6002\" || "
                               "os.BuildNumber === \"6003\") {}\n")
      << R.dump();
}

TEST(JScriptFixes, OperatorsWrittenKeepStrictness) {
  const FixSyntax &S = syntaxFor(Dialect::JScript);
  EXPECT_EQ(S.op(CmpOp::EQ, "==="), "===");
  EXPECT_EQ(S.op(CmpOp::NE, "!=="), "!==");
  EXPECT_EQ(S.op(CmpOp::EQ, "=="), "==");
  EXPECT_EQ(S.op(CmpOp::LE, "<"), "<=");
  EXPECT_EQ(S.joinWord(true), " || ");
}

TEST(JScriptFixes, SwitchGainsACaseLabel) {
  auto R = run(std::string(Wmi) + "switch (parseInt(os.BuildNumber, 10)) {\n"
                                  "  case 6002: x(); break;\n"
                                  "}\n");
  EXPECT_EQ(applyFixes(R), std::string(Wmi) +
                               "switch (parseInt(os.BuildNumber, 10)) {\n"
                               "  case 6002:\n"
                               "  case 6003: x(); break;\n"
                               "}\n")
      << R.dump();
}

// --- markup, host objects, bad input ----------------------------------------

TEST(JScriptFiles, WsfBlocksKeepTheirLines) {
  auto R = run("<job>\n<script language=\"VBScript\">\nx = 1\n</script>\n"
               "<script language=\"JScript\">\n" +
                   std::string(Wmi) +
                   "if (parseInt(os.BuildNumber, 10) <= 6002) {}\n"
                   "</script>\n</job>\n",
               "test.wsf");
  EXPECT_EQ(R.ids(), (Strings{"VG001@7"})) << R.dump();
  EXPECT_TRUE(R.Diags.empty()) << R.dump();
}

TEST(JScriptFiles, WebPageScriptIsNotWsh) {
  auto R = run("<html><script type=\"text/javascript\">\n"
               "if (document.body.dataset.build == 6002) {}\n"
               "</script></html>\n",
               "page.htm");
  EXPECT_TRUE(R.Guards.empty()) << R.dump();
}

TEST(JScriptFiles, HostObjectScan) {
  EXPECT_TRUE(jscript::usesHostObjects("var s = WScript.Arguments;"));
  EXPECT_TRUE(jscript::usesHostObjects("new ActiveXObject('x')"));
  EXPECT_FALSE(jscript::usesHostObjects("document.title = 'x';"));
  EXPECT_TRUE(
      jscript::hasJScriptBlock("<script type=\"text/jscript\">x</script>"));
  EXPECT_FALSE(
      jscript::hasJScriptBlock("<script language=\"VBScript\">x</script>"));
}

TEST(JScriptFiles, EncodedAndBrokenInputIsNoted) {
  auto E = run("#@~^AAAA==", "test.jse");
  ASSERT_EQ(E.Diags.size(), 1u);
  EXPECT_EQ(E.Diags[0].Where.Line, 1u);
  EXPECT_EQ(E.Diags[0].Where.Col, 1u);
  EXPECT_EQ(E.Diags[0].Message.rfind("encoded JScript", 0), 0u)
      << E.Diags[0].Message;
  auto B =
      run(std::string(Wmi) + "function (( {\n"
                             "if (parseInt(os.BuildNumber, 10) <= 6002) {}\n");
  EXPECT_EQ(B.ids(), (Strings{"VG001@3"})) << B.dump();
  ASSERT_FALSE(B.Diags.empty());
  EXPECT_EQ(B.Diags[0].Where.Line, 2u) << B.dump();
  EXPECT_EQ(B.Diags[0].Message.rfind("parse error", 0), 0u) << B.dump();
}

TEST(JScriptFiles, DeepNestingIsCutNotACrash) {
  std::string S = std::string(Wmi) + "var x = ";
  for (int I = 0; I < 5000; ++I)
    S += "(";
  S += "os.BuildNumber == 6002";
  for (int I = 0; I < 5000; ++I)
    S += ")";
  S += ";\n";
  auto R = run(S);
  EXPECT_LE(R.Findings.size(), 1u);
}

TEST(JScriptLowering, AssignmentsToComPropertiesParse) {
  std::string Code =
      "Session.Property(\"DIR\") = dir; // f(a) = b\n"
      "var s = \"g(x) = y\"; if (a == b) { r.StringData(0)=1; }\n"
      "var f = (x) => x; var t = (a) === b;\n";
  std::string Want =
      "Session.Property(\"DIR\") , dir; // f(a) = b\n"
      "var s = \"g(x) = y\"; if (a == b) { r.StringData(0),1; }\n"
      "var f = (x) => x; var t = (a) === b;\n";
  EXPECT_TRUE(jscript::parseableComAssignments(Code));
  EXPECT_EQ(Code, Want);
  // An MSI custom action: the rest of the function is still read.
  Result R =
      run("function CA() {\n"
          "  var fso = new ActiveXObject(\"Scripting.FileSystemObject\");\n"
          "  Session.Property(\"AGENT_BLOCK\") = \"OS\";\n"
          "  var v = "
          "fso.GetFileVersion(\"C:\\\\Windows\\\\System32\\\\kernel32.dll\");\n"
          "  if (parseInt(v.split(\".\")[3], 10) < 24000) {\n"
          "    Session.Property(\"PATCH\") = \"required\";\n"
          "  }\n"
          "}\n");
  EXPECT_TRUE(R.Diags.empty());
  ASSERT_EQ(R.Guards.size(), 1u);
}
