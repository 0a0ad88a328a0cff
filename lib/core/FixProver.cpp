//===- FixProver.cpp ------------------------------------------------------===//
#include "core/FixProver.h"

#include <algorithm>
#include <numeric>

namespace verguard::core {

Guard applyCandidates(const Guard &G, const std::vector<const Candidate *> &C) {
  Guard F = G;
  for (const Candidate *K : C) {
    if (K->Atom && K->Replacement) {
      if (F.Cond)
        F.Cond = substitute(F.Cond, K->Atom, K->Replacement);
      for (Arm &A : F.Arms)
        for (ExprPtr &T : A.Tests)
          T = substitute(T, K->Atom, K->Replacement);
    }
    if (K->ArmIndex >= 0 && K->ArmIndex < (int)F.Arms.size() && K->NewTest)
      F.Arms[K->ArmIndex].Tests.push_back(K->NewTest);
  }
  return F;
}

bool proves(const Guard &G, const Guard &Fixed, const ProfileSet &Profiles,
            const std::vector<const Bump *> &Bumps) {
  if (Bumps.empty())
    return false;
  // Every profile's expected answer: the original one, except on the later
  // profile of a bump, where it is the earlier profile's answer.
  std::vector<unsigned> ExpectFrom(Profiles.Profiles.size());
  std::iota(ExpectFrom.begin(), ExpectFrom.end(), 0);
  for (const Bump *B : Bumps)
    ExpectFrom[B->After] = B->Before;
  auto Atoms = freeAtoms(G, Profiles.Profiles[Bumps.front()->Before]);
  for (const Assignment &A : assignments(Atoms)) {
    for (size_t P = 0; P < Profiles.Profiles.size(); ++P) {
      Outcome Want = evaluateGuard(G, Profiles.Profiles[ExpectFrom[P]], A);
      Outcome Got = evaluateGuard(Fixed, Profiles.Profiles[P], A);
      if (Want != Got)
        return false;
    }
  }
  return true;
}

std::optional<std::vector<const Candidate *>> findProvenFix(
    const Guard &G, const std::vector<std::vector<Candidate>> &PerAtom,
    const ProfileSet &Profiles, const std::vector<const Bump *> &Bumps) {
  // Atoms without candidates stay as they are. Enumerate index vectors in
  // order of total rank; the search space is small (few atoms, few
  // candidates each), and bounded.
  std::vector<size_t> Slots;
  for (size_t I = 0; I < PerAtom.size(); ++I)
    if (!PerAtom[I].empty())
      Slots.push_back(I);
  if (Slots.empty())
    return std::nullopt;
  struct Combo {
    int Untouched = 0; // flipping atoms the combo leaves as they are
    int Rank;
    std::vector<size_t> Pick; // per slot: candidate index, or SIZE_MAX (none)
  };
  std::vector<Combo> Combos{
      {0, 0, std::vector<size_t>(Slots.size(), SIZE_MAX)}};
  for (size_t S = 0; S < Slots.size(); ++S) {
    std::vector<Combo> Next;
    for (const Combo &C : Combos) {
      Next.push_back(C); // leave this atom alone
      Next.back().Untouched++;
      for (size_t K = 0; K < PerAtom[Slots[S]].size(); ++K) {
        Combo D = C;
        D.Pick[S] = K;
        D.Rank += 1 + PerAtom[Slots[S]][K].Rank;
        Next.push_back(std::move(D));
      }
      if (Next.size() > 4096)
        break;
    }
    Combos = std::move(Next);
  }
  // Prefer fixing every flipping atom, then the most idiomatic rewrites.
  std::stable_sort(
      Combos.begin(), Combos.end(), [](const Combo &A, const Combo &B) {
        return std::tie(A.Untouched, A.Rank) < std::tie(B.Untouched, B.Rank);
      });
  size_t Tried = 0;
  for (const Combo &C : Combos) {
    std::vector<const Candidate *> Chosen;
    for (size_t S = 0; S < Slots.size(); ++S)
      if (C.Pick[S] != SIZE_MAX)
        Chosen.push_back(&PerAtom[Slots[S]][C.Pick[S]]);
    if (Chosen.empty())
      continue;
    // Two edits on overlapping text cannot both be applied.
    std::vector<Edit> All;
    for (const Candidate *K : Chosen)
      All.insert(All.end(), K->Edits.begin(), K->Edits.end());
    std::sort(All.begin(), All.end());
    bool Overlap = false;
    for (size_t I = 1; I < All.size(); ++I)
      if (All[I].Span.File == All[I - 1].Span.File &&
          All[I].Span.Begin < All[I - 1].Span.End && !(All[I] == All[I - 1]))
        Overlap = true;
    if (Overlap)
      continue;
    if (proves(G, applyCandidates(G, Chosen), Profiles, Bumps))
      return Chosen;
    if (++Tried > 256)
      break;
  }
  return std::nullopt;
}

} // namespace verguard::core
