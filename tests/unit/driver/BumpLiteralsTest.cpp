//===- BumpLiteralsTest.cpp -----------------------------------------------===//
#include "driver/BumpLiterals.h"

#include "core/SourceTable.h"

#include <gtest/gtest.h>

using namespace verguard;
using namespace verguard::driver;

namespace {

TEST(BumpLiterals, TheDefaultBumpSeparatesItsBuildsAndRevisions) {
  BumpLiterals L = BumpLiterals::defaults();
  ASSERT_EQ(L.Builds.size(), 1u);
  EXPECT_EQ(L.Builds[0].Lo, 6002);
  EXPECT_EQ(L.Builds[0].Hi, 6003);
  ASSERT_EQ(L.Revisions.size(), 1u); // 24566 -> 20491
  EXPECT_EQ(L.Revisions[0].Lo, 20491);
  EXPECT_EQ(L.Revisions[0].Hi, 24566);
  EXPECT_EQ(L.BuildDigits, (std::vector<std::string>{"6002", "6003"}));
  for (const std::string &W : core::builtinSources().RevisionWords)
    EXPECT_TRUE(llvm::is_contained(L.RevisionWords, llvm::StringRef(W).lower()))
        << W;
  EXPECT_TRUE(L.SourceNames.empty());

  EXPECT_EQ(L.number(6002), BumpLiterals::Build);
  EXPECT_EQ(L.number(6002.5), BumpLiterals::Build);
  EXPECT_EQ(L.number(6001), BumpLiterals::None);
  EXPECT_EQ(L.number(6004), BumpLiterals::None);
  EXPECT_EQ(L.number(0x17720000), BumpLiterals::Build); // GetVersion() >> 16
  EXPECT_EQ(L.number(0x1773FFFF), BumpLiterals::Build);
  EXPECT_EQ(L.number(0x17740000), BumpLiterals::None);
  EXPECT_EQ(L.number(24000), BumpLiterals::Revision);
  EXPECT_EQ(L.number(20490), BumpLiterals::None);

  EXPECT_EQ(L.digits("6002", 0), BumpLiterals::Build);
  EXPECT_EQ(L.digits("06003", 0), BumpLiterals::Build);
  EXPECT_EQ(L.digits("60025", 0), BumpLiterals::Build);
  EXPECT_EQ(L.digits("600", '['), BumpLiterals::Build);
  EXPECT_EQ(L.digits("600", '.'), BumpLiterals::None);
  EXPECT_EQ(L.digits("16002", 0), BumpLiterals::None);
  EXPECT_EQ(L.digits("393347072", 0), BumpLiterals::None); // not in text
  EXPECT_EQ(L.digits("24566", 0), BumpLiterals::Revision);
}

TEST(BumpLiterals, EnablementBumpsAndUserSources) {
  const core::ProfileSet &P = core::builtinProfiles();
  std::vector<const core::Bump *> B{P.findBump("win10-19041-19045"),
                                    P.findBump("win11-22621-22631")};
  std::vector<core::UserSource> U{{"MyOs::Build", core::Quantity::Build, ""}};
  BumpLiterals L = BumpLiterals::of(P, B, U);
  EXPECT_EQ(L.BuildDigits.size(), 5u + 11u);
  EXPECT_EQ(L.number(19043), BumpLiterals::Build);
  EXPECT_EQ(L.number(22626), BumpLiterals::Build);
  EXPECT_EQ(L.number(6002), BumpLiterals::None);
  EXPECT_TRUE(L.Revisions.empty()); // an enablement keeps the revision
  EXPECT_EQ(L.SourceNames, (std::vector<std::string>{"myos::build"}));
}

} // namespace
