//===- VG001BuildComparison.cpp - build-comparison ------------------------===//
//
// Numeric comparisons, ranges, membership lists and switch arms on the build
// number whose outcome changes across the bump.
//
//===----------------------------------------------------------------------===//
#include "rules/Candidates.h"

namespace verguard::rules {
namespace {
class BuildComparison final : public Rule {
public:
  const core::RuleInfo &info() const override {
    static const core::RuleInfo I{
        "VG001", "build-comparison",
        "A comparison on the build number changes outcome when the build is "
        "bumped without a feature change",
        "VG001-build-comparison.md"};
    return I;
  }
  bool claims(const AtomContext &) const override {
    // Every flipping atom the rules before it in claimOrder() left: a
    // numeric comparison, range, list or switch arm on the build.
    return true;
  }
  void candidates(const AtomContext &C,
                  std::vector<core::Candidate> &Out) const override {
    genericCandidates(C, Out);
  }
};
} // namespace

const Rule &buildComparisonRule() {
  static const BuildComparison R;
  return R;
}
} // namespace verguard::rules
