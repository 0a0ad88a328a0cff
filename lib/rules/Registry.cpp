//===- Registry.cpp - the one sorted list of rules ------------------------===//
#include "rules/Rule.h"

namespace verguard::rules {

const std::vector<const Rule *> &allRules() {
  static const std::vector<const Rule *> Rules = {
      &buildComparisonRule(), &versionStringRule(), &revisionThresholdRule(),
      &conditionMaskRule(), &buildTableRule()};
  return Rules;
}

const std::vector<const Rule *> &claimOrder() {
  // A rule that recognizes a specific shape (a condition mask, a table, a
  // revision reset) takes an atom before the string rule, and the string rule
  // before the build rule, which takes what is left.
  static const std::vector<const Rule *> Order = {
      &conditionMaskRule(), &buildTableRule(), &revisionThresholdRule(),
      &versionStringRule(), &buildComparisonRule()};
  return Order;
}

const Rule *findRule(llvm::StringRef Id) {
  for (const Rule *R : allRules())
    if (Id.equals_insensitive(R->info().Id))
      return R;
  return nullptr;
}

const std::vector<const core::RuleInfo *> &metaRules() {
  static const core::RuleInfo Unused{
      "VG100",
      "unused-suppression",
      "A verguard: ignore comment that suppresses nothing",
      "VG100-unused-suppression.md",
      core::Severity::Warning,
      core::FixAvailability::Never};
  static const std::vector<const core::RuleInfo *> Meta = {&Unused};
  return Meta;
}

std::vector<const core::RuleInfo *> allRuleInfos() {
  std::vector<const core::RuleInfo *> All;
  for (const Rule *R : allRules())
    All.push_back(&R->info());
  for (const core::RuleInfo *I : metaRules())
    All.push_back(I);
  return All;
}

const core::RuleInfo *findRuleInfo(llvm::StringRef IdOrName) {
  for (const core::RuleInfo *I : allRuleInfos())
    if (IdOrName.equals_insensitive(I->Id) ||
        IdOrName.equals_insensitive(I->Name))
      return I;
  return nullptr;
}

bool isKnownRuleId(llvm::StringRef Id) {
  const core::RuleInfo *I = findRuleInfo(Id);
  return I && Id.equals_insensitive(I->Id);
}

} // namespace verguard::rules
