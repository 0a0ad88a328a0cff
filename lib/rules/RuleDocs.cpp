//===- RuleDocs.cpp -------------------------------------------------------===//
#include "rules/RuleDocs.h"

#include "rules/Rule.h"

#include <string>

namespace verguard::rules {
namespace {
struct DocEntry {
  const char *Name;
  const char *Text;
};
#include "ruledocs.inc"
} // namespace

std::optional<llvm::StringRef> ruleDoc(llvm::StringRef RuleId) {
  for (const DocEntry *D = EmbeddedDocs; D->Name; ++D)
    if (llvm::StringRef(D->Name).starts_with_insensitive(RuleId.str() + "-"))
      return llvm::StringRef(D->Text);
  return std::nullopt;
}

std::string ruleHelpUri(llvm::StringRef RuleId) {
  const core::RuleInfo *I = findRuleInfo(RuleId);
  std::string File = I ? I->DocFile : RuleId.str() + ".md";
  return "https://github.com/verguard/verguard/blob/main/rules/" + File;
}
} // namespace verguard::rules
