//===- VBScriptFrontend.cpp -----------------------------------------------===//
#include "vbscript/VBScriptFrontend.h"

#include "script/ParsePlan.h"
#include "script/Spelling.h"
#include "script/TreeSitter.h"
#include "vbscript/Adapter.h"
#include "vbscript/Embedded.h"
#include "vbscript/Lowering.h"

#include "core/FileMemo.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <algorithm>

extern "C" const TSLanguage *tree_sitter_vba();
extern "C" const TSLanguage *tree_sitter_vb6();

namespace verguard::vbscript {

namespace {

core::Diagnostic note(llvm::StringRef Path, const script::DecodedText &Text,
                      uint32_t Offset, const std::string &Message) {
  return script::noteAt(Path, Text, Offset, Message);
}

struct Parsed {
  Adapted Code;
  script::TreePtr Tree;
  bool Module = false;
};

/// Adapts and parses one file; false when there is nothing to analyze (a
/// note says why, if anything is wrong).
bool parseFile(llvm::StringRef Path, const script::DecodedText &Text,
               const core::FrontendOptions &Opts,
               std::vector<core::Diagnostic> &Diags, Parsed &Out) {
  FileKind K = fileKindOf(Path);
  Adapted &Code = Out.Code;
  script::TreePtr &Tree = Out.Tree;
  llvm::StringRef Src = Text.Utf8;
  if (K == FileKind::Encoded || Src.starts_with("#@~^")) {
    Diags.push_back(note(Path, Text, 0,
                         "encoded VBScript (.vbe) cannot be analyzed; "
                         "skipped (decode it to .vbs to check it)"));
    return false;
  }
  bool Module = Out.Module = K == FileKind::Module;
  if (Module) {
    Code = adaptModule(Src);
  } else {
    std::vector<Chunk> Chunks;
    if (K == FileKind::Wsf || K == FileKind::Html || K == FileKind::Asp)
      Chunks = embeddedChunks(Src, K);
    else
      Chunks.push_back({0, uint32_t(Src.size())});
    if (Chunks.empty())
      return false;
    Code = adaptVBScript(Src, Chunks);
  }
  uint64_t Micros = Opts.TimeoutMs * 1000;
  // The procedures no finding can depend on are left unparsed
  // (script/ParsePlan.h), but never a class's.
  std::vector<std::pair<uint32_t, uint32_t>> Classes;
  for (const ClassRange &C : Code.Classes)
    Classes.push_back({C.Begin, C.End});
  script::ParsePlan Plan =
      script::planParse(Code.Text, script::PlanDialect::VB, Opts.Triggers,
                        Classes, SyntheticMain);
  Tree = script::parsePlanned(tree_sitter_vba(), Code.Text, Plan, Micros);
  script::ParseTrouble Trouble;
  if (Tree)
    Trouble = script::parseTrouble(ts_tree_root_node(Tree.get()));
  if (!Tree || Trouble.Errors) {
    // VB6 forms and classes, or code the vba parser stumbles on (a
    // VBScript method named `Load`, a VBA statement keyword: the vb6
    // grammar reads `Load = False` as the assignment it is).
    script::TreePtr Alt =
        script::parse(tree_sitter_vb6(), Code.Text, {}, Micros);
    if (Alt) {
      script::ParseTrouble AltTrouble =
          script::parseTrouble(ts_tree_root_node(Alt.get()));
      if (!Tree || AltTrouble.Errors < Trouble.Errors) {
        Tree = std::move(Alt);
        Trouble = AltTrouble;
      }
    }
  }
  if (!Tree) {
    Diags.push_back(
        note(Path, Text, 0, "the file could not be parsed in time; skipped"));
    return false;
  }
  if (Trouble.Errors) {
    Diags.push_back(
        note(Path, Text, Code.Map.toSource(Trouble.FirstByte),
             "syntax the VBScript/VBA parser does not understand (" +
                 std::to_string(Trouble.Errors) +
                 " region(s)); the rest of the file is still analyzed"));
    // Error recovery can swallow the statements that follow a broken line
    // (and the synthetic procedure around them): blank the line where the
    // trouble starts and parse again, a few times at most.
    const TSLanguage *Lang = ts_tree_language(Tree.get());
    for (int Round = 0; Round < 8 && Trouble.Errors; ++Round) {
      uint32_t B = Trouble.FirstByte, E = B;
      while (B > 0 && Code.Text[B - 1] != '\n')
        --B;
      while (E < Code.Text.size() && Code.Text[E] != '\n')
        ++E;
      if (!Code.Map.contiguous(B, E) || B == E)
        break;
      for (uint32_t I = B; I < E; ++I)
        if (Code.Text[I] != '\r')
          Code.Text[I] = ' ';
      script::TreePtr Again = script::parse(Lang, Code.Text, {}, Micros);
      if (!Again)
        break;
      Tree = std::move(Again);
      Trouble = script::parseTrouble(ts_tree_root_node(Tree.get()));
    }
  }
  return true;
}

/// The files whose procedures Path's code may call: the other VBA modules
/// of its folder, or the `src` scripts of a .wsf job or an HTML application.
std::vector<std::string> projectFiles(llvm::StringRef Path,
                                      llvm::StringRef Src) {
  constexpr unsigned MaxSiblings = 64;
  llvm::SmallString<256> Dir(llvm::sys::path::parent_path(Path));
  if (Dir.empty())
    Dir = ".";
  std::vector<std::string> Files;
  FileKind K = fileKindOf(Path);
  if (K == FileKind::Module) {
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator I(Dir, EC), E; I != E && !EC;
         I.increment(EC))
      if (fileKindOf(I->path()) == FileKind::Module &&
          llvm::sys::path::filename(I->path()) !=
              llvm::sys::path::filename(Path))
        Files.push_back(I->path());
    std::sort(Files.begin(), Files.end());
  } else if (K == FileKind::Wsf || K == FileKind::Html) {
    for (std::string S : scriptSources(Src)) {
      std::replace(S.begin(), S.end(), '\\', '/');
      if (S.find("://") != std::string::npos || S.empty() || S[0] == '/' ||
          (S.size() > 1 && S[1] == ':'))
        continue; // only files of the project, relative to the job
      llvm::SmallString<256> P(Dir);
      llvm::sys::path::append(P, S);
      llvm::sys::path::remove_dots(P, true);
      if (fileKindOf(P) == FileKind::VBScript)
        Files.push_back(std::string(P));
    }
  } else if (K == FileKind::VBScript &&
             llvm::StringRef(Src).contains_insensitive("executeglobal")) {
    // A library loaded with `ExecuteGlobal fso.OpenTextFile("lib.vbs")
    // .ReadAll` (or through an Include helper): each quoted .vbs of this
    // folder's tree the script names.
    llvm::StringRef Rest = Src;
    while (!Rest.empty()) {
      size_t Q = Rest.find('"');
      if (Q == llvm::StringRef::npos)
        break;
      size_t E = Rest.find('"', Q + 1);
      if (E == llvm::StringRef::npos)
        break;
      std::string S = Rest.slice(Q + 1, E).str();
      Rest = Rest.drop_front(E + 1);
      std::replace(S.begin(), S.end(), '\\', '/');
      if (!llvm::StringRef(S).ends_with_insensitive(".vbs") || S.empty() ||
          S[0] == '/' || (S.size() > 1 && S[1] == ':'))
        continue;
      llvm::SmallString<256> P(Dir);
      llvm::sys::path::append(P, S);
      llvm::sys::path::remove_dots(P, true);
      if (llvm::sys::fs::exists(P) && P != Path &&
          std::find(Files.begin(), Files.end(), std::string(P)) == Files.end())
        Files.push_back(std::string(P));
    }
  }
  if (Files.size() > MaxSiblings)
    Files.resize(MaxSiblings);
  return Files;
}

/// One file, parsed, handed to Fn (nothing when it cannot be read).
void parseSibling(const std::string &F, const core::FrontendOptions &Opts,
                  const std::function<void(const LoweringInput &)> &Fn) {
  constexpr uint64_t MaxBytes = 512 * 1024;
  // Every procedure of a sibling may be the one called here.
  core::FrontendOptions All = Opts;
  All.Triggers.clear();
  uint64_t Size = 0;
  if (llvm::sys::fs::file_size(F, Size) || Size > MaxBytes)
    return;
  auto Buf = llvm::MemoryBuffer::getFile(F, /*IsText=*/false);
  if (!Buf)
    return;
  auto Text = script::decodeText((*Buf)->getBuffer(), F);
  if (!Text) {
    llvm::consumeError(Text.takeError());
    return;
  }
  std::vector<core::Diagnostic> Ignored;
  Parsed P;
  if (!parseFile(F, *Text, All, Ignored, P))
    return;
  script::FlatTree Flat(ts_tree_root_node(P.Tree.get()));
  LoweringInput In{F, *Text, P.Code, Flat.root(), !P.Module, All};
  Fn(In);
}
} // namespace

void lowerFile(llvm::StringRef Path, const script::DecodedText &Text,
               const core::FrontendOptions &Opts,
               std::vector<core::Guard> &Guards,
               std::vector<core::Diagnostic> &Diags,
               std::vector<std::string> *Deps) {
  std::vector<std::string> Siblings = projectFiles(Path, Text.Utf8);
  // With other files of the project, any procedure may compare with what
  // one of them defines (a module's constant, a library's function), which
  // the parse plan cannot see: the whole file is parsed.
  core::FrontendOptions Whole = Opts;
  if (!Siblings.empty())
    Whole.Triggers.clear();
  Parsed P;
  if (!parseFile(Path, Text, Whole, Diags, P))
    return;
  const Adapted &Code = P.Code;
  bool Module = P.Module;
  const script::TreePtr &Tree = P.Tree;
  script::FlatTree Flat(ts_tree_root_node(Tree.get()));
  LoweringInput In{Path,
                   Text,
                   Code,
                   Flat.root(),
                   /*IsVBScript=*/!Module,
                   Opts};
  In.ListSiblings = [&] { return Siblings; };
  In.Deps = Deps;
  if (fileKindOf(Path) == FileKind::Wsf)
    In.Objects = declaredObjects(Text.Utf8);
  In.ParseSibling = [&](const std::string &F,
                        const std::function<void(const LoweringInput &)> &Fn) {
    parseSibling(F, Opts, Fn);
  };
  lowerTree(In, Guards, Diags);
}

bool projectHolds(llvm::StringRef Path, llvm::StringRef Text,
                  llvm::function_ref<bool(llvm::StringRef)> Holds,
                  llvm::StringRef HoldsKey, std::vector<std::string> *Deps) {
  constexpr uint64_t MaxBytes = 512 * 1024; // as parseSibling reads
  auto HoldsFile = [&](const std::string &F) {
    auto Buf = script::readProjectFile(F, MaxBytes);
    return Buf && Holds(Buf->getBuffer());
  };
  if (fileKindOf(Path) != FileKind::Module) {
    // A job's `src` scripts: few, read for this file alone.
    bool Any = false;
    for (const std::string &F : projectFiles(Path, Text)) {
      if (Deps)
        Deps->push_back(F); // also where a missing one would be
      Any = Any || HoldsFile(F);
    }
    return Any;
  }
  // The folder's modules: which of them hold a literal is found once per
  // run (each module of a folder asks the same).
  struct Folder {
    std::vector<std::string> Holding, Deps;
  };
  static core::RunMemo<Folder> Folders;
  llvm::SmallString<256> Dir(llvm::sys::path::parent_path(Path));
  if (Dir.empty())
    Dir = ".";
  std::string Key = (Dir + llvm::Twine('\0') + HoldsKey).str();
  std::shared_ptr<const Folder> X = Folders.get(Key, [&] {
    auto Made = std::make_shared<Folder>();
    // Path itself is one of the folder's modules for the others; it holds
    // nothing (the prefilter asks only for such a module), so it is not
    // read again.
    std::vector<std::string> All = projectFiles(Path, Text);
    for (const std::string &F : All)
      if (HoldsFile(F))
        Made->Holding.push_back(F);
    All.push_back(Path.str());
    Made->Deps = std::move(All);
    Made->Deps.push_back(std::string(Dir)); // a module added later
    return Made;
  });
  if (Deps)
    Deps->insert(Deps->end(), X->Deps.begin(), X->Deps.end());
  std::string Self = llvm::sys::path::filename(Path).str();
  return llvm::any_of(X->Holding, [&](const std::string &F) {
    return llvm::sys::path::filename(F) != Self;
  });
}

} // namespace verguard::vbscript
