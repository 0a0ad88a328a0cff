//===- WixFrontendTest.cpp ------------------------------------------------===//
//
// Lowers WiX snippets and checks the IR of each condition (its text, and
// what it evaluates to on real profiles), the findings, the notes, and the
// MSI condition language's own rules: integer against string, precedence,
// entities, CDATA, Burn's versions. The annotated corpus is checked through
// the binary by tests/corpus.
//
//===----------------------------------------------------------------------===//
#include "wix/WixFrontend.h"

#include "core/Evaluator.h"
#include "core/FixSyntax.h"
#include "core/Profile.h"
#include "rules/Checker.h"
#include "wix/Condition.h"

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

Lowered lower(llvm::StringRef Src, llvm::StringRef Path = "t.wxs") {
  Lowered L;
  auto Text = script::decodeText(Src, Path);
  EXPECT_TRUE(bool(Text));
  if (!Text) {
    llvm::consumeError(Text.takeError());
    return L;
  }
  wix::lowerFile(Path, *Text, FrontendOptions(), L.Guards, L.Diags, &L.Deps);
  static const rules::CheckConfig Cfg = rules::defaultCheckConfig();
  for (const Guard &G : L.Guards)
    for (Finding &F : rules::checkGuard(G, Cfg))
      L.Findings.push_back(std::move(F));
  return L;
}

/// A product whose body is Body.
std::string product(llvm::StringRef Body, llvm::StringRef Prolog = "") {
  return "<?xml version=\"1.0\"?>\n" + Prolog.str() +
         "<Wix "
         "xmlns=\"http://schemas.microsoft.com/wix/2006/wi\">\n<Product "
         "Id=\"*\">\n" +
         Body.str() + "\n</Product>\n</Wix>\n";
}

/// A bundle whose body is Body.
std::string bundle(llvm::StringRef Body) {
  return "<?xml version=\"1.0\"?>\n<Wix "
         "xmlns=\"http://schemas.microsoft.com/wix/2006/wi\" "
         "xmlns:bal=\"http://schemas.microsoft.com/wix/BalExtension\">\n"
         "<Bundle Name=\"B\">\n" +
         Body.str() + "\n</Bundle>\n</Wix>\n";
}

/// A directory of files for includes, removed with what it holds.
struct TempDir {
  llvm::SmallString<128> Dir;
  TempDir() {
    EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("vg-wix", Dir));
  }
  std::string write(llvm::StringRef Name, llvm::StringRef Text) {
    std::string P = (Dir + "/" + Name).str();
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(P));
    std::error_code EC;
    llvm::raw_fd_ostream OS(P, EC);
    OS << Text;
    return P;
  }
  std::string path(llvm::StringRef Name) const {
    return (Dir + "/" + Name).str();
  }
  ~TempDir() { llvm::sys::fs::remove_directories(Dir); }
};

std::string on(const Expr &E, llvm::StringRef Id) {
  const Profile *P = builtinProfiles().find(Id);
  EXPECT_TRUE(P) << Id.str();
  return P ? evaluate(E, *P).str() : "";
}

/// The one guard's value on Vista SP2 before and after the bump.
std::pair<std::string, std::string> acrossBump(const Lowered &L) {
  EXPECT_EQ(L.Guards.size(), 1u);
  if (L.Guards.size() != 1)
    return {};
  return {on(*L.Guards[0].Cond, "sp2-6002"), on(*L.Guards[0].Cond, "sp2-6003")};
}

TEST(WixFrontend, LaunchConditionInElementText) {
  auto L = lower(
      product("<Condition Message=\"m\">WindowsBuild &lt;= 6002</Condition>"));
  ASSERT_EQ(L.Guards.size(), 1u);
  EXPECT_EQ(L.Guards[0].Text, "WindowsBuild &lt;= 6002");
  EXPECT_EQ(L.Guards[0].Syntax, Dialect::Wix);
  EXPECT_EQ(L.Guards[0].Where.Line, 4u);
  EXPECT_EQ(
      toString(*L.Guards[0].Cond),
      toString(*cmp(CmpOp::LE, quantity(Quantity::Build, ""), intConst(6002))));
  EXPECT_EQ(acrossBump(L), std::make_pair(std::string("1"), std::string("0")));
  ASSERT_EQ(L.Findings.size(), 1u);
  EXPECT_EQ(L.Findings[0].RuleId, "VG001");
}

TEST(WixFrontend, CDataIsTakenAsWritten) {
  auto L = lower(product("<Condition Message=\"m\"><![CDATA[VersionNT = 600 "
                         "AND WindowsBuild < 6003]]></Condition>"));
  ASSERT_EQ(L.Guards.size(), 1u);
  EXPECT_EQ(L.Guards[0].Syntax, Dialect::WixCData);
  EXPECT_EQ(acrossBump(L), std::make_pair(std::string("1"), std::string("0")));
  // VersionNT is major * 100 + minor: 601 on Windows 7.
  EXPECT_EQ(on(*L.Guards[0].Cond, "win7-sp1"), "0");
}

TEST(WixFrontend, VersionNTIsMajorTimes100PlusMinor) {
  auto L = lower(product("<Launch Condition=\"VersionNT = 601 AND "
                         "WindowsBuild &gt; 6002\" Message=\"m\"/>"));
  ASSERT_EQ(L.Guards.size(), 1u);
  EXPECT_EQ(on(*L.Guards[0].Cond, "win7-sp1"), "1");
  EXPECT_EQ(acrossBump(L), std::make_pair(std::string("0"), std::string("0")));
}

TEST(WixFrontend, IntegerAgainstStringNeverCompares) {
  // "6002" is a string literal: Windows Installer compares it with the
  // integer WindowsBuild never (false; <> true).
  auto L = lower(product("<Condition Message=\"m\">WindowsBuild = \"6002\" "
                         "OR WindowsBuild = 6002</Condition>"));
  ASSERT_EQ(L.Guards.size(), 1u);
  EXPECT_EQ(acrossBump(L), std::make_pair(std::string("1"), std::string("0")));
  auto N = lower(
      product("<Condition Message=\"m\">WindowsBuild = \"6002\"</Condition>"));
  EXPECT_TRUE(N.Guards.empty());
  auto NE = lower(product("<Condition Message=\"m\">WindowsBuild &lt;&gt; "
                          "\"6002\" AND WindowsBuild = 6002</Condition>"));
  EXPECT_EQ(acrossBump(NE), std::make_pair(std::string("1"), std::string("0")));
}

TEST(WixFrontend, PrecedenceNotAndOr) {
  // NOT binds tighter than AND, AND tighter than OR: NOT a AND b OR c is
  // ((NOT a) AND b) OR c.
  auto L = lower(product("<Condition Message=\"m\">NOT WindowsBuild &gt; 6002 "
                         "AND VersionNT = 600 OR VersionNT = 601</Condition>"));
  EXPECT_EQ(acrossBump(L), std::make_pair(std::string("1"), std::string("0")));
  EXPECT_EQ(on(*L.Guards[0].Cond, "win7-sp1"), "1");
}

TEST(WixFrontend, XorEqvImp) {
  auto X = lower(product("<Condition Message=\"m\">WindowsBuild = 6002 XOR "
                         "VersionNT = 600</Condition>"));
  EXPECT_EQ(acrossBump(X), std::make_pair(std::string("0"), std::string("1")));
  auto E = lower(product("<Condition Message=\"m\">WindowsBuild = 6002 EQV "
                         "VersionNT = 600</Condition>"));
  EXPECT_EQ(acrossBump(E), std::make_pair(std::string("1"), std::string("0")));
  auto I = lower(product("<Condition Message=\"m\">VersionNT = 600 IMP "
                         "WindowsBuild = 6002</Condition>"));
  EXPECT_EQ(acrossBump(I), std::make_pair(std::string("1"), std::string("0")));
}

TEST(WixFrontend, DefinesAndIncludes) {
  TempDir T;
  std::string Inc =
      T.write("b.wxi", "<Include><?define Last = 6002 ?></Include>\n");
  auto L = lower(product("<Condition Message=\"m\">WindowsBuild = "
                         "$(var.Sp2)</Condition>\n<Condition "
                         "Message=\"m\">WindowsBuild &lt;= "
                         "$(var.Last)</Condition>",
                         "<?define Sp2 = \"6002\" ?>\n<?include b.wxi ?>\n"),
                 T.path("m.wxs"));
  ASSERT_EQ(L.Guards.size(), 2u);
  for (const Guard &G : L.Guards) {
    EXPECT_EQ(on(*G.Cond, "sp2-6002"), "1");
    EXPECT_EQ(on(*G.Cond, "sp2-6003"), "0");
  }
  ASSERT_EQ(L.Deps.size(), 1u);
  EXPECT_EQ(L.Deps[0], Inc);
  // The constant of the first is written in the define, on line 2.
  const Expr &C = *L.Guards[0].Cond->Kids[1];
  EXPECT_EQ(C.Int, 6002);
  EXPECT_EQ(C.DefinedAt.Line, 2u);
}

TEST(WixFrontend, PreprocessorInstructionsAreNotXml) {
  // A `?` in a define's value trips tree-sitter-xml; the preprocessor's
  // instructions are blanked out before the XML is parsed, so the
  // condition after it is read, at its own line and column.
  auto L = lower(
      product("<Condition Message=\"m\">WindowsBuild = $(var.B)</Condition>",
              "<?define Link = http://x/?a=1 ?>\n<?define B = 6002 ?>\n"));
  EXPECT_TRUE(L.Diags.empty()) << L.Diags[0].Message;
  ASSERT_EQ(L.Guards.size(), 1u);
  EXPECT_EQ(L.Guards[0].Where.Line, 6u);
  EXPECT_EQ(L.Guards[0].Where.Col, 24u);
  // A name or version built by the preprocessor is not known.
  auto N = lower(bundle("<bal:Condition Message=\"m\">V$(var.X)B = 6002 OR "
                        "A &gt;= v$(var.Version)</bal:Condition>"));
  EXPECT_TRUE(N.Diags.empty()) << N.Diags[0].Message;
  EXPECT_TRUE(N.Guards.empty());
}

TEST(WixFrontend, IncludeWithWindowsPath) {
  TempDir T;
  T.write("inc/b.wxi", "<Include>\n<?define Last = 6002 ?>\n</Include>\n");
  auto L = lower(product("<Condition Message=\"m\">WindowsBuild &lt;= "
                         "$(var.Last)</Condition>",
                         "<?include $(sys.SOURCEFILEDIR)inc\\b.wxi ?>\n"),
                 T.path("m.wxs"));
  EXPECT_EQ(acrossBump(L), std::make_pair(std::string("1"), std::string("0")));
}

TEST(WixFrontend, MissingIncludeIsANote) {
  auto L = lower(product("<Condition Message=\"m\">VersionNT</Condition>",
                         "<?include nowhere.wxi ?>\n"));
  ASSERT_EQ(L.Diags.size(), 1u);
  EXPECT_EQ(L.Diags[0].Where.Line, 2u);
  EXPECT_EQ(L.Diags[0].Where.Col, 1u);
  EXPECT_EQ(L.Diags[0].Message.rfind("include file 'nowhere.wxi' not found", 0),
            0u)
      << L.Diags[0].Message;
}

TEST(WixFrontend, UnreadableConditionIsANoteWithItsPlace) {
  auto L = lower(product("<Condition Message=\"m\">WindowsBuild = = "
                         "6002</Condition>"));
  EXPECT_TRUE(L.Guards.empty());
  ASSERT_EQ(L.Diags.size(), 1u);
  EXPECT_EQ(L.Diags[0].Where.Line, 4u);
  EXPECT_EQ(L.Diags[0].Where.Col, 39u);
  EXPECT_EQ(L.Diags[0].Message.rfind(
                "cannot read this Windows Installer condition", 0),
            0u)
      << L.Diags[0].Message;
}

TEST(WixFrontend, PropertiesFollowed) {
  auto L = lower(
      product("<Property Id=\"B\" Value=\"6002\"/>\n<SetProperty Id=\"C\" "
              "Value=\"[WindowsBuild]\" Before=\"X\"/>\n<Condition "
              "Message=\"m\">C = B</Condition>"));
  EXPECT_EQ(acrossBump(L), std::make_pair(std::string("1"), std::string("0")));
  // Set twice to different values: not known.
  auto Two = lower(product("<Property Id=\"B\" Value=\"6002\"/>\n<SetProperty "
                           "Id=\"B\" Value=\"7601\" Before=\"X\"/>\n<Condition "
                           "Message=\"m\">WindowsBuild = B</Condition>"));
  EXPECT_TRUE(Two.Guards.empty());
}

TEST(WixFrontend, StringOperators) {
  auto L = lower(
      product("<Property Id=\"LAB\"><RegistrySearch Id=\"r\" Root=\"HKLM\" "
              "Key=\"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\" "
              "Name=\"BuildLab\" Type=\"raw\"/></Property>\n<Condition "
              "Message=\"m\">LAB ~&lt;&lt; \"6002.VISTA\"</Condition>"));
  ASSERT_EQ(L.Guards.size(), 1u);
  EXPECT_EQ(L.Guards[0].Cond->Kind, Op::StartsWith);
  EXPECT_TRUE(L.Guards[0].Cond->has(FlagCaseInsensitive));
  EXPECT_EQ(acrossBump(L), std::make_pair(std::string("1"), std::string("0")));
}

TEST(WixFrontend, BurnVersionNTHasNoBuild) {
  // Burn's VersionNT is v6.0.0.0 on Vista: >= v6.0.6002 is false on both
  // builds.
  auto L = lower(bundle("<bal:Condition Message=\"m\">VersionNT &gt;= "
                        "v6.0.6002 OR WindowsBuildNumber = 6002"
                        "</bal:Condition>"));
  ASSERT_EQ(L.Guards.size(), 1u);
  EXPECT_EQ(acrossBump(L), std::make_pair(std::string("1"), std::string("0")));
  auto S = lower(bundle("<bal:Condition Message=\"m\">VersionNT &gt;= "
                        "v6.0.6002</bal:Condition>"));
  ASSERT_EQ(S.Guards.size(), 1u);
  EXPECT_EQ(acrossBump(S), std::make_pair(std::string("0"), std::string("0")));
  EXPECT_TRUE(S.Findings.empty());
  EXPECT_EQ(on(*S.Guards[0].Cond, "win7-sp1"), "1");
}

TEST(WixFrontend, BurnAttributesOutsideABundle) {
  // InstallCondition is Burn's wherever it is written (a PackageGroup in a
  // Fragment): WindowsBuildNumber is Burn's variable.
  auto L = lower("<Wix><Fragment><PackageGroup Id=\"g\"><ExePackage "
                 "InstallCondition=\"WindowsBuildNumber = 6002\"/>"
                 "</PackageGroup></Fragment></Wix>");
  EXPECT_EQ(acrossBump(L), std::make_pair(std::string("1"), std::string("0")));
  // ...and WindowsBuild is not a Burn variable.
  auto N = lower("<Wix><Fragment><PackageGroup Id=\"g\"><ExePackage "
                 "InstallCondition=\"WindowsBuild = 6002\"/>"
                 "</PackageGroup></Fragment></Wix>");
  EXPECT_TRUE(N.Guards.empty());
}

TEST(WixFrontend, FixIsWrittenInTheXml) {
  auto L = lower(
      product("<Condition Message=\"m\">WindowsBuild &lt;= 6002</Condition>"));
  ASSERT_EQ(L.Findings.size(), 1u);
  ASSERT_TRUE(L.Findings[0].TheFix) << L.Findings[0].NoFixReason;
  std::string All;
  for (const Edit &E : L.Findings[0].TheFix->Edits)
    All += E.Replacement;
  EXPECT_NE(All.find("6003"), std::string::npos) << All;
  EXPECT_EQ(All.find('<'), std::string::npos) << All;
}

TEST(WixFrontend, OperatorsAreWrittenForTheirPlace) {
  // In an attribute or element text `<` must be `&lt;`; in CDATA it is
  // written as it is. `~` and an escaped `&gt;` are kept.
  const FixSyntax &Text = syntaxFor(Dialect::Wix);
  const FixSyntax &CData = syntaxFor(Dialect::WixCData);
  EXPECT_EQ(Text.op(CmpOp::LE, "&lt;="), "&lt;=");
  EXPECT_EQ(Text.op(CmpOp::NE, "&lt;&gt;"), "&lt;&gt;");
  EXPECT_EQ(Text.op(CmpOp::GT, ">"), ">");
  EXPECT_EQ(Text.op(CmpOp::LT, ""), "&lt;");
  EXPECT_EQ(CData.op(CmpOp::LT, "<"), "<");
  EXPECT_EQ(CData.op(CmpOp::EQ, "~="), "~=");
  EXPECT_EQ(Text.joinWord(true), " OR ");
  EXPECT_EQ(CData.cmp("WindowsBuild", CmpOp::LE, 6003), "WindowsBuild <= 6003");
  EXPECT_EQ(Text.cmp("WindowsBuild", CmpOp::LE, 6003),
            "WindowsBuild &lt;= 6003");
}

TEST(WixFrontend, BadInputIsNotACrash) {
  for (llvm::StringRef S :
       {llvm::StringRef("<Condition>"), llvm::StringRef("<Condition><![CDATA["),
        llvm::StringRef("<a b=\"WindowsBuild &lt;= \"/>"),
        llvm::StringRef("<Condition>((((((((((((((((((((((((((((((((((((((((("
                        "((((((((((((((((((((((((((((((((((((</Condition>"),
        llvm::StringRef("<Condition>WindowsBuild &#xZZ; 6002</Condition>")}) {
    auto L = lower(S);
    EXPECT_TRUE(L.Findings.empty()) << S.str();
  }
}

TEST(MsiCondition, Integers) {
  EXPECT_EQ(wix::msiInteger("6002"), 6002);
  EXPECT_EQ(wix::msiInteger("-1"), -1);
  EXPECT_FALSE(wix::msiInteger("#6002"));
  EXPECT_FALSE(wix::msiInteger("6.0"));
  EXPECT_FALSE(wix::msiInteger(""));
}

TEST(MsiCondition, EntitiesKeepTheirPlace) {
  std::vector<uint32_t> Map;
  std::string D = wix::decodeEntities("a &lt;= &#54;002", 0, 16, &Map);
  EXPECT_EQ(D, "a <= 6002");
  ASSERT_EQ(Map.size(), D.size() + 1);
  EXPECT_EQ(Map[2], 2u);  // '<' from "&lt;"
  EXPECT_EQ(Map[3], 6u);  // '='
  EXPECT_EQ(Map[5], 8u);  // '6' from "&#54;"
  EXPECT_EQ(Map[6], 13u); // '0'
}

} // namespace
