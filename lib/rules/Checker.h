//===- Checker.h - from a guard to findings ---------------------*- C++ -*-===//
#ifndef VERGUARD_RULES_CHECKER_H
#define VERGUARD_RULES_CHECKER_H

#include "core/Finding.h"
#include "core/Guard.h"
#include "core/Profile.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace verguard::rules {

struct CheckConfig {
  const core::ProfileSet *Profiles = nullptr;
  std::vector<const core::Bump *> Bumps; // the enabled bumps
  std::set<std::string> DisabledRules;
  std::map<std::string, core::Severity> SeverityOverrides;
};

/// The default configuration: built-in profiles, the bumps enabled there.
CheckConfig defaultCheckConfig();

/// A profile's full version as messages show it ("6.0.6002.24566").
std::string versionOf(const core::Profile &P);

/// Evaluates the guard on every enabled bump; for each flipping atom of a
/// fragile guard, one finding from the rule that claims it, carrying the
/// most idiomatic fix the prover proved (or why there is none).
std::vector<core::Finding> checkGuard(const core::Guard &G,
                                      const CheckConfig &Cfg);

} // namespace verguard::rules

#endif
