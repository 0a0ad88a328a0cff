#include "core/Profile.h"

#include <gtest/gtest.h>

using namespace verguard::core;

TEST(Profile, BuiltinHasTheSp2PairWithEveryString) {
  const ProfileSet &S = builtinProfiles();
  const Bump *B = S.findBump("sp2-6003");
  ASSERT_NE(B, nullptr);
  EXPECT_TRUE(B->Enabled);
  const Profile &Before = S.Profiles[B->Before], &After = S.Profiles[B->After];
  EXPECT_EQ(Before.get(Quantity::FileVersion).S, "6.0.6002.24566");
  EXPECT_EQ(After.get(Quantity::FileVersion).S, "6.0.6003.20491");
  EXPECT_EQ(After.get(Quantity::Version).S, "6.0.6003");
  EXPECT_EQ(After.get(Quantity::VerOutput).S,
            "Microsoft Windows [Version 6.0.6003]");
  EXPECT_EQ(Before.get(Quantity::DotNetVersion).S, "6.0.6002.131072");
  EXPECT_EQ(After.get(Quantity::CSDVersion).S, "Service Pack 2");
  EXPECT_EQ(After.get(Quantity::CurrentVersion).S, "6.0");
}

TEST(Profile, ReferenceProfilesAndDisabledEnablementFamilies) {
  const ProfileSet &S = builtinProfiles();
  for (int64_t Build : {6000, 6001, 7601, 9200, 9600, 10240, 14393, 17763,
                        19041, 19042, 19043, 19044, 19045, 20348, 22000,
                        22621, 22631, 26100, 26200}) {
    bool Found = false;
    for (const Profile &P : S.Profiles)
      Found |= P.build() == Build;
    EXPECT_TRUE(Found) << Build;
  }
  const Bump *E = S.findBump("win11-22621-22631");
  ASSERT_NE(E, nullptr);
  EXPECT_FALSE(E->Enabled);
  const Profile *W10 = S.find("win10-22h2");
  ASSERT_NE(W10, nullptr);
  EXPECT_EQ(W10->get(Quantity::CurrentVersion).S, "6.3");
  EXPECT_EQ(W10->get(Quantity::VerOutput).S,
            "Microsoft Windows [Version 10.0.19045.3803]");
}

TEST(Profile, BadYamlNamesTheFile) {
  auto P = parseProfiles("profiles: [ {id: x} ]", "my.yaml");
  ASSERT_FALSE(P);
  std::string Msg = llvm::toString(P.takeError());
  EXPECT_NE(Msg.find("my.yaml"), std::string::npos) << Msg;
  auto Q = parseProfiles("profiles: []\nbumps: [{id: b, before: a, after: c}]",
                         "b.yaml");
  ASSERT_FALSE(Q);
  EXPECT_NE(llvm::toString(Q.takeError()).find("unknown profile"),
            std::string::npos);
}
