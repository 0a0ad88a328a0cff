//===- VG002VersionStringMatch.cpp - version-string-match -----------------===//
//
// Equality, prefix, substring, wildcard, regex, WQL and [version] equality on
// version strings whose outcome changes across the bump.
//
//===----------------------------------------------------------------------===//
#include "rules/Candidates.h"

#include "core/Syntax.h"

namespace verguard::rules {
using namespace core;
namespace {
/// A string version quantity read directly (Version, VersionString, ...),
/// not a build number turned into text.
bool isStringQuantityExpr(const Expr &E) {
  bool Found = false;
  visitTree(E, [&](const Expr &N) {
    if (N.Kind == Op::Quantity && isStringQuantity(N.Q))
      Found = true;
  });
  return Found;
}

/// Matches a string (version text, wildcard, regex, WQL, a string
/// comparison) rather than comparing a number.
bool isStringAtom(const Expr &Atom) {
  bool Str = Atom.has(FlagWql) ||
             (Atom.Kind == Op::Cmp &&
              (Atom.Mode == CmpMode::Version || Atom.Mode == CmpMode::Str ||
               Atom.Mode == CmpMode::StrCI));
  // Not through a choice's test: `int.TryParse(s, out b) ? b : 0` compares
  // a number, whatever decided which one.
  std::vector<const Expr *> Stack{&Atom};
  while (!Stack.empty()) {
    const Expr &E = *Stack.back();
    Stack.pop_back();
    // Nor through a part of a parsed version (`[version]$text).Build`): a
    // number.
    bool Part = E.Kind == Op::Index && !E.Kids.empty() && E.Kids[0] &&
                E.Kids[0]->Kind == Op::VersionOf;
    for (size_t I = E.Kind == Op::Choose || Part ? 1 : 0; I < E.Kids.size();
         ++I)
      if (E.Kids[I])
        Stack.push_back(E.Kids[I].get());
    switch (E.Kind) {
    case Op::StrCompare:
    case Op::StartsWith:
    case Op::EndsWith:
    case Op::Contains:
    case Op::Find:
    case Op::Like:
    case Op::Regex:
    case Op::VersionOf:
      Str = true;
      break;
    case Op::Quantity:
      if (isStringQuantity(E.Q))
        Str = true;
      break;
    default:
      break;
    }
  }
  return Str;
}

/// The atom, or the switch/table subject it tests, is a string match.
bool matchesString(const AtomContext &C) {
  if (isStringAtom(C.Atom))
    return true;
  if (C.ArmIndex < 0 || !C.G.Subject)
    return false;
  return isStringAtom(*C.G.Subject) && isStringQuantityExpr(*C.G.Subject);
}

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
  bool claims(const AtomContext &C) const override { return matchesString(C); }
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
