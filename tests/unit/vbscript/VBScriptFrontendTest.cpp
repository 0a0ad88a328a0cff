//===- VBScriptFrontendTest.cpp -------------------------------------------===//
#include "VbTestSupport.h"
#include "core/SourceTable.h"
#include "script/ParsePlan.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

using namespace verguard;
using vbtest::analyze;
using vbtest::applyFixes;

namespace {

std::string ids(const vbtest::Analysis &A) {
  std::string R;
  for (const core::Finding &F : A.Findings)
    R += (R.empty() ? "" : " ") + F.RuleId + "@" +
         std::to_string(F.Where.Line) + ":" + std::to_string(F.Where.Col);
  return R;
}

TEST(VBScriptFrontend, WmiBuildNumberStringEquality) {
  std::string Src =
      "Set wmi = GetObject(\"winmgmts:\\\\.\\root\\cimv2\")\n"
      "Set col = wmi.ExecQuery(\"SELECT * FROM Win32_OperatingSystem\")\n"
      "For Each os In col\n"
      "  If os.BuildNumber = \"6002\" Then WScript.Echo \"SP2\"\n"
      "Next\n";
  auto A = analyze("a.vbs", Src);
  ASSERT_EQ(ids(A), "VG001@4:6") << A.Guards.size();
  EXPECT_EQ(
      applyFixes(Src, A),
      "Set wmi = GetObject(\"winmgmts:\\\\.\\root\\cimv2\")\n"
      "Set col = wmi.ExecQuery(\"SELECT * FROM Win32_OperatingSystem\")\n"
      "For Each os In col\n"
      "  If (os.BuildNumber = \"6002\" Or os.BuildNumber = \"6003\") Then "
      "WScript.Echo \"SP2\"\n"
      "Next\n");
}

} // namespace

namespace {

std::string utf16le(llvm::StringRef Utf8) {
  std::string Out = "\xFF\xFE";
  for (char C : Utf8) { // ASCII and Latin-1 test inputs only
    Out += C;
    Out += '\0';
  }
  return Out;
}

const char *WmiPrologue =
    "Set wmi = GetObject(\"winmgmts:\\\\.\\root\\cimv2\")\r\n"
    "For Each os In wmi.ExecQuery(\"SELECT * FROM Win32_OperatingSystem\")\r\n"
    "  b = os.BuildNumber\r\n"
    "Next\r\n";

TEST(VBScriptFrontend, Utf16LeBomCrlfFixKeepsEncoding) {
  std::string Body = std::string(WmiPrologue) +
                     "If b = \"6002\" Then WScript.Echo \"SP2\"\r\n";
  std::string Bytes = utf16le(Body);
  auto A = analyze("logon.vbs", Bytes);
  ASSERT_EQ(ids(A), "VG001@5:4");
  // Line/column count characters; the span counts UTF-16 bytes.
  EXPECT_EQ(A.Findings[0].Where.Begin, 2 + 2 * Body.find("b = \"6002\""));
  std::string Want = std::string(WmiPrologue) +
                     "If (b = \"6002\" Or b = \"6003\") Then WScript.Echo "
                     "\"SP2\"\r\n";
  EXPECT_EQ(applyFixes(Bytes, A), utf16le(Want));
}

TEST(VBScriptFrontend, Windows1252WithAccentsBeforeTheGuard) {
  // "é" is one byte in the file and two in UTF-8.
  std::string Bytes = std::string(WmiPrologue) +
                      "' V\xE9rification du syst\xE8me\r\n"
                      "sMsg = \"Syst\xE8me\" : If b <= \"6002\" Then sMsg = "
                      "\"ancien\"\r\n";
  auto A = analyze("check.vbs", Bytes);
  ASSERT_EQ(ids(A), "VG001@6:23");
  std::string Fixed = applyFixes(Bytes, A);
  EXPECT_EQ(Fixed, std::string(WmiPrologue) +
                       "' V\xE9rification du syst\xE8me\r\n"
                       "sMsg = \"Syst\xE8me\" : If b <= \"6003\" Then sMsg = "
                       "\"ancien\"\r\n");
}

TEST(VBScriptFrontend, Utf16AtomWithNonAsciiTextJoins) {
  // The join copies the atom's text; the atom holds a non-ASCII character.
  std::string Body = std::string(WmiPrologue) +
                     "If b & \"\xC3\xA9\" = \"6002\xC3\xA9\" Then x = 1\r\n";
  std::string Bytes = "\xFF\xFE";
  // Encode U+00E9 properly as E9 00.
  for (size_t I = 0; I < Body.size(); ++I) {
    if ((unsigned char)Body[I] == 0xC3) {
      Bytes += '\xE9';
      Bytes += '\0';
      ++I;
      continue;
    }
    Bytes += Body[I];
    Bytes += '\0';
  }
  auto A = analyze("u.vbs", Bytes);
  ASSERT_EQ(ids(A), "VG001@5:4");
  ASSERT_TRUE(A.Findings[0].TheFix.has_value());
  auto Fixed = script::decodeText(applyFixes(Bytes, A), "u.vbs");
  ASSERT_TRUE(bool(Fixed));
  EXPECT_NE(Fixed->Utf8.find("(b & \"\xC3\xA9\" = \"6002\xC3\xA9\" Or b & "
                             "\"\xC3\xA9\" = \"6003\xC3\xA9\")"),
            std::string::npos)
      << Fixed->Utf8;
}

TEST(VBScriptFrontend, ContinuationsAndSeparators) {
  std::string Src = "Set os = GetObject(\"winmgmts:\\\\.\\root\\cimv2:"
                    "Win32_OperatingSystem=@\")\n"
                    "x = 1 : If CLng(os.BuildNumber) _\n"
                    "    = 6002 Then y = 2 ' trailing\n"
                    "Rem If os.BuildNumber = \"6002\" Then\n";
  auto A = analyze("c.vbs", Src);
  ASSERT_EQ(ids(A), "VG001@2:12");
  EXPECT_EQ(A.Findings[0].Where.EndLine, 3u);
  EXPECT_EQ(applyFixes(Src, A),
            "Set os = GetObject(\"winmgmts:\\\\.\\root\\cimv2:"
            "Win32_OperatingSystem=@\")\n"
            "x = 1 : If (CLng(os.BuildNumber) _\n"
            "    = 6002 Or CLng(os.BuildNumber) _\n"
            "    = 6003) Then y = 2 ' trailing\n"
            "Rem If os.BuildNumber = \"6002\" Then\n");
}

TEST(VBScriptFrontend, VerOutputAndFileVersionRevision) {
  std::string Src =
      "Set sh = CreateObject(\"WScript.Shell\")\n"
      "out = sh.Exec(\"%comspec% /c ver\").StdOut.ReadAll\n"
      "If InStr(out, \"6.0.6002\") Then WScript.Echo \"SP2\"\n"
      "Set fso = CreateObject(\"Scripting.FileSystemObject\")\n"
      "fv = fso.GetFileVersion(sh.ExpandEnvironmentStrings(\"%windir%\") & "
      "\"\\System32\\ntdll.dll\")\n"
      "If CLng(Split(fv, \".\")(3)) >= 24000 Then WScript.Echo \"patched\"\n";
  auto A = analyze("v.vbs", Src);
  ASSERT_EQ(ids(A), "VG002@3:4 VG003@6:4");
  std::string Fixed = applyFixes(Src, A);
  EXPECT_NE(Fixed.find("If (InStr(out, \"6.0.6002\") Or InStr(out, "
                       "\"6.0.6003\")) Then"),
            std::string::npos)
      << Fixed;
  EXPECT_NE(Fixed.find("If (CLng(Split(fv, \".\")(3)) >= 24000 Or "
                       "CLng(Split(fv, \".\")(2)) = 6003) Then"),
            std::string::npos)
      << Fixed;
}

TEST(VBScriptFrontend, LoopUntilIIfAndFunctionResults) {
  std::string Src = "Function GetBuild()\n"
                    "  Dim o\n"
                    "  For Each o In GetObject(\"winmgmts:\").InstancesOf("
                    "\"Win32_OperatingSystem\")\n"
                    "    GetBuild = CLng(o.BuildNumber)\n"
                    "  Next\n"
                    "End Function\n"
                    "Do\n"
                    "  n = n + 1\n"
                    "Loop Until GetBuild() > 6002 Or n > 3\n"
                    "s = IIf(GetBuild = 6002, \"sp2\", \"other\")\n";
  auto A = analyze("l.vbs", Src);
  EXPECT_EQ(ids(A), "VG001@9:12 VG001@10:9");
}

TEST(VBScriptFrontend, AspBlocksAndVbeAndParseErrors) {
  std::string Asp = "<%@ Language=\"VBScript\" %>\n<html><body>\n"
                    "<% Set os = GetObject(\"winmgmts:\\\\.\\root\\cimv2:"
                    "Win32_OperatingSystem=@\")\n"
                    "If os.BuildNumber = \"6002\" Then %>\n"
                    "<p>SP2</p>\n<% End If %>\n<%= os.Caption %>\n"
                    "</body></html>\n";
  auto A = analyze("default.asp", Asp);
  EXPECT_EQ(ids(A), "VG001@4:4");

  std::vector<core::Guard> G;
  std::vector<core::Diagnostic> D;
  auto T = script::decodeText("#@~^XQAAAA==encoded", "x.vbe");
  ASSERT_TRUE(bool(T));
  vbscript::lowerFile("x.vbe", *T, {}, G, D);
  ASSERT_EQ(D.size(), 1u);
  EXPECT_EQ(D[0].Where.File, "x.vbe");
  EXPECT_EQ(D[0].Where.Line, 1u);
  EXPECT_EQ(D[0].Where.Col, 1u);
  EXPECT_EQ(D[0].Message.find("x.vbe"), std::string::npos) << D[0].Message;
  EXPECT_TRUE(G.empty());

  std::string Bad = "x = (((\n"
                    "Set os = GetObject(\"winmgmts:\\\\.\\root\\cimv2:"
                    "Win32_OperatingSystem=@\")\n"
                    "If os.BuildNumber = \"6002\" Then y = 1\n";
  auto B = analyze("bad.vbs", Bad);
  ASSERT_FALSE(B.Diags.empty());
  EXPECT_EQ(B.Diags[0].Where.Line, 1u);
  EXPECT_EQ(B.Diags[0].Message.find("bad.vbs"), std::string::npos)
      << B.Diags[0].Message;
  EXPECT_EQ(ids(B), "VG001@3:4");
}

TEST(VBScriptFrontend, VariantComparisonRules) {
  // A string variable against a numeric literal compares numerically; two
  // variables of different types compare the number as less than the string.
  std::string Src = "Set os = GetObject(\"winmgmts:\\\\.\\root\\cimv2:"
                    "Win32_OperatingSystem=@\")\n"
                    "b = os.BuildNumber\n"
                    "n = 6002\n"
                    "If b = 6002 Then x = 1\n"
                    "If b = n Then x = 2\n";
  auto A = analyze("t.vbs", Src);
  EXPECT_EQ(ids(A), "VG001@4:4");
}

TEST(VBScriptFrontend, DeepNestingIsBounded) {
  std::string Src = "Set os = GetObject(\"winmgmts:\\\\.\\root\\cimv2:"
                    "Win32_OperatingSystem=@\")\nIf ";
  for (int I = 0; I < 300; ++I)
    Src += "(";
  Src += "os.BuildNumber = \"6002\"";
  for (int I = 0; I < 300; ++I)
    Src += ")";
  Src += " Then x = 1\n";
  // Parentheses are unwrapped in a loop: however many, the guard is seen.
  auto A = analyze("deep.vbs", Src);
  EXPECT_EQ(ids(A), "VG001@2:304"); // at the comparison, inside them
  EXPECT_TRUE(A.Diags.empty());
}

TEST(VBScriptFrontend, TooDeepNestingIsReported) {
  std::string Src = "Set os = GetObject(\"winmgmts:\\\\.\\root\\cimv2:"
                    "Win32_OperatingSystem=@\")\nIf ";
  for (int I = 0; I < 300; ++I)
    Src += "Not (";
  Src += "os.BuildNumber = \"6002\"";
  for (int I = 0; I < 300; ++I)
    Src += ")";
  Src += " Then x = 1\n";
  // Past the lowering's depth limit nothing is guessed, and the file says so.
  auto A = analyze("deep.vbs", Src);
  EXPECT_TRUE(A.Findings.empty());
  ASSERT_EQ(A.Diags.size(), 1u);
  EXPECT_EQ(A.Diags[0].Where.Line, 2u);
  EXPECT_EQ(
      A.Diags[0].Message.rfind("expression nested more than 64 levels", 0), 0u)
      << A.Diags[0].Message;
}

} // namespace

// --- procedures left unparsed -----------------------------------------------

TEST(VBScriptFrontend, LeavingOutUnrelatedProceduresChangesNothing) {
  // Each check reads its build from another procedure or from a global
  // that other code writes. CountFiles and Cleanup are unrelated; LogLine
  // is kept, as the checks call it.
  std::string Src = R"(Option Explicit
Dim gBuild, objOS
Sub LoadBuild()
  gBuild = GetOsBuild()
End Sub
Function GetOsBuild()
  Dim os
  For Each os In GetObject("winmgmts:").InstancesOf("Win32_OperatingSystem")
    GetOsBuild = os.BuildNumber
  Next
End Function
Function GetOsObject()
  Dim o
  For Each o In GetObject("winmgmts:").InstancesOf("Win32_OperatingSystem")
    Set GetOsObject = o
  Next
End Function
Function GetUbr()
  Dim sh
  Set sh = CreateObject("WScript.Shell")
  GetUbr = sh.RegRead("HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\UBR")
End Function
Sub LogLine(s)
  WScript.Echo s
End Sub
Sub CheckWriter()
  If gBuild = 6002 Then LogLine "writer"
End Sub
Sub CheckCallee()
  If GetOsBuild() = "6002" Then LogLine "callee"
End Sub
Sub CheckRollup()
  If GetUbr() >= 24000 Then LogLine "rollup"
End Sub
Sub CheckTopLevel()
  If objOS.BuildNumber = "6002" Then LogLine "top"
End Sub
Function CountFiles(p)
  CountFiles = CreateObject("Scripting.FileSystemObject").GetFolder(p).Files.Count
End Function
Sub Cleanup()
  Dim f
  f = "x"
End Sub
LoadBuild
Set objOS = GetOsObject()
)";
  core::FrontendOptions Skip;
  Skip.Triggers = core::defaultTriggerWords();
  uint64_t Before = script::skippedProcedures();
  auto A = analyze("a.vbs", Src, Skip);
  EXPECT_EQ(script::skippedProcedures() - Before, 2u); // the unrelated ones
  auto B = analyze("a.vbs", Src);
  EXPECT_EQ(script::skippedProcedures() - Before, 2u); // none: no triggers
  EXPECT_EQ(ids(A), ids(B));
  EXPECT_EQ(ids(A), "VG001@27:6 VG001@30:6 VG003@33:6 VG001@36:6");
  EXPECT_EQ(A.Guards.size(), B.Guards.size());
  EXPECT_EQ(A.Diags.size(), B.Diags.size());
  EXPECT_EQ(applyFixes(Src, A), applyFixes(Src, B));
}

// --- issue 13: ByRef, RegExp, Dictionary, the modules of a project ---------

TEST(VBScriptFrontend, ByRefParameterHandsTheBuildBack) {
  std::string Src =
      "Sub GetBuild(outBuild)\n"
      "  outBuild = CLng(CreateObject(\"WScript.Shell\").RegRead(\"HKLM\\"
      "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuild\"))\n"
      "End Sub\n"
      "Sub Keep(ByVal b)\n"
      "  b = CLng(CreateObject(\"WScript.Shell\").RegRead(\"HKLM\\"
      "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuild\"))\n"
      "End Sub\n"
      "Dim x, y\n"
      "GetBuild x\n"
      "If x = 6002 Then WScript.Echo 1\n"
      "Keep y\n"
      "If y = 6002 Then WScript.Echo 2\n";
  auto A = analyze("a.vbs", Src);
  EXPECT_EQ(ids(A), "VG001@9:4");
}

TEST(VBScriptFrontend, RegExpPatternIsTested) {
  std::string Src = "Set re = New RegExp\n"
                    "re.Pattern = \"^6\\.0\\.6002\"\n"
                    "For Each os In GetObject(\"winmgmts:\").InstancesOf("
                    "\"Win32_OperatingSystem\")\n"
                    "  If re.Test(os.Version) Then WScript.Echo 1\n"
                    "Next\n";
  auto A = analyze("a.vbs", Src);
  ASSERT_EQ(ids(A), "VG002@4:6");
  EXPECT_NE(applyFixes(Src, A).find("re.Pattern = \"^6\\.0\\.600[23]\""),
            std::string::npos)
      << applyFixes(Src, A);
}

TEST(VBScriptFrontend, DictionaryKeyedByBuildIsATable) {
  std::string Src =
      "Set d = CreateObject(\"Scripting.Dictionary\")\n"
      "d.Add 6001, \"SP1\"\n"
      "d.Add 6002, \"SP2\"\n"
      "b = CLng(CreateObject(\"WScript.Shell\").RegRead(\"HKLM\\SOFTWARE\\"
      "Microsoft\\Windows NT\\CurrentVersion\\CurrentBuildNumber\"))\n"
      "If d.Exists(b) Then WScript.Echo d(b)\n";
  auto A = analyze("a.vbs", Src);
  ASSERT_EQ(ids(A), "VG005@3:1");
  EXPECT_NE(applyFixes(Src, A).find("d.Add 6002, \"SP2\"\nd.Add 6003, "
                                    "\"SP2\"\n"),
            std::string::npos)
      << applyFixes(Src, A);
}

TEST(VBScriptFrontend, ClassModuleOfTheSameFolder) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("vg-vba-project", Dir));
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS((Dir + "/COs.cls").str(), EC);
    ASSERT_FALSE(EC);
    OS << "VERSION 1.0 CLASS\nBEGIN\n  MultiUse = -1\nEND\n"
          "Attribute VB_Name = \"COs\"\n"
          "Private m As Long\n"
          "Private Sub Class_Initialize()\n"
          "  Dim o As Object\n"
          "  For Each o In GetObject(\"winmgmts:\").InstancesOf("
          "\"Win32_OperatingSystem\")\n"
          "    m = CLng(o.BuildNumber)\n"
          "  Next\n"
          "End Sub\n"
          "Public Property Get Build() As Long\n"
          "  Build = m\n"
          "End Property\n";
  }
  std::string Src = "Attribute VB_Name = \"modMain\"\n"
                    "Sub Main()\n"
                    "  Dim os As New COs\n"
                    "  If os.Build = 6002 Then MsgBox 1\n"
                    "End Sub\n";
  auto A = analyze((Dir + "/modMain.bas").str(), Src);
  EXPECT_EQ(ids(A), "VG001@4:6");
  // The fix edits this module only.
  for (const core::Finding &F : A.Findings) {
    if (!F.TheFix)
      continue;
    for (const core::Edit &E : F.TheFix->Edits) {
      EXPECT_EQ(E.Span.File, (Dir + "/modMain.bas").str());
    }
  }
  llvm::sys::fs::remove_directories(Dir);
  EXPECT_EQ(ids(analyze((Dir + "/modMain.bas").str(), Src)), "");
}
