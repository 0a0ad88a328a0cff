#include "core/SourceTable.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace verguard::core;

TEST(SourceTable, BuiltinTableKnowsEveryFrontendsSources) {
  const SourceTable &T = builtinSources();
  // Registry values under CurrentVersion, any case.
  const SourceEntry *Ubr = T.registryValue("ubr");
  ASSERT_NE(Ubr, nullptr);
  EXPECT_EQ(Ubr->Q, Quantity::Revision);
  EXPECT_FALSE(Ubr->AsString);
  const SourceEntry *Cb = T.registryValue("CurrentBuildNumber");
  ASSERT_NE(Cb, nullptr);
  EXPECT_EQ(Cb->Q, Quantity::Build);
  EXPECT_TRUE(Cb->AsString);
  ASSERT_NE(T.registryValue("CurrentMajorVersionNumber"), nullptr);
  EXPECT_EQ(T.registryValue("ProgramFilesDir"), nullptr);
  // WMI and OSVERSIONINFO.
  ASSERT_NE(T.wmiProperty("BUILDNUMBER"), nullptr);
  EXPECT_TRUE(T.wmiProperty("BuildNumber")->AsString);
  EXPECT_EQ(T.wmiProperty("Version")->Q, Quantity::Version);
  EXPECT_EQ(T.wmiProperty("FreePhysicalMemory"), nullptr);
  ASSERT_NE(T.versionInfoMember("dwBuildNumber"), nullptr);
  EXPECT_EQ(T.versionInfoMember("dwBuildNumber")->Q, Quantity::Build);
  // System binaries by file name, in any directory and case.
  EXPECT_TRUE(T.isSystemBinary("C:\\Windows\\System32\\KERNEL32.DLL"));
  EXPECT_TRUE(T.isSystemBinary("ntoskrnl.exe"));
  EXPECT_TRUE(T.isSystemBinary("%SystemRoot%/system32/ntdll.dll"));
  EXPECT_FALSE(T.isSystemBinary("C:\\Program Files\\App\\kernel32.dll.bak"));
  EXPECT_FALSE(T.isSystemBinary("myapp.exe"));
  // KUSER_SHARED_DATA by address, in user and kernel mode.
  ASSERT_NE(T.address(0x7FFE0260), nullptr);
  EXPECT_EQ(T.address(0x7FFE0260)->Q, Quantity::Build);
  EXPECT_EQ(T.address(0x7FFE026C)->Q, Quantity::Major);
  ASSERT_NE(T.address(0xFFFFF78000000270ull), nullptr);
  EXPECT_EQ(T.address(0xFFFFF78000000270ull)->Q, Quantity::Minor);
  EXPECT_EQ(T.address(0x7FFE0264), nullptr);
  // RtlGetNtVersionNumbers' build carries flag bits above it.
  auto Rtl = std::find_if(
      T.OutParameters.begin(), T.OutParameters.end(), [](const auto &O) {
        return O.Function == "RtlGetNtVersionNumbers" && O.Argument == 2;
      });
  ASSERT_NE(Rtl, T.OutParameters.end());
  EXPECT_EQ(Rtl->Q, Quantity::Build);
  EXPECT_EQ(Rtl->HighBits, 0xF0000000u);
}

TEST(SourceTable, TriggerWordsComeFromTheBumpsAndTheTable) {
  std::vector<std::string> W = defaultTriggerWords();
  auto Has = [&](const char *S) {
    return std::find(W.begin(), W.end(), S) != W.end();
  };
  EXPECT_TRUE(Has("6002"));
  EXPECT_TRUE(Has("6003"));
  EXPECT_TRUE(Has("1772")); // 0x1772, &H1772
  EXPECT_TRUE(Has("1773"));
  for (const std::string &R : builtinSources().RevisionWords)
    EXPECT_TRUE(Has(llvm::StringRef(R).lower().c_str())) << R;
  EXPECT_FALSE(Has("19041")); // a bump that is not enabled
  const ProfileSet &P = builtinProfiles();
  std::vector<const Bump *> B{P.findBump("win11-22621-22631")};
  std::vector<UserSource> U{{"MyOs::Build", Quantity::Build, "cpp"}};
  W = triggerWords(P, B, U);
  EXPECT_TRUE(Has("22621"));
  EXPECT_TRUE(Has("22631"));
  EXPECT_TRUE(Has("22625")); // between the two: `build >= 22625` flips
  EXPECT_TRUE(Has("5865"));  // 22629 in hex
  EXPECT_TRUE(Has("myos::build"));
  EXPECT_FALSE(Has("6002"));
}

TEST(SourceTable, BadTablesNameTheFileAndEntry) {
  const char *Good = "registry: [{name: UBR, quantity: revision}]\n"
                     "wmi: []\nversionInfo: []\nsystemBinaries: []\n"
                     "revisionWords: []\n";
  ASSERT_TRUE(static_cast<bool>(parseSourceTable(Good, "s.yaml")));
  std::string BadQ = Good;
  BadQ.replace(BadQ.find("revision}"), 8, "loudness");
  auto T = parseSourceTable(BadQ, "s.yaml");
  ASSERT_FALSE(T);
  std::string Msg = llvm::toString(T.takeError());
  EXPECT_NE(Msg.find("s.yaml: registry entry 'UBR' has unknown quantity "
                     "'loudness'"),
            std::string::npos)
      << Msg;
  std::string BadType = Good;
  BadType.replace(BadType.find("quantity: revision"), 18,
                  "quantity: revision, type: float");
  auto U = parseSourceTable(BadType, "s.yaml");
  ASSERT_FALSE(U);
  EXPECT_NE(llvm::toString(U.takeError()).find("type 'float'"),
            std::string::npos);
  auto V = parseSourceTable("registry: [}", "s.yaml");
  ASSERT_FALSE(V);
  EXPECT_EQ(llvm::toString(V.takeError()).rfind("s.yaml:1:", 0), 0u);
}

TEST(SourceTable, NamesAreEvidenceOnlyForTheOs) {
  // One heuristic for every frontend (C/C++, PowerShell, VBScript, VBA).
  for (const char *B :
       {"osBuild", "g_nBuild", "dwBuildNumber", "m_build", "$OSBuild",
        "WinBuild", "buildNum", "OS_BUILD", "NtBuildNumber", "CurrentBuild"})
    EXPECT_EQ(quantityNamed(B), Quantity::Build) << B;
  for (const char *R : {"UBR", "g_dwUbr", "osRevision", "PrivatePart"})
    EXPECT_EQ(quantityNamed(R), Quantity::Revision) << R;
  for (const char *V :
       {"$OSVersion", "winver", "WindowsVersion", "platformVersion", "version"})
    EXPECT_EQ(quantityNamed(V), Quantity::Version) << V;
  for (const char *N : {"buildLab", "sdkBuild", "toolVersion", "$buildEnv",
                        "logPath", "$PSVersionTable", "appVersion",
                        "fileVersion", "revision", "buildFlags", "count",
                        "dotnetBuild", "moduleVersion", "hostVersion", ""})
    EXPECT_EQ(quantityNamed(N), std::nullopt) << N;
}
