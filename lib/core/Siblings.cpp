//===- Siblings.cpp -------------------------------------------------------===//
#include "core/Siblings.h"

#include "core/Flow.h"
#include "core/Profile.h"
#include "core/SourceTable.h"

#include "llvm/ADT/StringExtras.h"

#include <functional>

namespace verguard::core {

bool opaqueValue(const Expr &E) {
  return E.Kind == Op::Unknown || E.Kind == Op::Param;
}

namespace {
/// An operand whose value the frontend does not know, written in the
/// source, and whose name does not say it is something else.
bool opaque(const Expr &E) {
  return opaqueValue(E) && E.Written.valid() && !E.Written.Text.empty() &&
         !namesOtherThanOs(E.Written.Text);
}

std::string keyOf(llvm::StringRef Function, const Expr &Operand) {
  return Function.str() + '\0' + Operand.Written.Text;
}

/// Calls Fn(Operand, Constant) on each comparison in E of an opaque operand
/// with an integer constant.
template <typename F> void comparisons(const Expr &E, F Fn) {
  if (E.Kind == Op::Cmp && E.Kids.size() == 2 && E.Kids[0] && E.Kids[1]) {
    const Expr &L = *E.Kids[0], &R = *E.Kids[1];
    if (opaque(L) && R.Kind == Op::IntConst)
      Fn(L, R.Int);
    else if (opaque(R) && L.Kind == Op::IntConst)
      Fn(R, L.Int);
    return;
  }
  if (E.Kind == Op::And || E.Kind == Op::Or || E.Kind == Op::Not)
    for (const ExprPtr &K : E.Kids)
      if (K)
        comparisons(*K, Fn);
}
} // namespace

bool namesOtherThanOs(llvm::StringRef Name) {
  std::string N;
  for (char C : Name)
    if (llvm::isAlnum(C) || C == '_')
      N += C;
  llvm::StringRef S = N;
  // `nId`, `ctrlID`, `IDC_OK`, `dialog_id`: identifiers of something.
  if (S.ends_with("Id") || S.ends_with("ID") || S.ends_with("_id") ||
      S.starts_with("ID") || S == "id")
    return true;
  std::string L = S.lower();
  for (const char *W :
       {"error",  "code",    "status", "result", "msg",     "message", "count",
        "size",   "length",  "index",  "idx",    "port",    "dlg",     "dialog",
        "ctrl",   "control", "button", "menu",   "command", "timeout", "year",
        "column", "offset",  "width",  "height"})
    if (llvm::StringRef(L).contains(W))
      return true;
  // The names quantityNamed refuses (`sdkBuild`, `$buildEnv`), not those it
  // says nothing about (`input`).
  return !quantityNamed(Name.str() + "build");
}

namespace {
/// Qualifies Constants as Windows builds the way SiblingBuilds does.
bool windowsBuilds(const std::set<int64_t> &Constants) {
  if (Constants.size() < 3)
    return false;
  const ProfileSet &PS = builtinProfiles();
  bool Bumped = false;
  for (int64_t C : Constants) {
    if (!PS.isKnownBuild(C))
      return false;
    Bumped |= PS.isBumpedBuild(C);
  }
  return Bumped;
}

std::string listOf(const std::set<int64_t> &Constants) {
  std::string List;
  for (int64_t C : Constants)
    List += (List.empty() ? "" : ", ") + std::to_string(C);
  return List;
}
} // namespace

bool mayBeBuild(const Expr &Subject) {
  return dependsOnVersion(Subject) || opaqueValue(Subject);
}

bool switchOnVersion(Guard &G, llvm::StringRef SubjectText) {
  return (G.Subject && dependsOnVersion(*G.Subject)) ||
         inferSwitchOnBuilds(G, SubjectText);
}

bool inferSwitchOnBuilds(Guard &G, llvm::StringRef SubjectText) {
  if (G.Kind != GuardKind::Select || !G.Subject || !opaqueValue(*G.Subject) ||
      SubjectText.empty() || namesOtherThanOs(SubjectText))
    return false;
  std::set<int64_t> Constants;
  bool Other = false;
  std::function<void(const Expr &)> Visit = [&](const Expr &E) {
    if (E.Kind == Op::Cmp && E.Kids.size() == 2 && E.Kids[0] && E.Kids[1]) {
      const Expr *K = E.Kids[0]->Kind == Op::Subject   ? E.Kids[1].get()
                      : E.Kids[1]->Kind == Op::Subject ? E.Kids[0].get()
                                                       : nullptr;
      if (K && K->Kind == Op::IntConst)
        Constants.insert(K->Int);
      else if (K)
        Other = true;
      return;
    }
    for (const ExprPtr &Kid : E.Kids)
      if (Kid)
        Visit(*Kid);
  };
  for (const Arm &A : G.Arms)
    for (const ExprPtr &T : A.Tests)
      if (T)
        Visit(*T);
  if (Other || !windowsBuilds(Constants))
    return false;
  Spelling W = G.Subject->Written;
  G.Subject =
      quantity(Quantity::Build,
               "inferred: `" + SubjectText.str() +
                   "` is switched on the Windows builds " + listOf(Constants),
               /*Inferred=*/true);
  if (W.valid())
    G.Subject = writtenAt(G.Subject, W);
  return true;
}

bool comparesOpaqueWithInt(const Expr &E) {
  bool Any = false;
  comparisons(E, [&](const Expr &, int64_t) { Any = true; });
  return Any;
}

bool SiblingBuilds::note(const Expr &Cond, llvm::StringRef Function) {
  bool Any = false;
  comparisons(Cond, [&](const Expr &Operand, int64_t C) {
    Operands[keyOf(Function, Operand)].Constants.insert(C);
    Any = true;
  });
  return Any;
}

ExprPtr SiblingBuilds::infer(const ExprPtr &Cond,
                             llvm::StringRef Function) const {
  auto Builds = [&](const Expr &Operand) -> const Seen * {
    auto It = Operands.find(keyOf(Function, Operand));
    return It != Operands.end() && windowsBuilds(It->second.Constants)
               ? &It->second
               : nullptr;
  };
  bool Any = false;
  comparisons(*Cond, [&](const Expr &Operand, int64_t) {
    Any |= Builds(Operand) != nullptr;
  });
  if (!Any)
    return nullptr;
  std::function<ExprPtr(const ExprPtr &)> Rewrite =
      [&](const ExprPtr &E) -> ExprPtr {
    if (!E)
      return E;
    if (opaque(*E)) {
      const Seen *S = Builds(*E);
      if (!S)
        return E;
      return writtenAt(quantity(Quantity::Build,
                                "inferred: `" + E->Written.Text +
                                    "` is compared with the Windows builds " +
                                    listOf(S->Constants),
                                /*Inferred=*/true),
                       E->Written);
    }
    if (E->Kind != Op::Cmp && E->Kind != Op::And && E->Kind != Op::Or &&
        E->Kind != Op::Not)
      return E;
    auto C = clone(*E);
    for (ExprPtr &K : C->Kids)
      K = Rewrite(K);
    return C;
  };
  return Rewrite(Cond);
}

void SiblingBuilds::hold(Guard G, uint32_t Site) {
  Held.emplace_back(std::move(G), Site);
}

void SiblingBuilds::release(llvm::function_ref<void(Guard, uint32_t)> Fn) {
  std::vector<std::pair<Guard, uint32_t>> All = std::move(Held);
  Held.clear();
  for (auto &[G, Site] : All)
    if (ExprPtr C = infer(G.Cond, G.Function)) {
      G.Cond = std::move(C);
      Fn(std::move(G), Site);
    }
}

} // namespace verguard::core
