//===- BumpLiterals.cpp ---------------------------------------------------===//
#include "driver/BumpLiterals.h"

#include "core/SourceTable.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <cmath>

namespace verguard::driver {

BumpLiterals BumpLiterals::of(const core::ProfileSet &Profiles,
                              llvm::ArrayRef<const core::Bump *> Bumps,
                              llvm::ArrayRef<core::UserSource> User) {
  BumpLiterals L;
  auto AddWord = [](std::vector<std::string> &To, llvm::StringRef W) {
    std::string Low = W.lower();
    if (!Low.empty() && !llvm::is_contained(To, Low))
      To.push_back(std::move(Low));
  };
  for (const core::Bump *B : Bumps) {
    const core::Profile &Before = Profiles.Profiles[B->Before];
    const core::Profile &After = Profiles.Profiles[B->After];
    int64_t Lo = std::min(Before.build(), After.build());
    int64_t Hi = std::max(Before.build(), After.build());
    L.Builds.push_back({double(Lo), double(Hi)});
    for (int64_t Build = Lo; Build <= Hi; ++Build)
      AddWord(L.BuildDigits, std::to_string(Build));
    const core::Value &RB = Before.get(core::Quantity::Revision);
    const core::Value &RA = After.get(core::Quantity::Revision);
    if (RB.K == core::Value::Int && RA.K == core::Value::Int && RB.I != RA.I)
      L.Revisions.push_back(
          {double(std::min(RB.I, RA.I)), double(std::max(RB.I, RA.I))});
  }
  const core::SourceTable &T = core::builtinSources();
  for (const std::string &W : T.RevisionWords)
    AddWord(L.RevisionWords, W);
  for (const auto *List : {&T.Registry, &T.Wmi, &T.VersionInfo})
    for (const core::SourceEntry &E : *List)
      if (E.Q == core::Quantity::Revision)
        AddWord(L.RevisionWords, E.Name);
  for (const core::StructMemberEntry &E : T.StructMembers)
    if (E.Q == core::Quantity::Revision)
      AddWord(L.RevisionWords, E.Name);
  for (const core::VariableEntry &E : T.Variables)
    if (E.Q == core::Quantity::Revision)
      AddWord(L.RevisionWords, E.Name);
  for (const core::UserSource &S : User)
    AddWord(L.SourceNames, S.Name);
  return L;
}

BumpLiterals BumpLiterals::defaults() {
  const core::ProfileSet &P = core::builtinProfiles();
  std::vector<const core::Bump *> Enabled;
  for (const core::Bump &B : P.Bumps)
    if (B.Enabled)
      Enabled.push_back(&B);
  return of(P, Enabled);
}

namespace {
bool in(const std::vector<BumpLiterals::Interval> &Is, double X) {
  return llvm::any_of(
      Is, [&](const BumpLiterals::Interval &I) { return I.contains(X); });
}
} // namespace

unsigned BumpLiterals::number(double V) const {
  unsigned H = None;
  if (in(Builds, V) || (V >= 0 && V < 0x1p32 && V == std::floor(V) &&
                        in(Builds, std::floor(V / 65536))))
    H |= Build;
  if (in(Revisions, V))
    H |= Revision;
  return H;
}

unsigned BumpLiterals::digits(llvm::StringRef Run, char Next) const {
  unsigned H = None;
  if (Run.size() <= 15) {
    double V = 0;
    for (char C : Run)
      V = V * 10 + (C - '0');
    if (in(Builds, V))
      H |= Build;
    if (in(Revisions, V))
      H |= Revision;
  }
  for (const std::string &B : BuildDigits) {
    if (Run.size() > B.size() && Run.starts_with(B))
      H |= Build; // "6.0.60025" lies between "6.0.6002.x" and "6.0.6003.x"
    if (Run.size() >= 3 && Run.size() + 1 == B.size() &&
        llvm::StringRef(B).starts_with(Run) && (Next == '[' || Next == '('))
      H |= Build; // '6\.0\.600[0-2]'
  }
  return H;
}

} // namespace verguard::driver
