//===- VerifyVersionTest.cpp ----------------------------------------------===//
//
// VerifyVersionInfo's major/minor/service pack test, as the C/C++ and C#
// frontends build it: one hierarchical version, evaluated on real profiles.
//
//===----------------------------------------------------------------------===//
#include "core/VerifyVersion.h"

#include "core/Evaluator.h"

#include "../Profiles.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

using namespace verguard::core;
using verguard::test::profile;

namespace {

/// The levels' test with one condition for every bit and the struct's
/// members as given (0 for the rest, as in a zeroed OSVERSIONINFOEX).
std::optional<ExprPtr> levels(int64_t Mask, int64_t Condition,
                              std::map<std::string, int64_t> Fields) {
  return verifyVersionLevels(
      Mask, [&](int64_t) -> std::optional<int64_t> { return Condition; },
      [&](llvm::StringRef Name) {
        auto It = Fields.find(Name.str());
        return intConst(It == Fields.end() ? 0 : It->second);
      });
}

int64_t on(const ExprPtr &E, const char *Id) {
  return evaluate(*E, profile(Id)).I;
}
} // namespace

TEST(VerifyVersion, ServicePackIsTheLastComponentOfOneVersion) {
  // >= 6.0 SP2 (IsWindowsVistaSP2OrGreater): 6.2 SP0 is newer although
  // its service pack is lower.
  auto E = levels(
      VerMajor | VerMinor | VerSPMajor, 3,
      {{"dwMajorVersion", 6}, {"dwMinorVersion", 0}, {"wServicePackMajor", 2}});
  ASSERT_TRUE(E && *E);
  EXPECT_EQ(on(*E, "vista-sp1"), 0);
  EXPECT_EQ(on(*E, "sp2-6002"), 1);
  EXPECT_EQ(on(*E, "sp2-6003"), 1);
  EXPECT_EQ(on(*E, "win7-sp1"), 1);
  EXPECT_EQ(on(*E, "win8"), 1);
}

TEST(VerifyVersion, LessThanIsHierarchicalToo) {
  // < 6.1: every Vista/2008 profile, whatever its service pack.
  auto E = levels(VerMajor | VerMinor, 4,
                  {{"dwMajorVersion", 6}, {"dwMinorVersion", 1}});
  ASSERT_TRUE(E && *E);
  EXPECT_EQ(on(*E, "vista-rtm"), 1);
  EXPECT_EQ(on(*E, "sp2-6003"), 1);
  EXPECT_EQ(on(*E, "win7-sp1"), 0);
  EXPECT_EQ(on(*E, "win10-1809"), 0);
}

TEST(VerifyVersion, EqualAsksEveryComponent) {
  auto E = levels(VerMajor | VerMinor, 1,
                  {{"dwMajorVersion", 6}, {"dwMinorVersion", 0}});
  ASSERT_TRUE(E && *E);
  EXPECT_EQ(toString(**E), "((major == 6) && (minor == 0))");
  EXPECT_EQ(on(*E, "sp2-6002"), 1);
  EXPECT_EQ(on(*E, "win7-sp1"), 0);
}

TEST(VerifyVersion, NoLevelIsNoTestAndAnUnreadableOneIsUnknown) {
  // The build alone: the caller tests it on its own.
  auto None = levels(VerBuild, 1, {});
  ASSERT_TRUE(None);
  EXPECT_EQ(*None, nullptr);
  // A level the condition mask does not set, or VER_AND on a version.
  auto Unset = verifyVersionLevels(
      VerMajor, [](int64_t) -> std::optional<int64_t> { return std::nullopt; },
      [](llvm::StringRef) { return intConst(6); });
  EXPECT_FALSE(Unset);
  EXPECT_FALSE(levels(VerMajor | VerMinor, 6, {}));
}

TEST(VerifyVersion, ConditionsAreWinntValues) {
  EXPECT_EQ(verCondition(1), CmpOp::EQ);
  EXPECT_EQ(verCondition(2), CmpOp::GT);
  EXPECT_EQ(verCondition(3), CmpOp::GE);
  EXPECT_EQ(verCondition(4), CmpOp::LT);
  EXPECT_EQ(verCondition(5), CmpOp::LE);
  EXPECT_EQ(verCondition(6), std::nullopt); // VER_AND
}
