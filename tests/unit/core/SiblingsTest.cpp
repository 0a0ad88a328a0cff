// A value the frontend could not follow, known as an OS build by the
// Windows builds one function compares it with.
#include "core/Siblings.h"

#include "core/Flow.h"

#include <gtest/gtest.h>

using namespace verguard::core;

namespace {
Spelling at(std::string Text) {
  Spelling S;
  S.Span.Begin = 1;
  S.Span.End = 1 + Text.size();
  S.Text = std::move(Text);
  return S;
}
/// `Name == C`, Name a value the frontend does not know.
ExprPtr eq(const std::string &Name, int64_t C) {
  return cmp(CmpOp::EQ, writtenAt(unknown(), at(Name)), intConst(C));
}
} // namespace

TEST(SiblingBuilds, ThreeWindowsBuildsOneOfThemBumpedMakeABuild) {
  SiblingBuilds S;
  for (int64_t C : {6000, 6001, 7600})
    EXPECT_TRUE(S.note(*eq("input", C), "f"));
  ExprPtr Sp2 = eq("input", 6002);
  // Not yet noted: 6000, 6001, 7600 hold no build a bump changes.
  EXPECT_FALSE(S.infer(Sp2, "f"));
  S.note(*Sp2, "f");
  ExprPtr R = S.infer(Sp2, "f");
  ASSERT_TRUE(R);
  std::vector<Quantity> Qs = quantitiesOf(*R);
  ASSERT_EQ(Qs.size(), 1u);
  EXPECT_EQ(Qs[0], Quantity::Build);
  EXPECT_TRUE(hasInferredQuantity(*R)); // a warning, not an error
  EXPECT_EQ(R->Kids[0]->Written.Text, "input");
  // Another function's `input` is another value.
  EXPECT_FALSE(S.infer(Sp2, "g"));
}

TEST(SiblingBuilds, AnythingButWindowsBuildsOrTooFewSayNothing) {
  SiblingBuilds Ids, Two, Named;
  for (int64_t C : {6000, 6001, 6002, 6005}) // 6005: no Windows build
    Ids.note(*eq("input", C), "f");
  EXPECT_FALSE(Ids.infer(eq("input", 6002), "f"));
  for (int64_t C : {6002, 7601})
    Two.note(*eq("input", C), "f");
  EXPECT_FALSE(Two.infer(eq("input", 6002), "f"));
  // Named for something else: not even noted.
  for (const char *N : {"errorCode", "nCtrlId", "IDC_RETRY", "sdkBuild"}) {
    EXPECT_FALSE(Named.note(*eq(N, 6002), "f")) << N;
    EXPECT_TRUE(namesOtherThanOs(N)) << N;
  }
  EXPECT_FALSE(namesOtherThanOs("input"));
  EXPECT_FALSE(namesOtherThanOs("$Value"));
  // A known value or a constant on both sides is no sibling either.
  EXPECT_FALSE(comparesOpaqueWithInt(
      *cmp(CmpOp::EQ, quantity(Quantity::Build, "b"), intConst(6002))));
  EXPECT_TRUE(
      comparesOpaqueWithInt(*logicOr(eq("input", 6002), boolConst(true))));
}

TEST(SiblingBuilds, ASwitchWhoseLabelsAreWindowsBuilds) {
  auto Switch = [](std::vector<int64_t> Labels) {
    Guard G;
    G.Kind = GuardKind::Select;
    G.Subject = unknown();
    for (int64_t L : Labels) {
      Arm A;
      A.Tests.push_back(cmp(CmpOp::EQ, subject(), intConst(L)));
      G.Arms.push_back(A);
    }
    return G;
  };
  Guard Builds = Switch({6000, 6001, 6002, 7601});
  ASSERT_TRUE(inferSwitchOnBuilds(Builds, "input"));
  std::vector<Quantity> Qs = quantitiesOf(*Builds.Subject);
  ASSERT_EQ(Qs.size(), 1u);
  EXPECT_EQ(Qs[0], Quantity::Build);
  EXPECT_TRUE(hasInferredQuantity(*Builds.Subject));
  Guard Menu = Switch({6000, 6002, 6004}); // 6004: no Windows build
  EXPECT_FALSE(inferSwitchOnBuilds(Menu, "input"));
  EXPECT_EQ(Menu.Subject->Kind, Op::Unknown);
  Guard Named = Switch({6000, 6001, 6002, 7601});
  EXPECT_FALSE(inferSwitchOnBuilds(Named, "nCommandId"));
  Guard Unbumped = Switch({6000, 6001, 7601}); // no build a bump changes
  EXPECT_FALSE(inferSwitchOnBuilds(Unbumped, "input"));
}
