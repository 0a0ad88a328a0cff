//===- Project.cpp - the .cs files of one C# project ----------------------===//
//
// The index is a scan, not a parse: identifiers outside comments, strings
// and character literals; a type keyword followed by a name declares it.
// It is built once per project and run, under a lock, and bounded in files
// and bytes; the project folder of each directory is looked up once.
//
//===----------------------------------------------------------------------===//
#include "csharp/Project.h"

#include "core/FileMemo.h"
#include "script/Text.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <memory>
#include <mutex>

namespace verguard::csharp {

namespace {
constexpr size_t MaxFiles = 20000;
constexpr uint64_t MaxFileBytes = 2 << 20;

bool identStart(char C) { return llvm::isAlpha(C) || C == '_' || C == '@'; }
bool identChar(char C) {
  return llvm::isAlnum(C) || C == '_' || static_cast<unsigned char>(C) >= 0x80;
}

/// Calls Fn(Word, Begin) on each identifier of Text outside comments,
/// strings and character literals (`@class` as `class`).
template <typename F> void identifiers(llvm::StringRef T, F Fn) {
  size_t I = 0, N = T.size();
  while (I < N) {
    char C = T[I];
    if (C == '/' && I + 1 < N && T[I + 1] == '/') {
      I = T.find('\n', I);
      if (I == llvm::StringRef::npos)
        return;
      continue;
    }
    if (C == '/' && I + 1 < N && T[I + 1] == '*') {
      I = T.find("*/", I + 2);
      if (I == llvm::StringRef::npos)
        return;
      I += 2;
      continue;
    }
    if (C == '"' || C == '\'') {
      // @"..." doubles its quotes; the others escape with a backslash.
      bool Verbatim =
          C == '"' && I > 0 && (T[I - 1] == '@' || (I > 1 && T[I - 2] == '@'));
      ++I;
      while (I < N && T[I] != C) {
        if (T[I] == '\\' && !Verbatim)
          ++I;
        else if (C == '\'' && T[I] == '\n')
          break;
        ++I;
      }
      if (Verbatim && I + 1 < N && T[I + 1] == '"') {
        I += 2; // "" inside @"...": go on with the string
        while (I < N && T[I] != '"')
          ++I;
      }
      ++I;
      continue;
    }
    if (identStart(C)) {
      size_t B = I;
      if (C == '@')
        ++I;
      while (I < N && identChar(T[I]))
        ++I;
      llvm::StringRef W = T.slice(C == '@' ? B + 1 : B, I);
      if (!W.empty())
        Fn(W, B);
      continue;
    }
    if (llvm::isDigit(C)) {
      while (I < N && (identChar(T[I]) || T[I] == '.'))
        ++I;
      continue;
    }
    ++I;
  }
}

bool isTypeKeyword(llvm::StringRef W) {
  return W == "class" || W == "struct" || W == "record" || W == "interface" ||
         W == "enum";
}

bool skippedDir(llvm::StringRef Name) {
  return Name == ".git" || Name == "bin" || Name == "obj" || Name == ".vs" ||
         Name == "node_modules" || Name == "packages" || Name == "TestResults";
}

std::string absolute(llvm::StringRef Path) {
  llvm::SmallString<256> P(Path);
  llvm::sys::fs::make_absolute(P);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

/// Calls Fn with the text of the .cs file Path as the prefilter reads the
/// file itself (UTF-16 decoded); false, without calling it, for a file too
/// large, unreadable or binary.
template <typename F> bool withText(const std::string &Path, F Fn) {
  // Read, not mapped: a mapping's teardown costs more than a small file.
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false,
                                         /*IsVolatile=*/true);
  if (!Buf || (*Buf)->getBufferSize() > MaxFileBytes)
    return false;
  std::string Decoded;
  auto Text = script::scanText((*Buf)->getBuffer(), Path, Decoded);
  if (!Text) {
    llvm::consumeError(Text.takeError());
    return false;
  }
  Fn(*Text);
  return true;
}

struct Index {
  llvm::StringMap<std::vector<std::string>> Declaring; // type -> files
};

std::mutex Lock;
llvm::StringMap<std::string> Roots;                    // dir -> project root
llvm::StringMap<std::shared_ptr<const Index>> Indexes; // root -> index

std::shared_ptr<const Index> buildIndex(const std::string &Root) {
  auto X = std::make_shared<Index>();
  std::error_code EC;
  size_t Files = 0;
  for (llvm::sys::fs::recursive_directory_iterator I(Root, EC), E;
       I != E && !EC && Files < MaxFiles; I.increment(EC)) {
    llvm::StringRef Name = llvm::sys::path::filename(I->path());
    if (I->type() == llvm::sys::fs::file_type::directory_file) {
      if (skippedDir(Name))
        I.no_push();
      continue;
    }
    if (!Name.ends_with_insensitive(".cs"))
      continue;
    ++Files;
    withText(I->path(), [&](llvm::StringRef Text) {
      std::string Path = absolute(I->path());
      for (const std::string &T : declaredTypes(Text)) {
        auto &V = X->Declaring[T];
        if (V.empty() || V.back() != Path)
          V.push_back(Path);
      }
    });
  }
  for (auto &D : X->Declaring)
    std::sort(D.second.begin(), D.second.end());
  return X;
}

std::shared_ptr<const Index> indexFor(llvm::StringRef Path) {
  std::string Root = projectRoot(Path);
  {
    std::lock_guard<std::mutex> G(Lock);
    auto It = Indexes.find(Root);
    if (It != Indexes.end())
      return It->second;
  }
  auto X = buildIndex(Root);
  std::lock_guard<std::mutex> G(Lock);
  return Indexes.try_emplace(Root, X).first->second;
}
} // namespace

std::vector<std::string> declaredTypes(llvm::StringRef Text) {
  std::vector<std::string> R;
  size_t After = llvm::StringRef::npos; // the end of a type keyword
  identifiers(Text, [&](llvm::StringRef W, size_t B) {
    // `class Name`, with nothing but blanks between (not `class, new()`).
    bool Named = After != llvm::StringRef::npos && B >= After &&
                 Text.slice(After, B).trim().empty();
    After = isTypeKeyword(W) ? B + W.size() : llvm::StringRef::npos;
    if (Named && After == llvm::StringRef::npos)
      R.push_back(W.str());
  });
  return R;
}

std::string projectRoot(llvm::StringRef Path) {
  std::string Dir =
      absolute(llvm::sys::path::parent_path(absolute(Path)).str());
  {
    std::lock_guard<std::mutex> G(Lock);
    auto It = Roots.find(Dir);
    if (It != Roots.end())
      return It->second;
  }
  std::string Project, Solution;
  for (llvm::StringRef D = Dir; !D.empty();
       D = llvm::sys::path::parent_path(D)) {
    bool Git = false;
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator I(D, EC), E; I != E && !EC;
         I.increment(EC)) {
      llvm::StringRef N = llvm::sys::path::filename(I->path());
      if (N.ends_with_insensitive(".sln") || N.ends_with_insensitive(".slnx"))
        Solution = D.str();
      else if (N.ends_with_insensitive(".csproj") && Project.empty())
        Project = D.str();
      else if (N == ".git")
        Git = true;
    }
    if (!Solution.empty() || Git || llvm::sys::path::parent_path(D) == D)
      break;
  }
  std::string Root = !Solution.empty()  ? Solution
                     : !Project.empty() ? Project
                                        : Dir;
  std::lock_guard<std::mutex> G(Lock);
  Roots[Dir] = Root;
  return Root;
}

namespace {
/// The files of index X declaring Name, but Self.
void declaring(const Index &X, llvm::StringRef Self, llvm::StringRef Name,
               std::vector<std::string> &Out) {
  auto It = X.Declaring.find(Name);
  if (It != X.Declaring.end())
    for (const std::string &F : It->second)
      if (F != Self)
        Out.push_back(F);
}
} // namespace

std::vector<std::string> declaringFiles(llvm::StringRef Path,
                                        llvm::StringRef Name) {
  std::vector<std::string> R;
  declaring(*indexFor(Path), absolute(Path), Name, R);
  return R;
}

bool projectHolds(llvm::StringRef Path, llvm::StringRef Text,
                  llvm::function_ref<bool(llvm::StringRef)> Holds,
                  llvm::StringRef HoldsKey, std::vector<std::string> *Deps) {
  llvm::StringSet<> Names;
  identifiers(Text, [&](llvm::StringRef W, size_t) { Names.insert(W); });
  std::vector<std::string> Files;
  auto X = indexFor(Path);
  std::string Self = absolute(Path);
  for (const auto &N : Names)
    if (!isTypeKeyword(N.first()) && N.first().size() > 1)
      declaring(*X, Self, N.first(), Files);
  std::sort(Files.begin(), Files.end());
  Files.erase(std::unique(Files.begin(), Files.end()), Files.end());
  bool Any = false;
  for (const std::string &F : Files) {
    if (Deps)
      Deps->push_back(F);
    if (Any)
      continue;
    // A project's files name the same few types: each declaring file is
    // read and looked at once per run (while it is unchanged), not once per
    // file naming it.
    core::FileMemo<bool> *Memo;
    {
      static std::mutex MemosLock;
      static llvm::StringMap<core::FileMemo<bool>> Memos; // by HoldsKey
      std::lock_guard<std::mutex> G(MemosLock);
      Memo = &Memos.try_emplace(HoldsKey).first->second;
    }
    Any = *Memo->get(F, /*Cacheable=*/true, [&] {
      bool H = false;
      withText(F, [&](llvm::StringRef Text) { H = Holds(Text); });
      return std::make_shared<const bool>(H);
    });
  }
  return Any;
}

} // namespace verguard::csharp
