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
  for (int64_t Build :
       {6000, 6001, 7601, 9200, 9600, 10240, 14393, 17763, 19041, 19042, 19043,
        19044, 19045, 20348, 22000, 22621, 22631, 26100, 26200}) {
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
            "Microsoft Windows [Version 10.0.19045.2130]");
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

TEST(Profile, EnablementBumpsKeepTheRevision) {
  // An enablement package flips the build and nothing else: both profiles
  // of such a bump report the same revision (UBR), or a check on it would
  // seem to flip.
  const ProfileSet &S = builtinProfiles();
  unsigned Enablement = 0;
  for (const Bump &B : S.Bumps) {
    if (B.Kind != BumpKind::Enablement)
      continue;
    ++Enablement;
    EXPECT_EQ(S.Profiles[B.Before].get(Quantity::Revision).I,
              S.Profiles[B.After].get(Quantity::Revision).I)
        << B.Id;
    EXPECT_NE(S.Profiles[B.Before].build(), S.Profiles[B.After].build());
  }
  EXPECT_EQ(Enablement, 4u);
  EXPECT_EQ(S.findBump("sp2-6003")->Kind, BumpKind::Servicing);

  const char *Yaml = "profiles:\n"
                     "  - {id: a, name: A, major: 10, minor: 0, build: 1, "
                     "revision: 5}\n"
                     "  - {id: b, name: B, major: 10, minor: 0, build: 2, "
                     "revision: 6}\n"
                     "bumps:\n"
                     "  - {id: e, kind: enablement, before: a, after: b}\n";
  auto P = parseProfiles(Yaml, "p.yaml");
  ASSERT_FALSE(P);
  std::string Msg = llvm::toString(P.takeError());
  EXPECT_NE(Msg.find("p.yaml: enablement bump 'e'"), std::string::npos) << Msg;
  std::string Servicing = Yaml;
  Servicing.replace(Servicing.find("enablement"), 10, "servicing");
  EXPECT_TRUE(static_cast<bool>(parseProfiles(Servicing, "p.yaml")));
  std::string Bogus = Yaml;
  Bogus.replace(Bogus.find("enablement"), 10, "sideways");
  auto Q = parseProfiles(Bogus, "p.yaml");
  ASSERT_FALSE(Q);
  EXPECT_NE(llvm::toString(Q.takeError()).find("kind 'sideways'"),
            std::string::npos);
}

TEST(Profile, KnownBuildsAreDataAndIncludeEveryProfile) {
  const ProfileSet &S = builtinProfiles();
  for (int64_t B : {2600, 3790, 7600, 18363}) // knownBuilds: only
    EXPECT_TRUE(S.isKnownBuild(B)) << B;
  for (const Profile &P : S.Profiles)
    EXPECT_TRUE(S.isKnownBuild(P.build())) << P.Id;
  for (int64_t B : {0, 80, 443, 6004, 24000})
    EXPECT_FALSE(S.isKnownBuild(B)) << B;
  // Builds on a side of a bump, enabled or not.
  for (int64_t B : {6002, 6003, 19041, 19045, 22621, 22631, 26100, 26200})
    EXPECT_TRUE(S.isBumpedBuild(B)) << B;
  for (int64_t B : {6001, 7601, 2600})
    EXPECT_FALSE(S.isBumpedBuild(B)) << B;
}

TEST(Profile, WindowsVersionsAreKnownBuildsWithTheirNtVersion) {
  const ProfileSet &S = builtinProfiles();
  EXPECT_TRUE(S.isWindowsVersion(6, 0, 6002));   // a profile's
  EXPECT_TRUE(S.isWindowsVersion(6, 1, 7600));   // knownBuilds
  EXPECT_TRUE(S.isWindowsVersion(5, 1, 2600));   // Windows XP
  EXPECT_TRUE(S.isWindowsVersion(10, 0, 19045)); // Windows 10 22H2
  EXPECT_FALSE(S.isWindowsVersion(6, 1, 6002));  // not 2008's NT version
  EXPECT_FALSE(S.isWindowsVersion(10, 0, 6002));
  EXPECT_FALSE(S.isWindowsVersion(6, 0, 1));     // no Windows build
  EXPECT_FALSE(S.isWindowsVersion(8, 0, 50727)); // .NET's 2.0.50727 kind
}
