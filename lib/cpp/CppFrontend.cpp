//===- CppFrontend.cpp ----------------------------------------------------===//
#include "cpp/CppFrontend.h"

#include "cpp/BodyPlan.h"
#include "cpp/CompileCommand.h"
#include "cpp/GuardFinder.h"
#include "cpp/Pch.h"
#include "cpp/ProjectHelpers.h"
#include "script/Text.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/HeaderSearch.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Regex.h"
#include <atomic>

namespace verguard::cpp {

using namespace clang;
using namespace clang::tooling;

struct CompileDatabases::Entry {
  std::unique_ptr<CompilationDatabase> Db;
};

CompileDatabases::CompileDatabases(std::string ExplicitDir)
    : ExplicitDir(std::move(ExplicitDir)) {}
CompileDatabases::~CompileDatabases() = default;

const CompilationDatabase *
CompileDatabases::forFile(llvm::StringRef File,
                          std::vector<core::Diagnostic> &Diags,
                          std::vector<std::string> *Consulted) {
  std::lock_guard<std::mutex> G(Lock);
  auto Load = [&](llvm::StringRef Dir) -> Entry * {
    if (Consulted)
      Consulted->push_back((Dir + "/compile_commands.json").str());
    for (auto &[D, E] : ByDir)
      if (D == Dir)
        return E;
    std::string Json = (Dir + "/compile_commands.json").str();
    Entry *Result = nullptr;
    if (llvm::sys::fs::exists(Json)) {
      std::string Err;
      core::Diagnostic D;
      D.Level = core::Severity::Warning;
      D.Where.File = Json;
      D.Where.Line = D.Where.Col = 1;
      auto Buf = llvm::MemoryBuffer::getFile(Json);
      std::unique_ptr<CompilationDatabase> Db;
      if (!Buf) {
        Err = Buf.getError().message();
      } else if (auto Parsed = llvm::json::parse((*Buf)->getBuffer());
                 !Parsed) {
        // Clang's loader reads it as YAML and reports "YAML:1:3": say
        // where the JSON is wrong, in the file's own terms.
        Err = "invalid JSON: " + llvm::toString(Parsed.takeError());
        llvm::SmallVector<llvm::StringRef, 4> M;
        static const llvm::Regex Pos("^invalid JSON: \\[([0-9]+):([0-9]+), "
                                     "byte=[0-9]+\\]: (.*)$");
        if (Pos.match(Err, &M)) {
          M[1].getAsInteger(10, D.Where.Line);
          // llvm::json's column is that of the byte it read last: the one
          // it found wrong, counted from 1.
          M[2].getAsInteger(10, D.Where.Col);
          D.Where.Col = std::max(D.Where.Col, 1u);
          Err = "invalid JSON: " + M[3].str();
        }
      } else {
        // MSVC command lines use Windows quoting (backslashes are paths).
        bool Msvc = (*Buf)->getBuffer().contains_insensitive("cl.exe") ||
                    (*Buf)->getBuffer().contains_insensitive("clang-cl");
        Db = JSONCompilationDatabase::loadFromBuffer(
            (*Buf)->getBuffer(), Err,
            Msvc ? JSONCommandLineSyntax::Windows
                 : JSONCommandLineSyntax::AutoDetect);
        // Its messages name the YAML reader's buffer, not the file.
        if (!Db && llvm::StringRef(Err).starts_with("YAML:"))
          Err = Err.substr(Err.find(' ') + 1);
      }
      if (!Db) {
        D.Message = "cannot use this compilation database (" + Err +
                    "); files are parsed without it";
        Diags.push_back(std::move(D));
      } else {
        auto E = std::make_unique<Entry>();
        // Headers and new files get the command of their closest sibling.
        E->Db = inferMissingCompileCommands(std::move(Db));
        Result = E.get();
        Loaded.push_back(std::move(E));
      }
    }
    ByDir.push_back({Dir.str(), Result});
    return Result;
  };
  auto Found = [&](Entry *E) { return E ? E->Db.get() : nullptr; };
  if (!ExplicitDir.empty())
    return Found(Load(ExplicitDir));
  llvm::SmallString<256> Dir(File);
  llvm::sys::path::remove_filename(Dir);
  for (int Up = 0; Up < 32 && !Dir.empty(); ++Up) {
    if (Entry *E = Load(Dir))
      return Found(E);
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (Parent == Dir)
      break;
    Dir = Parent;
  }
  return nullptr;
}

static std::atomic<unsigned> Crashes{0};
unsigned recoveredCrashes() { return Crashes; }
static std::atomic<uint64_t> Skips{0};
uint64_t skippedBodies() { return Skips; }

void quietClang(ClangTool &Tool) {
  std::string ResourceDir = clangResourceDir();
  Tool.appendArgumentsAdjuster(
      [ResourceDir](const CommandLineArguments &Args, StringRef) {
        CommandLineArguments R = Args;
        // Clang's own builtin headers, and nothing printed.
        R.insert(R.begin() + 1, "-resource-dir=" + ResourceDir);
        R.push_back("-Wno-everything");
        R.push_back("-ferror-limit=0");
        // No search for what an unknown name was meant to be: with project
        // headers missing, most errors are unknown names, and the search
        // took a tenth of such a parse (its guesses are not the code's).
        R.push_back("-fno-spell-checking");
        return R;
      });
}

std::string clangResourceDir() {
  // The copy an installed verguard carries (tools/package: lib/verguard/
  // clang/<major> beside bin/), else the directory recorded at build time,
  // if this machine still has it; else ask the installed clang-19.
  static const std::string Dir = [] {
    std::string Exe = llvm::sys::fs::getMainExecutable(nullptr, nullptr);
    if (!Exe.empty()) {
      llvm::SmallString<256> Own(
          llvm::sys::path::parent_path(llvm::sys::path::parent_path(Exe)));
      llvm::sys::path::append(
          Own, "lib", "verguard", "clang",
          llvm::sys::path::filename(VERGUARD_CLANG_RESOURCE_DIR));
      if (llvm::sys::fs::is_directory(Own + "/include"))
        return Own.str().str();
    }
    std::string Built = VERGUARD_CLANG_RESOURCE_DIR;
    if (llvm::sys::fs::is_directory(Built + "/include"))
      return Built;
    for (const char *Name : {"clang-19", "clang"}) {
      auto Exe = llvm::sys::findProgramByName(Name);
      if (!Exe)
        continue;
      llvm::SmallString<128> Out;
      llvm::sys::fs::createTemporaryFile("verguard-rd", "txt", Out);
      std::optional<llvm::StringRef> Redir[] = {std::nullopt, Out.str(),
                                                std::nullopt};
      if (llvm::sys::ExecuteAndWait(*Exe, {*Exe, "-print-resource-dir"},
                                    std::nullopt, Redir) == 0) {
        auto Buf = llvm::MemoryBuffer::getFile(Out);
        llvm::sys::fs::remove(Out);
        if (Buf)
          return (*Buf)->getBuffer().trim().str();
      }
      llvm::sys::fs::remove(Out);
    }
    return Built;
  }();
  return Dir;
}

bool isHeader(llvm::StringRef Path) {
  llvm::StringRef Ext = llvm::sys::path::extension(Path);
  return Ext.equals_insensitive(".h") || Ext.equals_insensitive(".hpp") ||
         Ext.equals_insensitive(".hxx") || Ext.equals_insensitive(".hh") ||
         Ext.equals_insensitive(".inl");
}

namespace {

bool isC(llvm::StringRef Path) {
  return llvm::sys::path::extension(Path) == ".c";
}

class MissingHeaders : public PPCallbacks {
public:
  MissingHeaders(SourceManager &SM, HeaderSearch &HS,
                 std::vector<core::Diagnostic> &Diags,
                 std::vector<std::string> *Deps)
      : SM(SM), HS(HS), Diags(Diags), Deps(Deps) {}
  void InclusionDirective(SourceLocation HashLoc, const Token &,
                          StringRef FileName, bool IsAngled, CharSourceRange,
                          OptionalFileEntryRef File, StringRef, StringRef,
                          const Module *, bool,
                          SrcMgr::CharacteristicKind) override {
    if (File)
      return;
    if (Deps)
      lookedFor(FileName, IsAngled, HashLoc);
    core::Diagnostic D;
    D.Level = core::Severity::Note;
    PresumedLoc P = SM.getPresumedLoc(HashLoc);
    if (P.isValid()) {
      D.Where.File = P.getFilename();
      D.Where.Line = P.getLine();
      D.Where.Col = P.getColumn();
    }
    D.Message = "header '" + FileName.str() +
                "' not found; analyzed what could be parsed without it "
                "(add -I with --extra-arg or use a compile database)";
    Diags.push_back(std::move(D));
  }

private:
  /// The places where Clang looked for the missing header Name: a header
  /// created in one of them later would change the parse, so the result
  /// depends on each (absent) path. For a quoted name, the directories of
  /// the files on the include stack first (MSVC's order, a superset of
  /// GCC's); then every search directory.
  void lookedFor(StringRef Name, bool IsAngled, SourceLocation At) {
    if (llvm::sys::path::is_absolute(Name)) {
      Deps->push_back(Name.str());
      return;
    }
    auto Add = [&](StringRef Dir) {
      llvm::SmallString<256> P(Dir);
      llvm::sys::path::append(P, Name);
      SM.getFileManager().getVirtualFileSystem().makeAbsolute(P);
      llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
      Deps->push_back(P.str().str());
    };
    if (!IsAngled)
      for (FileID F = SM.getFileID(At); F.isValid();
           F = SM.getFileID(SM.getIncludeLoc(F)))
        if (OptionalFileEntryRef E = SM.getFileEntryRefForID(F))
          Add(llvm::sys::path::parent_path(E->getName()));
    for (const DirectoryLookup &L : HS.search_dir_range())
      if (OptionalDirectoryEntryRef D = L.getDirRef())
        Add(D->getName());
  }

  SourceManager &SM;
  HeaderSearch &HS;
  std::vector<core::Diagnostic> &Diags;
  std::vector<std::string> *Deps;
};

/// Feeds the project headers a parse enters to its body plan.
class PlanHeaders : public PPCallbacks {
public:
  PlanHeaders(SourceManager &SM, BodyPlan &Plan) : SM(SM), Plan(Plan) {}
  void FileChanged(SourceLocation Loc, FileChangeReason Reason,
                   SrcMgr::CharacteristicKind Kind, FileID) override {
    if (Reason != EnterFile || Kind != SrcMgr::C_User)
      return;
    FileID F = SM.getFileID(Loc);
    if (F.isInvalid() || F == SM.getMainFileID() || !Seen.insert(F).second)
      return;
    if (auto Text = SM.getBufferDataOrNone(F))
      Plan.addFile(*Text, /*Main=*/false);
  }

private:
  SourceManager &SM;
  BodyPlan &Plan;
  llvm::DenseSet<FileID> Seen;
};

/// What a parse found besides guards: with a body plan, how many bodies it
/// skipped and whether one of them turned out to be needed (then it is
/// parsed again); if asked for, the helpers of other project files that the
/// main file calls with a build (cpp/ProjectHelpers.h).
struct SkipResult {
  unsigned Skipped = 0;
  bool Redo = false;
  bool WantHelpers = false;
  std::vector<ProjectHelper> Helpers;
};

class Consumer : public ASTConsumer {
public:
  Consumer(const core::FrontendOptions &Opts, std::vector<core::Guard> &Out,
           SourceManager &SM, BodyPlan *Plan, SkipResult &Skip)
      : Opts(Opts), Out(Out), SM(SM), Plan(Plan), Skip(Skip) {}
  /// Called by the parser (with FrontendOptions::SkipFunctionBodies) at
  /// each body (its '{', or the ':' of a constructor's initializers): the
  /// plan's answer for main-file bodies.
  bool shouldSkipFunctionBody(Decl *D) override {
    if (!Plan || !D)
      return false;
    // The body belongs to the declaration named here (a macro that names
    // it: where the macro is used).
    auto [F, Off] = SM.getDecomposedExpansionLoc(D->getLocation());
    if (F != SM.getMainFileID() || !Plan->canSkip(Off))
      return false;
    ++Skip.Skipped;
    return true;
  }
  // Only the declarations parsed here, outside system headers: walking the
  // whole translation unit would deserialize all of a precompiled
  // <windows.h>.
  bool HandleTopLevelDecl(DeclGroupRef DG) override {
    for (Decl *D : DG)
      if (D && !D->getASTContext().getSourceManager().isInSystemHeader(
                   D->getLocation()))
        Own.push_back(D);
    return true;
  }
  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (Plan && Plan->skippedButNeeded()) {
      Skip.Redo = true; // parsed again in full: nothing to find here
      return;
    }
    Ctx.setTraversalScope(Own);
    auto G = findGuards(Ctx, Opts);
    if (Skip.WantHelpers)
      Skip.Helpers = undefinedProjectHelpers(Ctx);
    Out.insert(Out.end(), std::make_move_iterator(G.begin()),
               std::make_move_iterator(G.end()));
  }

private:
  const core::FrontendOptions &Opts;
  std::vector<core::Guard> &Out;
  SourceManager &SM;
  BodyPlan *Plan;
  SkipResult &Skip;
  std::vector<Decl *> Own;
};

class Action : public ASTFrontendAction {
public:
  Action(const core::FrontendOptions &Opts, std::vector<core::Guard> &Guards,
         std::vector<core::Diagnostic> &Diags, SkipResult &Skip,
         std::vector<std::string> *Deps)
      : Opts(Opts), Guards(Guards), Diags(Diags), Skip(Skip), Deps(Deps) {}
  /// Every file Clang found: those it read, and those a precompiled header
  /// stands for (it checks them), but not the precompiled header itself.
  void EndSourceFileAction() override {
    if (!Deps)
      return;
    FileManager &FM = getCompilerInstance().getFileManager();
    llvm::SmallVector<OptionalFileEntryRef, 64> Files;
    FM.GetUniqueIDMapping(Files);
    for (OptionalFileEntryRef F : Files) {
      if (!F)
        continue;
      llvm::SmallString<256> P(F->getFileEntry().tryGetRealPathName());
      if (P.empty()) {
        P = F->getName();
        FM.getVirtualFileSystem().makeAbsolute(P);
      }
      llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
      if (!P.str().ends_with(".pch") && P != getCurrentFile())
        Deps->push_back(P.str().str());
    }
  }
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    return std::make_unique<Consumer>(Opts, Guards, CI.getSourceManager(),
                                      Plan.get(), Skip);
  }
  bool BeginSourceFileAction(CompilerInstance &CI) override {
    Preprocessor &PP = CI.getPreprocessor();
    PP.SetSuppressIncludeNotFoundError(true);
    PP.addPPCallbacks(std::make_unique<MissingHeaders>(
        CI.getSourceManager(), PP.getHeaderSearchInfo(), Diags, Deps));
    if (!Opts.Triggers.empty()) {
      // Skip the bodies no finding can depend on (cpp/BodyPlan.h).
      SourceManager &SM = CI.getSourceManager();
      Plan = std::make_unique<BodyPlan>(Opts.Triggers);
      Plan->addFile(SM.getBufferData(SM.getMainFileID()), /*Main=*/true);
      if (Plan->trusted()) {
        CI.getFrontendOpts().SkipFunctionBodies = true;
        PP.addPPCallbacks(std::make_unique<PlanHeaders>(SM, *Plan));
      } else {
        Plan.reset();
      }
    }
    return true;
  }

private:
  const core::FrontendOptions &Opts;
  std::vector<core::Guard> &Guards;
  std::vector<core::Diagnostic> &Diags;
  SkipResult &Skip;
  std::vector<std::string> *Deps;
  std::unique_ptr<BodyPlan> Plan;
};

class Factory : public FrontendActionFactory {
public:
  Factory(const core::FrontendOptions &Opts, std::vector<core::Guard> &Guards,
          std::vector<core::Diagnostic> &Diags, SkipResult &Skip,
          std::vector<std::string> *Deps)
      : Opts(Opts), Guards(Guards), Diags(Diags), Skip(Skip), Deps(Deps) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<Action>(Opts, Guards, Diags, Skip, Deps);
  }

private:
  const core::FrontendOptions &Opts;
  std::vector<core::Guard> &Guards;
  std::vector<core::Diagnostic> &Diags;
  SkipResult &Skip;
  std::vector<std::string> *Deps;
};

/// Counts errors without printing them: verguard reports one note per file.
class CountingConsumer : public DiagnosticConsumer {
public:
  /// Files appended to the parse (cpp/ProjectHelpers.h): their errors, and
  /// those of the headers they include, are not the file's.
  explicit CountingConsumer(const std::vector<std::string> &Appended)
      : Appended(Appended) {}
  unsigned Errors = 0;
  std::string First;
  void HandleDiagnostic(DiagnosticsEngine::Level L,
                        const Diagnostic &Info) override {
    if (L < DiagnosticsEngine::Error)
      return;
    if (!Appended.empty() && Info.getLocation().isValid() &&
        Info.hasSourceManager()) {
      const SourceManager &SM = Info.getSourceManager();
      for (FileID F = SM.getFileID(SM.getExpansionLoc(Info.getLocation()));
           F.isValid(); F = SM.getFileID(SM.getIncludeLoc(F)))
        if (OptionalFileEntryRef E = SM.getFileEntryRefForID(F))
          if (llvm::is_contained(Appended, E->getName()))
            return;
    }
    if (Errors++ == 0) {
      llvm::SmallString<128> Msg;
      Info.FormatDiagnostic(Msg);
      First = Msg.str().str();
      if (Info.getLocation().isValid() && Info.hasSourceManager()) {
        PresumedLoc P =
            Info.getSourceManager().getPresumedLoc(Info.getLocation());
        if (P.isValid())
          First = std::string(llvm::sys::path::filename(P.getFilename())) +
                  ":" + std::to_string(P.getLine()) + ": " + First;
      }
    }
  }

private:
  const std::vector<std::string> &Appended;
};

/// What follows the file's first `#include` (not one in a comment line),
/// blanks trimmed; empty if it has none.
llvm::StringRef firstInclude(llvm::StringRef Text) {
  size_t At = Text.find("#include");
  while (At != llvm::StringRef::npos) {
    // Skip an #include inside a comment line.
    size_t LineStart = Text.rfind('\n', At);
    LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
    if (Text.slice(LineStart, At).trim().empty())
      return Text.substr(At + 8).ltrim(" \t");
    At = Text.find("#include", At + 8);
  }
  return "";
}

/// The first #include of the file names <windows.h> (case-insensitive).
bool startsWithWindowsH(llvm::StringRef Text) {
  return firstInclude(Text).starts_with_insensitive("<windows.h>");
}

/// The name of the file's first #include if it is a quoted one
/// (`#include "stdafx.h"`), else empty.
std::string firstQuotedInclude(llvm::StringRef Text) {
  llvm::StringRef Rest = firstInclude(Text);
  if (!Rest.consume_front("\""))
    return "";
  return Rest.take_until([](char C) { return C == '"' || C == '\n'; }).str();
}

/// Text names what <windows.h> declares: its types and the version APIs.
bool usesWindowsNames(llvm::StringRef Text) {
  static const llvm::Regex Names(
      "(^|[^A-Za-z0-9_])(DWORD|BOOL|ULONG|WCHAR|TCHAR|HKEY|LPBYTE|HMODULE|"
      "(RTL_)?OSVERSIONINFO[A-Z]*|GetVersion(Ex)?[AW]?|VerifyVersionInfo[AW]?|"
      "VerSetConditionMask|RtlGetVersion|GetProcAddress|Reg[A-Z][A-Za-z]*)"
      "($|[^A-Za-z0-9_])");
  return Names.match(Text);
}

/// The precompiled header for a standalone parse with Flags: of the file's
/// leading include prefix (without the headers the project shadows); else,
/// while that one is not worth building yet or for a file whose first
/// include is <windows.h> after other lines, of <windows.h> alone. With
/// ForceWindowsH (<windows.h> included in the place of a missing project
/// header), of <windows.h> alone.
std::optional<std::string> pchFor(llvm::StringRef Path, llvm::StringRef Text,
                                  const std::vector<std::string> &Flags,
                                  bool IsC, bool ForceWindowsH) {
  std::vector<std::string> Dirs, PchFlags;
  for (const std::string &F : Flags) {
    if (llvm::StringRef(F).starts_with("-I"))
      Dirs.push_back(F.substr(2));
    else if (F != "-fsyntax-only")
      PchFlags.push_back(F);
  }
  const std::string WindowsH = "#include <windows.h>\n";
  bool ProjectWindowsH = llvm::any_of(Dirs, [](const std::string &D) {
    return llvm::sys::fs::exists(D + "/windows.h");
  });
  if (ForceWindowsH)
    return ProjectWindowsH ? std::nullopt
                           : prefixPch(WindowsH, PchFlags, IsC,
                                       /*BuildOnFirstUse=*/true);
  // Quoted includes are found as the compiler finds them: next to the file
  // that includes them, then in the -I directories.
  auto Header = [&](llvm::StringRef Name, llvm::StringRef Dir)
      -> std::optional<std::pair<std::string, std::string>> {
    std::vector<std::string> Where{Dir.str()};
    Where.insert(Where.end(), Dirs.begin(), Dirs.end());
    for (const std::string &D : Where) {
      llvm::SmallString<256> P(D);
      llvm::sys::path::append(P, Name);
      if (!llvm::sys::fs::is_regular_file(P))
        continue;
      auto Buf = llvm::MemoryBuffer::getFile(P, /*IsText=*/false,
                                             /*RequiresNullTerminator=*/false);
      if (!Buf || (*Buf)->getBufferSize() > (4u << 20))
        return std::nullopt;
      return std::make_pair((*Buf)->getBuffer().str(), P.str().str());
    }
    return std::nullopt;
  };
  std::vector<PrefixLine> Prefix =
      leadingIncludePrefix(Text, Header, llvm::sys::path::parent_path(Path));
  // A walk stopped by conditionals or function-like macros of the project
  // headers at its top (git's "git-compat-util.h"): the preprocessor says
  // which system headers they include.
  if (Prefix.empty() && !firstQuotedInclude(Text).empty())
    Prefix = preprocessedIncludePrefix(Path, Text, Flags);
  // Macros defined before <windows.h> (NOMINMAX, WIN32_LEAN_AND_MEAN)
  // change it: then only a precompiled prefix with them will do.
  bool DefinesFirst = !Prefix.empty() && !Prefix.front().Include;
  // <windows.h> first, maybe through project headers (`#include
  // "stdafx.h"`): a precompiled <windows.h> alone serves until the whole
  // prefix has one, or if it cannot have one (a header mingw-w64 lacks).
  bool WindowsFirst = !Prefix.empty() && Prefix.front().Include &&
                      Prefix.front().Name == "windows.h";
  dropShadowedIncludes(Prefix, Dirs);
  if (!Prefix.empty() && prefixHeaderText(Prefix) != WindowsH)
    if (auto Pch = prefixPch(prefixHeaderText(Prefix), PchFlags, IsC,
                             /*BuildOnFirstUse=*/false))
      return Pch;
  if (DefinesFirst || !(WindowsFirst || startsWithWindowsH(Text)) ||
      ProjectWindowsH)
    return std::nullopt;
  return prefixPch(WindowsH, PchFlags, IsC, /*BuildOnFirstUse=*/true);
}

} // namespace

/// Ours, then DbFlags (a compile database's command, translated), then the
/// file's directory and its parents' include/, then Extra, then the file.
static std::vector<std::string>
compilerArgs(llvm::StringRef File, llvm::StringRef Text,
             const std::vector<std::string> &DbFlags,
             const std::vector<std::string> &Extra) {
  std::vector<std::string> Args;
  Args.push_back(isC(File) ? "clang" : "clang++");
  Args.push_back("--target=x86_64-w64-mingw32");
  Args.push_back("-fsyntax-only");
  Args.push_back("-fms-extensions");
  if (!isC(File))
    Args.push_back("-std=gnu++20");
  // The database's flags come after ours: its -std wins, its include
  // directories are searched before the file's own. A language that the
  // file's name says anyway (MSVC's /TP for a .cpp) is left out: the file
  // can then have a precompiled header.
  for (size_t I = 0; I < DbFlags.size(); ++I) {
    if (DbFlags[I] == "-x" && I + 1 < DbFlags.size() &&
        DbFlags[I + 1] == (isC(File) ? "c" : "c++") && !isHeader(File)) {
      ++I;
      continue;
    }
    Args.push_back(DbFlags[I]);
  }
  if (isHeader(File)) {
    // A header of C code (the database's standard is a C one) is C.
    bool CStd = llvm::any_of(DbFlags, [](const std::string &F) {
      llvm::StringRef S(F);
      return S.consume_front("-std=") && !S.contains("++") &&
             (S.starts_with("c") || S.starts_with("gnu") ||
              S.starts_with("iso9899"));
    });
    Args.push_back("-x");
    Args.push_back(CStd ? "c-header" : "c++-header");
  }
  // Kernel-mode code: the DDK headers.
  if (Text.contains("ntddk.h") || Text.contains("wdm.h") ||
      Text.contains("ntifs.h") || Text.contains("fltKernel.h"))
    Args.push_back(std::string("-I") + MingwInclude + "/ddk");
  llvm::SmallString<256> Dir(File);
  llvm::sys::path::remove_filename(Dir);
  Args.push_back("-I" + std::string(Dir.empty() ? "." : Dir.str()));
  for (int Up = 0; Up < 8 && !Dir.empty(); ++Up) {
    llvm::SmallString<256> Inc(Dir);
    llvm::sys::path::append(Inc, "include");
    if (llvm::sys::fs::is_directory(Inc))
      Args.push_back("-I" + Inc.str().str());
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (Parent == Dir)
      break;
    Dir = Parent;
  }
  for (const std::string &E : Extra)
    Args.push_back(E);
  Args.push_back(File.str());
  return Args;
}

std::vector<std::string> standaloneArgs(llvm::StringRef File,
                                        llvm::StringRef Text,
                                        const std::vector<std::string> &Extra) {
  return compilerArgs(File, Text, {}, Extra);
}

/// analyzeFile, with the files of Appended (absolute paths) included at the
/// end of the file: the other files of the project that define the helpers
/// it calls. Their own guards are theirs, not the file's. With
/// ForceWindowsH, <windows.h> is included first (precompiled if it can be),
/// in the place of a missing project header.
static void
analyze(llvm::StringRef Path, llvm::StringRef Bytes, CompileDatabases &Dbs,
        const core::FrontendOptions &Opts, std::vector<core::Guard> &Guards,
        std::vector<core::Diagnostic> &Diags, std::vector<std::string> *Deps,
        const std::vector<std::string> &Appended, bool ForceWindowsH) {
  auto Note = [&](core::Severity S, std::string Msg, uint32_t Line = 0) {
    core::Diagnostic D;
    D.Level = S;
    D.Where.File = Path.str();
    D.Where.Line = D.Where.Col = Line;
    D.Message = std::move(Msg);
    Diags.push_back(std::move(D));
  };
  // Clang reads UTF-8; other encodings are decoded and mapped back.
  auto Decoded = script::decodeText(Bytes, Path);
  if (!Decoded) {
    Note(core::Severity::Warning, llvm::toString(Decoded.takeError()));
    return;
  }
  bool Remap = Decoded->Enc != script::Encoding::Utf8 &&
               Decoded->Enc != script::Encoding::Utf8Bom &&
               Decoded->Enc != script::Encoding::Windows1252;

  // A compile database's command, read as Windows code (cpp/CompileCommand.h).
  // The result depends on the database found and on those looked for
  // nearer the file, which may appear.
  std::vector<std::string> DbFlags;
  if (const CompilationDatabase *Db = Dbs.forFile(Path, Diags, Deps)) {
    auto Cmds = Db->getCompileCommands(Path);
    if (!Cmds.empty() && !llvm::sys::fs::is_directory(Cmds.front().Directory)) {
      // Its relative paths would name nothing here.
      Note(core::Severity::Warning,
           "compile_commands.json: the directory of this file's entry ('" +
               Cmds.front().Directory +
               "') does not exist; parsed without the database",
           1);
    } else if (!Cmds.empty()) {
      TranslatedCommand T = translateCompileCommand(Cmds.front().CommandLine,
                                                    Cmds.front().Directory);
      if (!T.Error.empty())
        Note(core::Severity::Warning,
             "compile_commands.json: " + T.Error +
                 "; parsed with what could be read of its command",
             1);
      if (Opts.Verbose && !T.Dropped.empty())
        Note(core::Severity::Note,
             "compile_commands.json: left out of this file's command: " +
                 describeDropped(T),
             1);
      DbFlags = std::move(T.Flags);
    }
  }
  std::vector<std::string> Cmd =
      compilerArgs(Path, Decoded->Utf8, DbFlags, Opts.ExtraArgs);
  Cmd.pop_back(); // the file
  std::vector<std::string> Flags(Cmd.begin() + 1, Cmd.end());
  // Files that start with system includes, directly or through the project
  // headers they include first, and headers named on the command line
  // (pre-commit) reuse a precompiled header of that prefix, or at least of
  // <windows.h>: not kernel code, not with extra arguments that could change
  // them, nor with a forced include or another language from a database.
  bool Kernel = llvm::any_of(Flags, [](const std::string &F) {
    return llvm::StringRef(F).ends_with("/ddk");
  });
  bool DbChangesPrefix = false;
  for (size_t I = 0; I < DbFlags.size(); ++I)
    DbChangesPrefix |=
        DbFlags[I] == "-include" || DbFlags[I] == "-imacros" ||
        (DbFlags[I] == "-x" &&
         !(I + 1 < DbFlags.size() &&
           DbFlags[I + 1] == (isC(Path) ? "c" : "c++") && !isHeader(Path)));
  std::optional<std::string> UsedPch;
  if (!Kernel && Opts.ExtraArgs.empty() && !DbChangesPrefix)
    if (auto Pch =
            pchFor(Path, Decoded->Utf8, Flags, isC(Path), ForceWindowsH)) {
      Flags.push_back("-include-pch");
      Flags.push_back(*Pch);
      UsedPch = *Pch;
    }
  if (ForceWindowsH && !UsedPch) {
    Flags.push_back("-include");
    Flags.push_back("windows.h");
  }
  FixedCompilationDatabase Fixed(".", Flags);
  ClangTool Tool(Fixed, {Path.str()});
  // Parse the bytes verguard read (and, for --fix, the text it would write).
  // Clang's lexer needs a NUL after the text, which Bytes need not have.
  std::string Text = Remap ? Decoded->Utf8 : Bytes.str();
  for (const std::string &A : Appended)
    Text += "\n#include \"" + A + "\"\n";
  Tool.mapVirtualFile(Path, Text);
  quietClang(Tool);
  CountingConsumer Count(Appended);
  Tool.setDiagnosticConsumer(&Count);
  Tool.setPrintErrorMessage(false);
  std::vector<core::Guard> Found;
  std::vector<core::Diagnostic> Missing;
  SkipResult Skip;
  Skip.WantHelpers = Appended.empty();
  Factory F(Opts, Found, Missing, Skip, Deps);
  // RunSafely protects nothing until the signal handlers are installed
  // (once per process; later calls do nothing).
  llvm::CrashRecoveryContext::Enable();
  llvm::CrashRecoveryContext CRC;
  int Rc = 0;
  bool Ok = CRC.RunSafely([&] { Rc = Tool.run(&F); });
  if (!Ok) {
    ++Crashes;
    Note(core::Severity::Error,
         "Clang crashed while parsing this file; it was skipped and the run "
         "went on");
    return;
  }
  if (UsedPch && Count.Errors &&
      (llvm::StringRef(Count.First).contains_insensitive("precompiled") ||
       llvm::StringRef(Count.First).contains("AST file") ||
       llvm::StringRef(Count.First).contains("PCH"))) {
    // A stale or foreign precompiled header: parse without it (and no
    // other file gets it).
    discardPch(*UsedPch);
    core::FrontendOptions NoPch = Opts;
    NoPch.ExtraArgs.push_back("-DVERGUARD_NO_PCH");
    analyze(Path, Bytes, Dbs, NoPch, Guards, Diags, Deps, Appended,
            ForceWindowsH);
    return;
  }
  if (Skip.Redo) {
    // A header entered after a body was skipped made that body needed.
    core::FrontendOptions All = Opts;
    All.Triggers.clear();
    analyze(Path, Bytes, Dbs, All, Guards, Diags, Deps, Appended,
            ForceWindowsH);
    return;
  }
  // A file whose Windows types come only through a project header that is
  // not in the tree (`#include "stdafx.h"` first): Clang drops every
  // statement that uses them. Parse it again with <windows.h> included
  // first, as the missing header would have, and say so.
  std::string First = firstQuotedInclude(Decoded->Utf8);
  std::string MissingFirst = "header '" + First + "' not found";
  if (Count.Errors && !First.empty() && !Kernel && !ForceWindowsH &&
      !llvm::is_contained(Opts.ExtraArgs, "-include") &&
      llvm::any_of(Missing,
                   [&](const core::Diagnostic &D) {
                     return llvm::StringRef(D.Message).starts_with(
                         MissingFirst);
                   }) &&
      usesWindowsNames(Decoded->Utf8)) {
    std::vector<core::Diagnostic> Inner;
    analyze(Path, Bytes, Dbs, Opts, Guards, Inner, Deps, Appended,
            /*ForceWindowsH=*/true);
    for (core::Diagnostic &D : Inner) {
      if (llvm::StringRef(D.Message).starts_with(MissingFirst))
        D.Message = MissingFirst +
                    "; the file uses Windows names, so it was parsed with "
                    "<windows.h> included first in its place (add -I with "
                    "--extra-arg or use a compile database)";
      Diags.push_back(std::move(D));
    }
    return;
  }
  // Helpers of other project files called with a build: parse again with
  // the files that define them appended (cpp/ProjectHelpers.h).
  if (!Skip.Helpers.empty()) {
    if (Deps)
      for (std::string &N : namesakes(Skip.Helpers, isC(Path)))
        Deps->push_back(std::move(N));
    std::vector<std::string> Files =
        definingFiles(Skip.Helpers, Path, isC(Path));
    if (!Files.empty()) {
      analyze(Path, Bytes, Dbs, Opts, Guards, Diags, Deps, Files,
              ForceWindowsH);
      return;
    }
  }
  Skips += Skip.Skipped;
  // What is in the appended files is theirs.
  llvm::erase_if(Found, [&](const core::Guard &G) {
    return llvm::is_contained(Appended, G.Where.File);
  });
  llvm::erase_if(Missing, [&](const core::Diagnostic &D) {
    return llvm::is_contained(Appended, D.Where.File);
  });
  // Header notes once per header name.
  std::vector<std::string> Seen;
  for (core::Diagnostic &D : Missing) {
    if (std::find(Seen.begin(), Seen.end(), D.Message) != Seen.end())
      continue;
    Seen.push_back(D.Message);
    Diags.push_back(std::move(D));
  }
  if (Count.Errors)
    Note(core::Severity::Note, std::to_string(Count.Errors) +
                                   " parse error(s) (first: " + Count.First +
                                   "); findings cover what Clang could parse");
  (void)Rc;
  if (Remap) {
    // Spans in this file are UTF-8 offsets of the decoded text.
    auto Fix = [&](core::SourceSpan &S) {
      if (!S.valid() || S.File != Path)
        return;
      uint32_t B = S.Begin, E = S.End;
      S.Begin = Decoded->toOriginal(B);
      S.End = Decoded->toOriginal(E);
    };
    std::function<void(const core::ExprPtr &)> Walk;
    for (core::Guard &G : Found) {
      Fix(G.Where);
      std::vector<core::Expr *> Stack;
      auto Push = [&](const core::ExprPtr &E) {
        if (E)
          Stack.push_back(const_cast<core::Expr *>(E.get()));
      };
      Push(G.Cond);
      Push(G.Subject);
      for (core::Arm &A : G.Arms) {
        Fix(A.Label.Span);
        for (auto &T : A.Tests)
          Push(T);
      }
      while (!Stack.empty()) {
        core::Expr *E = Stack.back();
        Stack.pop_back();
        Fix(E->Written.Span);
        Fix(E->Written.OpSpan);
        for (auto &K : E->Kids)
          Push(K);
      }
    }
  }
  Guards.insert(Guards.end(), std::make_move_iterator(Found.begin()),
                std::make_move_iterator(Found.end()));
}

void analyzeFile(llvm::StringRef Path, llvm::StringRef Bytes,
                 CompileDatabases &Dbs, const core::FrontendOptions &Opts,
                 std::vector<core::Guard> &Guards,
                 std::vector<core::Diagnostic> &Diags,
                 std::vector<std::string> *Deps) {
  analyze(Path, Bytes, Dbs, Opts, Guards, Diags, Deps, {},
          /*ForceWindowsH=*/false);
}

} // namespace verguard::cpp
