//===- Imports.cpp - the project modules a Python file imports ------------===//
//
// `from pkg.osinfo import BUILD, os_build`, `import pkg.osinfo as osinfo`,
// `from pkg import osinfo`, `from .osinfo import BUILD`: a module of the
// project (found from the importing file's folder, or a folder above it, as
// pkg/osinfo.py or pkg/osinfo/__init__.py; a relative import from its own
// package) is read for what it declares, without reporting anything, once
// per run (core::FileMemo). What it leaves at module level that says
// something about the OS version, and what its functions return, is read
// where the importing file uses it, detached: nothing in it is editable
// from there. Each module read is a dependency of the importing file's
// result. A name the language's own sources know (`platform.version`)
// never reaches a module of the project.
//
//===----------------------------------------------------------------------===//
#include "python/Lowerer.h"
#include "python/PythonFrontend.h"

#include "core/FileMemo.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <set>

extern "C" const TSLanguage *tree_sitter_python();

namespace verguard::python {

using namespace core;

namespace {
constexpr uint64_t MaxModuleBytes = 1 << 20;
constexpr size_t MaxImportDepth = 4;
constexpr int MaxFoldersUp = 6;

bool isFile(const llvm::Twine &P) { return llvm::sys::fs::is_regular_file(P); }

/// The file of module Dotted imported from Importer ("" if the project has
/// none): `a.b` as a/b.py or a/b/__init__.py under the importer's folder or
/// a folder above it; `.b`, `..a.b` from the importer's package and up.
std::string resolveModule(llvm::StringRef Importer, llvm::StringRef Dotted) {
  size_t Dots = 0;
  while (Dots < Dotted.size() && Dotted[Dots] == '.')
    ++Dots;
  llvm::StringRef Rest = Dotted.drop_front(Dots);
  llvm::SmallString<256> Dir(llvm::sys::path::parent_path(Importer));
  if (Dir.empty())
    Dir = ".";
  llvm::sys::fs::make_absolute(Dir);
  std::string Rel = Rest.str();
  std::replace(Rel.begin(), Rel.end(), '.', '/');
  auto Try = [&](llvm::StringRef Base) -> std::string {
    llvm::SmallString<256> P(Base);
    if (!Rel.empty())
      llvm::sys::path::append(P, Rel);
    if (!Rel.empty() && isFile(P + ".py"))
      return (P + ".py").str();
    llvm::SmallString<256> Init(P);
    llvm::sys::path::append(Init, "__init__.py");
    if (isFile(Init))
      return std::string(Init);
    return "";
  };
  if (Dots) { // relative: from the importer's package, Dots - 1 up
    for (size_t I = 1; I < Dots; ++I)
      Dir = llvm::sys::path::parent_path(Dir);
    return Rest.empty() ? "" : Try(Dir);
  }
  for (int Up = 0; Up <= MaxFoldersUp && !Dir.empty(); ++Up) {
    if (std::string F = Try(Dir); !F.empty())
      return F;
    llvm::SmallString<256> Git(Dir);
    llvm::sys::path::append(Git, ".git");
    if (llvm::sys::fs::exists(Git))
      break; // the project's top
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (Parent == Dir)
      break;
    Dir = Parent;
  }
  return "";
}

/// The modules a file's import statements name, as written (`pkg.osinfo`,
/// `.osinfo`; for `from pkg import a, b` also `pkg.a` and `pkg.b`, which
/// may be modules), outside strings and comments as far as a line scan
/// tells: a statement starts its line.
std::vector<std::string> importedModules(llvm::StringRef Text) {
  std::vector<std::string> R;
  while (!Text.empty()) {
    auto [Line, Rest] = Text.split('\n');
    Text = Rest;
    Line = Line.trim();
    auto Names = [](llvm::StringRef List) {
      std::vector<std::string> Out;
      List = List.trim().trim("()\\").trim();
      llvm::SmallVector<llvm::StringRef, 8> Parts;
      List.split(Parts, ',');
      for (llvm::StringRef P : Parts) {
        P = P.split('#').first.trim();
        P = P.split(" as ").first.trim();
        if (!P.empty() && P != "*")
          Out.push_back(P.str());
      }
      return Out;
    };
    if (Line.consume_front("import ")) {
      for (std::string &N : Names(Line))
        R.push_back(std::move(N));
    } else if (Line.consume_front("from ")) {
      auto [Module, What] = Line.split(" import ");
      Module = Module.trim();
      if (Module.empty() || What.empty())
        continue;
      R.push_back(Module.str());
      for (const std::string &N : Names(What))
        R.push_back(Module.ends_with(".") ? Module.str() + N
                                          : Module.str() + "." + N);
    }
  }
  return R;
}

/// A value leaving its module: nothing in it is editable from the importer
/// (objects that refer to the module's tree are dropped).
std::optional<Val> detachedVal(const Val &V) {
  if (V.Obj == ObjKind::Dict || V.Obj == ObjKind::Self)
    return std::nullopt;
  Val R = V;
  if (R.E)
    R.E = detached(R.E);
  for (Val &I : R.Items)
    if (auto D = detachedVal(I))
      I = *D;
    else
      I = Val::of(unknown());
  return R;
}
} // namespace

std::shared_ptr<const Lowerer::Module>
Lowerer::readModule(const std::string &File) {
  uint64_t Size = 0;
  if (llvm::sys::fs::file_size(File, Size) || Size > MaxModuleBytes)
    return nullptr;
  auto Buf = llvm::MemoryBuffer::getFile(File, /*IsText=*/false);
  if (!Buf)
    return nullptr;
  auto Q = script::parseQuietly(tree_sitter_python(), (*Buf)->getBuffer(), File,
                                Opts.TimeoutMs);
  if (!Q)
    return nullptr;
  Lowerer Sub(File, Q->Text, Q->Text.Utf8, Opts, Q->NoGuards, Q->NoDiags);
  Sub.ImportChain = ImportChain;
  Sub.ImportChain.push_back(Path.str());
  Sub.Deps = Deps;
  Sub.learn(Q->Parsed.root());
  auto M = std::make_shared<Module>();
  for (const auto &[Name, V] : Sub.FinalGlobals)
    if (V.related() || (V.E && V.E->isConst()))
      if (auto D = detachedVal(V))
        M->Vars[Name] = *D;
  for (const auto &[Key, F] : Sub.Functions) {
    if (!F.Class.empty() || !F.Return)
      continue;
    const Val &R = *F.Return;
    bool Related =
        R.isObject() || (R.E && (dependsOnVersion(*R.E) ||
                                 (hasParam(*R.E) && R.E->Kind != Op::Param)));
    if (!Related || (R.E && isBoolean(*R.E) && !hasParam(*R.E)))
      continue; // a predicate is reported where it is written
    if (auto D = detachedVal(R))
      M->Functions[Key] = {*D, F.Params.size()};
  }
  return M;
}

const Lowerer::Module *Lowerer::module(const std::string &Dotted) {
  auto Known = Modules.find(Dotted);
  if (Known != Modules.end())
    return Known->second.get();
  std::shared_ptr<const Module> M;
  std::string File = resolveModule(Path, Dotted);
  if (!File.empty() && File != Path && ImportChain.size() < MaxImportDepth &&
      llvm::find(ImportChain, File) == ImportChain.end()) {
    static core::FileMemo<Module> Memo;
    M = Memo.get(File,
                 /*Cacheable=*/Opts.Sources.empty() && ImportChain.empty(),
                 [&] { return readModule(File); });
    if (M && Deps)
      Deps->push_back(File);
  }
  return (Modules[Dotted] = std::move(M)).get();
}

/// The project module of `pkg.osinfo.NAME` and NAME, if there is one.
std::pair<const Lowerer::Module *, std::string>
Lowerer::moduleAndName(const std::string &Dotted) {
  size_t Dot = Dotted.rfind('.');
  if (Dot == std::string::npos || Dot == 0)
    return {nullptr, ""};
  return {module(Dotted.substr(0, Dot)), Dotted.substr(Dot + 1)};
}

std::optional<Val> Lowerer::importedValue(const std::string &Dotted) {
  auto [M, Name] = moduleAndName(Dotted);
  if (!M)
    return std::nullopt;
  auto It = M->Vars.find(Name);
  if (It == M->Vars.end())
    return std::nullopt;
  return It->second;
}

std::optional<Val>
Lowerer::importedCall(const std::string &Dotted, script::Node Call,
                      const std::vector<Val> &Args,
                      const std::vector<script::Node> &ArgNodes) {
  auto [M, Name] = moduleAndName(Dotted);
  if (!M)
    return std::nullopt;
  auto It = M->Functions.find(Name);
  if (It == M->Functions.end())
    return std::nullopt;
  const auto &[Ret, Params] = It->second;
  if (!Ret.E || !hasParam(*Ret.E))
    return Ret;
  std::vector<ExprPtr> Bound(Params);
  for (size_t I = 0; I < ArgNodes.size() && I < Bound.size(); ++I)
    Bound[I] = operand(Args[I], ArgNodes[I]);
  for (size_t I = 0; I < Bound.size(); ++I)
    if (!Bound[I])
      Bound[I] = param(I);
  Val R = Ret;
  R.E = core::instantiate(Ret.E, Bound, {}, span(Call));
  return R;
}

bool importsHold(llvm::StringRef Path, llvm::StringRef Text,
                 llvm::function_ref<bool(llvm::StringRef)> Holds,
                 std::vector<std::string> *Deps) {
  // The modules reached, breadth first, as deep as the analysis reads them.
  std::vector<std::pair<std::string, std::string>> Todo; // importer, module
  for (std::string &M : importedModules(Text))
    Todo.push_back({Path.str(), std::move(M)});
  std::set<std::string> Seen{Path.str()};
  for (size_t Depth = 0; Depth < MaxImportDepth && !Todo.empty(); ++Depth) {
    std::vector<std::pair<std::string, std::string>> Next;
    for (const auto &[Importer, Dotted] : Todo) {
      std::string File = resolveModule(Importer, Dotted);
      if (File.empty()) {
        // Where it would be next to the importer: creating it is seen.
        if (Deps && !Dotted.empty() && Dotted[0] != '.') {
          std::string Rel = Dotted;
          std::replace(Rel.begin(), Rel.end(), '.', '/');
          llvm::SmallString<256> P(llvm::sys::path::parent_path(Importer));
          llvm::sys::path::append(P, Rel + ".py");
          Deps->push_back(std::string(P));
        }
        continue;
      }
      if (!Seen.insert(File).second)
        continue;
      if (Deps)
        Deps->push_back(File);
      uint64_t Size = 0;
      if (llvm::sys::fs::file_size(File, Size) || Size > MaxModuleBytes)
        continue;
      auto Buf = llvm::MemoryBuffer::getFile(File, /*IsText=*/false);
      if (!Buf)
        continue;
      llvm::StringRef T = (*Buf)->getBuffer();
      if (Holds(T))
        return true;
      for (std::string &M : importedModules(T))
        Next.push_back({File, std::move(M)});
    }
    Todo = std::move(Next);
  }
  return false;
}

} // namespace verguard::python
