//===- Git.cpp ------------------------------------------------------------===//
#include "driver/Git.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

namespace verguard::driver {

namespace {
llvm::Expected<std::string> git(llvm::StringRef Dir,
                                std::vector<std::string> Args) {
  auto Exe = llvm::sys::findProgramByName("git");
  if (!Exe)
    return llvm::createStringError(Exe.getError(), "git not found");
  llvm::SmallString<128> Out, Err;
  llvm::sys::fs::createTemporaryFile("verguard-git", "out", Out);
  llvm::sys::fs::createTemporaryFile("verguard-git", "err", Err);
  std::vector<llvm::StringRef> Argv{*Exe, "-C", Dir};
  for (const std::string &A : Args)
    Argv.push_back(A);
  std::optional<llvm::StringRef> Redir[] = {std::nullopt, Out.str(), Err.str()};
  int Rc = llvm::sys::ExecuteAndWait(*Exe, Argv, std::nullopt, Redir);
  auto O = llvm::MemoryBuffer::getFile(Out);
  auto E = llvm::MemoryBuffer::getFile(Err);
  llvm::sys::fs::remove(Out);
  llvm::sys::fs::remove(Err);
  if (Rc != 0)
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "git %s: %s",
                                   llvm::join(Args, " ").c_str(),
                                   E ? (*E)->getBuffer().trim().str().c_str()
                                     : "failed");
  return O ? (*O)->getBuffer().str() : std::string();
}
} // namespace

std::string unquoteGitPath(llvm::StringRef Q) {
  if (!Q.consume_front("\""))
    return Q.str();
  std::string Out;
  for (size_t I = 0; I < Q.size(); ++I) {
    char C = Q[I];
    if (C == '"')
      break;
    if (C != '\\' || I + 1 == Q.size()) {
      Out += C;
      continue;
    }
    char E = Q[++I];
    if (E >= '0' && E <= '7') {
      unsigned V = 0;
      for (unsigned K = 0; K < 3 && I < Q.size() && Q[I] >= '0' && Q[I] <= '7';
           ++K, ++I)
        V = V * 8 + unsigned(Q[I] - '0');
      --I;
      Out += char(V);
      continue;
    }
    switch (E) {
    case 'a':
      Out += '\a';
      break;
    case 'b':
      Out += '\b';
      break;
    case 'f':
      Out += '\f';
      break;
    case 'n':
      Out += '\n';
      break;
    case 'r':
      Out += '\r';
      break;
    case 't':
      Out += '\t';
      break;
    case 'v':
      Out += '\v';
      break;
    default: // \\ and \"
      Out += E;
    }
  }
  return Out;
}

llvm::Expected<std::map<std::string, std::set<unsigned>>>
changedSince(llvm::StringRef Dir, llvm::StringRef Rev) {
  // The top, spelled from Dir: `git rev-parse --show-toplevel` resolves
  // symlinks, and then no path would match the ones named or walked.
  auto Up = git(Dir, {"rev-parse", "--show-cdup"});
  if (!Up)
    return Up.takeError();
  llvm::SmallString<256> Top(Dir);
  llvm::sys::path::append(Top, llvm::StringRef(*Up).trim());
  llvm::sys::path::remove_dots(Top, /*remove_dot_dot=*/true);
  std::string Root = Top.str().str();
  auto Under = [&](llvm::StringRef Rel) { return Root + "/" + Rel.str(); };
  std::map<std::string, std::set<unsigned>> Out;
  // Which files: NUL-separated, never quoted.
  auto Names = git(Root, {"diff", "--name-only", "-z", "--no-ext-diff",
                          "--diff-filter=ACMR", Rev.str(), "--"});
  if (!Names)
    return Names.takeError();
  llvm::SmallVector<llvm::StringRef, 64> Files;
  llvm::StringRef(*Names).split(Files, '\0', -1, false);
  for (llvm::StringRef F : Files)
    Out[Under(F)];
  // Which lines: from the hunks, under `+++ b/NAME` (quoted by git when
  // NAME has unusual bytes; followed by a tab when it has a space).
  auto Diff = git(Root, {"-c", "core.quotePath=false", "diff", "--no-color",
                         "--no-ext-diff", "-U0", "--diff-filter=ACMR",
                         Rev.str(), "--"});
  if (!Diff)
    return Diff.takeError();
  std::string Current;
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  llvm::StringRef(*Diff).split(Lines, '\n');
  for (llvm::StringRef L : Lines) {
    if (L.consume_front("+++ ")) {
      std::string Name = unquoteGitPath(L.rtrim('\t'));
      llvm::StringRef N(Name);
      Current.clear();
      if (N.consume_front("b/"))
        Current = Under(N);
      if (!Out.count(Current))
        Current.clear(); // not a file of the list: never guess
      continue;
    }
    if (!L.consume_front("@@ ") || Current.empty())
      continue;
    // @@ -a,b +c,d @@
    size_t Plus = L.find('+');
    if (Plus == llvm::StringRef::npos)
      continue;
    llvm::StringRef Range =
        L.substr(Plus + 1).take_until([](char C) { return C == ' '; });
    auto [Start, Count] = Range.split(',');
    unsigned S = 0, N = 1;
    Start.getAsInteger(10, S);
    if (!Count.empty())
      Count.getAsInteger(10, N);
    for (unsigned I = 0; I < N; ++I)
      Out[Current].insert(S + I);
  }
  auto Untracked =
      git(Root, {"ls-files", "-z", "--others", "--exclude-standard"});
  if (!Untracked)
    return Untracked.takeError();
  llvm::SmallVector<llvm::StringRef, 16> U;
  llvm::StringRef(*Untracked).split(U, '\0', -1, false);
  for (llvm::StringRef F : U)
    Out[Under(F)] = {0}; // 0: every line is new
  return Out;
}

} // namespace verguard::driver
