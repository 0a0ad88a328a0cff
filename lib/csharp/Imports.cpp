//===- Imports.cpp - what other files of the project declare -------------===//
//
// A name this file does not resolve (a type, or a member of a partial class
// it declares) is looked up in the project's index (csharp/Project.h); each
// file declaring it is parsed, without emitting anything, into a summary of
// its members, classes and method summaries, with no position in that file
// (a fix never edits it). Summaries are made once per run and file
// (core::FileMemo) and each file read is a dependency of this one's result
// (the result cache and the stat index check it).
//
//===----------------------------------------------------------------------===//
#include "core/FileMemo.h"
#include "csharp/Lowerer.h"
#include "csharp/Project.h"

#include "llvm/Support/MemoryBuffer.h"

extern "C" const TSLanguage *tree_sitter_c_sharp(void);

using namespace verguard::core;

namespace verguard::csharp {

namespace {
constexpr uint64_t MaxBytes = 1 << 20; // a bigger file is not read for this

/// The files being summarized on this thread, outermost first.
thread_local std::vector<std::string> Summarizing;

Val detach(Val V) {
  if (V.E)
    V.E = core::detached(V.E);
  for (ExprPtr &X : V.Items)
    X = core::detached(X);
  V.DictNode = {};
  if (V.CmpA)
    V.CmpA = core::detached(V.CmpA);
  if (V.CmpB)
    V.CmpB = core::detached(V.CmpB);
  for (auto &F : V.Fields)
    F.second = core::detached(F.second);
  for (MaskCond &C : V.Conds) {
    C.Call = C.CondArg = {};
    C.Rewritable = false;
  }
  return V;
}

/// Only what another file can name: `Type.Member`.
bool qualified(llvm::StringRef Key) { return Key.contains('.'); }

/// File's summary. Made for a file the analyzed one names, it reads the
/// summaries of the files File names in turn, and those are Shallow: they
/// read none. So a summary never depends on which file asked for it (a
/// partial class's fifty parts, each naming the others, are each summarized
/// twice per run, not once per part that names them), and a value is
/// followed across three files: the analyzed one, the one it names and the
/// ones that one names.
std::shared_ptr<const Lowerer::Summary> makeSummary(const std::string &File,
                                                    const FrontendOptions &Opts,
                                                    bool Shallow) {
  auto Q = script::parseProjectFile(tree_sitter_c_sharp(), File, MaxBytes,
                                    Opts.TimeoutMs);
  if (!Q)
    return nullptr;
  std::vector<std::string> Read;
  Lowerer Sub(File, Q->Text, Q->Text.Utf8, Opts, Q->NoGuards, Q->NoDiags);
  Sub.Deps = &Read;
  Sub.ImportsNothing = Shallow;
  Summarizing.push_back(File);
  Sub.learn(Q->Parsed.root()); // nothing emitted
  Summarizing.pop_back();
  auto S = std::make_shared<Lowerer::Summary>(*Sub.summary());
  S->Files.push_back(File);
  S->Files.insert(S->Files.end(), Read.begin(), Read.end());
  return S;
}
} // namespace

std::shared_ptr<const Lowerer::Summary> Lowerer::summary() const {
  auto S = std::make_shared<Summary>();
  for (const auto &[K, V] : Members)
    if (qualified(K))
      S->Members[K] = detach(V);
  S->Classes = Classes;
  S->Positional = Positional;
  for (const auto &[K, M] : CtorStores)
    for (const auto &[Member, E] : M)
      S->CtorStores[K][Member] = core::detached(E);
  for (const auto &[K, F] : Functions) {
    if (!qualified(K))
      continue;
    Function G = F;
    G.Def = {}; // its body stays in its file: calls use the summary
    if (G.Return)
      G.Return = detach(*G.Return);
    for (auto &[I, V] : G.Outs)
      V = detach(V);
    S->Functions[K] = std::move(G);
  }
  return S;
}

void Lowerer::import(const Summary &S) {
  for (const auto &[K, V] : S.Members)
    Members.try_emplace(K, V);
  Classes.insert(S.Classes.begin(), S.Classes.end());
  for (const auto &[K, P] : S.Positional)
    Positional.try_emplace(K, P);
  for (const auto &[K, M] : S.CtorStores)
    CtorStores.try_emplace(K, M);
  for (const auto &[K, F] : S.Functions)
    Functions.try_emplace(K, F);
  if (Deps)
    Deps->insert(Deps->end(), S.Files.begin(), S.Files.end());
}

bool Lowerer::importDeclaring(llvm::StringRef Name) {
  if (Name.empty() || ImportsNothing || !ImportTried.insert(Name.str()).second)
    return false;
  static FileMemo<Summary> Memo, ShallowMemo;
  bool Shallow = !Summarizing.empty();
  bool Any = false;
  for (const std::string &F : declaringFiles(Path, Name)) {
    if (llvm::is_contained(Summarizing, F))
      continue; // that file is being summarized: it is its own
    auto S = (Shallow ? ShallowMemo : Memo).get(F, Opts.Sources.empty(), [&] {
      return makeSummary(F, Opts, Shallow);
    });
    if (!S)
      continue;
    import(*S);
    Any = true;
  }
  return Any;
}

} // namespace verguard::csharp
