//===- VG004ConditionMask.cpp - condition-mask ----------------------------===//
//
// VerifyVersionInfo with VER_BUILDNUMBER under VER_EQUAL / VER_LESS /
// VER_LESS_EQUAL against a bumped build.
//
//===----------------------------------------------------------------------===//
#include "rules/Candidates.h"

namespace verguard::rules {
namespace {
class ConditionMask final : public Rule {
public:
  const core::RuleInfo &info() const override {
    static const core::RuleInfo I{
        "VG004", "condition-mask",
        "VerifyVersionInfo tests the build number with a condition that "
        "changes outcome when the build is bumped",
        "VG004-condition-mask.md"};
    return I;
  }
  bool claims(const AtomContext &C) const override {
    return C.Atom.has(core::FlagConditionMask);
  }
  void candidates(const AtomContext &C,
                  std::vector<core::Candidate> &Out) const override {
    maskCandidates(C, Out);
  }
};
} // namespace

const Rule &conditionMaskRule() {
  static const ConditionMask R;
  return R;
}
} // namespace verguard::rules
