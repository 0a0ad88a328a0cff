//===- RuleDocs.h - the rules/VG*.md docs, embedded -------------*- C++ -*-===//
#ifndef VERGUARD_RULES_RULEDOCS_H
#define VERGUARD_RULES_RULEDOCS_H

#include "llvm/ADT/StringRef.h"

#include <optional>

namespace verguard::rules {
/// The Markdown doc of a rule (rules/VG001-*.md), embedded at build time.
std::optional<llvm::StringRef> ruleDoc(llvm::StringRef RuleId);
/// The documentation URL of a rule (helpUri in SARIF).
std::string ruleHelpUri(llvm::StringRef RuleId);
} // namespace verguard::rules

#endif
