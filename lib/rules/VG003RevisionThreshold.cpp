//===- VG003RevisionThreshold.cpp - revision-threshold --------------------===//
//
// Thresholds on the revision (UBR, file-version private part) that change
// outcome because the bump reset the revision counter (24xxx -> 20xxx).
//
//===----------------------------------------------------------------------===//
#include "rules/Candidates.h"

namespace verguard::rules {
namespace {
class RevisionThreshold final : public Rule {
public:
  const core::RuleInfo &info() const override {
    static const core::RuleInfo I{
        "VG003", "revision-threshold",
        "A threshold on the revision number changes outcome because the bump "
        "reset the revision counter",
        "VG003-revision-threshold.md"};
    return I;
  }
  bool claims(const AtomContext &C) const override {
    return flipsOnRevisionOnly(C);
  }
  void candidates(const AtomContext &C,
                  std::vector<core::Candidate> &Out) const override {
    revisionCandidates(C, Out);
  }
};
} // namespace

const Rule &revisionThresholdRule() {
  static const RevisionThreshold R;
  return R;
}
} // namespace verguard::rules
