//===- PythonFrontendTest.cpp ---------------------------------------------===//
//
// Lowers Python snippets and checks the lowered guards (the IR the rules
// see), then the findings and the text of the proven fixes. The annotated
// corpus is checked through the binary by tests/corpus/CorpusRunner.cpp.
//
//===----------------------------------------------------------------------===//
#include "python/PythonFrontend.h"

#include "../ScriptLowering.h"

#include "core/Evaluator.h"
#include "core/Profile.h"
#include "rules/Checker.h"

#include <gtest/gtest.h>

using namespace verguard;
using namespace verguard::core;

namespace {

using Result = test::LoweredScript;

Result run(llvm::StringRef Bytes, llvm::StringRef Path = "test.py") {
  return test::lowerScript(Bytes, Path,
                           [](auto &&...A) { python::lowerFile(A...); });
}

using test::applyFixes;

using Strings = std::vector<std::string>;

} // namespace

// --- the lowered IR --------------------------------------------------------

TEST(PythonLowering, GetWindowsVersionMembersAndItems) {
  auto R = run("import sys\n"
               "v = sys.getwindowsversion()\n"
               "if v.build == 6002: pass\n"
               "if sys.getwindowsversion()[2] <= 6002: pass\n"
               "if v.major == 6 and v.minor == 0: pass\n");
  EXPECT_EQ(R.conds(), (Strings{"(build == 6002)", "(build <= 6002)",
                                "((major == 6) && (minor == 0))"}))
      << R.dump();
}

TEST(PythonLowering, ComparisonContinuedOnTheNextLine) {
  // A backslash continues the line; inside parentheses a line break is
  // white space. Either way the comparison is one guard.
  auto R = run("import sys\n"
               "if sys.getwindowsversion().build \\\n"
               "        == 6002:\n"
               "    pass\n"
               "def f(b):\n"
               "    return sys.getwindowsversion().build \\\n"
               "        < 6003\n"
               "x = (sys.getwindowsversion().build\n"
               "     <= 6002)\n");
  EXPECT_EQ(R.conds(),
            (Strings{"(build == 6002)", "(build < 6003)", "(build <= 6002)"}))
      << R.dump();
  EXPECT_EQ(R.ids(), (Strings{"VG001@2", "VG001@6", "VG001@8"})) << R.dump();
  // The guard's text and the message fold the continuation, and the fix
  // replaces it whole.
  EXPECT_EQ(R.Guards[0].Text, "sys.getwindowsversion().build == 6002");
  ASSERT_TRUE(R.Findings[0].Evaluated);
  EXPECT_EQ(R.Findings[0].Evaluated->Test,
            "`sys.getwindowsversion().build == 6002`");
  EXPECT_NE(
      applyFixes(R).find("if sys.getwindowsversion().build in (6002, 6003):\n"),
      std::string::npos)
      << applyFixes(R);
}

TEST(PythonLowering, TupleComparesElementWise) {
  auto R = run("import sys\n"
               "if sys.getwindowsversion()[:3] >= (6, 0, 6002): pass\n");
  ASSERT_EQ(R.conds().size(), 1u) << R.dump();
  // major > 6, or major == 6 and (minor > 0, or minor == 0 and build >= 6002)
  EXPECT_EQ(R.conds()[0], "((major > 6) || ((major == 6) && ((minor > 0) || "
                          "((minor == 0) && (build >= 6002)))))");
  EXPECT_TRUE(R.Findings.empty()) << R.dump();
  auto L = run("import sys\n"
               "if sys.getwindowsversion()[:3] <= (6, 0, 6002): pass\n");
  EXPECT_EQ(L.ids(), Strings{"VG001@2"}) << L.dump();
}

TEST(PythonLowering, StrAndIntAreNeverEqual) {
  // WMI's BuildNumber is a str: == 6002 is False on every build, and
  // ordering a str against an int raises TypeError (unknown).
  auto R = run("import wmi\n"
               "os = wmi.WMI().Win32_OperatingSystem()[0]\n"
               "a = os.BuildNumber == 6002\n"
               "b = os.BuildNumber != 6002\n"
               "c = os.BuildNumber < 6003\n"
               "d = os.BuildNumber == '6002'\n");
  EXPECT_EQ(R.conds(), Strings{"(toStr(build) == \"6002\")"}) << R.dump();
  EXPECT_EQ(R.ids(), Strings{"VG002@6"}) << R.dump();
}

TEST(PythonLowering, PlatformVersionSplit) {
  auto R = run("import platform\n"
               "if int(platform.version().split('.')[2]) == 6002: pass\n"
               "if platform.win32_ver()[1].startswith('6.0.6002'): pass\n");
  EXPECT_EQ(R.conds(),
            (Strings{"(build == 6002)", "startsWith(version, \"6.0.6002\")"}))
      << R.dump();
  EXPECT_EQ(R.ids(), (Strings{"VG001@2", "VG002@3"})) << R.dump();
}

TEST(PythonLowering, RegistryKeyAndValue) {
  auto R = run(
      "import winreg\n"
      "k = winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE,\n"
      "    r'SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion')\n"
      "b = winreg.QueryValueEx(k, 'CurrentBuildNumber')[0]\n"
      "if int(b) <= 6002: pass\n"
      "o = winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, r'SOFTWARE\\Contoso')\n"
      "if int(winreg.QueryValueEx(o, 'CurrentBuildNumber')[0]) == 6002: "
      "pass\n");
  EXPECT_EQ(R.conds(), Strings{"(build <= 6002)"}) << R.dump();
}

TEST(PythonLowering, ParametersPerCallAndReturns) {
  auto R = run("import sys\n"
               "def is_build(b):\n"
               "    return sys.getwindowsversion().build == b\n"
               "if is_build(6002): pass\n"
               "if is_build(7601): pass\n");
  // Inside the helper the parameter is unbound ($0): no finding there.
  EXPECT_EQ(R.conds(),
            (Strings{"(build == $0)", "(build == 6002)", "(build == 7601)"}))
      << R.dump();
  EXPECT_EQ(R.ids(), Strings{"VG001@4"}) << R.dump();
}

TEST(PythonLowering, HelperWalkedAgainWithItsArguments) {
  // The value name is the helper's parameter: each call reads what it names.
  auto R =
      run("import winreg\n"
          "def cv(name, default=None):\n"
          "    try:\n"
          "        k = winreg.OpenKey(getattr(winreg, 'HKEY_LOCAL_MACHINE'),\n"
          "            r'SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion')\n"
          "        return winreg.QueryValueEx(k, name)[0]\n"
          "    except OSError:\n"
          "        return default\n"
          "if cv('CurrentBuildNumber') == '6002': pass\n"
          "if cv('RegisteredOwner') == '6002': pass\n");
  EXPECT_EQ(R.conds(), Strings{"(toStr(build) == \"6002\")"}) << R.dump();
  EXPECT_EQ(R.ids(), Strings{"VG002@9"}) << R.dump();
}

TEST(PythonLowering, ClassAttributeSetInInit) {
  auto R = run("import sys\n"
               "class Os:\n"
               "    def __init__(self):\n"
               "        self.build = sys.getwindowsversion().build\n"
               "    def old(self):\n"
               "        return self.build < 6003\n");
  EXPECT_EQ(R.conds(), Strings{"(build < 6003)"}) << R.dump();
  // From the source, not guessed from the attribute's name: an error.
  ASSERT_EQ(R.Findings.size(), 1u) << R.dump();
  EXPECT_EQ(R.Findings[0].Level, Severity::Error);
  EXPECT_NE(applyFixes(R).find("        return self.build < 6004\n"),
            std::string::npos)
      << applyFixes(R);
}

TEST(PythonLowering, ModuleConstantDefinedBelowItsUse) {
  auto R = run("import sys\n"
               "def sp2():\n"
               "    return sys.getwindowsversion().build == SP2\n"
               "SP2 = 6002\n");
  EXPECT_EQ(R.conds(), Strings{"(build == 6002)"}) << R.dump();
  ASSERT_EQ(R.ids(), Strings{"VG001@3"}) << R.dump();
}

TEST(PythonLowering, MatchStatementArms) {
  auto R = run("import sys\n"
               "match sys.getwindowsversion().build:\n"
               "    case 6002:\n"
               "        x = 1\n"
               "    case 7600 | 7601:\n"
               "        x = 2\n"
               "    case _:\n"
               "        x = 3\n");
  EXPECT_EQ(R.conds(), Strings{"<select build>"}) << R.dump();
  ASSERT_EQ(R.Guards.size(), 1u);
  EXPECT_EQ(R.Guards[0].Arms.size(), 2u);
  EXPECT_EQ(R.Guards[0].Arms[1].Tests.size(), 2u);
  EXPECT_EQ(R.ids(), Strings{"VG001@3"}) << R.dump();
  EXPECT_NE(applyFixes(R).find("    case 6002 | 6003:\n"), std::string::npos)
      << applyFixes(R);
}

TEST(PythonLowering, DictKeyedByBuild) {
  auto R = run("import sys\n"
               "NAMES = {6001: 'SP1', 6002: 'SP2', 7601: 'R2'}\n"
               "n = NAMES.get(sys.getwindowsversion().build)\n");
  EXPECT_EQ(R.conds(), Strings{"<table build>"}) << R.dump();
  EXPECT_EQ(R.ids(), Strings{"VG005@2"}) << R.dump();
  EXPECT_EQ(applyFixes(R),
            "import sys\n"
            "NAMES = {6001: 'SP1', 6002: 'SP2', 6003: 'SP2', 7601: 'R2'}\n"
            "n = NAMES.get(sys.getwindowsversion().build)\n");
}

TEST(PythonLowering, FStringsAndFormat) {
  auto R = run("import sys\n"
               "v = sys.getwindowsversion()\n"
               "if f'{v.major}.{v.minor}.{v.build}' == '6.0.6002': pass\n"
               "if '%d.%d' % (v.major, v.minor) == '6.0': pass\n");
  EXPECT_EQ(R.conds(),
            (Strings{"(concat(toStr(major), \".\", toStr(minor), \".\", "
                     "toStr(build)) == \"6.0.6002\")",
                     "(concat(toStr(major), \".\", toStr(minor)) == \"6.0\")"}))
      << R.dump();
  EXPECT_EQ(R.ids(), Strings{"VG002@3"}) << R.dump();
}

// --- fixes in Python syntax -------------------------------------------------

TEST(PythonFixes, EqualityBecomesMembership) {
  auto R = run("import sys\n"
               "if sys.getwindowsversion().build == 6002: pass\n");
  EXPECT_EQ(applyFixes(R),
            "import sys\n"
            "if sys.getwindowsversion().build in (6002, 6003): pass\n");
}

TEST(PythonFixes, ListGainsTheNewBuild) {
  auto R = run("import sys\n"
               "if sys.getwindowsversion().build in (6001, 6002): pass\n");
  EXPECT_EQ(applyFixes(R),
            "import sys\n"
            "if sys.getwindowsversion().build in (6001, 6002, 6003): pass\n");
}

TEST(PythonFixes, StartsWithTakesATuple) {
  auto R = run("import platform\n"
               "if platform.version().startswith('6.0.6002'): pass\n"
               "if platform.version().startswith(('6.0.6001', '6.0.6002')):\n"
               "    pass\n");
  EXPECT_EQ(R.ids(), (Strings{"VG002@2", "VG002@3"})) << R.dump();
  EXPECT_EQ(applyFixes(R),
            "import platform\n"
            "if platform.version().startswith(('6.0.6002', '6.0.6003')): "
            "pass\n"
            "if platform.version().startswith(('6.0.6001', '6.0.6002', "
            "'6.0.6003')):\n"
            "    pass\n");
}

// --- bad input ---------------------------------------------------------------

TEST(PythonInput, ParseErrorIsANoteAndTheRestIsAnalyzed) {
  auto R = run("import sys\n"
               "def broken(:\n"
               "    pass\n"
               "if sys.getwindowsversion().build == 6002: pass\n");
  ASSERT_FALSE(R.Diags.empty());
  EXPECT_EQ(R.Diags[0].Where.Line, 2u);
  EXPECT_EQ(R.Diags[0].Message.rfind("parse error", 0), 0u)
      << R.Diags[0].Message;
  EXPECT_EQ(R.ids(), Strings{"VG001@4"}) << R.dump();
}

TEST(PythonInput, DeepNestingIsCutOffWithANote) {
  std::string S = "import sys\nx = ";
  for (int I = 0; I < 5000; ++I)
    S += "-";
  S += "sys.getwindowsversion().build == 6002\n";
  auto R = run(S);
  ASSERT_EQ(R.Diags.size(), 1u) << R.dump();
  EXPECT_NE(R.Diags[0].Message.find("nested"), std::string::npos)
      << R.Diags[0].Message;
  EXPECT_EQ(R.Diags[0].Where.Line, 2u);
}

namespace {
class PythonImports : public test::TempDirTest {};

TEST_F(PythonImports, TheProjectsModulesAreReadAndAreDependencies) {
  write("pkg/__init__.py", "");
  std::string OsInfo =
      write("pkg/osinfo.py", "import sys\nSP2 = 6002\n"
                             "def os_build():\n"
                             "    return sys.getwindowsversion().build\n");
  write("pkg/mid.py", "from .osinfo import SP2\n");
  std::string Main =
      write("app/main.py", "from pkg import mid\nimport pkg.osinfo as oi\n");
  auto Holds = [](llvm::StringRef T) { return T.contains("6002"); };
  std::vector<std::string> Deps;
  // Through an absolute import from a folder above, and a relative one.
  EXPECT_TRUE(
      python::importsHold(Main, "from pkg import mid\n", "", Holds, &Deps));
  EXPECT_TRUE(llvm::is_contained(Deps, OsInfo)) << "two imports deep";
  // No module of the project: where one would be is still a dependency.
  Deps.clear();
  EXPECT_FALSE(python::importsHold(Main, "import os, sys as s  # comment\n", "",
                                   Holds, &Deps));
  EXPECT_TRUE(llvm::is_contained(Deps, (Dir + "/app/os.py").str()));
  // A comparison of two names of the module: read, and a finding here.
  std::string Use = "import pkg.osinfo as oi\n"
                    "if oi.os_build() == oi.SP2: pass\n";
  Result R = test::lowerScript(Use, Main,
                               [](auto &&...A) { python::lowerFile(A...); });
  EXPECT_EQ(R.conds(), Strings{"(build == 6002)"}) << R.dump();
}
} // namespace
