//===- FixProver.h - keep only fixes that are proved ------------*- C++ -*-===//
#ifndef VERGUARD_CORE_FIXPROVER_H
#define VERGUARD_CORE_FIXPROVER_H

#include "core/Evaluator.h"
#include "core/Finding.h"

#include <optional>
#include <vector>

namespace verguard::core {

/// One candidate rewrite of one flipping atom: semantically (a replacement
/// node, or a new test for an arm) and textually (edits).
struct Candidate {
  int Rank = 0; // lower is more idiomatic
  std::string Description;
  const Expr *Atom = nullptr; // the node replaced by Replacement
  ExprPtr Replacement;
  int ArmIndex = -1; // or: the arm that gains NewTest
  ExprPtr NewTest;
  std::vector<Edit> Edits;
};

/// The guard with the candidates applied.
Guard applyCandidates(const Guard &G, const std::vector<const Candidate *> &C);

/// True if Fixed gives, for every assignment of G's free atoms, the pre-bump
/// answer on both profiles of every bump in Bumps and G's own answer on every
/// other profile.
bool proves(const Guard &G, const Guard &Fixed, const ProfileSet &Profiles,
            const std::vector<const Bump *> &Bumps);

/// Tries combinations (one candidate per atom, most idiomatic first, bounded)
/// and returns the first that proves.
std::optional<std::vector<const Candidate *>> findProvenFix(
    const Guard &G, const std::vector<std::vector<Candidate>> &PerAtom,
    const ProfileSet &Profiles, const std::vector<const Bump *> &Bumps);

} // namespace verguard::core

#endif
