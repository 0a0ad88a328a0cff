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

const std::vector<const core::RuleInfo *> &metaRules() {
  static const core::RuleInfo Unused{
      "VG100", "unused-suppression",
      "A verguard: ignore comment that suppresses nothing",
      "VG100-unused-suppression.md"};
  static const std::vector<const core::RuleInfo *> Meta = {&Unused};
  return Meta;
}

bool isKnownRuleId(llvm::StringRef Id) {
  if (findRule(Id))
    return true;
  for (const core::RuleInfo *I : metaRules())
    if (Id.equals_insensitive(I->Id))
      return true;
  return false;
}

} // namespace verguard::rules
