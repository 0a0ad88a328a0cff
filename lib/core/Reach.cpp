//===- Reach.cpp ----------------------------------------------------------===//
#include "core/Reach.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>

namespace verguard::core {

void finishIds(ReachRegion &R) {
  std::sort(R.Ids.begin(), R.Ids.end());
  R.Ids.erase(std::unique(R.Ids.begin(), R.Ids.end()), R.Ids.end());
}

bool holdsTrigger(llvm::StringRef LowerText,
                  llvm::ArrayRef<std::string> Triggers) {
  return llvm::any_of(
      Triggers, [&](const std::string &S) { return LowerText.contains(S); });
}

llvm::BitVector reachRegions(size_t N,
                             llvm::function_ref<const ReachRegion &(size_t)> At,
                             size_t NumNames) {
  // Names the file declares; those only ever declared as functions (naming
  // one calls it: it neither reads nor writes it).
  llvm::BitVector Project(NumNames), Func(NumNames), Var(NumNames),
      Hot(NumNames), Need(NumNames);
  for (size_t I = 0; I < N; ++I) {
    const ReachRegion &R = At(I);
    for (int D : R.Decls)
      Var.set(D);
    for (int D : R.Funcs)
      Func.set(D);
  }
  Project = Var;
  Project |= Func;
  Func.reset(Var);
  llvm::BitVector Kept(N), HotDone(N), NeedDone(N);
  auto Any = [](const std::vector<int> &Ids, const llvm::BitVector &S) {
    return llvm::any_of(Ids, [&](int I) { return S.test(I); });
  };
  auto Mention = [&](const ReachRegion &R) {
    for (int I : R.Ids)
      if (Project.test(I))
        Need.set(I);
  };
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (size_t I = 0; I < N; ++I) {
      const ReachRegion &R = At(I);
      if (!HotDone.test(I) && (R.Trigger || R.Opaque || Any(R.Ids, Hot))) {
        HotDone.set(I);
        Kept.set(I);
        for (int D : R.Decls)
          Hot.set(D);
        for (int D : R.Funcs)
          Hot.set(D);
        Mention(R);
        Changed = true;
      }
      if (NeedDone.test(I))
        continue;
      // A body: it defines a function a kept region calls, or it writes
      // (or reads) a variable a kept region reads. A declaration: it
      // declares such a variable (its initializer can call a function whose
      // result the check reads).
      bool Needed =
          R.Body ? Any(R.Funcs, Need) ||
                       llvm::any_of(R.Ids,
                                    [&](int Id) {
                                      return Need.test(Id) && !Func.test(Id);
                                    })
                 : Any(R.Decls, Need);
      if (Needed) {
        NeedDone.set(I);
        Kept.set(I);
        Mention(R);
        Changed = true;
      }
    }
  }
  return Kept;
}

} // namespace verguard::core
