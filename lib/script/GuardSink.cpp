//===- GuardSink.cpp - where a script frontend's guards go ---------------===//
#include "script/GuardSink.h"

#include "llvm/ADT/STLExtras.h"

using namespace verguard::core;

namespace verguard::script {

void GuardSink::emitAt(Guard G, uint32_t Site) {
  if (!Emit || Instantiating || !EmittedAt.insert(Site).second)
    return;
  G.Syntax = Syntax;
  G.Function = currentFunction();
  Guards.push_back(std::move(G));
}

void GuardSink::conditionAt(ExprPtr Cond, uint32_t Site,
                            llvm::function_ref<void(Guard &)> Place) {
  if (!Emit || Instantiating || EmittedAt.count(Site) ||
      !dependsOnVersion(*Cond))
    return;
  Guard G;
  G.Kind = GuardKind::Condition;
  G.Cond = std::move(Cond);
  Place(G);
  emitAt(std::move(G), Site);
}

bool GuardSink::covered(uint32_t B, uint32_t E) const {
  return llvm::any_of(Covered,
                      [&](auto &C) { return C.first <= B && E <= C.second; });
}

} // namespace verguard::script
