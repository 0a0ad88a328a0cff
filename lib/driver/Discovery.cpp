//===- Discovery.cpp ------------------------------------------------------===//
#include "driver/Discovery.h"

#include "cpp/CppFrontend.h"
#include "driver/Gitignore.h"
#include "driver/ReadFile.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

#include "llvm/ADT/ScopeExit.h"
#include "llvm/Support/Errno.h"

#include <algorithm>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace verguard::driver {

namespace {
/// Calls Fn(Name, DType) on each entry of the directory open as FD (with
/// "." and ".."). On Linux through getdents64(), which fdopendir() and
/// readdir() wrap with an fstat(), two fcntl() and a copy per entry: a
/// tree of thousands of directories spares those system calls.
std::error_code
listDirectory(int FD,
              llvm::function_ref<void(const char *, unsigned char)> Fn) {
#if defined(__linux__) && defined(__GLIBC__) &&                                \
    (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 30))
  alignas(struct dirent64) static thread_local char Buf[32 << 10];
  for (;;) {
    ssize_t N = ::getdents64(FD, Buf, sizeof Buf);
    if (N < 0 && errno == EINTR)
      continue;
    if (N < 0)
      return std::error_code(errno, std::generic_category());
    if (N == 0)
      return {};
    for (ssize_t At = 0; At < N;) {
      auto *D = reinterpret_cast<struct dirent64 *>(Buf + At);
      Fn(D->d_name, D->d_type);
      At += D->d_reclen;
    }
  }
#else
  int Own = ::dup(FD); // closedir() closes what it was given
  DIR *Listing = Own < 0 ? nullptr : ::fdopendir(Own);
  if (!Listing) {
    std::error_code EC(errno, std::generic_category());
    if (Own >= 0)
      ::close(Own);
    return EC;
  }
  auto Close = llvm::make_scope_exit([&] { ::closedir(Listing); });
  for (;;) {
    errno = 0;
    struct dirent *D = ::readdir(Listing);
    if (!D)
      return errno ? std::error_code(errno, std::generic_category())
                   : std::error_code();
    Fn(D->d_name, D->d_type);
  }
#endif
}

llvm::sys::fs::file_type typeOfEntry(unsigned char DType) {
  using llvm::sys::fs::file_type;
  switch (DType) {
  case DT_REG:
    return file_type::regular_file;
  case DT_DIR:
    return file_type::directory_file;
  case DT_LNK:
    return file_type::symlink_file;
  case DT_BLK:
    return file_type::block_file;
  case DT_CHR:
    return file_type::character_file;
  case DT_FIFO:
    return file_type::fifo_file;
  case DT_SOCK:
    return file_type::socket_file;
  default:
    return file_type::type_unknown;
  }
}

llvm::sys::fs::file_type typeOfMode(mode_t Mode) {
  using llvm::sys::fs::file_type;
  if (S_ISREG(Mode))
    return file_type::regular_file;
  if (S_ISDIR(Mode))
    return file_type::directory_file;
  if (S_ISLNK(Mode))
    return file_type::symlink_file;
  if (S_ISBLK(Mode))
    return file_type::block_file;
  if (S_ISCHR(Mode))
    return file_type::character_file;
  if (S_ISFIFO(Mode))
    return file_type::fifo_file;
  if (S_ISSOCK(Mode))
    return file_type::socket_file;
  return file_type::type_unknown;
}
} // namespace

const char *languageName(Language L) {
  switch (L) {
  case Language::Cpp:
    return "C/C++";
  case Language::PowerShell:
    return "PowerShell";
  case Language::VBScript:
    return "VBScript";
  case Language::VBA:
    return "VBA/VB6";
  case Language::Batch:
    return "Batch";
  case Language::Nsis:
    return "NSIS";
  case Language::Python:
    return "Python";
  case Language::Inno:
    return "Inno Setup";
  case Language::Wix:
    return "WiX";
  case Language::JScript:
    return "JScript";
  case Language::CSharp:
    return "C#";
  case Language::None:
    return "none";
  }
  return "none";
}

Language languageOf(llvm::StringRef Path) {
  std::string Ext = llvm::sys::path::extension(Path).lower();
  return llvm::StringSwitch<Language>(Ext)
      .Cases(".c", ".cc", ".cpp", ".cxx", ".c++", Language::Cpp)
      .Cases(".h", ".hh", ".hpp", ".hxx", ".inl", Language::Cpp)
      .Cases(".ps1", ".psm1", ".psd1", Language::PowerShell)
      .Cases(".vbs", ".vbe", ".wsf", ".hta", ".asp", Language::VBScript)
      .Cases(".htm", ".html", Language::VBScript)
      .Cases(".bas", ".cls", ".frm", ".ctl", Language::VBA)
      .Cases(".bat", ".cmd", Language::Batch)
      .Cases(".nsi", ".nsh", Language::Nsis)
      .Cases(".py", ".pyw", Language::Python)
      .Case(".iss", Language::Inno)
      .Cases(".wxs", ".wxi", Language::Wix)
      .Cases(".js", ".jse", Language::JScript)
      .Cases(".cs", ".csx", Language::CSharp)
      .Default(Language::None);
}

bool isSkippedDirectory(llvm::StringRef Name) {
  return Name == ".git" || Name == ".svn" || Name == ".hg" ||
         Name == "node_modules" || Name == "build" ||
         Name.starts_with("build-") || Name.starts_with("cmake-build-") ||
         Name == ".vs" || Name == "obj" || Name == "out" ||
         Name == "CMakeFiles";
}

namespace {
void note(std::vector<core::Diagnostic> &Diags, llvm::StringRef Path,
          std::string Msg, core::Severity S = core::Severity::Warning) {
  core::Diagnostic D;
  D.Level = S;
  D.Where.File = Path.str();
  D.Message = std::move(Msg);
  Diags.push_back(std::move(D));
}

std::string absolute(llvm::StringRef P) {
  llvm::SmallString<256> A(P);
  llvm::sys::fs::make_absolute(A);
  llvm::sys::path::remove_dots(A, /*remove_dot_dot=*/true);
  return A.str().str();
}

/// The ignore files that apply in one directory: its own .gitignore, then
/// those of the directories above it up to the top of the repository, then
/// the repository's .git/info/exclude (the scope without a parent). A
/// deeper file's patterns take precedence, as in git.
struct IgnoreScope {
  std::shared_ptr<const IgnoreScope> Parent;
  std::string Dir;
  std::string Source; // the file the patterns come from
  GlobList Rules;
};
using Scope = std::shared_ptr<const IgnoreScope>;

/// The scope and pattern that decide about Path, if any does.
std::pair<const IgnoreScope *, const GlobRule *>
ignoreMatch(const IgnoreScope *S, llvm::StringRef Path, bool IsDir) {
  for (; S; S = S->Parent.get()) {
    if (S->Rules.empty() || Path.size() <= S->Dir.size() + 1 ||
        !Path.starts_with(S->Dir) || Path[S->Dir.size()] != '/')
      continue;
    if (const GlobRule *R =
            S->Rules.match(Path.drop_front(S->Dir.size() + 1), IsDir))
      return {S, R};
  }
  return {nullptr, nullptr};
}

bool ignoredBy(const IgnoreScope *S, llvm::StringRef Path, bool IsDir) {
  const GlobRule *R = ignoreMatch(S, Path, IsDir).second;
  return R && !R->Negated;
}

GlobList readIgnoreFile(const llvm::Twine &Path) {
  llvm::SmallVector<char, 0> Bytes;
  if (readFile(Path.str(), Bytes))
    return GlobList();
  return parseGitignore(llvm::StringRef(Bytes.data(), Bytes.size()));
}

/// The first line of a small file, trimmed ("gitdir: ..." and commondir).
std::string firstLine(const llvm::Twine &Path) {
  llvm::SmallVector<char, 0> Bytes;
  if (readFile(Path.str(), Bytes))
    return "";
  return llvm::StringRef(Bytes.data(), Bytes.size())
      .split('\n')
      .first.trim()
      .str();
}

/// A path written in a git file, relative to the directory Base.
std::string resolveIn(llvm::StringRef Base, llvm::StringRef P) {
  if (llvm::sys::path::is_absolute(P))
    return P.str();
  llvm::SmallString<256> R(Base);
  llvm::sys::path::append(R, P);
  llvm::sys::path::remove_dots(R, /*remove_dot_dot=*/true);
  return R.str().str();
}

/// The scope at the top of a repository: its info/exclude. `.git` is a
/// directory, or a file naming the git directory (worktrees, submodules),
/// whose `commondir` holds info/ for a worktree.
Scope repositoryScope(llvm::StringRef Top) {
  auto S = std::make_shared<IgnoreScope>();
  S->Dir = Top.str();
  std::string Git = Top.str() + "/.git";
  std::string Info;
  if (llvm::sys::fs::is_directory(Git)) {
    Info = Git;
  } else {
    std::string Content = firstLine(Git);
    llvm::StringRef Line(Content);
    if (Line.consume_front("gitdir:")) {
      std::string GitDir = resolveIn(Top, Line.trim());
      std::string Common = firstLine(GitDir + "/commondir");
      Info = Common.empty() ? GitDir : resolveIn(GitDir, Common);
    }
  }
  if (!Info.empty()) {
    S->Source = Info + "/info/exclude";
    S->Rules = readIgnoreFile(S->Source);
  }
  return S;
}

Scope withIgnoreFile(Scope Parent, llvm::StringRef Dir) {
  GlobList Rules = readIgnoreFile(Dir + "/.gitignore");
  if (Rules.empty())
    return Parent;
  auto S = std::make_shared<IgnoreScope>();
  S->Parent = std::move(Parent);
  S->Dir = Dir.str();
  S->Source = (Dir + "/.gitignore").str();
  S->Rules = std::move(Rules);
  return S;
}

/// The ignore scope that applies inside Dir from the directories above it:
/// none outside a repository (as rg does), else the repository's and every
/// .gitignore from its top down to Dir's parent.
Scope scopeAbove(llvm::StringRef Dir) {
  std::vector<llvm::StringRef> Above;
  llvm::StringRef Top;
  for (llvm::StringRef D = llvm::sys::path::parent_path(Dir); !D.empty();
       D = llvm::sys::path::parent_path(D)) {
    Above.push_back(D);
    if (llvm::sys::fs::exists(D + "/.git")) {
      Top = D;
      break;
    }
  }
  if (Top.empty())
    return nullptr;
  Scope S = repositoryScope(Top);
  for (size_t I = Above.size(); I-- > 0;)
    S = withIgnoreFile(std::move(S), Above[I]);
  return S;
}

} // namespace

std::optional<IgnoredBy> gitIgnored(llvm::StringRef Path) {
  std::string P = absolute(Path);
  // The top of the repository: the nearest directory above with `.git`.
  llvm::StringRef Top;
  for (llvm::StringRef D = llvm::sys::path::parent_path(P); !D.empty();
       D = llvm::sys::path::parent_path(D))
    if (llvm::sys::fs::exists(D + "/.git")) {
      Top = D;
      break;
    }
  if (Top.empty())
    return std::nullopt;
  Scope S = repositoryScope(Top);
  // From the top down, as the walk goes: a directory git ignores is not
  // walked, whatever is below it.
  for (size_t At = Top.size();;) {
    S = withIgnoreFile(std::move(S), llvm::StringRef(P).take_front(At));
    size_t Next = P.find('/', At + 1);
    bool IsDir = Next != std::string::npos;
    llvm::StringRef Sub =
        llvm::StringRef(P).take_front(IsDir ? Next : P.size());
    auto [In, Rule] = ignoreMatch(S.get(), Sub, IsDir);
    if (Rule && !Rule->Negated)
      return IgnoredBy{In->Source, *Rule, Sub.str()};
    if (!IsDir)
      return std::nullopt;
    At = Next;
  }
}

namespace {
const char *const Readable =
    "no C/C++, C#, PowerShell, VBScript, VBA/VB6, batch, NSIS, Inno Setup, "
    "Python, JScript or WiX file (by extension)";
} // namespace

std::vector<DiscoveredFile> discover(const std::vector<std::string> &Paths,
                                     std::vector<core::Diagnostic> &Diags,
                                     const DiscoverOptions &Options) {
  std::vector<DiscoveredFile> Out;
  discover(
      Paths, Diags, [&](DiscoveredFile F) { Out.push_back(std::move(F)); },
      Options);
  std::sort(Out.begin(), Out.end(),
            [](const DiscoveredFile &A, const DiscoveredFile &B) {
              return A.Path < B.Path;
            });
  return Out;
}

DiscoverResult discover(const std::vector<std::string> &Paths,
                        std::vector<core::Diagnostic> &Diags,
                        llvm::function_ref<void(DiscoveredFile)> OnFile,
                        const DiscoverOptions &Options) {
  DiscoverResult Result;
  // Paths named twice, or a file and its directory, are read once. One
  // directory cannot name a file twice (directory symlinks are not
  // followed), so a single path needs no set of every file in the tree.
  llvm::StringSet<> Seen;
  bool Dedup = Paths.size() > 1;
  auto Add = [&](const std::string &P, bool Named, FileStamp Stamp = {}) {
    Language L = languageOf(P);
    if (L == Language::None) {
      if (Named)
        note(Diags, P,
             "not a C/C++, C#, PowerShell, VBScript, VBA, batch, NSIS, Inno "
             "Setup, Python, JScript or WiX file (by its extension); skipped");
      return;
    }
    if (!Dedup || Seen.insert(P).second)
      OnFile({P, L, Stamp});
  };
  auto Bad = [&](llvm::StringRef Given, std::string Msg) {
    note(Diags, Given, std::move(Msg), core::Severity::Error);
    ++Result.BadPaths;
  };
  std::vector<DirEntry> Entries;
  std::vector<DiscoveredFile> Stamped; // a directory's files, stat()ed
  for (const std::string &Given : Paths) {
    std::string P = absolute(Given);
    llvm::sys::fs::file_status St;
    if (std::error_code EC = llvm::sys::fs::status(P, St)) {
      Bad(Given, EC == std::errc::no_such_file_or_directory
                     ? "no such file or directory"
                     : "cannot read: " + EC.message());
      continue;
    }
    if (llvm::sys::fs::is_regular_file(St)) {
      // Named: it must be readable (the walk's files are read later, and
      // one that is not is a note).
      int FD;
      if (std::error_code EC = llvm::sys::fs::openFileForRead(P, FD)) {
        Bad(Given, "cannot read: " + EC.message());
        continue;
      }
      llvm::sys::Process::SafelyCloseFileDescriptor(FD);
      Add(P, true);
      continue;
    }
    if (!llvm::sys::fs::is_directory(St)) {
      Bad(Given, "not a regular file or directory");
      continue;
    }
    Result.Walked.push_back(P);
    unsigned Found = 0, Ignored = 0;
    // Iterative, depth first; each directory is listed whole before its
    // entries are looked at, so that its .gitignore applies to all of them.
    // Directory symlinks are not followed: no loops, no escaping the tree.
    struct Frame {
      std::string Dir;
      Scope Ignore;
    };
    std::vector<Frame> Stack;
    Stack.push_back({P, Options.Gitignore ? scopeAbove(P) : nullptr});
    while (!Stack.empty()) {
      Frame F = std::move(Stack.back());
      Stack.pop_back();
      std::error_code EC;
      Entries.clear();
      bool HasGit = false, HasIgnoreFile = false;
      DirectoryMarks Marks;
      // Listed through a descriptor kept open while the entries are looked
      // at: their stat() is then relative to it.
      int DirFD = llvm::sys::RetryAfterSignal(
          -1, ::open, F.Dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (DirFD < 0)
        EC = std::error_code(errno, std::generic_category());
      else
        EC = listDirectory(DirFD, [&](const char *CName, unsigned char DType) {
          llvm::StringRef Name(CName);
          if (Name == "." || Name == "..")
            return;
          HasGit |= Name == ".git";
          HasIgnoreFile |= Name == ".gitignore";
          Marks.Yaml |= Name == ".verguard.yaml";
          Marks.Yml |= Name == ".verguard.yml";
          llvm::sys::fs::file_type T = typeOfEntry(DType);
          struct stat St;
          if (T == llvm::sys::fs::file_type::type_unknown && // no d_type: ask
              ::fstatat(DirFD, CName, &St, AT_SYMLINK_NOFOLLOW) == 0)
            T = typeOfMode(St.st_mode);
          Entries.push_back({Name.str(), T});
        });
      auto CloseDir = llvm::make_scope_exit([&] {
        if (DirFD >= 0)
          ::close(DirFD);
      });
      if (EC) {
        if (F.Dir == P) {
          Bad(Given, "cannot read: " + EC.message());
          Result.Walked.pop_back();
          Found = 1; // reported already
          break;
        }
        note(Diags, F.Dir, "cannot read: " + EC.message());
      }
      if (Options.Gitignore) {
        if (HasGit)
          F.Ignore = repositoryScope(F.Dir); // a repository of its own
        if (HasIgnoreFile && F.Ignore)
          F.Ignore = withIgnoreFile(std::move(F.Ignore), F.Dir);
      }
      if (!EC && Options.OnListed) { // a whole listing only
        Marks.Git = HasGit;
        Options.OnListed(F.Dir, Marks, Entries);
      }
      size_t FirstChild = Stack.size();
      // Full paths only for what is walked or read: most entries of a
      // real tree are neither.
      auto PathOf = [&](llvm::StringRef Name) {
        std::string P;
        P.reserve(F.Dir.size() + 1 + Name.size());
        P += F.Dir;
        if (!llvm::StringRef(P).ends_with("/"))
          P += '/';
        return P += Name;
      };
      for (DirEntry &E : Entries) {
        llvm::StringRef Name = E.Name;
        if (E.Type == llvm::sys::fs::file_type::directory_file) {
          if (isSkippedDirectory(Name))
            continue;
          std::string Sub = PathOf(Name);
          if (F.Ignore && ignoredBy(F.Ignore.get(), Sub, true))
            continue;
          Stack.push_back({std::move(Sub), F.Ignore});
          continue;
        }
        // A file verguard would read that is not readable (a dangling
        // symlink, a symlink loop) or not a regular file (a FIFO, a device)
        // is reported; one git ignores is not looked at.
        Language L = languageOf(Name);
        if (L == Language::None)
          continue;
        std::string Path = PathOf(Name);
        if (F.Ignore && ignoredBy(F.Ignore.get(), Path, false)) {
          ++Ignored;
          continue;
        }
        if (E.Type != llvm::sys::fs::file_type::symlink_file &&
            E.Type != llvm::sys::fs::file_type::regular_file) {
          note(Diags, Path, "not a regular file; skipped");
          continue;
        }
        // A symlink to a regular file is read; to a directory, skipped.
        struct stat St;
        if (::fstatat(DirFD, E.Name.c_str(), &St, 0) != 0) {
          std::error_code SE(errno, std::generic_category());
          if (E.Type == llvm::sys::fs::file_type::regular_file) {
            // Listed, then gone or unreadable: reading it says so.
            ++Found;
            Stamped.push_back({std::move(Path), L, {}});
            continue;
          }
          note(Diags, Path, "cannot read: " + SE.message());
          continue;
        }
        if (S_ISDIR(St.st_mode))
          continue;
        if (!S_ISREG(St.st_mode)) {
          note(Diags, Path, "not a regular file; skipped");
          continue;
        }
        ++Found;
        Stamped.push_back({std::move(Path), L, FileStamp::of(St)});
      }
      if (Options.OnStamped && !Stamped.empty())
        Options.OnStamped(Stamped);
      // Headers first: the prefilter then reads a source file's project
      // headers from the walk's look at them, not once more.
      llvm::SmallVector<bool, 64> IsHeader;
      for (const DiscoveredFile &S : Stamped)
        IsHeader.push_back(S.Lang == Language::Cpp && cpp::isHeader(S.Path));
      for (bool Headers : {true, false})
        for (size_t I = 0; I < Stamped.size(); ++I)
          if (IsHeader[I] == Headers &&
              (!Dedup || Seen.insert(Stamped[I].Path).second))
            OnFile(std::move(Stamped[I]));
      Stamped.clear();
      // Subdirectories in listing order.
      std::reverse(Stack.begin() + FirstChild, Stack.end());
    }
    if (!Found)
      note(Diags, Given,
           Ignored ? std::string(Readable) + " that git does not ignore (" +
                         std::to_string(Ignored) + " ignored; see --no-ignore)"
                   : std::string(Readable));
  }
  return Result;
}

} // namespace verguard::driver
