//===- Project.cpp - the .cs files of one C# project ----------------------===//
//
// The index is a scan, not a parse: identifiers outside comments, strings
// and character literals; a type keyword followed by a name declares it.
// It is built once per project and run, by every thread that asks for it
// while it is built (each reads some of the files), and bounded in files
// and bytes. The project folder of each directory is looked up once.
//
//===----------------------------------------------------------------------===//
#include "csharp/Project.h"

#include "script/Text.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <memory>
#include <mutex>
#include <optional>

namespace verguard::csharp {

namespace {
constexpr size_t MaxFiles = 20000;
constexpr uint64_t MaxFileBytes = 2 << 20;

// What the scan looks at in a byte: most bytes start nothing.
enum : uint8_t {
  IdentStart = 1, // a letter, _ or @
  IdentChar = 2,  // a letter, digit, _ or a byte of a UTF-8 sequence
  NumberChar = 4, // IdentChar or .
  Digit = 8,
  Quote = 16, // " or '
  Slash = 32,
  Punct = 64, // { } ;
};
constexpr std::array<uint8_t, 256> Classes = [] {
  std::array<uint8_t, 256> K{};
  for (unsigned C = 0; C < 256; ++C) {
    bool Alpha = (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z');
    bool Dig = C >= '0' && C <= '9';
    if (Alpha || C == '_' || C == '@')
      K[C] |= IdentStart;
    if (Alpha || Dig || C == '_' || C >= 0x80)
      K[C] |= IdentChar | NumberChar;
    if (C == '.')
      K[C] |= NumberChar;
    if (Dig)
      K[C] |= Digit;
    if (C == '"' || C == '\'')
      K[C] |= Quote;
    if (C == '/')
      K[C] |= Slash;
    if (C == '{' || C == '}' || C == ';')
      K[C] |= Punct;
  }
  return K;
}();
inline uint8_t classOf(char C) {
  return Classes[static_cast<unsigned char>(C)];
}

/// Calls Fn(Word, Begin) on each identifier of Text outside comments,
/// strings and character literals (`@class` as `class`), and OnPunct(C, At)
/// on each `{`, `}` and `;` there.
template <typename F, typename G>
void tokens(llvm::StringRef T, F Fn, G OnPunct) {
  size_t I = 0, N = T.size();
  const char *P = T.data();
  while (I < N) {
    uint8_t K = classOf(P[I]);
    if (!(K & (IdentStart | Digit | Quote | Slash | Punct))) {
      ++I;
      continue;
    }
    char C = P[I];
    if (K & Punct) {
      OnPunct(C, I);
      ++I;
      continue;
    }
    if (K & Slash) {
      if (I + 1 < N && P[I + 1] == '/') {
        I = T.find('\n', I);
        if (I == llvm::StringRef::npos)
          return;
        continue;
      }
      if (I + 1 < N && P[I + 1] == '*') {
        I = T.find("*/", I + 2);
        if (I == llvm::StringRef::npos)
          return;
        I += 2;
        continue;
      }
      ++I;
      continue;
    }
    if (K & Quote) {
      // @"..." doubles its quotes; the others escape with a backslash.
      bool Verbatim =
          C == '"' && I > 0 && (P[I - 1] == '@' || (I > 1 && P[I - 2] == '@'));
      ++I;
      while (I < N && P[I] != C) {
        if (P[I] == '\\' && !Verbatim)
          ++I;
        else if (C == '\'' && P[I] == '\n')
          break;
        ++I;
      }
      if (Verbatim && I + 1 < N && P[I + 1] == '"') {
        I += 2; // "" inside @"...": go on with the string
        while (I < N && P[I] != '"')
          ++I;
      }
      ++I;
      continue;
    }
    if (K & IdentStart) {
      size_t B = I;
      if (C == '@')
        ++I;
      while (I < N && (classOf(P[I]) & IdentChar))
        ++I;
      llvm::StringRef W = T.slice(C == '@' ? B + 1 : B, I);
      if (!W.empty())
        Fn(W, B);
      continue;
    }
    // A number (with its suffix, exponent or fraction).
    while (I < N && (classOf(P[I]) & NumberChar))
      ++I;
  }
}

/// Calls Fn(Word, Begin) on each identifier of Text outside comments,
/// strings and character literals (`@class` as `class`).
template <typename F> void identifiers(llvm::StringRef T, F Fn) {
  tokens(T, Fn, [](char, size_t) {});
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
  // Read into this thread's buffer, not mapped nor allocated per file: a
  // project's files are read one after another, and a mapping's teardown
  // (or a large buffer's) costs more than a small file.
  thread_local llvm::SmallVector<char, 0> Buf;
  Buf.clear();
  auto FD = llvm::sys::fs::openNativeFileForRead(Path);
  if (!FD) {
    llvm::consumeError(FD.takeError());
    return false;
  }
  llvm::Error E = llvm::sys::fs::readNativeFileToEOF(*FD, Buf);
  llvm::sys::fs::closeFile(*FD);
  if (E) {
    llvm::consumeError(std::move(E));
    return false;
  }
  if (Buf.size() > MaxFileBytes)
    return false;
  std::string Decoded;
  auto Text =
      script::scanText(llvm::StringRef(Buf.data(), Buf.size()), Path, Decoded);
  if (!Text) {
    llvm::consumeError(Text.takeError());
    return false;
  }
  Fn(*Text);
  return true;
}

/// Whether an identifier can name a type the index holds.
bool mayNameType(llvm::StringRef W) {
  return W.size() > 1 && !isTypeKeyword(W);
}

struct Index {
  llvm::StringMap<std::vector<std::string>> Declaring; // type -> files
  /// The files whose text the scan found quiet (projectQuiet()).
  llvm::StringSet<> Quiet;
  /// The project's .cs files and folders: what a verdict on one of its
  /// files depends on (a file added anywhere changes a folder's stamp).
  std::shared_ptr<const std::vector<std::string>> Deps;
};

/// The type names a file's text contributes to an index; Quiet set if the
/// text is quiet.
using ScanFn =
    llvm::function_ref<std::vector<std::string>(llvm::StringRef, bool &Quiet)>;

/// An index being built: its files, taken one at a time by every thread
/// that asks for it meanwhile (each adds what it read), published by the
/// last one to finish.
struct Build {
  std::vector<std::string> Files;
  std::atomic<size_t> Next{0};
  std::mutex M;
  std::condition_variable Listed; // Files is there
  bool IsListed = false;
  size_t Done = 0;
  bool Published = false;
  std::shared_ptr<Index> X = std::make_shared<Index>();
  std::promise<std::shared_ptr<const Index>> Ready;
};

struct Entry {
  std::shared_ptr<Build> B; // while it is built
  std::shared_future<std::shared_ptr<const Index>> Ready;
};

std::mutex Lock;
llvm::StringMap<std::string> Roots; // dir -> project root
llvm::StringMap<Entry> Indexes;     // root -> index

/// The .cs files of the project at Root, outside build output folders, and
/// the folders they were looked for in (Root first).
std::vector<std::string> projectFiles(const std::string &Root,
                                      std::vector<std::string> &Dirs) {
  std::vector<std::string> Files;
  Dirs.push_back(absolute(Root));
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator I(Root, EC), E;
       I != E && !EC && Files.size() < MaxFiles; I.increment(EC)) {
    llvm::StringRef Name = llvm::sys::path::filename(I->path());
    if (I->type() == llvm::sys::fs::file_type::directory_file) {
      if (skippedDir(Name))
        I.no_push();
      else
        Dirs.push_back(absolute(I->path()));
      continue;
    }
    if (Name.ends_with_insensitive(".cs"))
      Files.push_back(absolute(I->path()));
  }
  return Files;
}

/// Reads the files of B this thread takes; the last to finish publishes.
void share(Build &B, ScanFn Scan) {
  struct Read {
    std::string Path;
    std::vector<std::string> Types;
    bool Quiet = false;
  };
  std::vector<Read> Mine;
  for (size_t I; (I = B.Next.fetch_add(1)) < B.Files.size();) {
    Read R;
    R.Path = B.Files[I];
    withText(R.Path,
             [&](llvm::StringRef Text) { R.Types = Scan(Text, R.Quiet); });
    Mine.push_back(std::move(R));
  }
  std::lock_guard<std::mutex> G(B.M);
  Index &X = *B.X;
  for (Read &R : Mine) {
    if (R.Quiet)
      X.Quiet.insert(R.Path);
    for (const std::string &T : R.Types) {
      auto &V = X.Declaring[T];
      if (V.empty() || V.back() != R.Path)
        V.push_back(R.Path);
    }
  }
  B.Done += Mine.size();
  if (B.Done != B.Files.size() || B.Published)
    return;
  B.Published = true;
  for (auto &D : X.Declaring) {
    llvm::sort(D.second);
    D.second.erase(llvm::unique(D.second), D.second.end());
  }
  B.Ready.set_value(B.X);
}

/// A project's .cs files, and those with its folders (a verdict's
/// dependencies), walked once per run for both kinds of index.
struct Listing {
  std::vector<std::string> Files;
  std::shared_ptr<const std::vector<std::string>> Deps;
};
llvm::StringMap<Listing> Listings; // root -> listing (with Lock)

Listing listingOf(const std::string &Root) {
  {
    std::lock_guard<std::mutex> G(Lock);
    if (auto It = Listings.find(Root); It != Listings.end())
      return It->second;
  }
  Listing L;
  std::vector<std::string> Dirs;
  L.Files = projectFiles(Root, Dirs);
  auto Deps = std::make_shared<std::vector<std::string>>(L.Files);
  Deps->insert(Deps->end(), Dirs.begin(), Dirs.end());
  L.Deps = std::move(Deps);
  std::lock_guard<std::mutex> G(Lock);
  return Listings.try_emplace(Root, std::move(L)).first->second;
}

/// The index of Path's project whose entries Scan gives (Kind names the
/// scan: one index per project and kind).
std::shared_ptr<const Index> indexFor(llvm::StringRef Path,
                                      llvm::StringRef Kind, ScanFn Scan) {
  std::string Root = projectRoot(Path);
  std::string Key = Root + '\0' + Kind.str();
  // One build per project, shared by the threads that ask while it runs.
  std::shared_ptr<Build> B;
  std::shared_future<std::shared_ptr<const Index>> Ready;
  bool Lists = false;
  {
    std::lock_guard<std::mutex> G(Lock);
    auto [It, Added] = Indexes.try_emplace(Key);
    if (Added) {
      It->second.B = std::make_shared<Build>();
      It->second.Ready = It->second.B->Ready.get_future().share();
      Lists = true;
    }
    B = It->second.B;
    Ready = It->second.Ready;
  }
  if (Lists) {
    Listing L = listingOf(Root);
    {
      std::lock_guard<std::mutex> G(B->M);
      B->Files = L.Files;
      B->X->Deps = std::move(L.Deps);
      B->IsListed = true;
    }
    B->Listed.notify_all();
  }
  if (B) { // null once built
    // A thread that asks while the files are listed waits for the list
    // (not for the whole index: a project of a thousand files kept the other
    // worker idle for a tenth of a tree's audit), then reads its share.
    {
      std::unique_lock<std::mutex> G(B->M);
      B->Listed.wait(G, [&] { return B->IsListed; });
    }
    share(*B, Scan);
  }
  std::shared_ptr<const Index> X = Ready.get();
  if (B) {
    std::lock_guard<std::mutex> G(Lock);
    Indexes[Key].B.reset();
  }
  return X;
}

/// The index of the types each file of Path's project declares.
std::shared_ptr<const Index> declaredIndex(llvm::StringRef Path) {
  return indexFor(Path, "declared", [](llvm::StringRef Text, bool &) {
    return declaredTypes(Text);
  });
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

namespace {
/// What the project lookup asks of a directory, listed once per run: the
/// files of a tree share their ancestors.
struct ProjectMarks {
  bool Solution = false, Project = false, Git = false;
};
llvm::StringMap<ProjectMarks> MarksOfDirs;

ProjectMarks marksOf(llvm::StringRef D) {
  {
    std::lock_guard<std::mutex> G(Lock);
    auto It = MarksOfDirs.find(D);
    if (It != MarksOfDirs.end())
      return It->second;
  }
  ProjectMarks M;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator I(D, EC), E; I != E && !EC;
       I.increment(EC)) {
    llvm::StringRef N = llvm::sys::path::filename(I->path());
    M.Solution |=
        N.ends_with_insensitive(".sln") || N.ends_with_insensitive(".slnx");
    M.Project |= N.ends_with_insensitive(".csproj");
    M.Git |= N == ".git";
  }
  std::lock_guard<std::mutex> G(Lock);
  MarksOfDirs[D] = M;
  return M;
}
} // namespace

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
    ProjectMarks M = marksOf(D);
    if (M.Solution)
      Solution = D.str();
    else if (M.Project && Project.empty())
      Project = D.str();
    if (!Solution.empty() || M.Git || llvm::sys::path::parent_path(D) == D)
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
  declaring(*declaredIndex(Path), absolute(Path), Name, R);
  return R;
}

llvm::StringSet<> hotTypes(llvm::StringRef Text,
                           llvm::function_ref<bool(llvm::StringRef)> Holds) {
  // A declaration holds nothing the whole text does not (most files).
  if (!Holds(Text))
    return {};
  // Each declaration from its type keyword to the end of its body (or the
  // `;` of a record without one); a partial or nested type has several.
  llvm::StringMap<std::vector<std::pair<size_t, size_t>>> Slices;
  struct Open {
    std::string Name;
    size_t Begin;
    unsigned Depth;
  };
  std::vector<Open> Bodies;                            // declarations open
  std::optional<std::pair<std::string, size_t>> Named; // no body yet
  unsigned Depth = 0;
  size_t After = llvm::StringRef::npos, Keyword = 0;
  tokens(
      Text,
      [&](llvm::StringRef W, size_t B) {
        bool IsName = After != llvm::StringRef::npos && B >= After &&
                      Text.slice(After, B).trim().empty() && !isTypeKeyword(W);
        if (IsName)
          Named.emplace(W.str(), Keyword);
        After = llvm::StringRef::npos;
        if (isTypeKeyword(W)) {
          After = B + W.size();
          Keyword = B;
        }
      },
      [&](char C, size_t At) {
        After = llvm::StringRef::npos;
        if (C == '{') {
          if (Named)
            Bodies.push_back({std::move(Named->first), Named->second, Depth});
          Named.reset();
          ++Depth;
        } else if (C == '}') {
          Depth -= Depth > 0;
          if (!Bodies.empty() && Bodies.back().Depth == Depth) {
            Slices[Bodies.back().Name].push_back({Bodies.back().Begin, At + 1});
            Bodies.pop_back();
          }
        } else if (Named) { // `record R(int X);`
          Slices[Named->first].push_back({Named->second, At + 1});
          Named.reset();
        }
      });
  for (const Open &O : Bodies) // unbalanced: to the end
    Slices[O.Name].push_back({O.Begin, Text.size()});
  if (Named)
    Slices[Named->first].push_back({Named->second, Text.size()});
  llvm::StringSet<> Hot;
  for (const auto &S : Slices)
    for (auto [B, E] : S.second)
      if (Holds(Text.slice(B, E))) {
        Hot.insert(S.first());
        break;
      }
  // A type whose declaration names a hot type of the file is hot too
  // (`enum A { X = B.Y }`); a long chain is given up: all are hot.
  for (unsigned Round = 0; !Hot.empty() && Hot.size() < Slices.size();
       ++Round) {
    if (Round == 8) {
      for (const auto &S : Slices)
        Hot.insert(S.first());
      break;
    }
    bool Changed = false;
    for (const auto &S : Slices) {
      if (Hot.contains(S.first()))
        continue;
      bool NamesHot = false;
      for (auto [B, E] : S.second)
        identifiers(Text.slice(B, E), [&](llvm::StringRef W, size_t) {
          NamesHot = NamesHot || (W != S.first() && Hot.contains(W));
        });
      if (NamesHot) {
        Hot.insert(S.first());
        Changed = true;
      }
    }
    if (!Changed)
      break;
  }
  return Hot;
}

bool projectQuiet(llvm::StringRef Path, llvm::StringRef HoldsKey,
                  std::shared_ptr<const std::vector<std::string>> *Deps) {
  std::string Key = projectRoot(Path) + '\0' + "hot:" + HoldsKey.str();
  std::shared_future<std::shared_ptr<const Index>> Ready;
  {
    std::lock_guard<std::mutex> G(Lock);
    auto It = Indexes.find(Key);
    if (It == Indexes.end())
      return false;
    Ready = It->second.Ready;
  }
  if (Ready.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
    return false; // being built: the file is read as usual
  std::shared_ptr<const Index> X = Ready.get();
  if (!X->Declaring.empty() || !X->Quiet.contains(absolute(Path)))
    return false;
  *Deps = X->Deps;
  return true;
}

bool projectHolds(llvm::StringRef Path, llvm::StringRef Text,
                  llvm::function_ref<bool(llvm::StringRef, bool *)> Holds,
                  llvm::StringRef HoldsKey,
                  std::shared_ptr<const std::vector<std::string>> *Deps) {
  // The project's hot types, found once per run and prefilter: each file
  // read once, and most hold nothing (then no name needs a look).
  auto X = indexFor(Path, ("hot:" + HoldsKey).str(),
                    [&](llvm::StringRef T, bool &Quiet) {
                      bool Whole = Holds(T, &Quiet);
                      std::vector<std::string> R;
                      if (!Whole) // no declaration of it holds anything
                        return R;
                      auto Part = [&](llvm::StringRef D) {
                        return D == T ? Whole : Holds(D, nullptr);
                      };
                      for (const auto &H : hotTypes(T, Part))
                        R.push_back(H.first().str());
                      return R;
                    });
  if (Deps)
    *Deps = X->Deps;
  if (X->Declaring.empty())
    return false;
  std::string Self = absolute(Path);
  bool Any = false;
  identifiers(Text, [&](llvm::StringRef W, size_t) {
    if (Any || !mayNameType(W))
      return;
    auto It = X->Declaring.find(W);
    // A hot type another file declares (Text, not the file on disk, speaks
    // for this one).
    Any = It != X->Declaring.end() &&
          llvm::any_of(It->second,
                       [&](const std::string &F) { return F != Self; });
  });
  return Any;
}

} // namespace verguard::csharp
