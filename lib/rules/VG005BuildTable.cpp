//===- VG005BuildTable.cpp - build-table ----------------------------------===//
//
// Tables and maps keyed by build or version string that know the old build
// but not the new one: the lookup falls through to "unknown".
//
//===----------------------------------------------------------------------===//
#include "rules/Candidates.h"

namespace verguard::rules {
namespace {
class BuildTable final : public Rule {
public:
  const core::RuleInfo &info() const override {
    static const core::RuleInfo I{
        "VG005", "build-table",
        "A table keyed by build or version knows the old build but not the "
        "new one",
        "VG005-build-table.md"};
    return I;
  }
  bool claims(const AtomContext &C) const override {
    return C.G.Kind == core::GuardKind::Table;
  }
  void candidates(const AtomContext &C,
                  std::vector<core::Candidate> &Out) const override {
    genericCandidates(C, Out);
  }
};
} // namespace

const Rule &buildTableRule() {
  static const BuildTable R;
  return R;
}
} // namespace verguard::rules
