//===- GuardSinkTest.cpp --------------------------------------------------===//
//
// Where a script frontend's guards go: once per site, only on the emitting
// walk and outside an instantiation, a condition only if it depends on the
// OS version, with the sink's syntax and the walk's function.
//
//===----------------------------------------------------------------------===//
#include "script/GuardSink.h"

#include <gtest/gtest.h>

using namespace verguard;
using namespace verguard::core;

namespace {
struct Sink : script::GuardSink {
  explicit Sink(std::vector<Guard> &Guards)
      : GuardSink(Guards, Dialect::PowerShell) {}
  std::string currentFunction() const override { return Function; }
  std::string Function = "Get-OsBuild";
};

ExprPtr buildIs(int64_t B) {
  return cmp(CmpOp::EQ, quantity(Quantity::Build, "test"), intConst(B));
}

void place(Guard &G) { G.Text = "placed"; }
} // namespace

TEST(GuardSink, ConditionOncePerSiteOnTheEmittingWalk) {
  std::vector<Guard> Guards;
  Sink S(Guards);
  S.conditionAt(buildIs(6002), 10, place); // a learning walk
  EXPECT_TRUE(Guards.empty());
  S.Emit = true;
  S.conditionAt(buildIs(6002), 10, place);
  S.conditionAt(buildIs(6003), 10, place); // the same site again
  ASSERT_EQ(Guards.size(), 1u);
  EXPECT_EQ(Guards[0].Kind, GuardKind::Condition);
  EXPECT_EQ(toString(*Guards[0].Cond), "(build == 6002)");
  EXPECT_EQ(Guards[0].Text, "placed");
  EXPECT_EQ(Guards[0].Syntax, Dialect::PowerShell);
  EXPECT_EQ(Guards[0].Function, "Get-OsBuild");
}

TEST(GuardSink, NothingFromAnInstantiationOrWithoutTheOs) {
  std::vector<Guard> Guards;
  Sink S(Guards);
  S.Emit = true;
  ++S.Instantiating;
  S.conditionAt(buildIs(6002), 1, place);
  --S.Instantiating;
  // A condition on the program's own values says nothing about the OS.
  S.conditionAt(cmp(CmpOp::EQ, intConst(1), intConst(1)), 2, place);
  EXPECT_TRUE(Guards.empty());
  // The site an instantiation saw is still free for the walk itself.
  S.conditionAt(buildIs(6002), 1, place);
  EXPECT_EQ(Guards.size(), 1u);
}

TEST(GuardSink, CoveredRanges) {
  std::vector<Guard> Guards;
  Sink S(Guards);
  S.cover(10, 20);
  EXPECT_TRUE(S.covered(10, 20));
  EXPECT_TRUE(S.covered(12, 18));
  EXPECT_FALSE(S.covered(5, 15));
  EXPECT_FALSE(S.covered(18, 25));
}
