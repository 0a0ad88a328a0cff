//===- Imports.cpp - dot-sourced scripts and imported modules -------------===//
//
// Real scripts keep their version lookups in a shared file: dot-sourcing
// (`. $PSScriptRoot/utils.ps1`) runs it in the caller's scope, `Import-Module
// .\Os.psm1` makes its functions (and its $global: variables) visible. The
// named file, if it is in the tree, is parsed and lowered without emitting
// anything; its script variables and function summaries are bound at the
// command.
//
//===----------------------------------------------------------------------===//

#include "Lowerer.h"
#include "PowerShellFrontend.h"

#include "core/Expr.h"
#include "core/FileMemo.h"
#include "core/Flow.h"
#include "script/Spelling.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <functional>

using namespace verguard::core;

extern "C" const TSLanguage *tree_sitter_powershell(void);

namespace verguard::powershell {

namespace {
constexpr size_t MaxImportBytes = 1 << 20;
constexpr size_t MaxImportDepth = 4;

/// Val without anything spelled in another file, nor nodes of its tree.
Val detached(Val V) {
  if (V.Obj == ObjKind::Hashtable && !V.Fields.empty()) {
    // A record: its version fields, without its literal.
    Val R;
    R.Obj = ObjKind::Hashtable;
    for (const auto &[K, X] : V.Fields)
      R.Fields[K] = core::keepSpellingsWithin(X, SourceSpan{});
    return R;
  }
  if (V.Obj == ObjKind::Hashtable || V.Obj == ObjKind::CompareTo ||
      V.Obj == ObjKind::Matches)
    return Val();
  return Val::spelledWithin(std::move(V), SourceSpan{});
}

} // namespace

/// The path a dot-source or Import-Module argument names, relative to the
/// importing script's directory; "" when it is not a plain project path.
static std::string resolveImport(llvm::StringRef Importer,
                                 llvm::StringRef Arg) {
  std::string T = Arg.trim().trim("\"'").str();
  llvm::StringRef R(T);
  // (Join-Path $PSScriptRoot 'x.ps1')
  if (R.consume_front("(") && R.consume_back(")")) {
    R = R.trim();
    if (!R.consume_front_insensitive("join-path"))
      return "";
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    R.trim().split(Parts, ' ', -1, false);
    if (Parts.size() != 2)
      return "";
    T = (Parts[0].trim("\"'") + "\\" + Parts[1].trim("\"'")).str();
    R = T;
  }
  bool Rooted = R.consume_front_insensitive("$PSScriptRoot") ||
                R.consume_front_insensitive("${PSScriptRoot}");
  if (!Rooted && !R.consume_front(".\\") && !R.consume_front("./")) {
    // A bare module name or file: only a file next to the script.
    if (R.contains('$') || R.contains(':') || R.starts_with("\\") ||
        R.starts_with("/"))
      return "";
  }
  R = R.ltrim("\\/");
  if (R.empty() || R.contains('$') || R.contains('('))
    return "";
  std::string Rel = R.str();
  std::replace(Rel.begin(), Rel.end(), '\\', '/');
  llvm::SmallString<256> P(llvm::sys::path::parent_path(Importer));
  llvm::sys::path::append(P, Rel);
  llvm::sys::path::remove_dots(P, true);
  std::string Path(P.str());
  if (llvm::sys::fs::is_regular_file(Path))
    return Path;
  // Import-Module .\Os (a module folder or a .psm1 without its extension).
  for (std::string Alt :
       {Path + ".psm1", Path + ".ps1",
        Path + "/" + llvm::sys::path::filename(Path).str() + ".psm1"})
    if (llvm::sys::fs::is_regular_file(Alt))
      return Alt;
  return "";
}

namespace {
/// The bytes of a project script, if it can be read and is not too large.
std::unique_ptr<llvm::MemoryBuffer> readScript(const std::string &File) {
  return script::readProjectFile(File, MaxImportBytes);
}

/// The path arguments of the import lines of Text: `. X`, `& X`,
/// `Import-Module [-Name] X`, a `.\\X.ps1` command.
std::vector<std::string> importArguments(llvm::StringRef Text) {
  std::vector<std::string> Out;
  auto Arg = [](llvm::StringRef R) {
    R = R.ltrim(" \t");
    if (R.empty())
      return std::string();
    if (R.front() == '"' || R.front() == '\'') {
      size_t E = R.find(R.front(), 1);
      return E == llvm::StringRef::npos ? std::string()
                                        : R.take_front(E + 1).str();
    }
    if (R.front() == '(') { // (Join-Path $PSScriptRoot 'x.ps1')
      size_t E = R.find(')');
      return E == llvm::StringRef::npos ? std::string()
                                        : R.take_front(E + 1).str();
    }
    return R
        .take_until([](char C) {
          return C == ' ' || C == '\t' || C == ';' || C == '\r' || C == '|';
        })
        .str();
  };
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  Text.split(Lines, '\n');
  for (llvm::StringRef L : Lines) {
    L = L.ltrim(" \t");
    std::string A;
    if (L.consume_front(". ") || L.consume_front("& "))
      A = Arg(L);
    else if (L.consume_front_insensitive("import-module ") ||
             L.consume_front_insensitive("ipmo ")) {
      L = L.ltrim(" \t");
      if (L.consume_front_insensitive("-name "))
        L = L.ltrim(" \t");
      A = Arg(L);
    } else if (L.starts_with(".\\") || L.starts_with("./"))
      A = Arg(L);
    if (!A.empty())
      Out.push_back(std::move(A));
  }
  return Out;
}
} // namespace

bool importsHold(llvm::StringRef Path, llvm::StringRef Text,
                 llvm::StringRef SettingsKey,
                 llvm::function_ref<bool(llvm::StringRef)> Holds,
                 std::vector<std::string> *Deps) {
  // The scripts reached, as deep as the analysis reads them.
  auto Imports = [](const std::string &Importer, llvm::StringRef T) {
    script::ImportedFiles R;
    for (const std::string &A : importArguments(T))
      if (std::string File = resolveImport(Importer, A); !File.empty())
        R.Files.push_back(std::move(File));
    return R;
  };
  return script::importsHold(Path, Text, MaxImportDepth, MaxImportBytes,
                             ("powershell\n" + SettingsKey).str(), Imports,
                             Holds, Deps);
}

void Lowerer::summarize(script::Node Root) {
  // Twice, as run() walks: what the first walk learns of the calls (a
  // constructor's arguments) binds parameters read before them.
  for (int Pass = 0; Pass < 2; ++Pass) {
    resetWalk();
    Emit = false;
    walk(Root);
    FinalScript = Frames.front().Vars;
  }
}

std::shared_ptr<const Lowerer::Import>
Lowerer::summarizeFile(const std::string &File, llvm::StringRef Bytes) {
  auto Q = script::parseQuietly(tree_sitter_powershell(), Bytes, File,
                                Opts.TimeoutMs, parseableText);
  if (!Q)
    return nullptr;
  Lowerer Sub(File, Q->Text, Opts, Q->NoGuards, Q->NoDiags);
  Sub.ImportChain = ImportChain;
  Sub.Deps = Deps;
  Sub.ImportChain.push_back(Path.str());
  Sub.SiblingsLoaded = true; // its own siblings are this file's
  Sub.summarize(Q->Parsed.root());
  auto R = std::make_shared<Import>();
  for (auto &[Name, V] : Sub.FinalScript) {
    R->Vars[Name] = detached(V);
    if (Sub.GlobalNames.count(Name))
      R->Globals[Name] = R->Vars[Name];
  }
  for (auto &[Name, V] : Sub.Functions)
    R->Functions[Name] = detached(V);
  R->FunctionParams = Sub.FunctionParams;
  for (auto &[Name, Outs] : Sub.RefOutputs)
    for (auto &[I, V] : Outs)
      R->RefOutputs[Name][I] = detached(V);
  return R;
}

namespace {
/// The summary of a sibling script that sets $global: variables, or null
/// for one that sets none (or cannot be read). Shared by the scripts of one
/// run, so that a folder of N scripts reads each once, not N times: keyed by
/// path, checked against the file's size and time; not kept when the user's
/// sources (which change summaries) are set.
std::shared_ptr<const Lowerer::Import>
siblingSummary(const std::string &File, bool Cacheable,
               const std::function<std::shared_ptr<const Lowerer::Import>(
                   llvm::StringRef Bytes)> &Summarize) {
  static core::FileMemo<Lowerer::Import> Memo;
  return Memo.get(
      File, Cacheable, [&]() -> std::shared_ptr<const Lowerer::Import> {
        auto Buf = readScript(File);
        if (!Buf || !Buf->getBuffer().contains_insensitive("$global:"))
          return nullptr;
        auto S = Summarize(Buf->getBuffer());
        return S && !S->Globals.empty() ? S : nullptr;
      });
}
} // namespace

std::optional<Val> Lowerer::siblingGlobal(const std::string &Name) {
  if (!SiblingsLoaded) {
    SiblingsLoaded = true;
    // Only scripts that say `$global:` are read, and only in a folder of a
    // size a project keeps its scripts in.
    constexpr size_t MaxSiblings = 256;
    std::vector<std::string> Files;
    std::error_code EC;
    llvm::StringRef Dir = llvm::sys::path::parent_path(Path);
    for (llvm::sys::fs::directory_iterator It(Dir.empty() ? "." : Dir, EC), End;
         !EC && It != End && Files.size() <= MaxSiblings; It.increment(EC)) {
      llvm::StringRef Ext = llvm::sys::path::extension(It->path());
      if ((Ext.equals_insensitive(".ps1") || Ext.equals_insensitive(".psm1")) &&
          llvm::sys::path::filename(It->path()) !=
              llvm::sys::path::filename(Path))
        Files.push_back(It->path());
    }
    std::sort(Files.begin(), Files.end());
    if (Files.size() > MaxSiblings)
      Files.clear();
    for (const std::string &F : Files) {
      auto S =
          siblingSummary(F, Opts.Sources.empty(), [&](llvm::StringRef Bytes) {
            return summarizeFile(F, Bytes);
          });
      if (!S)
        continue;
      // Only a script that sets globals is a dependency of the result (one
      // that starts to later is not seen by a cached result).
      if (Deps)
        Deps->push_back(F);
      for (const auto &[N, V] : S->Globals)
        SiblingGlobals.emplace(N, V);
    }
  }
  auto It = SiblingGlobals.find(Name);
  if (It == SiblingGlobals.end())
    return std::nullopt;
  return It->second;
}

void Lowerer::importScript(llvm::StringRef PathText, bool DotSource,
                           script::Node Cmd) {
  uint32_t At = script::startByte(Cmd);
  auto Done = Imported.find(At);
  if (Done == Imported.end()) {
    std::shared_ptr<const Import> Result;
    // `Join-Path $here 'x.psm1'` with $here the script's folder.
    std::string Text = PathText.str();
    // `$PSScriptRoot\x.psm1` as parseableText gave it to the grammar.
    if (Text.size() > 1 && Text[0] == '.' &&
        (llvm::isAlpha(Text[1]) || Text[1] == '_'))
      Text[0] = '$';
    for (const std::string &V : ScriptRootVars) {
      std::string Var = "$" + V;
      for (size_t I = llvm::StringRef(Text).find_insensitive(Var);
           I != std::string::npos;
           I = llvm::StringRef(Text).find_insensitive(Var, I + 1)) {
        size_t E = I + Var.size();
        if (E < Text.size() && (llvm::isAlnum(Text[E]) || Text[E] == '_'))
          continue;
        Text.replace(I, Var.size(), "$PSScriptRoot");
      }
    }
    std::string File = resolveImport(Path, Text);
    if (!File.empty() && ImportChain.size() < MaxImportDepth &&
        std::find(ImportChain.begin(), ImportChain.end(), File) ==
            ImportChain.end() &&
        File != Path) {
      if (Deps)
        Deps->push_back(File);
      if (auto Buf = readScript(File))
        Result = summarizeFile(File, Buf->getBuffer());
    }
    Done = Imported.emplace(At, std::move(Result)).first;
  }
  const Import *I = Done->second.get();
  if (!I)
    return;
  // A dot-sourced script runs in this scope; a module or a script run as a
  // command leaves only what it set as $global:.
  for (const auto &[Name, V] : DotSource ? I->Vars : I->Globals)
    bind(Name, "", V, BranchDepth > 0);
  for (const auto &[Name, V] : I->Functions)
    Functions.emplace(Name, V);
  for (const auto &[Name, Ps] : I->FunctionParams)
    FunctionParams.emplace(Name, Ps);
  for (const auto &[Name, Outs] : I->RefOutputs)
    RefOutputs.emplace(Name, Outs);
}

} // namespace verguard::powershell
