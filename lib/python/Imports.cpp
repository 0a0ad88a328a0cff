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

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <mutex>

extern "C" const TSLanguage *tree_sitter_python();

namespace verguard::python {

using namespace core;

namespace {
constexpr uint64_t MaxModuleBytes = 1 << 20;
constexpr size_t MaxImportDepth = 4;
constexpr int MaxFoldersUp = 6;

/// The names in folder Dir, listed once per run: every import of every
/// file is looked for in the folders above it, and most (`os`, `sys`) are
/// in none.
std::shared_ptr<const llvm::StringSet<>> entriesOf(const std::string &Dir) {
  static core::RunMemo<llvm::StringSet<>> Known;
  return Known.get(Dir, [&] {
    auto Names = std::make_shared<llvm::StringSet<>>();
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
         It.increment(EC))
      Names->insert(llvm::sys::path::filename(It->path()));
    return Names;
  });
}

/// The file of module Dotted imported from Importer ("" if the project has
/// none): `a.b` as a/b.py or a/b/__init__.py in the importer's folder or a
/// folder above it (not past the project's top, a folder with .git);
/// `.b`, `..a.b` from the importer's package and up.
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
  llvm::StringRef First = Rest.split('.').first;
  auto Try = [&](llvm::StringRef Base,
                 const llvm::StringSet<> &Names) -> std::string {
    // A folder's listing first: most imports name nothing of the project.
    if (!First.empty() && !Names.contains(First) &&
        !Names.contains((First + ".py").str()))
      return "";
    llvm::SmallString<256> P(Base);
    if (!Rel.empty())
      llvm::sys::path::append(P, Rel);
    if (!Rel.empty() && llvm::sys::fs::is_regular_file(P + ".py"))
      return (P + ".py").str();
    llvm::SmallString<256> Init(P);
    llvm::sys::path::append(Init, "__init__.py");
    if (llvm::sys::fs::is_regular_file(Init))
      return std::string(Init);
    return "";
  };
  if (Dots) { // relative: from the importer's package, Dots - 1 up
    for (size_t I = 1; I < Dots; ++I)
      Dir = llvm::sys::path::parent_path(Dir);
    return Rest.empty() ? "" : Try(Dir, *entriesOf(std::string(Dir)));
  }
  for (int Up = 0; Up <= MaxFoldersUp && !Dir.empty(); ++Up) {
    auto Names = entriesOf(std::string(Dir));
    if (std::string F = Try(Dir, *Names); !F.empty())
      return F;
    if (Names->contains(".git"))
      break; // the project's top
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (Parent == Dir)
      break;
    Dir = Parent;
  }
  return "";
}

/// The import statements of a file's text: each module named (`pkg.osinfo`,
/// `.osinfo`) with, for `from pkg import a, b`, the names imported (which
/// may be modules of a package). Outside strings and comments as far as a
/// line scan tells: a statement starts its line.
struct ImportLine {
  std::string Module;
  std::vector<std::string> Names;
};
std::vector<ImportLine> importLines(llvm::StringRef Text) {
  std::vector<ImportLine> R;
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
  // Only the lines that say `import` (found by a search, not line by line).
  size_t Next = 0;
  for (size_t At; (At = Text.find("import", Next)) != llvm::StringRef::npos;) {
    size_t Begin = Text.rfind('\n', At);
    Begin = Begin == llvm::StringRef::npos ? 0 : Begin + 1;
    size_t End = Text.find('\n', At);
    End = End == llvm::StringRef::npos ? Text.size() : End;
    Next = End;
    llvm::StringRef Line = Text.slice(Begin, End).trim();
    if (Line.consume_front("import ")) {
      for (std::string &N : Names(Line))
        R.push_back({std::move(N), {}});
    } else if (Line.consume_front("from ")) {
      auto [Module, What] = Line.split(" import ");
      Module = Module.trim();
      if (!Module.empty() && !What.empty())
        R.push_back({Module.str(), Names(What)});
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
  auto Q = script::parseProjectFile(tree_sitter_python(), File, MaxModuleBytes,
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

namespace {
/// The project modules a module's imports name, and where those found
/// nowhere would be next to it.
script::ImportedFiles importsOf(const std::string &Importer,
                                llvm::StringRef Text) {
  script::ImportedFiles R;
  for (const ImportLine &Line : importLines(Text)) {
    std::string File = resolveModule(Importer, Line.Module);
    if (File.empty()) {
      // Where it would be next to the importer: creating it is seen.
      if (!Line.Module.empty() && Line.Module[0] != '.') {
        std::string Rel = Line.Module;
        std::replace(Rel.begin(), Rel.end(), '.', '/');
        llvm::SmallString<256> P(llvm::sys::path::parent_path(Importer));
        llvm::sys::path::append(P, Rel + ".py");
        R.Absent.push_back(std::string(P));
      }
      continue;
    }
    // `from pkg import osinfo`: a package's names may be its modules.
    bool Package = llvm::sys::path::filename(File) == "__init__.py";
    R.Files.push_back(std::move(File));
    if (Package)
      for (const std::string &N : Line.Names) {
        std::string Sub = resolveModule(Importer, Line.Module.back() == '.'
                                                      ? Line.Module + N
                                                      : Line.Module + "." + N);
        if (!Sub.empty())
          R.Files.push_back(std::move(Sub));
      }
  }
  return R;
}
} // namespace

bool importsHold(llvm::StringRef Path, llvm::StringRef Text,
                 llvm::StringRef SettingsKey,
                 llvm::function_ref<bool(llvm::StringRef)> Holds,
                 std::vector<std::string> *Deps) {
  // As deep as the analysis reads the modules.
  return script::importsHold(Path, Text, MaxImportDepth, MaxModuleBytes,
                             ("python\n" + SettingsKey).str(), importsOf, Holds,
                             Deps);
}

} // namespace verguard::python
