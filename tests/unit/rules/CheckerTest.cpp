// From a guard to findings: which fixes the checker may offer, the notes it
// attaches, which rules run, and how it words a table's finding.
#include "rules/Checker.h"
#include "rules/Rule.h"

#include "RuleTestSupport.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace verguard;
using namespace verguard::core;

namespace {
using ruletest::at;

/// The condition `Text` = `<operand> == <constant>`, the constant at
/// [CB, CE), the operand's calls at Calls.
Guard equality(std::string Text, uint32_t CB, uint32_t CE,
               std::vector<SourceSpan> Calls, SourceSpan DefinedAt = {}) {
  Spelling W = at(0, Text.size(), Text);
  size_t Op = Text.find("==");
  W.OpSpan = at(Op, Op + 2, "==").Span;
  W.Calls = std::move(Calls);
  auto K = clone(*intConst(6002, at(CB, CE, Text.substr(CB, CE - CB))));
  K->DefinedAt = DefinedAt;
  Guard G;
  G.Syntax = Dialect::C;
  G.Cond = cmp(CmpOp::EQ, quantity(Quantity::Build, "t"), K, CmpMode::Int,
               Dialect::C, W);
  return G;
}
} // namespace

TEST(Checker, ACallIsNeverWrittenTwice) {
  // `f() == 6002` joined with `f() == 6003` would call f twice.
  Guard G = equality("f() == 6002", 7, 11, {at(0, 3, "f()").Span});
  auto F = rules::checkGuard(G, rules::defaultCheckConfig());
  ASSERT_EQ(F.size(), 1u);
  EXPECT_FALSE(F[0].TheFix);
  EXPECT_NE(F[0].NoFixReason.find("would call `f()` again"), std::string::npos)
      << F[0].NoFixReason;
  // Without the call, the same text is joined.
  F = rules::checkGuard(equality("f() == 6002", 7, 11, {}),
                        rules::defaultCheckConfig());
  ASSERT_EQ(F.size(), 1u);
  ASSERT_TRUE(F[0].TheFix);
  EXPECT_EQ(F[0].TheFix->Edits[0].Replacement, "(f() == 6002 || f() == 6003)");
}

TEST(Checker, ACallHoldingTheConstantIsADifferentCall) {
  // `b == id(6002)` -> `b == id(6003)`: another call, not the same one again.
  Guard G = equality("b == id(6002)", 8, 12, {at(5, 13, "id(6002)").Span});
  auto F = rules::checkGuard(G, rules::defaultCheckConfig());
  ASSERT_EQ(F.size(), 1u);
  ASSERT_TRUE(F[0].TheFix);
  EXPECT_EQ(F[0].TheFix->Edits[0].Replacement,
            "(b == id(6002) || b == id(6003))");
}

TEST(Checker, ACallWrittenElsewhereCountsToo) {
  // A call inside a macro's argument (no span within the atom's text).
  Guard G = equality("b == 6002", 5, 9, {SourceSpan()});
  auto F = rules::checkGuard(G, rules::defaultCheckConfig());
  ASSERT_EQ(F.size(), 1u);
  EXPECT_FALSE(F[0].TheFix);
}

TEST(Checker, ANamedConstantPointsAtItsDefinition) {
  SourceSpan Def = at(18, 22, "6002").Span;
  Def.File = "sp2.h";
  Def.Line = 2;
  Def.Col = 19;
  Guard G = equality("b == SP2_BUILD", 5, 14, {}, Def);
  auto F = rules::checkGuard(G, rules::defaultCheckConfig());
  ASSERT_EQ(F.size(), 1u);
  ASSERT_EQ(F[0].Related.size(), 1u);
  EXPECT_EQ(F[0].Related[0].Where, Def);
  EXPECT_EQ(F[0].Related[0].Message, "`SP2_BUILD` is defined here as 6002");
  // A literal has no note.
  F = rules::checkGuard(equality("b == 6002", 5, 9, {}),
                        rules::defaultCheckConfig());
  ASSERT_EQ(F.size(), 1u);
  EXPECT_TRUE(F[0].Related.empty());
}

TEST(Checker, TheCommandLineWinsOverTheConfiguration) {
  rules::CheckConfig C = rules::defaultCheckConfig();
  C.DisabledRules = {"VG001", "VG005"};
  EXPECT_FALSE(C.enabled("VG001"));
  EXPECT_TRUE(C.enabled("VG002"));
  C.CommandLine.Enable = {"VG005"}; // --enable VG005
  EXPECT_TRUE(C.enabled("VG005"));
  C.CommandLine.Select = std::set<std::string>{"VG001", "VG003"};
  EXPECT_TRUE(C.enabled("VG001")); // --select replaces the config's disable
  EXPECT_FALSE(C.enabled("VG002"));
  EXPECT_TRUE(C.enabled("VG003"));
  EXPECT_TRUE(C.enabled("VG005")); // --enable adds to --select
  C.CommandLine.Disable = {"VG003", "VG005"};
  EXPECT_FALSE(C.enabled("VG003")); // --disable wins over everything
  EXPECT_FALSE(C.enabled("VG005"));
  Guard G = equality("b == 6002", 5, 9, {});
  C.CommandLine.Select = std::set<std::string>{"VG002"};
  EXPECT_TRUE(rules::checkGuard(G, C).empty());
}

TEST(Checker, ATableFindingQuotesTheTable) {
  // `{6001, "2008"}, {6002, "SP2"}, {7600, "R2"}, {7601, "R2"}`, looked up
  // by the build; the outcome is the value found (entries with equal values
  // share an id, which is not an entry's index).
  Guard G;
  G.Kind = GuardKind::Table;
  G.Syntax = Dialect::C;
  G.Subject = quantity(Quantity::Build, "t");
  struct Entry {
    int64_t Key;
    int64_t Value;
    std::string Text;
  };
  for (const Entry &E :
       {Entry{6001, 0, "{6001, \"2008\"}"}, Entry{7600, 1, "{7600, \"R2\"}"},
        Entry{7601, 1, "{7601, \"R2\"}"}, Entry{6002, 2, "{6002, \"SP2\"}"}}) {
    Arm A;
    A.Tests.push_back(cmp(CmpOp::EQ, subject(), intConst(E.Key)));
    A.Label = at(0, E.Text.size(), E.Text);
    A.ValueId = E.Value;
    G.Arms.push_back(std::move(A));
  }
  auto F = rules::checkGuard(G, rules::defaultCheckConfig());
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].RuleId, "VG005");
  EXPECT_EQ(
      F[0].Message.find("the lookup in this table finds `{6002, \"SP2\"}` "
                        "on 6.0.6002.24566 but nothing on "
                        "6.0.6003.20491"),
      0u)
      << F[0].Message;
}

TEST(Checker, EveryRuleClaimsInOneOrder) {
  // The claim order names every guard rule once; the build rule, which
  // takes whatever the others leave, comes last.
  const auto &Order = rules::claimOrder();
  ASSERT_EQ(Order.size(), rules::allRules().size());
  for (const rules::Rule *R : rules::allRules())
    EXPECT_EQ(std::count(Order.begin(), Order.end(), R), 1) << R->info().Id;
  EXPECT_STREQ(Order.back()->info().Id, "VG001");
}

TEST(Checker, EachShapeHasOneOwner) {
  // Which rule reports an atom follows from its shape alone.
  auto Rule = [](ExprPtr Cond) {
    Guard G;
    G.Syntax = Dialect::C;
    G.Cond = std::move(Cond);
    auto F = rules::checkGuard(G, rules::defaultCheckConfig());
    return F.size() == 1 ? F[0].RuleId : std::to_string(F.size());
  };
  EXPECT_EQ(
      Rule(cmp(CmpOp::LE, quantity(Quantity::Build, "b"), intConst(6002))),
      "VG001");
  EXPECT_EQ(Rule(binary(Op::StartsWith, quantity(Quantity::Version, "v"),
                        strConst("6.0.6002"))),
            "VG002");
  // The revision resets while the build grows: only the revision flips it.
  EXPECT_EQ(
      Rule(cmp(CmpOp::GE, quantity(Quantity::Revision, "r"), intConst(24000))),
      "VG003");
  auto Mask =
      clone(*cmp(CmpOp::LE, quantity(Quantity::Build, "b"), intConst(6002)));
  Mask->Flags |= FlagConditionMask;
  EXPECT_EQ(Rule(Mask), "VG004");
}

namespace {
/// `build <Op> N` in function Fn.
Guard condition(CmpOp O, int64_t N, std::string Fn) {
  Guard G;
  G.Syntax = Dialect::C;
  G.Function = std::move(Fn);
  G.Cond = cmp(O, quantity(Quantity::Build, "t"), intConst(N), CmpMode::Int,
               Dialect::C);
  return G;
}
/// A switch on the build with one arm per test.
Guard switchOn(std::vector<ExprPtr> ArmTests) {
  Guard G;
  G.Kind = GuardKind::Select;
  G.Syntax = Dialect::C;
  G.Subject = quantity(Quantity::Build, "t");
  for (ExprPtr &T : ArmTests) {
    Arm A;
    A.Tests.push_back(std::move(T));
    G.Arms.push_back(std::move(A));
  }
  return G;
}
ExprPtr is(int64_t N) {
  return cmp(CmpOp::EQ, subject(), intConst(N), CmpMode::Int, Dialect::C);
}
ExprPtr between(int64_t Lo, int64_t Hi) {
  return logicAnd(cmp(CmpOp::GE, subject(), intConst(Lo)),
                  cmp(CmpOp::LE, subject(), intConst(Hi)));
}
} // namespace

TEST(Checker, ASwitchWithAnArmOfItsOwnForEachBuildIsSilent) {
  auto Cfg = rules::defaultCheckConfig();
  EXPECT_TRUE(rules::checkGuard(switchOn({is(6002), is(6003)}), Cfg).empty());
  // One build's arm alone, or ranges that split at the bump, still flip.
  EXPECT_FALSE(rules::checkGuard(switchOn({is(6001), is(6002)}), Cfg).empty());
  EXPECT_FALSE(rules::checkGuard(
                   switchOn({between(6000, 6002), between(6003, 7600)}), Cfg)
                   .empty());
}

TEST(Checker, AnIfLadderNamingBothBuildsOfABumpIsSilent) {
  auto Cfg = rules::defaultCheckConfig();
  std::vector<Guard> Ladder = {condition(CmpOp::EQ, 6002, "f"),
                               condition(CmpOp::EQ, 6003, "f")};
  EXPECT_TRUE(rules::checkGuards(Ladder, Cfg).empty());
  // In two functions, or with a threshold for the new build: each flips.
  std::vector<Guard> Apart = {condition(CmpOp::EQ, 6002, "f"),
                              condition(CmpOp::EQ, 6003, "g")};
  EXPECT_EQ(rules::checkGuards(Apart, Cfg).size(), 2u);
  std::vector<Guard> Threshold = {condition(CmpOp::EQ, 6002, "f"),
                                  condition(CmpOp::GE, 6003, "f")};
  EXPECT_EQ(rules::checkGuards(Threshold, Cfg).size(), 2u);
}

TEST(Checker, AThresholdLadderWithAnArmAtEachBuildIsSilent) {
  auto Cfg = rules::defaultCheckConfig();
  const core::Bump *Win11 = Cfg.Profiles->findBump("win11-22621-22631");
  ASSERT_NE(Win11, nullptr);
  Cfg.Bumps = {Win11};
  // >= 26100 "24H2", >= 22631 "23H2", >= 22621 "22H2": each arm is bounded
  // above at the next known release.
  std::vector<Guard> Ladder = {condition(CmpOp::GE, 26100, "f"),
                               condition(CmpOp::GE, 22631, "f"),
                               condition(CmpOp::GE, 22621, "f")};
  EXPECT_TRUE(rules::checkGuards(Ladder, Cfg).empty());
  // Without the cap at 26100, the arm of 22631 is shared with every later
  // release; without the arm at 22621, nothing names 22H2.
  std::vector<Guard> Open = {condition(CmpOp::GE, 22631, "f"),
                             condition(CmpOp::GE, 22621, "f")};
  EXPECT_EQ(rules::checkGuards(Open, Cfg).size(), 1u);
  std::vector<Guard> Alone = {condition(CmpOp::GE, 26100, "f"),
                              condition(CmpOp::GE, 22631, "f")};
  EXPECT_EQ(rules::checkGuards(Alone, Cfg).size(), 1u);
}
