// The prover keeps only rewrites that hold on every profile.
#include "core/FixProver.h"
#include "rules/Checker.h"

#include "RuleTestSupport.h"

#include <gtest/gtest.h>

using namespace verguard;
using namespace verguard::core;

namespace {
using ruletest::at;

/// `b == 6002` written at offset 0, optionally pinned by `major == 6`.
Guard equality(bool Pinned) {
  // Text: "b == 6002"
  Spelling W = at(0, 9, "b == 6002");
  W.OpSpan = at(2, 4, "==").Span;
  auto C = cmp(CmpOp::EQ, quantity(Quantity::Build, "t"),
               intConst(6002, at(5, 9, "6002")), CmpMode::Int, Dialect::C, W);
  Guard G;
  G.Syntax = Dialect::C;
  G.Cond =
      Pinned ? logicAnd(
                   cmp(CmpOp::EQ, quantity(Quantity::Major, "t"), intConst(6)),
                   logicAnd(cmp(CmpOp::EQ, quantity(Quantity::Minor, "t"),
                                intConst(0)),
                            C))
             : C;
  return G;
}
} // namespace

TEST(FixProver, PinnedEqualityBecomesGreaterOrEqual) {
  auto F = rules::checkGuard(equality(true), rules::defaultCheckConfig());
  ASSERT_EQ(F.size(), 1u);
  ASSERT_TRUE(F[0].TheFix);
  ASSERT_EQ(F[0].TheFix->Edits.size(), 1u);
  EXPECT_EQ(F[0].TheFix->Edits[0].Replacement, ">=");
}

TEST(FixProver, UnpinnedEqualityIsNotWidenedToGreaterOrEqual) {
  // `b >= 6002` would change the answer on Windows 7 and later: rejected.
  auto F = rules::checkGuard(equality(false), rules::defaultCheckConfig());
  ASSERT_EQ(F.size(), 1u);
  ASSERT_TRUE(F[0].TheFix);
  EXPECT_EQ(F[0].TheFix->Edits[0].Replacement, "(b == 6002 || b == 6003)");
}

TEST(FixProver, ProvesOnlyWhatHoldsEverywhere) {
  const ProfileSet &P = builtinProfiles();
  std::vector<const Bump *> Bumps{P.findBump("sp2-6003")};
  Guard G = equality(false);
  Guard Ge = G;
  auto N = clone(*G.Cond);
  N->Cmp = CmpOp::GE;
  Ge.Cond = N;
  EXPECT_FALSE(proves(G, Ge, P, Bumps));
  Guard Or = G;
  Or.Cond = logicOr(
      G.Cond, cmp(CmpOp::EQ, quantity(Quantity::Build, "t"), intConst(6003)));
  EXPECT_TRUE(proves(G, Or, P, Bumps));
  // Accepting 6004 too would change nothing on known profiles but 6003 is
  // required: `== 6004` alone does not prove.
  Guard Wrong = G;
  Wrong.Cond = logicOr(
      G.Cond, cmp(CmpOp::EQ, quantity(Quantity::Build, "t"), intConst(6004)));
  EXPECT_FALSE(proves(G, Wrong, P, Bumps));
}

TEST(FixProver, NothingProvesGivesAReason) {
  // A comparison with no editable text cannot be rewritten.
  Guard G;
  G.Cond = cmp(CmpOp::EQ, quantity(Quantity::Build, "t"), intConst(6002));
  auto F = rules::checkGuard(G, rules::defaultCheckConfig());
  ASSERT_EQ(F.size(), 1u);
  EXPECT_FALSE(F[0].TheFix);
  EXPECT_FALSE(F[0].NoFixReason.empty());
}

TEST(FixProver, ATestOfTheNewBuildGetsNoNonsenseFix) {
  // `b == 6003` flips false -> true. Joined with 6004 (`&& b == 6004`) it
  // would never pass: "proved", but no code to write. Joined with 6002 it
  // would pass on 6002 where it did not. No fix, and why.
  for (CmpOp O : {CmpOp::EQ, CmpOp::NE}) {
    Spelling W = at(0, 9, O == CmpOp::EQ ? "b == 6003" : "b != 6003");
    W.OpSpan = at(2, 4, O == CmpOp::EQ ? "==" : "!=").Span;
    Guard G;
    G.Syntax = Dialect::C;
    G.Cond = cmp(O, quantity(Quantity::Build, "t"),
                 intConst(6003, at(5, 9, "6003")), CmpMode::Int, Dialect::C, W);
    auto F = rules::checkGuard(G, rules::defaultCheckConfig());
    ASSERT_EQ(F.size(), 1u);
    EXPECT_FALSE(F[0].TheFix) << F[0].TheFix->Description;
    EXPECT_NE(F[0].NoFixReason.find("names build 6003, the build after"),
              std::string::npos)
        << F[0].NoFixReason;
  }
}

TEST(FixProver, DisabledRuleIsSilent) {
  auto Cfg = rules::defaultCheckConfig();
  Cfg.DisabledRules.insert("VG001");
  EXPECT_TRUE(rules::checkGuard(equality(false), Cfg).empty());
}

TEST(FixProver, EnablementBumpIsOffByDefaultButCanBeChecked) {
  Guard G;
  G.Cond = cmp(CmpOp::EQ, quantity(Quantity::Build, "t"), intConst(22621));
  EXPECT_TRUE(rules::checkGuard(G, rules::defaultCheckConfig()).empty());
  auto Cfg = rules::defaultCheckConfig();
  Cfg.Bumps.push_back(Cfg.Profiles->findBump("win11-22621-22631"));
  auto F = rules::checkGuard(G, Cfg);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Bump, "win11-22621-22631");
}
