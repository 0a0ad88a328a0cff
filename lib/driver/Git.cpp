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

llvm::Expected<std::map<std::string, std::set<unsigned>>>
changedSince(llvm::StringRef Dir, llvm::StringRef Rev) {
  auto Top = git(Dir, {"rev-parse", "--show-toplevel"});
  if (!Top)
    return Top.takeError();
  std::string Root = llvm::StringRef(*Top).trim().str();
  auto Diff = git(Root, {"diff", "--no-color", "--no-ext-diff", "-U0",
                         "--diff-filter=ACMR", Rev.str(), "--"});
  if (!Diff)
    return Diff.takeError();
  std::map<std::string, std::set<unsigned>> Out;
  std::string Current;
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  llvm::StringRef(*Diff).split(Lines, '\n');
  for (llvm::StringRef L : Lines) {
    if (L.consume_front("+++ ")) {
      Current.clear();
      if (L.consume_front("b/"))
        Current = (Root + "/" + L).str();
      if (!Current.empty())
        Out[Current];
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
  auto Untracked = git(Root, {"ls-files", "--others", "--exclude-standard"});
  if (!Untracked)
    return Untracked.takeError();
  llvm::SmallVector<llvm::StringRef, 16> U;
  llvm::StringRef(*Untracked).split(U, '\n', -1, false);
  for (llvm::StringRef F : U)
    Out[(Root + "/" + F).str()] = {0}; // 0: every line is new
  return Out;
}

} // namespace verguard::driver
