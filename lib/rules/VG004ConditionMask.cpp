//===- VG004ConditionMask.cpp - condition-mask ----------------------------===//
//
// VerifyVersionInfo with VER_BUILDNUMBER under VER_EQUAL / VER_LESS /
// VER_LESS_EQUAL against a bumped build.
//
//===----------------------------------------------------------------------===//
#include "rules/Candidates.h"

#include "core/Syntax.h"

namespace verguard::rules {
using namespace core;
namespace {
/// Only an operator change or a constant replacement: a condition mask.
void maskCandidates(const AtomContext &C, std::vector<Candidate> &Out) {
  const Expr &A = C.Atom;
  if (A.Kind != Op::Cmp)
    return;
  for (const MappedConst &M : mappedConstants(C)) {
    if (A.Kids[1].get() != M.Node || !M.NewInt)
      continue;
    if (A.Cmp == CmpOp::EQ && C.ValueBefore)
      addOpChange(C, CmpOp::GE, 0, Out);
    else if (A.Cmp != CmpOp::EQ && A.Cmp != CmpOp::NE)
      addReplaceConst(C, M, false, 1, Out);
  }
}

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
