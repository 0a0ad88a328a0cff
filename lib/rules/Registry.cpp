//===- Registry.cpp - the one sorted list of rules ------------------------===//
#include "rules/Rule.h"

namespace verguard::rules {

const std::vector<const Rule *> &allRules() {
  static const std::vector<const Rule *> Rules = {
      &buildComparisonRule(), &versionStringRule(), &revisionThresholdRule(),
      &conditionMaskRule(), &buildTableRule()};
  return Rules;
}

const Rule *findRule(llvm::StringRef Id) {
  for (const Rule *R : allRules())
    if (Id.equals_insensitive(R->info().Id))
      return R;
  return nullptr;
}

} // namespace verguard::rules
