// What a finding says it evaluated: the flipping test and the guard's
// outcome on the bump's two profiles (reports show them apart).
#include "rules/Checker.h"

#include "../TestSupport.h"

#include <gtest/gtest.h>

using namespace verguard;
using namespace verguard::core;

namespace {
/// `b == 6002` as written at the start of t.c.
ExprPtr buildIs6002() {
  Spelling W;
  W.Span = test::spanAt("t.c", 1, 1, 1, 10, 0, 9);
  W.Text = "b == 6002";
  return cmp(CmpOp::EQ, quantity(Quantity::Build, "t"), intConst(6002),
             CmpMode::Int, Dialect::C, W);
}
} // namespace

TEST(Checker, AConditionSaysItsTestAndOutcomeOnBothProfiles) {
  Guard G;
  G.Syntax = Dialect::C;
  G.Cond = buildIs6002();
  auto F = rules::checkGuard(G, rules::defaultCheckConfig());
  ASSERT_EQ(F.size(), 1u);
  ASSERT_TRUE(F[0].Evaluated);
  EXPECT_EQ(F[0].Evaluated->Test, "`b == 6002`");
  EXPECT_TRUE(F[0].Evaluated->TestBefore);
  EXPECT_EQ(F[0].Evaluated->OutcomeBefore, "true");
  EXPECT_EQ(F[0].Evaluated->OutcomeAfter, "false");
  // The message says the same in words, with the profiles' versions.
  EXPECT_NE(F[0].Message.find("`b == 6002` is true on 6.0.6002.24566 but "
                              "false on 6.0.6003.20491, so the guard's "
                              "outcome changes from true to false"),
            std::string::npos)
      << F[0].Message;
}

TEST(Checker, ANegatedTestFlipsOneWayAndTheGuardTheOther) {
  Guard G;
  G.Syntax = Dialect::C;
  G.Cond = logicNot(buildIs6002());
  auto F = rules::checkGuard(G, rules::defaultCheckConfig());
  ASSERT_EQ(F.size(), 1u);
  ASSERT_TRUE(F[0].Evaluated);
  EXPECT_TRUE(F[0].Evaluated->TestBefore);
  EXPECT_EQ(F[0].Evaluated->OutcomeBefore, "false");
  EXPECT_EQ(F[0].Evaluated->OutcomeAfter, "true");
}

TEST(Checker, VersionOfAProfileIsItsFullFileVersion) {
  const ProfileSet &P = builtinProfiles();
  const Bump *B = P.findBump("sp2-6003");
  ASSERT_TRUE(B);
  EXPECT_EQ(rules::versionOf(P.Profiles[B->Before]), "6.0.6002.24566");
  EXPECT_EQ(rules::versionOf(P.Profiles[B->After]), "6.0.6003.20491");
}

TEST(Checker, AnUnwrittenConditionIsQuotedAsWrittenNotLowered) {
  // `IsSp2()` of a helper whose body the frontend lowered: the atom has no
  // spelling of its own; the message quotes the call, not the expression.
  Guard G;
  G.Syntax = Dialect::C;
  G.Cond =
      cmp(CmpOp::EQ,
          binary(Op::BitAnd, quantity(Quantity::Build, "t"), intConst(0xFFFF)),
          intConst(6002), CmpMode::Int, Dialect::C);
  G.Text = toString(*G.Cond);
  G.Shown = "IsSp2()";
  auto F = rules::checkGuard(G, rules::defaultCheckConfig());
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message.find("`IsSp2()` is true on 6.0.6002.24566"), 0u)
      << F[0].Message;
}

TEST(Checker, ABoundOfARangeIsQuotedAsTheRangeWithItsOutcome) {
  // `b in range(6000, 6003)`: two bounds written nowhere; the one that flips
  // (b < 6003) is quoted as the condition, with the condition's outcome.
  Guard G;
  G.Syntax = Dialect::Python;
  ExprPtr B = quantity(Quantity::Build, "t");
  G.Cond = logicAnd(cmp(CmpOp::GE, B, intConst(6000), CmpMode::Int),
                    cmp(CmpOp::LT, B, intConst(6003), CmpMode::Int));
  G.Text = "b in range(6000, 6003)";
  auto F = rules::checkGuard(G, rules::defaultCheckConfig());
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message.find("`b in range(6000, 6003)` is true on "
                              "6.0.6002.24566 but false on 6.0.6003.20491"),
            0u)
      << F[0].Message;
}
