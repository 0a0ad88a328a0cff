//===- VG002VersionStringMatch.cpp - version-string-match -----------------===//
//
// Equality, prefix, substring, wildcard, regex, WQL and [version] equality on
// version strings whose outcome changes across the bump.
//
//===----------------------------------------------------------------------===//
#include "rules/Candidates.h"

namespace verguard::rules {
namespace {
class VersionStringMatch final : public Rule {
public:
  const core::RuleInfo &info() const override {
    static const core::RuleInfo I{
        "VG002", "version-string-match",
        "A match on a version string changes outcome when the build is "
        "bumped without a feature change",
        "VG002-version-string-match.md"};
    return I;
  }
  bool claims(const AtomContext &C) const override {
    return matchesString(C) && !flipsOnRevisionOnly(C);
  }
  void candidates(const AtomContext &C,
                  std::vector<core::Candidate> &Out) const override {
    genericCandidates(C, Out);
  }
};
} // namespace

const Rule &versionStringRule() {
  static const VersionStringMatch R;
  return R;
}
} // namespace verguard::rules
