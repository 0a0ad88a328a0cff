//===- VG003RevisionThreshold.cpp - revision-threshold --------------------===//
//
// Thresholds on the revision (UBR, file-version private part) that change
// outcome because the bump reset the revision counter (24xxx -> 20xxx).
//
//===----------------------------------------------------------------------===//
#include "rules/Candidates.h"

#include "core/FixSyntax.h"

namespace verguard::rules {
using namespace core;
namespace {
/// The atom flips because the revision counter reset, not because the build
/// changed: evaluated with only one of the two quantities bumped.
bool flipsOnRevisionOnly(const AtomContext &C) {
  auto With = [&](Quantity Q) {
    Profile P = C.Before;
    P.Values[static_cast<unsigned>(Q)] = C.After.get(Q);
    return P;
  };
  Value SB = C.G.Subject ? evaluate(*C.G.Subject, C.Before) : Value();
  Value B = evaluate(C.Atom, C.Before, core::Assignment(), SB);
  Profile RevOnly = With(Quantity::Revision), BuildOnly = With(Quantity::Build);
  Value SR = C.G.Subject ? evaluate(*C.G.Subject, RevOnly) : Value();
  Value SBo = C.G.Subject ? evaluate(*C.G.Subject, BuildOnly) : Value();
  Value R = evaluate(C.Atom, RevOnly, core::Assignment(), SR);
  Value Bo = evaluate(C.Atom, BuildOnly, core::Assignment(), SBo);
  return R.known() && !(R == B) && Bo.known() && Bo == B;
}

/// Pairs a revision threshold with the build: `(rev >= T || build > 6002)`.
void revisionCandidates(const AtomContext &C, std::vector<Candidate> &Out) {
  // The revision's own source must say how to read its build.
  std::string BuildText;
  visitTree(C.Atom, [&](const Expr &E) {
    if (E.Kind == Op::Quantity && E.Q == Quantity::Revision)
      for (const auto &[Q, T] : E.Siblings)
        if (Q == Quantity::Build && BuildText.empty())
          BuildText = T;
  });
  if (BuildText.empty() || !C.Atom.Written.valid())
    return;
  Dialect D = dialectOf(C);
  int64_t Old = oldBuild(C), New = newBuild(C);
  struct Pair {
    CmpOp O;
    int64_t V;
  };
  // Pre-bump true: "or a later build"; pre-bump false: "and not the new one".
  std::vector<Pair> Pairs =
      C.ValueBefore ? std::vector<Pair>{{CmpOp::GT, Old}, {CmpOp::EQ, New}}
                    : std::vector<Pair>{{CmpOp::LE, Old}, {CmpOp::NE, New}};
  int Rank = 0;
  for (const Pair &P : Pairs) {
    auto BuildCmp = syntaxFor(D).cmp(BuildText, P.O, P.V);
    if (!BuildCmp)
      return;
    auto Joined = joinText(D, C.ValueBefore, C.Atom.Written.Text, *BuildCmp,
                           C.Atom.has(FlagParenthesized));
    if (!Joined)
      return;
    ExprPtr B = cmp(P.O, quantity(Quantity::Build, "build"), intConst(P.V),
                    CmpMode::Int, D);
    Candidate K;
    K.Rank = Rank++;
    K.Description = "pair the revision threshold with the build number";
    K.Atom = &C.Atom;
    K.Replacement =
        C.ValueBefore ? logicOr(clone(C.Atom), B) : logicAnd(clone(C.Atom), B);
    K.Edits.push_back({C.Atom.Written.Span, *Joined});
    Out.push_back(std::move(K));
  }
}

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
