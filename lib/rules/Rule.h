//===- Rule.h - a language-neutral rule -------------------------*- C++ -*-===//
#ifndef VERGUARD_RULES_RULE_H
#define VERGUARD_RULES_RULE_H

#include "core/Evaluator.h"
#include "core/Finding.h"
#include "core/FixProver.h"

#include <vector>

namespace verguard::rules {

/// One flipping atom of a fragile guard, with everything a rule needs.
struct AtomContext {
  const core::Guard &G;
  const core::Expr &Atom;
  int ArmIndex; // the arm whose test Atom is, or -1
  const core::Profile &Before, &After;
  const core::Bump &TheBump;
  bool ValueBefore; // the atom's value on the earlier profile
};

class Rule {
public:
  virtual ~Rule() = default;
  virtual const core::RuleInfo &info() const = 0;
  /// True if this atom is this rule's kind of fragility.
  virtual bool claims(const AtomContext &C) const = 0;
  /// Candidate rewrites of the atom, most idiomatic first. The prover keeps
  /// the first that it proves; rules never decide that a fix is correct.
  virtual void candidates(const AtomContext &C,
                          std::vector<core::Candidate> &Out) const = 0;
};

/// Every rule, sorted by id.
const std::vector<const Rule *> &allRules();
/// The order in which rules claim a flipping atom: it belongs to the first
/// whose claims() is true. This list is the only place that says which rule
/// takes an atom several shapes would fit; each rule's claims() tests only
/// its own shape.
const std::vector<const Rule *> &claimOrder();
const Rule *findRule(llvm::StringRef Id);
/// Rules about verguard's own annotations rather than guards (VG100
/// unused-suppression), reported by the driver.
const std::vector<const core::RuleInfo *> &metaRules();
/// Every rule, guard rules (by id) and then meta rules.
std::vector<const core::RuleInfo *> allRuleInfos();
/// A rule by id (`VG001`) or name (`build-comparison`), case-insensitive.
const core::RuleInfo *findRuleInfo(llvm::StringRef IdOrName);
/// Every rule id, guard rules and meta rules (case-insensitive).
bool isKnownRuleId(llvm::StringRef Id);

// The rules (one file each).
const Rule &buildComparisonRule();   // VG001
const Rule &versionStringRule();     // VG002
const Rule &revisionThresholdRule(); // VG003
const Rule &conditionMaskRule();     // VG004
const Rule &buildTableRule();        // VG005

} // namespace verguard::rules

#endif
