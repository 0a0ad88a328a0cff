//===- Profile.cpp --------------------------------------------------------===//
#include "core/Profile.h"
#include "core/BuiltinData.h"

#include "core/YamlInput.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/YAMLTraits.h"

#include <algorithm>
#include <cstdlib>
#include <optional>

namespace {
struct RawProfile {
  std::string Id, Name;
  int64_t Major = -1, Minor = -1, Build = -1, Revision = -1, SPMajor = 0,
          SPMinor = 0, ProductType = 1;
  std::optional<std::string> Csd, BuildLab, BuildLabEx, ProductName, Version,
      VersionString, DotNetVersion, VerOutput, FileVersion, CurrentVersion;
};
struct RawBump {
  std::string Id, Description, Before, After, Kind = "servicing";
  bool Enabled = false;
};
struct RawFile {
  std::vector<RawProfile> Profiles;
  std::vector<RawBump> Bumps;
  std::vector<int64_t> KnownBuilds;
};
} // namespace

LLVM_YAML_IS_SEQUENCE_VECTOR(RawProfile)
LLVM_YAML_IS_SEQUENCE_VECTOR(RawBump)

namespace llvm::yaml {
template <> struct MappingTraits<RawProfile> {
  static void mapping(IO &Io, RawProfile &P) {
    Io.mapRequired("id", P.Id);
    Io.mapRequired("name", P.Name);
    Io.mapRequired("major", P.Major);
    Io.mapRequired("minor", P.Minor);
    Io.mapRequired("build", P.Build);
    Io.mapRequired("revision", P.Revision);
    Io.mapOptional("spMajor", P.SPMajor);
    Io.mapOptional("spMinor", P.SPMinor);
    Io.mapOptional("productType", P.ProductType);
    Io.mapOptional("csdVersion", P.Csd);
    Io.mapOptional("buildLab", P.BuildLab);
    Io.mapOptional("buildLabEx", P.BuildLabEx);
    Io.mapOptional("productName", P.ProductName);
    Io.mapOptional("version", P.Version);
    Io.mapOptional("versionString", P.VersionString);
    Io.mapOptional("dotnetVersion", P.DotNetVersion);
    Io.mapOptional("verOutput", P.VerOutput);
    Io.mapOptional("fileVersion", P.FileVersion);
    Io.mapOptional("currentVersion", P.CurrentVersion);
  }
};
template <> struct MappingTraits<RawBump> {
  static void mapping(IO &Io, RawBump &B) {
    Io.mapRequired("id", B.Id);
    Io.mapOptional("description", B.Description);
    Io.mapRequired("before", B.Before);
    Io.mapRequired("after", B.After);
    Io.mapOptional("kind", B.Kind);
    Io.mapOptional("enabled", B.Enabled);
  }
};
template <> struct MappingTraits<RawFile> {
  static void mapping(IO &Io, RawFile &F) {
    Io.mapRequired("profiles", F.Profiles);
    Io.mapOptional("bumps", F.Bumps);
    Io.mapOptional("knownBuilds", F.KnownBuilds);
  }
};
} // namespace llvm::yaml

namespace verguard::core {

const Profile *ProfileSet::find(llvm::StringRef Id) const {
  for (const Profile &P : Profiles)
    if (P.Id == Id)
      return &P;
  return nullptr;
}

const Bump *ProfileSet::findBump(llvm::StringRef Id) const {
  for (const Bump &B : Bumps)
    if (B.Id == Id)
      return &B;
  return nullptr;
}

bool ProfileSet::isKnownBuild(int64_t Build) const {
  return std::binary_search(KnownBuilds.begin(), KnownBuilds.end(), Build);
}

bool ProfileSet::isWindowsVersion(int64_t Major, int64_t Minor,
                                  int64_t Build) const {
  if (!isKnownBuild(Build))
    return false;
  for (const Profile &P : Profiles)
    if (P.build() == Build)
      return P.get(Quantity::Major).I == Major &&
             P.get(Quantity::Minor).I == Minor;
  // The NT versions by their first build: 5.0 (2000) to 10.0 (10240).
  static const std::pair<int64_t, std::pair<int, int>> Firsts[] = {
      {10240, {10, 0}}, {9600, {6, 3}}, {9200, {6, 2}}, {7600, {6, 1}},
      {6000, {6, 0}},   {3790, {5, 2}}, {2600, {5, 1}}, {0, {5, 0}}};
  for (const auto &[First, MM] : Firsts)
    if (Build >= First)
      return Major == MM.first && Minor == MM.second;
  return false;
}

bool ProfileSet::isBumpedBuild(int64_t Build) const {
  for (const Bump &B : Bumps)
    if (Profiles[B.Before].build() == Build ||
        Profiles[B.After].build() == Build)
      return true;
  return false;
}

namespace {
Profile derive(const RawProfile &R) {
  Profile P;
  P.Id = R.Id;
  P.Name = R.Name;
  auto SetI = [&](Quantity Q, int64_t V) {
    P.Values[static_cast<unsigned>(Q)] = Value::integer(V);
  };
  auto SetS = [&](Quantity Q, const std::optional<std::string> &Given,
                  std::string Derived) {
    P.Values[static_cast<unsigned>(Q)] =
        Value::string(Given ? *Given : Derived);
  };
  SetI(Quantity::Major, R.Major);
  SetI(Quantity::Minor, R.Minor);
  SetI(Quantity::Build, R.Build);
  SetI(Quantity::Revision, R.Revision);
  SetI(Quantity::SPMajor, R.SPMajor);
  SetI(Quantity::SPMinor, R.SPMinor);
  SetI(Quantity::ProductType, R.ProductType);
  std::string MMB = std::to_string(R.Major) + "." + std::to_string(R.Minor) +
                    "." + std::to_string(R.Build);
  std::string Csd = R.Csd.value_or("");
  SetS(Quantity::Version, R.Version, MMB);
  SetS(Quantity::VersionString, R.VersionString,
       "Microsoft Windows NT " + MMB + (Csd.empty() ? "" : " " + Csd));
  SetS(Quantity::DotNetVersion, R.DotNetVersion,
       MMB + "." + std::to_string((R.SPMajor << 16) | R.SPMinor));
  SetS(Quantity::CSDVersion, R.Csd, "");
  // `ver` shows the revision from Windows 10 on.
  SetS(Quantity::VerOutput, R.VerOutput,
       "Microsoft Windows [Version " + MMB +
           (R.Major >= 10 ? "." + std::to_string(R.Revision) : "") + "]");
  SetS(Quantity::BuildLab, R.BuildLab, std::to_string(R.Build));
  SetS(Quantity::BuildLabEx, R.BuildLabEx, std::to_string(R.Build));
  SetS(Quantity::FileVersion, R.FileVersion,
       MMB + "." + std::to_string(R.Revision));
  // The registry's CurrentVersion froze at 6.3 from Windows 8.1 on.
  SetS(Quantity::CurrentVersion, R.CurrentVersion,
       R.Major >= 10 ? "6.3"
                     : std::to_string(R.Major) + "." + std::to_string(R.Minor));
  SetS(Quantity::ProductName, R.ProductName, "Windows");
  return P;
}
} // namespace

llvm::Expected<ProfileSet> parseProfiles(llvm::StringRef Yaml,
                                         llvm::StringRef FileName) {
  RawFile Raw;
  if (llvm::Error E = readYaml(Yaml, FileName, Raw))
    return std::move(E);
  ProfileSet Set;
  for (const RawProfile &R : Raw.Profiles) {
    if (R.Major < 0 || R.Minor < 0 || R.Build < 0 || R.Revision < 0)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "%s: profile '%s' needs non-negative major, minor, build, revision",
          FileName.str().c_str(), R.Id.c_str());
    if (Set.find(R.Id))
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "%s: duplicate profile '%s'",
                                     FileName.str().c_str(), R.Id.c_str());
    Set.Profiles.push_back(derive(R));
  }
  for (const RawBump &R : Raw.Bumps) {
    Bump B;
    B.Id = R.Id;
    B.Description = R.Description;
    B.Enabled = R.Enabled;
    const Profile *Before = Set.find(R.Before), *After = Set.find(R.After);
    if (!Before || !After)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "%s: bump '%s' names an unknown profile",
                                     FileName.str().c_str(), R.Id.c_str());
    B.Before = Before - Set.Profiles.data();
    B.After = After - Set.Profiles.data();
    if (R.Kind == "enablement") {
      // An enablement package flips the build and nothing else.
      B.Kind = BumpKind::Enablement;
      if (Before->get(Quantity::Revision).I != After->get(Quantity::Revision).I)
        return llvm::createStringError(
            llvm::inconvertibleErrorCode(),
            "%s: enablement bump '%s' joins profiles with different revisions "
            "(%lld and %lld); an enablement package does not change the "
            "revision",
            FileName.str().c_str(), R.Id.c_str(),
            static_cast<long long>(Before->get(Quantity::Revision).I),
            static_cast<long long>(After->get(Quantity::Revision).I));
    } else if (R.Kind != "servicing") {
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "%s: bump '%s' has kind '%s'; expected servicing or enablement",
          FileName.str().c_str(), R.Id.c_str(), R.Kind.c_str());
    }
    Set.Bumps.push_back(std::move(B));
  }
  Set.KnownBuilds = Raw.KnownBuilds;
  for (const Profile &P : Set.Profiles)
    Set.KnownBuilds.push_back(P.build());
  llvm::sort(Set.KnownBuilds);
  Set.KnownBuilds.erase(
      std::unique(Set.KnownBuilds.begin(), Set.KnownBuilds.end()),
      Set.KnownBuilds.end());
  return Set;
}

namespace {
const char BuiltinYaml[] = {
#include "profiles.yaml.inc"
    0};
} // namespace

llvm::StringRef builtinProfilesText() { return BuiltinYaml; }

const ProfileSet &builtinProfiles() {
  static const ProfileSet Set = [] {
    auto P = parseProfiles(BuiltinYaml, "rules/profiles.yaml");
    if (!P) {
      // The file is validated by the build's tests; this cannot happen in a
      // released binary, but never continue with garbage.
      llvm::report_fatal_error(P.takeError());
    }
    return std::move(*P);
  }();
  return Set;
}

} // namespace verguard::core
