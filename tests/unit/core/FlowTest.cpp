// The value rules every frontend shares: components of version strings,
// summaries instantiated at a call, values exported to another file.
#include "core/Flow.h"

#include <gtest/gtest.h>

using namespace verguard::core;

namespace {
Spelling at(uint32_t B, uint32_t E, std::string Text) {
  Spelling S;
  S.Span.Begin = B;
  S.Span.End = E;
  S.Text = std::move(Text);
  return S;
}
} // namespace

TEST(Flow, ComponentsOfDottedVersions) {
  EXPECT_EQ(dottedComponent(Quantity::Version, 2), Quantity::Build);
  EXPECT_EQ(dottedComponent(Quantity::FileVersion, 3), Quantity::Revision);
  // "6.0.6002" has no fourth part; "6.0" (CurrentVersion) no third.
  EXPECT_EQ(dottedComponent(Quantity::Version, 3), std::nullopt);
  EXPECT_EQ(dottedComponent(Quantity::CurrentVersion, 2), std::nullopt);
  EXPECT_EQ(dottedComponent(Quantity::Build, 0), std::nullopt);

  auto Split = binary(Op::Split, quantity(Quantity::Version, "os.Version"),
                      strConst("."));
  ExprPtr C = versionComponent(*Split, 2);
  ASSERT_TRUE(C);
  EXPECT_EQ(toString(*C),
            toString(*unary(Op::ToStr, quantity(Quantity::Build, "x"))));
  // Split on anything but "." is not a component.
  EXPECT_FALSE(versionComponent(
      *binary(Op::Split, quantity(Quantity::Version, "v"), strConst("-")), 2));
}

TEST(Flow, ASummaryAtOneCall) {
  // IsBuildOf(v, b) = (CLng(Split(v, ".")(2)) = b), called as
  // IsBuildOf(os.Version, 6002): the build compared with the call's 6002.
  auto Body =
      cmp(CmpOp::EQ,
          unary(Op::ToInt,
                binary(Op::Index, binary(Op::Split, param(0), strConst(".")),
                       intConst(2))),
          param(1), CmpMode::VBVariant, Dialect::VB, at(100, 140, "body text"));
  SourceSpan Call = at(10, 40, "IsBuildOf(os.Version, 6002)").Span;
  auto Const = intConst(6002, at(32, 36, "6002"));
  ExprPtr R = instantiate(
      Body, {quantity(Quantity::Version, "os.Version"), Const}, {}, Call);
  ASSERT_TRUE(R);
  EXPECT_FALSE(hasParam(*R));
  // The version string's component is the build itself...
  std::vector<Quantity> Qs = quantitiesOf(*R);
  ASSERT_EQ(Qs.size(), 1u);
  EXPECT_EQ(Qs[0], Quantity::Build);
  // ...the helper's text is not this call's to edit, the call's 6002 is.
  EXPECT_FALSE(R->Written.valid());
  EXPECT_TRUE(R->Kids[1]->Written.valid());
  // A summary without parameters is itself.
  auto Plain = quantity(Quantity::Build, "b");
  EXPECT_EQ(instantiate(Plain, {}, {}, Call), Plain);
}

TEST(Flow, ExportedValuesAreNotEditable) {
  auto E = cmp(CmpOp::EQ, quantity(Quantity::Build, "b"),
               intConst(6002, at(5, 9, "6002")));
  ExprPtr D = detached(E);
  EXPECT_EQ(toString(*D), toString(*E));
  EXPECT_FALSE(D->Kids[1]->Written.valid());
  EXPECT_EQ(detached(nullptr), nullptr);
}

TEST(Flow, WhatAValueIs) {
  auto Ver = quantity(Quantity::Version, "v");
  auto Build = quantity(Quantity::Build, "b");
  EXPECT_EQ(valueType(*Ver), ValueType::Str);
  EXPECT_EQ(valueType(*Build), ValueType::Int);
  auto Split = binary(Op::Split, Ver, strConst("."));
  EXPECT_EQ(valueType(*Split), ValueType::List);
  EXPECT_EQ(valueType(*binary(Op::Index, Split, intConst(2))), ValueType::Str);
  EXPECT_EQ(valueType(*unary(Op::VersionOf, Ver)), ValueType::Version);
  EXPECT_EQ(valueType(*nary(Op::Replace, {Ver, strConst("."), strConst("")})),
            ValueType::Str);
  EXPECT_EQ(valueType(*cmp(CmpOp::EQ, Build, intConst(6002))), ValueType::Bool);
  // A choice is what both its branches are, if they agree.
  EXPECT_EQ(valueType(*nary(Op::Choose, {boolConst(true), Build, intConst(0)})),
            ValueType::Int);
  EXPECT_EQ(valueType(*nary(Op::Choose, {boolConst(true), Build, Ver})),
            ValueType::Unknown);
  EXPECT_EQ(valueType(*unknown()), ValueType::Unknown);
}

TEST(Flow, AFileVersionOnceItsPathIsKnown) {
  // SysFileVersion(name) = GetFileVersion(System32 & "\" & name)
  auto Body =
      unary(Op::FileVersionOf,
            nary(Op::Concat, {strConst("%windir%\\System32\\"), param(0)}));
  SourceSpan Call;
  ExprPtr Kernel = instantiate(Body, {strConst("ntoskrnl.exe")}, {}, Call);
  ASSERT_EQ(Kernel->Kind, Op::Quantity);
  EXPECT_EQ(Kernel->Q, Quantity::FileVersion);
  // Not a system binary: nothing is known of it.
  EXPECT_EQ(instantiate(Body, {strConst("agent.exe")}, {}, Call)->Kind,
            Op::Unknown);
  // Not known at this call either.
  EXPECT_EQ(instantiate(Body, {unknown()}, {}, Call)->Kind, Op::Unknown);
}

TEST(Flow, AValueThatDoublesAtEachCallBecomesUnknown) {
  // Combine(a, b) = ((a << 5) + a) ^ b uses a twice: Combine(Combine(...),
  // ...) nested n deep is a tree of 2^n nodes over a few shared ones.
  auto P0 = param(0);
  auto Body =
      binary(Op::BitXor, binary(Op::Add, binary(Op::Shl, P0, intConst(5)), P0),
             param(1));
  SourceSpan Call = at(10, 40, "Combine(x, y)").Span;
  ExprPtr V = quantity(Quantity::Build, "b");
  int Steps = 0;
  while (V->Kind != Op::Unknown && Steps < 64) {
    V = instantiate(Body, {V, intConst(Steps)}, {}, Call);
    ++Steps;
  }
  // Each step adds a node above twice the last: past MaxValueNodes the
  // value is unknown, after about log2(MaxValueNodes) steps, not 64.
  EXPECT_EQ(V->Kind, Op::Unknown);
  EXPECT_LT(Steps, 16);
  EXPECT_GT(Steps, 8);
  // largerThan counts a shared node at each parent.
  auto Shared = binary(Op::Add, P0, P0);
  EXPECT_TRUE(largerThan(*Shared, 2));
  EXPECT_FALSE(largerThan(*Shared, 3));
}
