//===- Candidates.h - fix candidates shared by the rules ---------*- C++
//-*-===//
#ifndef VERGUARD_RULES_CANDIDATES_H
#define VERGUARD_RULES_CANDIDATES_H

#include "rules/Rule.h"

#include <functional>
#include <optional>
#include <string>

namespace verguard::rules {

/// Every node of the tree under Root (Root first).
void visitTree(const core::Expr &Root,
               const std::function<void(const core::Expr &)> &F);
/// The dialect the atom was written in (its guard's if it has none).
core::Dialect dialectOf(const AtomContext &C);

/// `(A || B)`, `(A -or B)`, `(A Or B)`, `(A OR B)` in dialect D; nullopt if
/// it cannot join conditions (a condition mask). Bare: without the outer
/// parentheses (the text already sits in some).
std::optional<std::string> joinText(core::Dialect D, bool IsOr,
                                    llvm::StringRef A, llvm::StringRef B,
                                    bool Bare = false);

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

/// Replaces the constant M by its value across the bump (Widen: by a
/// pattern matching both builds).
void addReplaceConst(const AtomContext &C, const MappedConst &M, bool Widen,
                     int Rank, std::vector<core::Candidate> &Out);
/// Changes the comparison's operator to NewOp.
void addOpChange(const AtomContext &C, core::CmpOp NewOp, int Rank,
                 std::vector<core::Candidate> &Out);

/// The generic candidates: operator change, constant replacement, pattern
/// widening, an alternative joined with Or (And for negated atoms), and for
/// Select guards a new label on the arm.
void genericCandidates(const AtomContext &C, std::vector<core::Candidate> &Out);

} // namespace verguard::rules

#endif
