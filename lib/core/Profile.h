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

/// Two profiles of one release that must answer every guard alike.
struct Bump {
  std::string Id, Description;
  unsigned Before = 0, After = 0; // indexes into ProfileSet::Profiles
  bool Enabled = false;
};

struct ProfileSet {
  std::vector<Profile> Profiles;
  std::vector<Bump> Bumps;
  const Profile *find(llvm::StringRef Id) const;
  const Bump *findBump(llvm::StringRef Id) const;
};

/// Parses the profiles YAML (see rules/profiles.yaml). Strings a profile does
/// not spell out are derived the way Windows derives them.
llvm::Expected<ProfileSet> parseProfiles(llvm::StringRef Yaml,
                                         llvm::StringRef FileName);

/// The profiles embedded in the binary at build time from rules/.
const ProfileSet &builtinProfiles();

} // namespace verguard::core

#endif
