//===- Checker.h - from a guard to findings ---------------------*- C++ -*-===//
#ifndef VERGUARD_RULES_CHECKER_H
#define VERGUARD_RULES_CHECKER_H

#include "core/Finding.h"
#include "core/Guard.h"
#include "core/Profile.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace verguard::rules {

/// The command line's choice of rules (upper-case ids). It wins over the
/// configuration's `rules.disable`: --select names the only rules that run,
/// --enable adds rules (also ones the configuration disables), and
/// --disable removes rules, whatever else names them.
struct RuleSelection {
  std::optional<std::set<std::string>> Select;
  std::set<std::string> Enable, Disable;
};

struct CheckConfig {
  const core::ProfileSet *Profiles = nullptr;
  std::vector<const core::Bump *> Bumps; // the enabled bumps
  std::set<std::string> DisabledRules;   // by the configuration
  RuleSelection CommandLine;
  std::map<std::string, core::Severity> SeverityOverrides;
  /// Whether rule Id (upper case) runs.
  bool enabled(const std::string &Id) const;
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

/// checkGuard on each guard of one file, with what the guards say together:
/// two if-conditions of one function that single out the operand's value as
/// each build of a bump (`b == 22621` ... `b == 22631`) are an if-else ladder
/// that knows both builds, silent for that bump (DESIGN.md, Evidence), as a
/// switch or table with an arm of its own for each build is in checkGuard.
std::vector<core::Finding> checkGuards(const std::vector<core::Guard> &Guards,
                                       const CheckConfig &Cfg);

} // namespace verguard::rules

#endif
