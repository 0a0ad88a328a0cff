//===- Candidates.h - fix candidates shared by the rules ---------*- C++
//-*-===//
#ifndef VERGUARD_RULES_CANDIDATES_H
#define VERGUARD_RULES_CANDIDATES_H

#include "rules/Rule.h"

#include <optional>
#include <string>

namespace verguard::rules {

/// The bump's old and new build numbers.
int64_t oldBuild(const AtomContext &C);
int64_t newBuild(const AtomContext &C);

/// A constant leaf of the atom that names the old (or new) build, and its
/// value on the other side of the bump.
struct MappedConst {
  const core::Expr *Node;
  std::optional<int64_t> NewInt;
  std::optional<std::string> NewStr;
  std::optional<std::string> Widened; // pattern matching both builds
  bool FromNew = false;               // a string bound naming the new build
};
std::vector<MappedConst> mappedConstants(const AtomContext &C);

/// A call in the atom that a fix writing the atom's text twice would
/// evaluate twice: one whose text does not hold Const (the constant the
/// second copy changes). Its text, or nullopt if there is none.
std::optional<std::string> repeatedCall(const core::Expr &Atom,
                                        const core::Expr &Const);

/// Matches a string (version text, wildcard, regex, WQL, a string
/// comparison) rather than comparing a number.
bool isStringAtom(const core::Expr &Atom);
/// The atom, or the switch/table subject it tests, is a string match.
bool matchesString(const AtomContext &C);
/// The atom flips because the revision counter reset, not because the build
/// changed: evaluated with only one of the two quantities bumped.
bool flipsOnRevisionOnly(const AtomContext &C);

/// The generic candidates: operator change, constant replacement, pattern
/// widening, an alternative joined with Or (And for negated atoms), and for
/// Select guards a new label on the arm.
void genericCandidates(const AtomContext &C, std::vector<core::Candidate> &Out);

/// Pairs a revision threshold with the build: `(rev >= T || build > 6002)`.
void revisionCandidates(const AtomContext &C,
                        std::vector<core::Candidate> &Out);

/// Only an operator change or a constant replacement: a condition mask.
void maskCandidates(const AtomContext &C, std::vector<core::Candidate> &Out);

} // namespace verguard::rules

#endif
