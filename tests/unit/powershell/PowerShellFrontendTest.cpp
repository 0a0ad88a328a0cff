//===- PowerShellFrontendTest.cpp -----------------------------------------===//
//
// Lowers PowerShell snippets, runs the rules on the guards and checks the
// findings and the text of the proven fixes. The annotated corpus is checked
// through the binary by tests/corpus/CorpusRunner.cpp, for every language.
//
//===----------------------------------------------------------------------===//
#include "powershell/PowerShellFrontend.h"

#include "../TestSupport.h"

#include "core/SourceTable.h"

#include "rules/Checker.h"
#include "script/ParsePlan.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

using namespace verguard;
using namespace verguard::core;

namespace {

struct Result {
  std::vector<Guard> Guards;
  std::vector<Finding> Findings;
  std::vector<Diagnostic> Diags;
  std::string Bytes;
  script::DecodedText Text;

  /// The findings as "VG001@line:col".
  std::vector<std::string> ids() const {
    std::vector<std::string> R;
    for (const Finding &F : Findings)
      R.push_back(F.RuleId + "@" + std::to_string(F.Where.Line) + ":" +
                  std::to_string(F.Where.Col));
    return R;
  }
  std::string dump() const {
    std::string S;
    for (const Guard &G : Guards)
      S += "guard " + G.Text +
           " :: " + (G.Cond ? toString(*G.Cond) : std::string("<select>")) +
           "\n";
    for (const Finding &F : Findings)
      S += F.RuleId + " " + std::to_string(F.Where.Line) + ":" +
           std::to_string(F.Where.Col) + " " + F.Message +
           (F.TheFix ? " [fix]" : " [no fix: " + F.NoFixReason + "]") + "\n";
    for (const Finding &F : Findings)
      if (F.TheFix)
        for (const Edit &E : F.TheFix->Edits)
          S += "  edit " + std::to_string(E.Span.Begin) + "-" +
               std::to_string(E.Span.End) + " -> " + E.Replacement + "\n";
    for (const Diagnostic &D : Diags)
      S += "diag " + D.Message + "\n";
    return S;
  }
};

Result run(llvm::StringRef Bytes, llvm::StringRef Path = "test.ps1",
           const FrontendOptions &Opts = FrontendOptions()) {
  Result R;
  R.Bytes = Bytes.str();
  auto T = script::decodeText(Bytes, Path);
  if (!T) {
    ADD_FAILURE() << llvm::toString(T.takeError());
    return R;
  }
  R.Text = std::move(*T);
  powershell::lowerFile(Path, R.Text, Opts, R.Guards, R.Diags);
  static const rules::CheckConfig Cfg = rules::defaultCheckConfig();
  for (const Guard &G : R.Guards)
    for (Finding &F : rules::checkGuard(G, Cfg))
      R.Findings.push_back(std::move(F));
  return R;
}

/// Applies every proven fix's edits (each edit once) to the original bytes.
std::string applyFixes(const Result &R, bool *Overlap = nullptr) {
  return test::applyFixes(
      R.Bytes, R.Findings,
      [&](const std::string &T) { return R.Text.encode(T); }, Overlap);
}

std::string fixOf(llvm::StringRef Src) { return applyFixes(run(Src)); }

bool has(const Result &R, llvm::StringRef Id, unsigned Line) {
  for (const Finding &F : R.Findings)
    if (F.RuleId == Id && F.Where.Line == Line)
      return true;
  return false;
}

} // namespace

// --- version sources and flow ---------------------------------------------

TEST(PowerShellFrontend, WmiBuildNumberEqualsString) {
  auto R = run("$os = Get-WmiObject -Class Win32_OperatingSystem\n"
               "if ($os.BuildNumber -eq '6002') { 'SP2' }\n");
  ASSERT_EQ(R.ids(), std::vector<std::string>{"VG001@2:5"}) << R.dump();
  EXPECT_EQ(R.Findings[0].Level, Severity::Error);
  EXPECT_EQ(applyFixes(R),
            "$os = Get-WmiObject -Class Win32_OperatingSystem\n"
            "if ('6002', '6003' -contains $os.BuildNumber) { 'SP2' }\n");
}

TEST(PowerShellFrontend, EnvironmentOSVersionBuild) {
  auto R = run("if ([Environment]::OSVersion.Version.Build -eq 6002) {}\n");
  ASSERT_EQ(R.ids(), std::vector<std::string>{"VG001@1:5"}) << R.dump();
  EXPECT_EQ(
      applyFixes(R),
      "if (6002, 6003 -contains [Environment]::OSVersion.Version.Build) {}\n");
}

TEST(PowerShellFrontend, GreaterOrEqualIsSilent) {
  auto R = run("$b = [System.Environment]::OSVersion.Version.Build\n"
               "if ($b -ge 6002) { 'ok' }\n");
  EXPECT_TRUE(R.Findings.empty()) << R.dump();
}

TEST(PowerShellFrontend, PSVersionTableIsNotASource) {
  auto R = run("if ($PSVersionTable.PSVersion.Build -eq 6002) {}\n"
               "if ($Host.Version.Build -lt 6003) {}\n");
  EXPECT_TRUE(R.Findings.empty()) << R.dump();
}

TEST(PowerShellFrontend, LikeIsWidened) {
  auto R = run("$v = (Get-CimInstance Win32_OperatingSystem).Version\n"
               "if ($v -like '6.0.6002*') { 'Vista SP2' }\n");
  ASSERT_EQ(R.ids(), std::vector<std::string>{"VG002@2:5"}) << R.dump();
  EXPECT_EQ(applyFixes(R),
            "$v = (Get-CimInstance Win32_OperatingSystem).Version\n"
            "if ($v -like '6.0.600[23]*') { 'Vista SP2' }\n");
}

TEST(PowerShellFrontend, MatchIsWidened) {
  EXPECT_EQ(fixOf("if ((gwmi win32_operatingsystem).Version -match "
                  "'6\\.0\\.6002') {}\n"),
            "if ((gwmi win32_operatingsystem).Version -match "
            "'6\\.0\\.600[23]') {}\n");
}

TEST(PowerShellFrontend, NotLikeJoinsWithAnd) {
  auto R = run("$v = [Environment]::OSVersion.VersionString\n"
               "if ($v -notlike '*6.0.6002*') { 'other' }\n");
  ASSERT_EQ(R.ids(), std::vector<std::string>{"VG002@2:5"}) << R.dump();
  EXPECT_EQ(applyFixes(R), "$v = [Environment]::OSVersion.VersionString\n"
                           "if ($v -notlike '*6.0.600[23]*') { 'other' }\n");
}

TEST(PowerShellFrontend, LeftOperandTypeGoverns) {
  // '6003' -gt 600 compares strings: "6003" > "600" is true on both builds.
  auto R = run("$b = (Get-WmiObject Win32_OperatingSystem).BuildNumber\n"
               "if ($b -gt 6002) { 'newer' }\n"
               "if ([int]$b -gt 6002) { 'newer' }\n");
  EXPECT_EQ(R.ids(), (std::vector<std::string>{"VG001@2:5", "VG001@3:5"}))
      << R.dump();
  EXPECT_EQ(applyFixes(R),
            "$b = (Get-WmiObject Win32_OperatingSystem).BuildNumber\n"
            "if ($b -gt 6003) { 'newer' }\n"
            "if ([int]$b -gt 6003) { 'newer' }\n");
}

TEST(PowerShellFrontend, CaseSensitiveEqualsOnDigitsUsesIn) {
  EXPECT_EQ(
      fixOf("if ((gcim Win32_OperatingSystem).BuildNumber -ceq '6002') "
            "{}\n"),
      "if ('6002', '6003' -contains (gcim Win32_OperatingSystem).BuildNumber) "
      "{}\n");
}

TEST(PowerShellFrontend, InventoryOrOfEqualities) {
  auto R = run("$OS = Get-WmiObject Win32_OperatingSystem\n"
               "if (($OS.BuildNumber -eq 6001) -or ($OS.BuildNumber -eq 6002)) "
               "{ 'Server 2008' }\n");
  ASSERT_EQ(R.ids(), std::vector<std::string>{"VG001@2:37"}) << R.dump();
  EXPECT_EQ(applyFixes(R),
            "$OS = Get-WmiObject Win32_OperatingSystem\n"
            "if (($OS.BuildNumber -eq 6001) -or (6002, 6003 -contains "
            "$OS.BuildNumber)) { 'Server 2008' }\n");
}

TEST(PowerShellFrontend, VersionCastEquality) {
  auto R = run("$os = Get-WmiObject Win32_OperatingSystem\n"
               "if ([version]$os.Version -eq [version]\"6.0.6002\") { }\n");
  ASSERT_EQ(R.ids(), std::vector<std::string>{"VG002@2:5"}) << R.dump();
  EXPECT_EQ(
      applyFixes(R),
      "$os = Get-WmiObject Win32_OperatingSystem\n"
      "if (\"6.0.6002\", \"6.0.6003\" -contains [version]$os.Version) { }\n");
}

TEST(PowerShellFrontend, SwitchArmGainsTheNewBuild) {
  auto R = run("$Build = [Environment]::OSVersion.Version.Build\n"
               "switch ($Build) {\n"
               "    6001 { 'SP1' }\n"
               "    6002 { 'SP2' }\n"
               "    default { 'Not Vulnerable' }\n"
               "}\n");
  ASSERT_EQ(R.ids(), std::vector<std::string>{"VG001@4:5"}) << R.dump();
  EXPECT_EQ(applyFixes(R), "$Build = [Environment]::OSVersion.Version.Build\n"
                           "switch ($Build) {\n"
                           "    6001 { 'SP1' }\n"
                           "    { 6002, 6003 -contains $_ } { 'SP2' }\n"
                           "    default { 'Not Vulnerable' }\n"
                           "}\n");
}

TEST(PowerShellFrontend, OneLineSwitchIsRecoveredWithoutANote) {
  auto R = run("$v = (gwmi Win32_OperatingSystem).Version\n"
               "switch -regex ($v) { '^6\\.0\\.6002' { 1 } default { 2 } }\n");
  ASSERT_EQ(R.ids(), std::vector<std::string>{"VG002@2:22"}) << R.dump();
  EXPECT_TRUE(R.Diags.empty()) << R.dump();
  EXPECT_EQ(applyFixes(R),
            "$v = (gwmi Win32_OperatingSystem).Version\n"
            "switch -regex ($v) { '^6\\.0\\.600[23]' { 1 } default { 2 } }\n");
}

TEST(PowerShellFrontend, ScriptBlockSwitchArm) {
  auto R = run("switch ([Environment]::OSVersion.Version.Build) {\n"
               "    { $_ -eq 6002 } { 'SP2' }\n"
               "}\n");
  ASSERT_EQ(R.ids(), std::vector<std::string>{"VG001@2:7"}) << R.dump();
  EXPECT_EQ(applyFixes(R), "switch ([Environment]::OSVersion.Version.Build) {\n"
                           "    { ($_ -eq 6002 -or $_ -eq 6003) } { 'SP2' }\n"
                           "}\n");
}

TEST(PowerShellFrontend, WhereObjectSimplifiedSyntax) {
  auto R = run("Get-CimInstance Win32_OperatingSystem | Where-Object "
               "BuildNumber -eq '6002'\n");
  ASSERT_EQ(R.ids(), std::vector<std::string>{"VG001@1:54"}) << R.dump();
  EXPECT_EQ(applyFixes(R), "Get-CimInstance Win32_OperatingSystem | "
                           "Where-Object BuildNumber -in '6002', '6003'\n");
}

TEST(PowerShellFrontend, WqlFilterIsJoined) {
  auto R = run("Get-WmiObject -Class Win32_OperatingSystem -Filter "
               "\"BuildNumber = '6002'\"\n");
  ASSERT_EQ(R.ids(), std::vector<std::string>{"VG002@1:53"}) << R.dump();
  EXPECT_EQ(applyFixes(R),
            "Get-WmiObject -Class Win32_OperatingSystem -Filter "
            "\"(BuildNumber = '6002' OR BuildNumber = '6003')\"\n");
}

TEST(PowerShellFrontend, WqlQuery) {
  auto R = run("$r = Get-WmiObject -Query 'SELECT * FROM Win32_OperatingSystem "
               "WHERE Version LIKE \"6.0.6002%\"'\n");
  ASSERT_EQ(R.ids().size(), 1u) << R.dump();
  EXPECT_EQ(applyFixes(R),
            "$r = Get-WmiObject -Query 'SELECT * FROM Win32_OperatingSystem "
            "WHERE Version LIKE \"6.0.600[23]%\"'\n");
}

TEST(PowerShellFrontend, RevisionThresholdPairsWithTheBuild) {
  auto R = run(
      "$ver = (Get-Item \"$env:windir\\System32\\kernel32.dll\").VersionInfo\n"
      "if ($ver.FilePrivatePart -lt 24000) { 'missing the rollup' }\n");
  ASSERT_EQ(R.ids(), std::vector<std::string>{"VG003@2:5"}) << R.dump();
  EXPECT_EQ(applyFixes(R),
            "$ver = (Get-Item "
            "\"$env:windir\\System32\\kernel32.dll\").VersionInfo\n"
            "if ($ver.FilePrivatePart -lt 24000 -and $ver.FileBuildPart -ne "
            "6003) { 'missing the rollup' }\n");
}

TEST(PowerShellFrontend, RegistryStringBuild) {
  auto R = run("$cv = Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\Windows "
               "NT\\CurrentVersion'\n"
               "if ($cv.CurrentBuildNumber -eq '6002') {}\n"
               "$b = Get-ItemPropertyValue -Path "
               "'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion' -Name "
               "CurrentBuild\n"
               "if ($b -ne '6002') { exit 1 }\n");
  EXPECT_TRUE(has(R, "VG001", 2)) << R.dump();
  EXPECT_TRUE(has(R, "VG001", 4)) << R.dump();
}

TEST(PowerShellFrontend, HashtableKeyedByBuild) {
  auto R = run("$names = @{\n"
               "    6001 = 'Server 2008'\n"
               "    6002 = 'Server 2008 SP2'\n"
               "}\n"
               "$os = Get-CimInstance Win32_OperatingSystem\n"
               "$name = $names[[int]$os.BuildNumber]\n");
  ASSERT_EQ(R.ids(), std::vector<std::string>{"VG005@3:5"}) << R.dump();
  EXPECT_EQ(applyFixes(R), "$names = @{\n"
                           "    6001 = 'Server 2008'\n"
                           "    6002 = 'Server 2008 SP2'; 6003 = 'Server 2008 "
                           "SP2'\n"
                           "}\n"
                           "$os = Get-CimInstance Win32_OperatingSystem\n"
                           "$name = $names[[int]$os.BuildNumber]\n");
}

TEST(PowerShellFrontend, PipelinesAndFunctions) {
  auto R = run("function Get-OsBuild {\n"
               "    Get-WmiObject Win32_OperatingSystem |\n"
               "        Select-Object -ExpandProperty BuildNumber\n"
               "}\n"
               "$b = Get-OsBuild\n"
               "if ($b -eq '6002') {}\n"
               "$v = gwmi Win32_OperatingSystem | % { $_.Version }\n"
               "if ($v.StartsWith('6.0.6002')) {}\n"
               "Get-WmiObject Win32_OperatingSystem | Where-Object { "
               "$_.BuildNumber -eq 6002 }\n");
  EXPECT_TRUE(has(R, "VG001", 6)) << R.dump();
  EXPECT_TRUE(has(R, "VG002", 8)) << R.dump();
  EXPECT_TRUE(has(R, "VG001", 9)) << R.dump();
}

TEST(PowerShellFrontend, SplitAndIndex) {
  auto R = run("$os = Get-WmiObject Win32_OperatingSystem\n"
               "$build = $os.Version.Split('.')[2]\n"
               "if ($build -eq '6002') {}\n"
               "if ([int](($os.Version -split '\\.')[2]) -le 6002) {}\n");
  EXPECT_TRUE(has(R, "VG001", 3)) << R.dump();
  EXPECT_TRUE(has(R, "VG001", 4)) << R.dump();
}

TEST(PowerShellFrontend, InferredNameIsAWarning) {
  auto R = run("param([int]$Build)\n"
               "if ($Build -eq 6002) { 'SP2' }\n"
               "if ($port -eq 6002) { 'listening' }\n");
  ASSERT_EQ(R.ids(), std::vector<std::string>{"VG001@2:5"}) << R.dump();
  EXPECT_EQ(R.Findings[0].Level, Severity::Warning);
}

TEST(PowerShellFrontend, ParseErrorIsANoteAndTheRestIsAnalyzed) {
  auto R = run("$x = @(1, 2\n"
               "function f {\n"
               "if ([Environment]::OSVersion.Version.Build -eq 6002) {}\n"
               "}}}}\n"
               "if ([Environment]::OSVersion.Version.Build -eq 6002) {}\n");
  ASSERT_FALSE(R.Diags.empty());
  EXPECT_EQ(R.Diags[0].Level, Severity::Note);
  EXPECT_EQ(R.Diags[0].Where.File, "test.ps1");
  EXPECT_EQ(R.Diags[0].Message.rfind("parse error", 0), 0u)
      << R.Diags[0].Message;
  EXPECT_FALSE(R.Findings.empty()) << R.dump();
}

// The grammar rejects one-line switch clauses the lowering recovers: they
// are not reported as parse errors, and the switch is still analyzed.
TEST(PowerShellFrontend, OneLineSwitchClausesAreNotParseErrors) {
  auto R = run("$b = [Environment]::OSVersion.Version.Build\n"
               "switch ($b) { 6002 {'sp2'} 6001 {'sp1'} }\n");
  EXPECT_TRUE(R.Diags.empty()) << R.Diags[0].Message;
  EXPECT_FALSE(R.Findings.empty()) << R.dump();
}

TEST(PowerShellFrontend, Utf16LeWithBom) {
  std::string Src = "# vérifier\r\n"
                    "if ([Environment]::OSVersion.Version.Build -eq 6002) "
                    "{ 'é' }\r\n";
  llvm::SmallVector<llvm::UTF16, 128> Units;
  ASSERT_TRUE(llvm::convertUTF8ToUTF16String(Src, Units));
  std::string Bytes = "\xFF\xFE";
  for (llvm::UTF16 U : Units) {
    Bytes += char(U & 0xFF);
    Bytes += char(U >> 8);
  }
  auto R = run(Bytes, "utf16.ps1");
  ASSERT_EQ(R.ids(), std::vector<std::string>{"VG001@2:5"}) << R.dump();
  std::string Fixed = applyFixes(R);
  std::string Want = "# vérifier\r\n"
                     "if (6002, 6003 -contains "
                     "[Environment]::OSVersion.Version.Build) { 'é' }\r\n";
  llvm::SmallVector<llvm::UTF16, 128> WantUnits;
  ASSERT_TRUE(llvm::convertUTF8ToUTF16String(Want, WantUnits));
  std::string WantBytes = "\xFF\xFE";
  for (llvm::UTF16 U : WantUnits) {
    WantBytes += char(U & 0xFF);
    WantBytes += char(U >> 8);
  }
  EXPECT_EQ(Fixed, WantBytes);
}

TEST(PowerShellFrontend, CrlfFile) {
  auto R = run("$os = Get-WmiObject Win32_OperatingSystem\r\n"
               "\r\n"
               "if ($os.Version -like '6.0.6002*') {\r\n"
               "  'x'\r\n"
               "}\r\n");
  ASSERT_EQ(R.ids(), std::vector<std::string>{"VG002@3:5"}) << R.dump();
  EXPECT_EQ(applyFixes(R), "$os = Get-WmiObject Win32_OperatingSystem\r\n"
                           "\r\n"
                           "if ($os.Version -like '6.0.600[23]*') {\r\n"
                           "  'x'\r\n"
                           "}\r\n");
}

TEST(PowerShellFrontend, DeepNestingDoesNotOverflow) {
  std::string Src = "$x = ";
  for (int I = 0; I < 20000; ++I)
    Src += "(";
  Src += "1";
  for (int I = 0; I < 20000; ++I)
    Src += ")";
  Src += "\nif ([Environment]::OSVersion.Version.Build -eq 6002) {}\n";
  auto R = run(Src);
  EXPECT_TRUE(has(R, "VG001", 2)) << R.dump().substr(0, 2000);
}

// --- functions left unparsed ------------------------------------------------

TEST(PowerShellFrontend, LeavingOutUnrelatedFunctionsChangesNothing) {
  // Each check reads its build from another function or from a script
  // variable another region writes; three functions are unrelated.
  std::string S = R"(function Get-OSBuild {
    (Get-CimInstance Win32_OperatingSystem).BuildNumber
}
function Get-Files { Get-ChildItem $args[0] -Recurse }
function Set-Cache {
    $script:Cached = [Environment]::OSVersion.Version.Build
}
function Get-Rev {
    (Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion').UBR
}
function Get-OsInfo { Get-CimInstance Win32_OperatingSystem }
function Write-Log { Add-Content log.txt $args[0] }
function Test-Callee { if ((Get-OSBuild) -eq '6002') { 'a' } }
function Test-Writer { if ($Cached -eq 6002) { 'b' } }
function Test-Rollup { if ((Get-Rev) -ge 24000) { 'c' } }
function Test-TopLevel { if ($os.BuildNumber -eq '6002') { 'd' } }
function Format-Size { '{0:N0}' -f $args[0] }
$os = Get-OsInfo
Set-Cache
)";
  FrontendOptions Skip;
  Skip.Triggers = core::defaultTriggerWords();
  uint64_t Before = script::skippedProcedures();
  Result A = run(S, "test.ps1", Skip);
  EXPECT_EQ(script::skippedProcedures() - Before, 3u); // the unrelated ones
  Result B = run(S);
  EXPECT_EQ(script::skippedProcedures() - Before, 3u); // none: no triggers
  EXPECT_EQ(A.ids(), (std::vector<std::string>{"VG001@13:28", "VG001@14:28",
                                               "VG003@15:28", "VG001@16:30"}))
      << A.dump();
  EXPECT_EQ(A.dump(), B.dump());
}

TEST(PowerShellFrontend, APartialParseWithErrorsIsRedoneInFull) {
  // The top-level code does not parse: the parse without Get-Files has
  // errors, so the file is parsed again in full, and the note counts the
  // error in Get-Files too (a scan that misread a function's end would
  // show up the same way).
  std::string S = "function Get-Files { param($p) Get-ChildItem $p }\n"
                  "function Test-Sp2 { if ($x.BuildNumber -eq '6002') { 1 } }\n"
                  "$y = @(1,\n";
  FrontendOptions Skip;
  Skip.Triggers = {"6002", "6003"};
  Result A = run(S, "test.ps1", Skip), B = run(S);
  EXPECT_EQ(A.dump(), B.dump());
  ASSERT_EQ(A.Diags.size(), 1u) << A.dump();
  EXPECT_EQ(A.Diags[0].Where.Line, 1u);
  EXPECT_EQ(A.Diags[0].Where.Col, 22u);
  EXPECT_EQ(A.Diags[0].Message.rfind("parse error (2 unparsed regions)", 0), 0u)
      << A.Diags[0].Message;
}

// --- issue 13: lists, [ref], Select-String, other files --------------------

TEST(PowerShellFrontend, ListArgumentIsTestedItemByItem) {
  auto R = run("function Get-B { [Environment]::OSVersion.Version.Build }\n"
               "function Test-B([int[]]$Build) { $Build -contains (Get-B) }\n"
               "if (Test-B -Build 6001, 6002) {}\n"
               "if (Test-B -Build 7600, 7601) {}\n");
  ASSERT_EQ(R.ids(), std::vector<std::string>{"VG001@3:5"}) << R.dump();
  EXPECT_NE(applyFixes(R).find("Test-B -Build 6001, 6002, 6003"),
            std::string::npos)
      << R.dump();
}

TEST(PowerShellFrontend, RefParameterHandsTheBuildBack) {
  auto R = run("function Get-B([ref]$Out) {\n"
               "  $Out.Value = [Environment]::OSVersion.Version.Build\n"
               "}\n"
               "$b = 0\n"
               "Get-B ([ref]$b)\n"
               "if ($b -eq 6002) {}\n"
               "$c = 0\n"
               "if ($c -eq 6002) {}\n");
  ASSERT_EQ(R.ids(), std::vector<std::string>{"VG001@6:5"}) << R.dump();
}

TEST(PowerShellFrontend, SelectStringIsARegexUnlessSimpleMatch) {
  auto R = run("if (cmd /c ver | Select-String '6\\.0\\.6002' -Quiet) {}\n"
               "$hit = cmd /c ver | Select-String -Pattern '6.0.6002' "
               "-SimpleMatch\n"
               "if ($hit) {}\n"
               "if (cmd /c ver | Select-String '6\\.1\\.' -Quiet) {}\n");
  ASSERT_EQ(R.ids(), (std::vector<std::string>{"VG002@1:5", "VG002@2:8"}))
      << R.dump();
  ASSERT_EQ(R.Guards.size(), 3u) << R.dump();
  EXPECT_EQ(toString(*R.Guards[1].Cond), "contains(verOutput, \"6.0.6002\")");
}

TEST(PowerShellFrontend, DotSourcedFileDefinesTheVersion) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("vg-ps-import", Dir));
  auto Write = [&](llvm::StringRef Name, llvm::StringRef Text) {
    std::error_code EC;
    llvm::raw_fd_ostream OS((Dir + "/" + Name).str(), EC);
    ASSERT_FALSE(EC);
    OS << Text;
  };
  Write("lib.ps1", "$OSVersion = [Environment]::OSVersion.Version\n"
                   "function Get-Build { (Get-CimInstance "
                   "Win32_OperatingSystem).BuildNumber }\n");
  Write("Os.psm1", "function Get-Rev { (Get-ItemProperty "
                   "'HKLM:\\SOFTWARE\\Microsoft\\Windows "
                   "NT\\CurrentVersion').UBR }\n");
  std::string Main = (Dir + "/main.ps1").str();
  auto R = run(". $PSScriptRoot\\lib.ps1\n"
               "Import-Module .\\Os\n"
               "if ($OSVersion.Build -eq 6002) {}\n"
               "if ((Get-Build) -eq '6002') {}\n"
               "if ((Get-Rev) -ge 24000) {}\n",
               Main);
  EXPECT_EQ(R.ids(),
            (std::vector<std::string>{"VG001@3:5", "VG001@4:5", "VG003@5:5"}))
      << R.dump();
  // Nothing spelled in lib.ps1 is edited by a fix of main.ps1.
  for (const Finding &F : R.Findings) {
    if (!F.TheFix)
      continue;
    for (const Edit &E : F.TheFix->Edits) {
      EXPECT_EQ(E.Span.File, Main);
    }
  }
  // Without the file, the dot-sourced variable is unknown.
  llvm::sys::fs::remove_directories(Dir);
  auto Gone = run(". $PSScriptRoot\\lib.ps1\n"
                  "if ((Get-Build) -eq '6002') {}\n",
                  Main);
  EXPECT_TRUE(Gone.Findings.empty()) << Gone.dump();
}

// Bare-word lists in command arguments parse as separate arguments; commas
// of strings, comments, expressions, type names and class bases stay.
TEST(PowerShellFrontend, BareWordListsBecomeParseable) {
  auto P = powershell::parseableText(
      "Select-Object Caption, BuildNumber,Version | ft Name, Id\n");
  ASSERT_TRUE(P.has_value());
  EXPECT_EQ(*P, "Select-Object Caption  BuildNumber Version | ft Name  Id\n");
  P = powershell::parseableText("select Caption, @{ N = 'B'; E = { 1 } }\n");
  ASSERT_TRUE(P.has_value());
  EXPECT_EQ(*P, "select Caption  @{ N = 'B'; E = { 1 } }\n");
  // A comma at the end of a line continues the list; a bare word after a
  // calculated property or a quoted name is an item too.
  P = powershell::parseableText("select Caption, Version,\r\n  @{ N = 'B'; "
                                "E = { 1 } },\n  @{ N = 'C'; E = 'D' }, X\n");
  ASSERT_TRUE(P.has_value());
  EXPECT_EQ(*P, "select Caption  Version     @{ N = 'B'; E = { 1 } },   @{ N = "
                "'C'; E = 'D' }  X\n");
  P = powershell::parseableText("t -k x,pipe,resets=0\n");
  ASSERT_TRUE(P.has_value());
  EXPECT_EQ(*P, "t -k x pipe resets=0\n");
  P = powershell::parseableText("ft 'Name', Id\n");
  ASSERT_TRUE(P.has_value());
  EXPECT_EQ(*P, "ft 'Name'  Id\n");
  for (const char *Same :
       {"$a = 'x, y', \"p, q\" # A, B\n", "Test-Build -Build 6001, 6002\n",
        "[Dictionary[ string, int ]]::new()\n", "class C : Base, IFoo {}\n",
        "[Parameter(Mandatory, Position = 0)]\n", "f $a, $b\n",
        "<# A, B #>\n@'\nA, B\n'@\n", "$a = 1,\n  $b\n",
        "param(\n  [string]$A,\n  [int]$B\n)\n",
        "[ValidatePattern('^7$', ErrorMessage = 'x')]\n",
        "[ValidatePattern(\n  '^7$',\n  ErrorMessage = 'x')]\n",
        "$cases = @{ p = '' },\n  @{ p = 'b' }\n"})
    EXPECT_FALSE(powershell::parseableText(Same).has_value()) << Same;
}
