//===- Profiles.h - the built-in OS profiles, for tests ---------*- C++ -*-===//
#ifndef VERGUARD_TESTS_UNIT_PROFILES_H
#define VERGUARD_TESTS_UNIT_PROFILES_H

#include "core/Profile.h"

#include <gtest/gtest.h>

namespace verguard::test {

/// The built-in profile Id (rules/profiles.yaml); a failure if there is none.
inline const core::Profile &profile(const char *Id) {
  const core::Profile *P = core::builtinProfiles().find(Id);
  EXPECT_NE(P, nullptr) << Id;
  return *P;
}

} // namespace verguard::test

#endif
