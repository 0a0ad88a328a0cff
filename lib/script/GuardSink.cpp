//===- GuardSink.cpp - where a script frontend's guards go ---------------===//
#include "script/GuardSink.h"

#include "llvm/ADT/STLExtras.h"

using namespace verguard::core;

namespace verguard::script {

void GuardSink::emitAt(Guard G, uint32_t Site) {
  emitIn(std::move(G), Site, currentFunction());
}

void GuardSink::emitCondition(ExprPtr Cond, SourceSpan Where, std::string Text,
                              uint32_t Site) {
  Guard G;
  G.Kind = GuardKind::Condition;
  G.Cond = std::move(Cond);
  G.Where = std::move(Where);
  G.Text = std::move(Text);
  emitAt(std::move(G), Site);
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
    G.Function = currentFunction();
    if (Siblings.note(*Cond, G.Function)) {
      G.Cond = std::move(Cond);
      Place(G);
      Siblings.hold(std::move(G), Site);
    }
    return;
  }
  G.Cond = std::move(Cond);
  Place(G);
  emitAt(std::move(G), Site);
}

void GuardSink::emitSiblingEvidence() {
  Siblings.release([&](Guard G, uint32_t Site) {
    std::string Function = G.Function;
    emitIn(std::move(G), Site, std::move(Function));
  });
}

bool GuardSink::covered(uint32_t B, uint32_t E) const {
  return llvm::any_of(Covered,
                      [&](auto &C) { return C.first <= B && E <= C.second; });
}

} // namespace verguard::script
