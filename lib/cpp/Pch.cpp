//===- Pch.cpp ------------------------------------------------------------===//
#include "cpp/Pch.h"

#include "cpp/CppFrontend.h"

#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fcntl.h>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <sys/stat.h>

namespace verguard::cpp {

namespace {

/// Unique per process and thread.
std::string tmpSuffix() {
  return std::to_string(llvm::sys::Process::getProcessId()) + "-" +
         std::to_string(llvm::get_threadid());
}

bool isIdentStart(char C) { return llvm::isAlpha(C) || C == '_'; }
bool isIdentChar(char C) { return llvm::isAlnum(C) || C == '_'; }

/// What may follow a directive on its line: nothing, a // comment, or
/// /* ... */ comments that close on the line.
bool onlyComments(llvm::StringRef S) {
  while (true) {
    S = S.ltrim(" \t\f\v");
    if (S.empty() || S.starts_with("//"))
      return true;
    if (!S.starts_with("/*"))
      return false;
    size_t End = S.find("*/", 2);
    if (End == llvm::StringRef::npos)
      return false;
    S = S.substr(End + 2);
  }
}

/// One directive line (after '#'), or nullopt if it ends the prefix. Sets
/// Skip for a directive that belongs to the prefix but not to the header.
std::optional<PrefixLine> directive(llvm::StringRef S, bool &Skip) {
  Skip = false;
  S = S.ltrim(" \t");
  size_t N = 0;
  while (N < S.size() && isIdentChar(S[N]))
    ++N;
  llvm::StringRef Word = S.take_front(N), Rest = S.drop_front(N);
  if (Word == "include") {
    Rest = Rest.ltrim(" \t");
    if (!Rest.starts_with("<"))
      return std::nullopt;
    size_t Close = Rest.find('>');
    if (Close == llvm::StringRef::npos || Close == 1)
      return std::nullopt;
    llvm::StringRef Name = Rest.slice(1, Close);
    if (Name.find_first_of("\"<") != llvm::StringRef::npos ||
        Name.trim() != Name || !onlyComments(Rest.substr(Close + 1)))
      return std::nullopt;
    // mingw-w64 spells it in lower case; an include of <Windows.h> gets it
    // from the precompiled header (and is reported missing, as without).
    std::string Header =
        Name.equals_insensitive("windows.h") ? "windows.h" : Name.str();
    return PrefixLine{true, Header, "#include <" + Header + ">"};
  }
  if (Word == "pragma") {
    Rest = Rest.ltrim(" \t");
    if (!Rest.starts_with("once") || !onlyComments(Rest.drop_front(4)))
      return std::nullopt;
    Skip = true;
    return PrefixLine{};
  }
  if (Word != "define" || Rest.empty() || (Rest[0] != ' ' && Rest[0] != '\t'))
    return std::nullopt;
  Rest = Rest.ltrim(" \t");
  if (Rest.empty() || !isIdentStart(Rest[0]))
    return std::nullopt;
  N = 0;
  while (N < Rest.size() && isIdentChar(Rest[N]))
    ++N;
  llvm::StringRef Name = Rest.take_front(N), Value = Rest.drop_front(N);
  // `#define F(x)` is function-like.
  if (!Value.empty() && Value[0] != ' ' && Value[0] != '\t')
    return std::nullopt;
  // A trailing comment goes; a quote could hide one (or be one).
  if (Value.find_first_of("\"'") != llvm::StringRef::npos)
    return std::nullopt;
  if (size_t C = std::min(Value.find("//"), Value.find("/*"));
      C != llvm::StringRef::npos) {
    if (!onlyComments(Value.substr(C)))
      return std::nullopt;
    Value = Value.take_front(C);
  }
  std::string Text = "#define " + Name.str();
  llvm::SmallVector<llvm::StringRef, 4> Tokens;
  Value.split(Tokens, ' ', -1, false);
  for (llvm::StringRef T : Tokens) {
    llvm::SmallVector<llvm::StringRef, 2> Sub;
    T.split(Sub, '\t', -1, false);
    for (llvm::StringRef U : Sub)
      if (!U.trim().empty())
        Text += " " + U.trim().str();
  }
  return PrefixLine{false, Name.str(), std::move(Text)};
}

} // namespace

namespace {

/// `#include "name"` (the rest of a directive line after '#'): the name.
std::optional<llvm::StringRef> quotedInclude(llvm::StringRef S) {
  S = S.ltrim(" \t");
  if (!S.consume_front("include"))
    return std::nullopt;
  S = S.ltrim(" \t");
  if (!S.consume_front("\""))
    return std::nullopt;
  size_t Close = S.find('"');
  if (Close == llvm::StringRef::npos || Close == 0 ||
      !onlyComments(S.substr(Close + 1)))
    return std::nullopt;
  return S.take_front(Close);
}

/// `#ifndef G` / `#define G` (the rest after '#'): G, else "".
llvm::StringRef guardName(llvm::StringRef S, llvm::StringRef Word) {
  S = S.ltrim(" \t");
  if (!S.consume_front(Word) || S.empty() || (S[0] != ' ' && S[0] != '\t'))
    return "";
  S = S.ltrim(" \t");
  size_t N = 0;
  while (N < S.size() && isIdentChar(S[N]))
    ++N;
  if (!N || !isIdentStart(S[0]) || !onlyComments(S.substr(N)))
    return "";
  return S.take_front(N);
}

/// The directive lines (the text after '#') of the leading run of Text: up
/// to its first line that is not blank, a comment or a directive. Complete
/// is false if that run ends before the text does, or on a continued line.
std::vector<llvm::StringRef> leadingDirectives(llvm::StringRef Text,
                                               bool &Complete) {
  std::vector<llvm::StringRef> Out;
  Complete = false;
  if (Text.starts_with("\xEF\xBB\xBF"))
    Text = Text.drop_front(3);
  bool InComment = false;
  while (!Text.empty()) {
    auto [Line, Next] = Text.split('\n');
    Text = Next;
    Line = Line.rtrim("\r");
    // A continued line (also a // comment that swallows the next line).
    if (Line.ends_with("\\"))
      return Out;
    llvm::StringRef S = Line;
    while (true) {
      if (InComment) {
        size_t End = S.find("*/");
        if (End == llvm::StringRef::npos) {
          S = "";
          break;
        }
        InComment = false;
        S = S.substr(End + 2);
      }
      S = S.ltrim(" \t\f\v");
      if (S.starts_with("//")) {
        S = "";
        break;
      }
      if (S.starts_with("/*")) {
        InComment = true;
        S = S.drop_front(2);
        continue;
      }
      break;
    }
    if (S.empty())
      continue;
    // A directive after a comment on the same line is still a directive,
    // but keep it simple: only at the start of the line.
    if (S[0] != '#' || S.data() != Line.ltrim(" \t").data())
      return Out;
    Out.push_back(S.drop_front(1));
  }
  Complete = !InComment;
  return Out;
}

/// `#define X ...` (the rest after '#'): X, else "".
llvm::StringRef definedName(llvm::StringRef S) {
  S = S.ltrim(" \t");
  if (!S.consume_front("define") || S.empty() || (S[0] != ' ' && S[0] != '\t'))
    return "";
  S = S.ltrim(" \t");
  size_t N = 0;
  while (N < S.size() && isIdentChar(S[N]))
    ++N;
  return N && isIdentStart(S[0]) ? S.take_front(N) : "";
}

/// `#endif` with nothing but comments after it.
bool isEndif(llvm::StringRef S) {
  S = S.ltrim(" \t");
  return S.consume_front("endif") && onlyComments(S);
}

/// Appends the leading directives of Text to Out; false once the prefix
/// ends (at anything but a blank line, a comment, #pragma once, an
/// object-like #define, a default `#ifndef X` / `#define X ...` / `#endif`,
/// an #include, or, at the top of a project header, its include guard).
/// Quoted includes are walked in place through Header, at most Depth deep.
bool walkPrefix(llvm::StringRef Text, std::vector<PrefixLine> &Out,
                const ProjectHeaderFn &Header, llvm::StringRef Dir,
                unsigned Depth, bool IsHeader, std::set<std::string> &Walked) {
  bool Complete = false;
  std::vector<llvm::StringRef> Lines = leadingDirectives(Text, Complete);
  bool Guarded = false;
  for (size_t I = 0; I < Lines.size(); ++I) {
    llvm::StringRef Rest = Lines[I];
    if (llvm::StringRef X = guardName(Rest, "ifndef"); !X.empty()) {
      bool Defines = I + 1 < Lines.size() && definedName(Lines[I + 1]) == X;
      // `#ifndef X` / `#define X value` / `#endif`: a default, kept as it
      // is (a header before it may have defined X).
      if (Defines && I + 2 < Lines.size() && isEndif(Lines[I + 2])) {
        bool Skip = false;
        auto D = directive(Lines[I + 1], Skip);
        if (!D || Skip)
          return false;
        Out.push_back(
            PrefixLine{false, X.str(),
                       "#ifndef " + X.str() + "\n" + D->Text + "\n#endif"});
        I += 2;
        continue;
      }
      // A project header's include guard, as its first directive: the
      // #endif is at its end, after anything this prefix can take.
      if (Defines && IsHeader && I == 0) {
        Guarded = true;
        ++I;
        continue;
      }
      return false;
    }
    if (Guarded && I + 1 == Lines.size() && Complete && isEndif(Rest))
      return true; // the guard's end: the header holds directives only
    if (auto Name = quotedInclude(Rest)) {
      std::optional<std::pair<std::string, std::string>> H;
      if (Depth == 0 || !Header || !(H = Header(*Name, Dir)))
        return false;
      // Its include guard or #pragma once makes a second include empty.
      if (!Walked.insert(H->second).second)
        continue;
      if (!walkPrefix(H->first, Out, Header,
                      llvm::sys::path::parent_path(H->second), Depth - 1,
                      /*IsHeader=*/true, Walked))
        return false;
      continue;
    }
    bool Skip = false;
    auto D = directive(Rest, Skip);
    if (!D)
      return false;
    if (!Skip)
      Out.push_back(std::move(*D));
  }
  // A guarded header ends with the guard's #endif, which the run stops
  // before unless the header holds nothing else.
  return Complete && !Guarded;
}

} // namespace

std::vector<PrefixLine> leadingIncludePrefix(llvm::StringRef Text,
                                             const ProjectHeaderFn &Header,
                                             llvm::StringRef Dir) {
  std::vector<PrefixLine> Out;
  std::set<std::string> Walked;
  walkPrefix(Text, Out, Header, Dir, /*Depth=*/8, /*IsHeader=*/false, Walked);
  while (!Out.empty() && !Out.back().Include)
    Out.pop_back();
  return Out;
}

namespace {

/// The macro a project file's include guard defines: X of a first
/// directive `#ifndef X` or `#if !defined(X)`, else "".
std::string includeGuard(llvm::StringRef Text) {
  bool Complete = false;
  std::vector<llvm::StringRef> Lines = leadingDirectives(Text, Complete);
  if (Lines.empty()) {
    // leadingDirectives stops at code; the first directive may still be
    // the guard only if nothing comes before it.
    return "";
  }
  llvm::StringRef First = Lines.front();
  if (llvm::StringRef X = guardName(First, "ifndef"); !X.empty())
    return X.str();
  llvm::StringRef S = First.ltrim(" \t");
  if (!S.consume_front("if"))
    return "";
  S = S.ltrim(" \t");
  if (!S.consume_front("!"))
    return "";
  S = S.ltrim(" \t");
  if (!S.consume_front("defined"))
    return "";
  S = S.ltrim(" \t");
  bool Paren = S.consume_front("(");
  S = S.ltrim(" \t");
  size_t N = 0;
  while (N < S.size() && isIdentChar(S[N]))
    ++N;
  llvm::StringRef X = S.take_front(N);
  S = S.drop_front(N).ltrim(" \t");
  if (X.empty() || (Paren && !S.consume_front(")")) || !onlyComments(S))
    return "";
  return X.str();
}

/// What one look at a file's prefix found, and what it depended on.
struct PrefixRun {
  std::vector<PrefixLine> Out;
  bool Usable = true;
  std::vector<std::string> IncludeDirs; // the parse's -I directories
  std::set<std::string> Files;          // project files read (not the main)
  std::set<std::string> Absent;         // where a missing include could be
};

/// Records the prefix while the preprocessor runs up to the first token of
/// a project file (preprocessedIncludePrefix).
class PrefixRecorder : public clang::PPCallbacks {
public:
  PrefixRecorder(clang::Preprocessor &PP, PrefixRun &Run)
      : PP(PP), SM(PP.getSourceManager()), Run(Run), Out(Run.Out),
        Usable(Run.Usable) {}
  bool Stopped = false;

  void FileChanged(clang::SourceLocation Loc, FileChangeReason Reason,
                   clang::SrcMgr::CharacteristicKind Kind,
                   clang::FileID) override {
    if (Stopped || Reason != EnterFile || Kind != clang::SrcMgr::C_User)
      return;
    clang::FileID F = SM.getFileID(Loc);
    if (F == SM.getMainFileID())
      return;
    if (auto E = SM.getFileEntryRefForID(F)) {
      llvm::SmallString<256> P(E->getName());
      llvm::sys::fs::make_absolute(P);
      Run.Files.insert(P.str().str());
    }
  }

  /// In a file of the project: not a system header, not Clang's built-in
  /// or command-line buffer.
  bool inProject(clang::SourceLocation Loc) const {
    if (Loc.isInvalid())
      return false;
    Loc = SM.getExpansionLoc(Loc);
    if (!SM.getFileEntryRefForID(SM.getFileID(Loc)))
      return false;
    return !SM.isInSystemHeader(Loc);
  }

  void InclusionDirective(clang::SourceLocation HashLoc,
                          const clang::Token &IncludeTok,
                          llvm::StringRef FileName, bool IsAngled,
                          clang::CharSourceRange,
                          clang::OptionalFileEntryRef File, llvm::StringRef,
                          llvm::StringRef, const clang::Module *, bool,
                          clang::SrcMgr::CharacteristicKind Kind) override {
    if (Stopped || !inProject(HashLoc))
      return;
    if (!File) {
      // Found later, it would change what comes before the first code.
      std::vector<std::string> Where = Run.IncludeDirs;
      if (!IsAngled)
        if (auto E = SM.getFileEntryRefForID(SM.getFileID(HashLoc)))
          Where.insert(Where.begin(),
                       llvm::sys::path::parent_path(E->getName()).str());
      for (const std::string &D : Where) {
        llvm::SmallString<256> P(D);
        llvm::sys::path::append(P, FileName);
        llvm::sys::fs::make_absolute(P);
        Run.Absent.insert(P.str().str());
      }
      return;
    }
    // A project header is read again by the parse, in place.
    if (Kind == clang::SrcMgr::C_User ||
        Kind == clang::SrcMgr::C_User_ModuleMap)
      return;
    const clang::IdentifierInfo *II = IncludeTok.getIdentifierInfo();
    if (!II || II->getPPKeywordID() != clang::tok::pp_include) {
      Usable = false;
      return;
    }
    Out.push_back(
        PrefixLine{true, FileName.str(), "#include <" + FileName.str() + ">"});
  }

  void MacroDefined(const clang::Token &Name,
                    const clang::MacroDirective *MD) override {
    if (Stopped || !inProject(Name.getLocation()) || !MD)
      return;
    llvm::StringRef N = Name.getIdentifierInfo()->getName();
    if (N == guardOf(Name.getLocation()))
      return;
    const clang::MacroInfo *MI = MD->getMacroInfo();
    std::string T = "#define " + N.str();
    if (MI->isFunctionLike()) {
      T += "(";
      unsigned I = 0, Count = MI->getNumParams();
      for (const clang::IdentifierInfo *P : MI->params()) {
        bool Last = ++I == Count;
        if (I > 1)
          T += ", ";
        if (Last && MI->isC99Varargs()) {
          T += "...";
          break;
        }
        T += P->getName();
        if (Last && MI->isGNUVarargs())
          T += "...";
      }
      T += ")";
    }
    bool First = true;
    for (const clang::Token &Tk : MI->tokens()) {
      if (First || Tk.hasLeadingSpace())
        T += " ";
      First = false;
      T += PP.getSpelling(Tk);
    }
    Out.push_back(PrefixLine{false, N.str(), std::move(T)});
  }

  void MacroUndefined(const clang::Token &Name, const clang::MacroDefinition &,
                      const clang::MacroDirective *) override {
    if (Stopped || !inProject(Name.getLocation()))
      return;
    llvm::StringRef N = Name.getIdentifierInfo()->getName();
    Out.push_back(PrefixLine{false, N.str(), "#undef " + N.str()});
  }

  void PragmaDirective(clang::SourceLocation Loc,
                       clang::PragmaIntroducerKind) override {
    if (Stopped || !inProject(Loc))
      return;
    // A macro saved and restored is state a list of directives cannot
    // replay in place.
    auto [FID, Off] = SM.getDecomposedLoc(SM.getExpansionLoc(Loc));
    llvm::StringRef Line = SM.getBufferData(FID).substr(Off);
    Line = Line.take_until([](char C) { return C == '\n'; });
    if (Line.contains("push_macro") || Line.contains("pop_macro"))
      Usable = false;
  }

private:
  /// The include guard of the project file that holds Loc.
  llvm::StringRef guardOf(clang::SourceLocation Loc) {
    clang::FileID F = SM.getFileID(SM.getExpansionLoc(Loc));
    auto [It, New] = Guards.try_emplace(F);
    if (New)
      It->second = includeGuard(SM.getBufferData(F));
    return It->second;
  }
  clang::Preprocessor &PP;
  clang::SourceManager &SM;
  PrefixRun &Run;
  std::vector<PrefixLine> &Out;
  bool &Usable;
  std::map<clang::FileID, std::string> Guards;
};

class PrefixAction : public clang::PreprocessorFrontendAction {
public:
  explicit PrefixAction(PrefixRun &Run) : Run(Run) {}

protected:
  void ExecuteAction() override {
    clang::Preprocessor &PP = getCompilerInstance().getPreprocessor();
    PP.SetSuppressIncludeNotFoundError(true);
    auto R = std::make_unique<PrefixRecorder>(PP, Run);
    PrefixRecorder *Rec = R.get();
    PP.addPPCallbacks(std::move(R));
    PP.EnterMainSourceFile();
    // The system headers' code is only lexed, not expanded: only the
    // directives matter, and where the first token of the project is.
    clang::Token Tok;
    do
      PP.LexUnexpandedToken(Tok);
    while (Tok.isNot(clang::tok::eof) && !Rec->inProject(Tok.getLocation()));
    Rec->Stopped = true;
  }

private:
  PrefixRun &Run;
};

/// The real file system, but for files that are not regular (a FIFO): a
/// look at the prefix must not take the bytes the parse is to read.
class RegularFilesOnly : public llvm::vfs::ProxyFileSystem {
public:
  RegularFilesOnly() : ProxyFileSystem(llvm::vfs::createPhysicalFileSystem()) {}
  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override {
    llvm::ErrorOr<llvm::vfs::Status> St = status(Path);
    if (St && St->getType() != llvm::sys::fs::file_type::regular_file)
      return std::make_error_code(std::errc::permission_denied);
    return ProxyFileSystem::openFileForRead(Path);
  }
};

class PrefixFactory : public clang::tooling::FrontendActionFactory {
public:
  explicit PrefixFactory(PrefixRun &Run) : Run(Run) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<PrefixAction>(Run);
  }

private:
  PrefixRun &Run;
};

/// What a cache key of Clang's work on Windows code holds besides its
/// input: the flags, the time stamp of the Windows headers (a mingw-w64
/// update makes new entries) and Clang's resource directory; none if the
/// Windows headers are not there.
std::optional<std::string> toolchainKey(const std::vector<std::string> &Flags) {
  std::string Key;
  for (const std::string &F : Flags)
    Key += F + "|";
  llvm::sys::fs::file_status St;
  if (llvm::sys::fs::status(std::string(MingwInclude) + "/windows.h", St))
    return std::nullopt;
  return Key +
         std::to_string(
             St.getLastModificationTime().time_since_epoch().count()) +
         "|" + clangResourceDir();
}

/// The cache of looks at prefixes: one small file per file's text, flags
/// and compiler, in prefixes/ of the cache directory, holding the prefix
/// and what it depended on (the project files read, by their hash, and
/// where missing includes were looked for); an entry whose files changed
/// is not trusted. At most 512 entries, the least recently used dropped.
constexpr size_t MaxPrefixEntries = 512;

std::string prefixEntryPath(llvm::StringRef Path, llvm::StringRef Text,
                            const std::vector<std::string> &Flags) {
  std::string Key = std::string(LLVM_VERSION_STRING) + "|prefix1|" +
                    Path.str() + "|" + toolchainKey(Flags).value_or("") + "|" +
                    Text.str();
  llvm::SmallString<256> P(pchCacheDir());
  llvm::sys::path::append(P, "prefixes",
                          llvm::utohexstr(llvm::xxh3_64bits(Key)) + ".txt");
  return P.str().str();
}

std::string hashOf(llvm::StringRef Bytes) {
  return llvm::utohexstr(llvm::xxh3_64bits(Bytes));
}

/// The cached prefix at Entry, if every file it depended on is as then.
std::optional<std::vector<PrefixLine>> cachedPrefix(const std::string &Entry) {
  auto Buf = llvm::MemoryBuffer::getFile(Entry, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!Buf)
    return std::nullopt;
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  (*Buf)->getBuffer().split(Lines, '\n', -1, false);
  if (Lines.empty() || Lines.front() != "verguard-prefix 1" ||
      Lines.back() != "end")
    return std::nullopt; // another format, or a torn write
  std::vector<PrefixLine> Out;
  for (llvm::StringRef L : llvm::ArrayRef(Lines).slice(1, Lines.size() - 2)) {
    auto [Tag, Rest] = L.split(' ');
    if (Tag == "F") {
      auto [Hash, File] = Rest.split(' ');
      auto B = llvm::MemoryBuffer::getFile(File, /*IsText=*/false,
                                           /*RequiresNullTerminator=*/false);
      if (!B || hashOf((*B)->getBuffer()) != Hash)
        return std::nullopt;
    } else if (Tag == "A") {
      if (llvm::sys::fs::exists(Rest))
        return std::nullopt;
    } else if (Tag == "I" || Tag == "D") {
      auto [Name, Directive] = Rest.split('\t');
      Out.push_back(PrefixLine{Tag == "I", Name.str(), Directive.str()});
    } else {
      return std::nullopt;
    }
  }
  touchCacheFile(Entry);
  return Out;
}

void storePrefix(const std::string &Entry, const PrefixRun &Run,
                 const std::vector<PrefixLine> &Out) {
  std::string Body = "verguard-prefix 1\n";
  for (const std::string &F : Run.Files) {
    auto B = llvm::MemoryBuffer::getFile(F, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
    if (!B || F.find_first_of(" \n") != std::string::npos)
      return; // not stated so: not cached
    Body += "F " + hashOf((*B)->getBuffer()) + " " + F + "\n";
  }
  for (const std::string &A : Run.Absent) {
    if (A.find('\n') != std::string::npos)
      return;
    Body += "A " + A + "\n";
  }
  for (const PrefixLine &L : Out) {
    if (L.Name.find_first_of(" \t\n") != std::string::npos ||
        L.Text.find('\n') != std::string::npos)
      return;
    Body +=
        std::string(L.Include ? "I " : "D ") + L.Name + "\t" + L.Text + "\n";
  }
  Body += "end\n";
  std::string Dir = llvm::sys::path::parent_path(Entry).str();
  if (llvm::sys::fs::create_directories(Dir) || !replaceFile(Entry, Body))
    return;
  std::vector<CacheFile> Entries = cacheEntriesNewestFirst(Dir);
  for (size_t I = MaxPrefixEntries; I < Entries.size(); ++I)
    llvm::sys::fs::remove(Entries[I].Path);
}

} // namespace

std::vector<PrefixLine>
preprocessedIncludePrefix(llvm::StringRef Path, llvm::StringRef Text,
                          const std::vector<std::string> &Flags) {
  std::string Entry = prefixEntryPath(Path, Text, Flags);
  if (auto Cached = cachedPrefix(Entry))
    return *Cached;
  PrefixRun Run;
  std::vector<std::string> Args;
  for (const std::string &F : Flags) {
    if (F != "-fsyntax-only")
      Args.push_back(F);
    if (llvm::StringRef(F).starts_with("-I"))
      Run.IncludeDirs.push_back(F.substr(2));
  }
  clang::tooling::FixedCompilationDatabase Db(".", Args);
  clang::tooling::ClangTool Tool(
      Db, {Path.str()}, std::make_shared<clang::PCHContainerOperations>(),
      llvm::makeIntrusiveRefCnt<RegularFilesOnly>());
  Tool.mapVirtualFile(Path, Text);
  quietClang(Tool);
  clang::IgnoringDiagConsumer Quiet;
  Tool.setDiagnosticConsumer(&Quiet);
  Tool.setPrintErrorMessage(false);
  PrefixFactory F(Run);
  std::vector<PrefixLine> Out;
  if ((Tool.run(&F) == 0 || !Run.Out.empty()) && Run.Usable)
    Out = std::move(Run.Out);
  while (!Out.empty() && !Out.back().Include)
    Out.pop_back();
  storePrefix(Entry, Run, Out);
  return Out;
}

void dropShadowedIncludes(std::vector<PrefixLine> &Prefix,
                          llvm::ArrayRef<std::string> IncludeDirs) {
  for (size_t I = 0; I < Prefix.size(); ++I) {
    if (!Prefix[I].Include)
      continue;
    for (const std::string &Dir : IncludeDirs) {
      llvm::SmallString<256> P(Dir);
      llvm::sys::path::append(P, Prefix[I].Name);
      if (llvm::sys::fs::exists(P)) {
        Prefix.resize(I);
        while (!Prefix.empty() && !Prefix.back().Include)
          Prefix.pop_back();
        return;
      }
    }
  }
}

std::string prefixHeaderText(llvm::ArrayRef<PrefixLine> Prefix) {
  std::string S;
  for (const PrefixLine &L : Prefix)
    S += L.Text + "\n";
  return S;
}

std::vector<CacheFile> cacheFiles(llvm::StringRef Dir) {
  std::vector<CacheFile> Out;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC)) {
    llvm::sys::fs::file_status St;
    if (!llvm::sys::fs::status(It->path(), St) &&
        St.type() == llvm::sys::fs::file_type::regular_file)
      Out.push_back({It->path(), St.getLastModificationTime(), St.getSize()});
  }
  return Out;
}

std::vector<CacheFile> cacheEntriesNewestFirst(llvm::StringRef Dir) {
  std::vector<CacheFile> Entries;
  auto Now = std::chrono::system_clock::now();
  for (CacheFile &I : cacheFiles(Dir)) {
    if (llvm::StringRef(I.Path).contains(".tmp")) {
      if (Now - I.Time > std::chrono::hours(1))
        llvm::sys::fs::remove(I.Path);
      continue;
    }
    Entries.push_back(std::move(I));
  }
  std::sort(Entries.begin(), Entries.end(),
            [](const CacheFile &A, const CacheFile &B) {
              return A.Time != B.Time ? A.Time > B.Time : A.Path < B.Path;
            });
  return Entries;
}

std::string writeTemporary(const std::string &Path, llvm::StringRef Text) {
  std::string Tmp = Path + ".tmp" + tmpSuffix();
  std::error_code EC;
  llvm::raw_fd_ostream OS(Tmp, EC);
  if (EC)
    return "";
  OS << Text;
  OS.close();
  if (OS.has_error()) {
    OS.clear_error();
    llvm::sys::fs::remove(Tmp);
    return "";
  }
  return Tmp;
}

bool replaceFile(const std::string &Path, llvm::StringRef Text) {
  std::string Tmp = writeTemporary(Path, Text);
  if (Tmp.empty())
    return false;
  if (llvm::sys::fs::rename(Tmp, Path)) {
    llvm::sys::fs::remove(Tmp);
    return false;
  }
  return true;
}

void touchCacheFile(const std::string &Path) {
  utimensat(AT_FDCWD, Path.c_str(), nullptr, 0);
}

std::string pchCacheDir() {
  llvm::SmallString<256> Dir;
  if (const char *X = getenv("XDG_CACHE_HOME"); X && *X)
    Dir = X;
  else if (const char *H = getenv("HOME"); H && *H)
    llvm::sys::path::append(Dir, H, ".cache");
  else
    llvm::sys::path::system_temp_directory(true, Dir);
  llvm::sys::path::append(Dir, "verguard");
  if (llvm::sys::fs::create_directories(Dir)) {
    Dir.clear();
    llvm::sys::path::system_temp_directory(true, Dir);
  }
  return Dir.str().str();
}

namespace {

constexpr size_t MaxPchFiles = 64;
constexpr uint64_t MaxPchBytes = 1ull << 30;
constexpr size_t MaxMarkers = 256;

/// One key's state in this process; its mutex is held while it is built.
struct Slot {
  std::mutex Lock;
  bool Done = false;
  std::optional<std::string> Path;
  unsigned Asked = 0;
};

std::mutex SlotsLock;
std::map<std::string, std::unique_ptr<Slot>> Slots;

/// Writes a small file unless it exists, without ever replacing one: a
/// precompiled header records its stub's time stamp.
bool createOnce(const std::string &Path, llvm::StringRef Text) {
  if (llvm::sys::fs::exists(Path))
    return true;
  std::string Tmp = writeTemporary(Path, Text);
  if (Tmp.empty())
    return false;
  // A hard link fails if another process got there first: theirs stays.
  std::error_code EC = llvm::sys::fs::create_hard_link(Tmp, Path);
  llvm::sys::fs::remove(Tmp);
  return !EC || llvm::sys::fs::exists(Path);
}

/// Keeps the cache bounded: removes the least recently used precompiled
/// headers (with their stubs) beyond MaxPchFiles / MaxPchBytes besides
/// Keep, markers beyond MaxMarkers, and temporary files and stubs without
/// a PCH that are an hour old (builds that died or failed).
void evict(const std::string &Dir, const std::string &Keep) {
  using Item = CacheFile;
  std::vector<Item> Pchs, Markers;
  auto Now = std::chrono::system_clock::now();
  for (const CacheFile &I : cacheFiles(Dir)) {
    llvm::StringRef P = I.Path;
    llvm::StringRef Name = llvm::sys::path::filename(P);
    if (Name.ends_with(".pch")) {
      if (P != Keep)
        Pchs.push_back(I);
    } else if (Name.ends_with(".seen") || Name.ends_with(".fail")) {
      Markers.push_back(I);
    } else if (Now - I.Time > std::chrono::hours(1) &&
               (Name.contains(".tmp") ||
                // The stub of a build that failed or of an evicted PCH.
                ((Name.ends_with(".h") || Name.ends_with(".hpp")) &&
                 !llvm::sys::fs::exists((llvm::sys::path::parent_path(P) + "/" +
                                         llvm::sys::path::stem(Name) + ".pch")
                                            .str())))) {
      llvm::sys::fs::remove(P);
    }
  }
  auto Newest = [](const Item &A, const Item &B) { return A.Time > B.Time; };
  std::sort(Pchs.begin(), Pchs.end(), Newest);
  std::sort(Markers.begin(), Markers.end(), Newest);
  llvm::sys::fs::file_status KeepSt;
  uint64_t Total = llvm::sys::fs::status(Keep, KeepSt) ? 0 : KeepSt.getSize();
  size_t Count = 1;
  for (const Item &I : Pchs) {
    if (Count + 1 <= MaxPchFiles && Total + I.Size <= MaxPchBytes) {
      ++Count;
      Total += I.Size;
      continue;
    }
    llvm::StringRef Stem = llvm::StringRef(I.Path).drop_back(4);
    llvm::sys::fs::remove(I.Path);
    llvm::sys::fs::remove(Stem + ".h");
    llvm::sys::fs::remove(Stem + ".hpp");
  }
  for (size_t N = MaxMarkers; N < Markers.size(); ++N)
    llvm::sys::fs::remove(Markers[N].Path);
}

/// Runs clang-19 on the stub; the precompiled header appears at Pch
/// atomically or not at all.
bool build(const std::string &Pch, llvm::StringRef HeaderText,
           const std::vector<std::string> &Flags, bool IsC) {
  auto Clang = llvm::sys::findProgramByName("clang-19");
  if (!Clang)
    return false;
  // The stub stays next to the PCH: the PCH refers to it.
  std::string Stub = Pch.substr(0, Pch.size() - 4) + (IsC ? ".h" : ".hpp");
  if (!createOnce(Stub, HeaderText))
    return false;
  std::string Tmp = Pch + ".tmp" + tmpSuffix();
  std::vector<std::string> Args = {
      *Clang, "-x", IsC ? "c-header" : "c++-header",
      "-resource-dir=" + clangResourceDir(), "-Wno-everything"};
  // The header's own pending template instantiations (std::basic_string's
  // members) are done once here, not at the end of every file's parse.
  if (!IsC)
    Args.push_back("-fpch-instantiate-templates");
  Args.insert(Args.end(), Flags.begin(), Flags.end());
  Args.push_back(Stub);
  Args.push_back("-o");
  Args.push_back(Tmp);
  std::vector<llvm::StringRef> Argv(Args.begin(), Args.end());
  std::optional<llvm::StringRef> Redir[] = {"", "", ""};
  int Rc = llvm::sys::ExecuteAndWait(*Clang, Argv, std::nullopt, Redir, 300);
  if (Rc != 0 || llvm::sys::fs::rename(Tmp, Pch)) {
    llvm::sys::fs::remove(Tmp);
    return false;
  }
  return true;
}

} // namespace

std::optional<std::string> prefixPch(llvm::StringRef HeaderText,
                                     const std::vector<std::string> &Flags,
                                     bool IsC, bool BuildOnFirstUse) {
  // The key: compiler, language, flags, the header text, and the time
  // stamps of the Windows headers (a mingw-w64 update makes a new one).
  // (pch2: built with -fpch-instantiate-templates.)
  std::optional<std::string> Toolchain = toolchainKey(Flags);
  if (!Toolchain)
    return std::nullopt;
  std::string Key = std::string(LLVM_VERSION_STRING) +
                    (IsC ? "|pch2|c|" : "|pch2|c++|") + *Toolchain + "|" +
                    HeaderText.str();
  llvm::sys::fs::file_status St;
  llvm::SmallVector<llvm::StringRef, 8> Lines;
  HeaderText.split(Lines, '\n', -1, false);
  for (llvm::StringRef L : Lines)
    if (L.consume_front("#include <") && L.consume_back(">") &&
        !llvm::sys::fs::status(std::string(MingwInclude) + "/" + L.str(), St))
      Key += "|" + std::to_string(
                       St.getLastModificationTime().time_since_epoch().count());

  Slot *S;
  {
    std::lock_guard<std::mutex> G(SlotsLock);
    auto &P = Slots[Key];
    if (!P)
      P = std::make_unique<Slot>();
    S = P.get();
  }
  std::lock_guard<std::mutex> G(S->Lock);
  if (S->Done)
    return S->Path;
  std::string Dir = pchCacheDir();
  std::string Stem = Dir + "/prefix-" + llvm::utohexstr(llvm::xxh3_64bits(Key));
  std::string Pch = Stem + ".pch";
  if (llvm::sys::fs::exists(Pch)) {
    touchCacheFile(Pch);
    S->Done = true;
    return S->Path = Pch;
  }
  // A build that failed (a header that is not there): not retried for a day.
  llvm::sys::fs::file_status Fail;
  if (!llvm::sys::fs::status(Stem + ".fail", Fail) &&
      std::chrono::system_clock::now() - Fail.getLastModificationTime() <
          std::chrono::hours(24)) {
    S->Done = true;
    return S->Path = std::nullopt;
  }
  if (!BuildOnFirstUse && ++S->Asked < 2 &&
      !llvm::sys::fs::exists(Stem + ".seen")) {
    createOnce(Stem + ".seen", "");
    // Markers of prefixes never seen again must not pile up either.
    static std::atomic<unsigned> NewMarkers{0};
    if (++NewMarkers % 64 == 0)
      evict(Dir, "");
    return std::nullopt;
  }
  S->Done = true;
  if (!build(Pch, HeaderText, Flags, IsC)) {
    createOnce(Stem + ".fail", "");
    touchCacheFile(Stem + ".fail");
    return S->Path = std::nullopt;
  }
  llvm::sys::fs::remove(Stem + ".seen");
  evict(Dir, Pch);
  return S->Path = Pch;
}

void discardPch(llvm::StringRef PchPath) {
  std::vector<Slot *> Hit;
  {
    std::lock_guard<std::mutex> G(SlotsLock);
    for (auto &[K, S] : Slots)
      Hit.push_back(S.get());
  }
  for (Slot *S : Hit) {
    std::lock_guard<std::mutex> G(S->Lock);
    if (S->Done && S->Path && *S->Path == PchPath) {
      S->Path = std::nullopt;
      llvm::sys::fs::remove(PchPath);
    }
  }
}

} // namespace verguard::cpp
