// The script parse plan: which top-level procedures a PowerShell or VB parse
// leaves out, and that the scan trusts nothing it cannot read.
#include "script/ParsePlan.h"
#include "core/SourceTable.h"

#include <gtest/gtest.h>

using namespace verguard::script;

namespace {

const std::vector<std::string> Triggers = verguard::core::defaultTriggerWords();

/// Which of the procedures (each given by a snippet of its header, unique in
/// Text) the plan leaves out, in the order given.
std::string skipped(const std::string &Text, PlanDialect D,
                    const std::vector<std::string> &Headers,
                    std::vector<std::pair<uint32_t, uint32_t>> Keep = {},
                    llvm::StringRef NeverSkip = {}) {
  ParsePlan P = planParse(Text, D, Triggers, Keep, NeverSkip);
  std::string S;
  for (const std::string &H : Headers) {
    size_t At = Text.find(H);
    EXPECT_NE(At, std::string::npos) << H;
    bool Parsed =
        P.Ranges.empty() ||
        std::any_of(P.Ranges.begin(), P.Ranges.end(), [&](const TSRange &R) {
          return R.start_byte <= At && At < R.end_byte;
        });
    if (!Parsed)
      S += (S.empty() ? "" : " ") + H;
  }
  return S;
}

std::string ps(const std::string &Text,
               const std::vector<std::string> &Headers) {
  return skipped(Text, PlanDialect::PowerShell, Headers);
}
std::string vb(const std::string &Text,
               const std::vector<std::string> &Headers) {
  return skipped(Text, PlanDialect::VB, Headers);
}

/// Each text is one the scan cannot read with certainty: nothing is left
/// out of its parse.
void expectUntrusted(PlanDialect D, std::initializer_list<const char *> Bad) {
  for (const char *Text : Bad) {
    ParsePlan P = planParse(Text, D, Triggers);
    EXPECT_TRUE(P.Ranges.empty()) << Text;
    EXPECT_FALSE(P.Trusted) << Text;
  }
}

} // namespace

TEST(ParsePlan, PowerShellSkipsFunctionsUnrelatedToTheTriggers) {
  std::string T = R"(param([string]$Root = $PSScriptRoot)
function Get-Files {
    param([string]$Path)
    Get-ChildItem -Path $Path -Recurse | Where-Object { $_.Length -gt 10 }
}
function Test-Sp2 {
    $os = Get-CimInstance Win32_OperatingSystem
    return $os.BuildNumber -eq '6002'
}
filter Format-Line { "[$_]" }
Get-Files -Path $Root
)";
  EXPECT_EQ(ps(T, {"Get-Files {", "Test-Sp2", "Format-Line"}),
            "Get-Files { Format-Line");
  // The ranges keep the original offsets and points.
  ParsePlan P = planParse(T, PlanDialect::PowerShell, Triggers);
  ASSERT_EQ(P.Ranges.size(), 3u);
  EXPECT_EQ(P.Ranges[0].start_byte, 0u);
  EXPECT_EQ(P.Ranges[0].end_byte, T.find("function Get-Files"));
  EXPECT_EQ(P.Ranges[1].start_byte, T.find("}\nfunction Test-Sp2") + 1);
  EXPECT_EQ(P.Ranges[1].start_point.row, 4u);
  EXPECT_EQ(P.Ranges[1].start_point.column, 1u);
  EXPECT_EQ(P.Ranges[1].end_point.row, 9u);
  EXPECT_EQ(P.Ranges[1].end_point.column, 0u);
  EXPECT_EQ(P.Ranges[2].end_byte, T.size());
  EXPECT_EQ(P.Procedures, 3u);
  EXPECT_EQ(P.Skipped, 2u);
}

TEST(ParsePlan, PowerShellKeepsCalleesWritersAndCallersOfHotFunctions) {
  std::string T = R"(
function Get-Build { (Get-CimInstance Win32_OperatingSystem).BuildNumber }
function Get-Helper { 'x' }
function Get-Rev { [Environment]::OSVersion.Version.Revision }
function Set-Cache { $script:CachedBuild = Get-Build }
function Test-Sp2 { return (Get-Build) -eq 6002 -or $CachedBuild -eq 6002 }
function Test-Rollup { if ((Get-Rev) -ge 24000) { 'rollup' } }
function Unrelated { $CachedName = Get-Helper }
)";
  // Get-Build: called by a hot function; Set-Cache: writes a script
  // variable the hot function reads; Test-Rollup: calls a hot function (a
  // revision source). Unrelated's local $CachedName links nothing, and
  // Get-Helper is called by nothing kept.
  EXPECT_EQ(ps(T, {"Get-Build", "Get-Helper", "Get-Rev", "Set-Cache",
                   "Test-Sp2", "Test-Rollup", "Unrelated"}),
            "Get-Helper Unrelated");
}

TEST(ParsePlan, PowerShellTopLevelCodeLinksScriptVariables) {
  std::string T = R"(
function Get-OsInfo { Get-CimInstance Win32_OperatingSystem }
function Get-Other { 1 }
$os = Get-OsInfo
$other = Get-Other
function Test-Sp2 { if ($os.BuildNumber -eq '6002') { 'sp2' } }
)";
  // Test-Sp2 reads $os: the top-level code that writes it is needed, and
  // so is what it calls there (Get-OsInfo). The plan keeps a top-level
  // region whole, so Get-Other is kept too.
  EXPECT_EQ(ps(T, {"Get-OsInfo", "Get-Other {", "Test-Sp2"}), "");
  std::string U = R"(
function Get-OsInfo { Get-CimInstance Win32_OperatingSystem }
$os = Get-OsInfo
function Test-Sp2 { if ((Get-CimInstance Win32_OperatingSystem).BuildNumber -eq '6002') { 'sp2' } }
function Get-Other { $os }
)";
  // Nothing kept reads $os: Get-OsInfo and Get-Other are left out.
  EXPECT_EQ(ps(U, {"Get-OsInfo {", "Test-Sp2", "Get-Other"}),
            "Get-OsInfo { Get-Other");
}

TEST(ParsePlan, PowerShellHotConstantsReachTheirReaders) {
  std::string T = R"(
$script:LegacyBuild = 6002
function Test-Legacy { param($b) $b -eq $LegacyBuild }
function Test-Other { param($b) $b -eq 7601 }
)";
  EXPECT_EQ(ps(T, {"Test-Legacy", "Test-Other"}), "Test-Other");
}

TEST(ParsePlan, PowerShellStringsAndCommentsDoNotCountBraces) {
  std::string T = R"(
function A {
    $s = 'a } b'
    $d = "c } $(if ($x) { '}' }) d"
    $h = @"
} not a brace
"@
    $q = @'
{ nor this
'@
    # a comment with }
    <# a block
       comment with } #>
    ${odd name} = 1
    Write-Host `}
}
function Test-Sp2 { [Environment]::OSVersion.Version.Build -eq 6002 }
function B { 'unrelated' }
)";
  EXPECT_EQ(ps(T, {"function A", "Test-Sp2", "function B"}),
            "function A function B");
}

TEST(ParsePlan, PowerShellSmartQuotesAreQuotes) {
  std::string T = "function A { $s = \xE2\x80\x98}\xE2\x80\x99 }\n"
                  "function Test-Sp2 { $x -eq 6002 }\n"
                  "function B { \xE2\x80\x9C}\xE2\x80\x9D }\n";
  EXPECT_EQ(ps(T, {"function A", "Test-Sp2", "function B"}),
            "function A function B");
}

TEST(ParsePlan, PowerShellTrustsNothingItCannotRead) {
  // Unbalanced braces, an unterminated string, a here-string that never
  // ends, a definition whose body is not a brace block: nothing is left
  // out.
  expectUntrusted(PlanDialect::PowerShell,
                  {"function A { if ($x) { }\nfunction T { $b -eq 6002 }\n",
                   "function A { 'open }\nfunction T { $b -eq 6002 }\n",
                   "function A { @'\n}\nfunction T { $b -eq 6002 }\n",
                   "function A\nfunction T { $b -eq 6002 }\n",
                   "function A { } )\nfunction T { $b -eq 6002 }\n"});
}

TEST(ParsePlan, PowerShellOnlyTopLevelPlainNamesAreSkipped) {
  std::string T = R"(
function Outer {
    function Inner { 'x' }
    Inner
}
function global:Scoped { 'y' }
function Odd.Name { 'z' }
function Test-Sp2 { $b -eq 6002 }
)";
  // Inner goes with Outer; a scope prefix is not part of the name; a name
  // the scan's words cannot spell is kept.
  EXPECT_EQ(ps(T, {"function Outer", "Inner {", "global:Scoped", "Odd.Name",
                   "Test-Sp2"}),
            "function Outer Inner { global:Scoped");
  // A function defined inside a block is never on its own.
  std::string U = R"(
if ($IsWindows) {
    function Inside { 'x' }
}
function Test-Sp2 { $b -eq 6002 }
)";
  EXPECT_EQ(ps(U, {"Inside", "Test-Sp2"}), "");
}

TEST(ParsePlan, NoTriggersOrNothingToSkipMeansAFullParse) {
  std::string T = "function A { 1 }\nfunction T { $b -eq 6002 }\n";
  EXPECT_TRUE(planParse(T, PlanDialect::PowerShell, {}).Ranges.empty());
  std::string U = "function T { $b -eq 6002 }\n";
  ParsePlan P = planParse(U, PlanDialect::PowerShell, Triggers);
  EXPECT_TRUE(P.Ranges.empty());
  EXPECT_EQ(P.Skipped, 0u);
}

TEST(ParsePlan, VbSkipsProceduresUnrelatedToTheTriggers) {
  std::string T = R"(Option Explicit
Dim objOS
Private Sub LogLine(ByVal s)
    WScript.Echo s
End Sub

Public Function IsSp2()
    IsSp2 = (objOS.BuildNumber = "6002")
End Function

Function Helper(x) : Helper = x + 1 : End Function
Property Get Count()
    Count = 3
End Property
)";
  EXPECT_EQ(
      vb(T, {"Sub LogLine", "Function IsSp2", "Function Helper", "Get Count"}),
      "Sub LogLine Function Helper Get Count");
}

TEST(ParsePlan, VbKeepsResultsWritersAndModuleLevelLinks) {
  std::string T = R"(
Dim gBuild
Sub LoadBuild()
    gBuild = GetOsBuild()
End Sub
Function GetOsBuild()
    Dim os
    For Each os In GetObject("winmgmts:").InstancesOf("Win32_OperatingSystem")
        GetOsBuild = os.BuildNumber
    Next
End Function
Function Unrelated()
    Dim count
    count = 1
    Unrelated = count
End Function
Function IsSp2()
    IsSp2 = gBuild = 6002
End Function
Function Caller()
    If IsSp2() Then Caller = "legacy"
End Function
)";
  // IsSp2 reads the global gBuild: LoadBuild writes it from GetOsBuild.
  // Caller calls a hot function.
  EXPECT_EQ(vb(T, {"Sub LoadBuild", "Function GetOsBuild", "Function Unrelated",
                   "Function IsSp2", "Function Caller"}),
            "Function Unrelated");
}

TEST(ParsePlan, VbStringsCommentsAndContinuations) {
  std::string T = R"(
Function A()
    s = "End Function"
    ' End Function in a comment
    Rem End Sub as well
    t = "x" & _
        "End Function"
    A = s
End Function
Function IsSp2()
    IsSp2 = (b = 6002)
End Function
)";
  EXPECT_EQ(vb(T, {"Function A", "Function IsSp2"}), "Function A");
}

TEST(ParsePlan, VbClassesSyntheticMainsAndDirectivesAreAlwaysParsed) {
  std::string T = R"(
Sub VgTopLevel__1()
    Set os = GetOs()
End Sub
Function GetOs()
    Set GetOs = Nothing
End Function
Sub InClass()
    x = 1
End Sub
Function Debugged()
#If DEBUG Then
    Debug.Print "here"
#End If
    Debugged = 1
End Function
Function Other()
    Other = 2
End Function
Function IsSp2()
    IsSp2 = (os.BuildNumber = "6002")
End Function
)";
  size_t CB = T.find("Sub InClass"), CE = T.find("Function Debugged");
  // The synthetic top-level procedure writes os, which IsSp2 reads: its
  // callee GetOs is kept. InClass lies in a class. A directive inside a
  // body changes nothing.
  EXPECT_EQ(skipped(T, PlanDialect::VB,
                    {"VgTopLevel__1", "Function GetOs", "Sub InClass",
                     "Function Debugged", "Function Other", "Function IsSp2"},
                    {{uint32_t(CB), uint32_t(CE)}}, "VgTopLevel__"),
            "Function Debugged Function Other");
}

TEST(ParsePlan, VbTrustsNothingItCannotRead) {
  expectUntrusted(
      PlanDialect::VB,
      {"Function A()\nFunction B()\nEnd Function\nEnd Function\n"
       "Function T()\nT = 6002\nEnd Function\n",
       "End Sub\nFunction T()\nT = 6002\nEnd Function\nSub U()\nEnd Sub\n",
       "Sub A()\n#If X Then\nEnd Sub\nFunction T()\nT = 6002\nEnd Function\n",
       "#If VBA7 Then\nFunction G() As LongPtr\n#Else\nFunction G() As Long\n"
       "#End If\nG = 1\nEnd Function\nFunction T()\nT = 6002\nEnd Function\n",
       "Sub A()\ns = \"open\nEnd Sub\nFunction T()\nT = 6002\nEnd Function\n",
       "Sub A()\nx = 1\nFunction T()\nT = 6002\nEnd Function\n"});
}
