//===- GuardSink.cpp - where a script frontend's guards go ---------------===//
#include "script/GuardSink.h"

#include "llvm/ADT/STLExtras.h"

using namespace verguard::core;

namespace verguard::script {

void GuardSink::emitAt(Guard G, uint32_t Site) {
  emitIn(std::move(G), Site, currentFunction());
}

void GuardSink::emitIn(Guard G, uint32_t Site, std::string Function) {
  if (!Emit || Instantiating || !EmittedAt.insert(Site).second)
    return;
  G.Syntax = Syntax;
  G.Function = std::move(Function);
  Guards.push_back(std::move(G));
}

void GuardSink::conditionAt(ExprPtr Cond, uint32_t Site,
                            llvm::function_ref<void(Guard &)> Place) {
  if (!Emit || Instantiating || EmittedAt.count(Site))
    return;
  Guard G;
  G.Kind = GuardKind::Condition;
  if (!dependsOnVersion(*Cond)) {
    // Perhaps an OS build after all, by the builds it is compared with.
    std::string Function = currentFunction();
    if (Siblings.note(*Cond, Function)) {
      G.Cond = std::move(Cond);
      Place(G);
      Compared.push_back({std::move(G), Site, std::move(Function)});
    }
    return;
  }
  G.Cond = std::move(Cond);
  Place(G);
  emitAt(std::move(G), Site);
}

void GuardSink::emitSiblingEvidence() {
  std::vector<Pending> All = std::move(Compared);
  Compared.clear();
  for (Pending &P : All)
    if (ExprPtr C = Siblings.infer(P.G.Cond, P.Function)) {
      P.G.Cond = std::move(C);
      emitIn(std::move(P.G), P.Site, std::move(P.Function));
    }
}

bool GuardSink::covered(uint32_t B, uint32_t E) const {
  return llvm::any_of(Covered,
                      [&](auto &C) { return C.first <= B && E <= C.second; });
}

} // namespace verguard::script
