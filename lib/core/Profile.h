//===- Profile.h - OS profiles and bumps ------------------------*- C++ -*-===//
#ifndef VERGUARD_CORE_PROFILE_H
#define VERGUARD_CORE_PROFILE_H

#include "core/Quantity.h"
#include "core/Value.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <array>
#include <string>
#include <vector>

namespace verguard::core {

/// One concrete OS state: every quantity a guard may read.
struct Profile {
  std::string Id, Name;
  std::array<Value, NumQuantities> Values;
  const Value &get(Quantity Q) const {
    return Values[static_cast<unsigned>(Q)];
  }
  int64_t build() const { return get(Quantity::Build).I; }
};

/// Servicing: an update moved the build (and may restart the revision).
/// Enablement: a package flipped the build alone; both profiles carry the
/// same revision (checked when the profiles are read).
enum class BumpKind : uint8_t { Servicing, Enablement };

/// Two profiles of one release that must answer every guard alike.
struct Bump {
  std::string Id, Description;
  unsigned Before = 0, After = 0; // indexes into ProfileSet::Profiles
  BumpKind Kind = BumpKind::Servicing;
  bool Enabled = false;
};

struct ProfileSet {
  std::vector<Profile> Profiles;
  std::vector<Bump> Bumps;
  /// Builds of Windows releases, sorted: the profiles' and `knownBuilds`.
  std::vector<int64_t> KnownBuilds;
  const Profile *find(llvm::StringRef Id) const;
  const Bump *findBump(llvm::StringRef Id) const;
  /// A build of some Windows release (evidence that a value is an OS build).
  bool isKnownBuild(int64_t Build) const;
  /// Major.Minor.Build is a Windows release's version (6.0.6002, 10.0.19045):
  /// a known build, with the major and minor version Windows reports with it.
  bool isWindowsVersion(int64_t Major, int64_t Minor, int64_t Build) const;
  /// A build on either side of some bump, enabled or not.
  bool isBumpedBuild(int64_t Build) const;
};

/// Parses the profiles YAML (see rules/profiles.yaml). Strings a profile does
/// not spell out are derived the way Windows derives them.
llvm::Expected<ProfileSet> parseProfiles(llvm::StringRef Yaml,
                                         llvm::StringRef FileName);

/// The profiles embedded in the binary at build time from rules/.
const ProfileSet &builtinProfiles();

} // namespace verguard::core

#endif
