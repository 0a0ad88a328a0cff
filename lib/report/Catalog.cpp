//===- Catalog.cpp - `verguard rules` and `verguard bumps` ----------------===//
#include "report/Report.h"

#include "rules/Rule.h"
#include "rules/RuleDocs.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

namespace verguard::report {

void writeRuleList(llvm::raw_ostream &OS, bool Json) {
  llvm::json::Array A;
  for (const core::RuleInfo *I : rules::allRuleInfos()) {
    if (!Json) {
      OS << I->Id << "  " << I->Name << "  ("
         << core::severityName(I->DefaultLevel) << ", fix "
         << core::fixAvailabilityName(I->Fix) << ")\n    " << I->Summary
         << "\n";
      continue;
    }
    A.push_back(llvm::json::Object{
        {"id", I->Id},
        {"name", I->Name},
        {"summary", I->Summary},
        {"defaultSeverity", core::severityName(I->DefaultLevel)},
        {"fix", core::fixAvailabilityName(I->Fix)},
        {"doc", std::string("rules/") + I->DocFile},
        {"helpUri", rules::ruleHelpUri(I->Id)}});
  }
  if (Json)
    OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(A))) << "\n";
}

void writeBumpList(llvm::raw_ostream &OS, const core::ProfileSet &P,
                   bool Json) {
  llvm::json::Array A;
  for (const core::Bump &B : P.Bumps) {
    const core::Profile &Before = P.Profiles[B.Before];
    const core::Profile &After = P.Profiles[B.After];
    if (!Json) {
      OS << B.Id << "  " << Before.build() << " -> " << After.build() << "  "
         << (B.Enabled ? "(checked by default)" : "(with --bump " + B.Id + ")")
         << "\n    " << B.Description << "\n";
      continue;
    }
    A.push_back(llvm::json::Object{{"id", B.Id},
                                   {"description", B.Description},
                                   {"before", Before.Id},
                                   {"after", After.Id},
                                   {"buildBefore", Before.build()},
                                   {"buildAfter", After.build()},
                                   {"default", B.Enabled}});
  }
  if (Json)
    OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(A))) << "\n";
}

} // namespace verguard::report
