//===- Walk.cpp -----------------------------------------------------------===//
#include "driver/Walk.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

namespace verguard::driver {

bool inShard(llvm::StringRef Path, llvm::StringRef Root, unsigned Index,
             unsigned Count) {
  llvm::StringRef Rel = Path;
  if (!Root.empty() && Rel.consume_front(Root) &&
      !(Rel.consume_front("/") || Root.ends_with("/")))
    Rel = Path; // "/src2/x" is not inside "/src"
  return llvm::xxh3_64bits(Rel) % Count == Index;
}

std::optional<std::pair<unsigned, unsigned>> parseShard(llvm::StringRef Text) {
  auto [K, N] = Text.split('/');
  unsigned Index, Count;
  if (K.getAsInteger(10, Index) || N.getAsInteger(10, Count) || Index < 1 ||
      Index > Count)
    return std::nullopt;
  return std::pair{Index - 1, Count};
}

DiscoverResult
walkInputs(const RunOptions &Opts, std::vector<core::Diagnostic> &Diags,
           llvm::function_ref<void(DiscoveredFile)> OnFile,
           llvm::function_ref<void(const DiscoveredFile &)> Elsewhere,
           llvm::function_ref<void(llvm::StringRef, DirectoryMarks,
                                   llvm::ArrayRef<DirEntry>)>
               OnListed,
           llvm::function_ref<void(llvm::ArrayRef<DiscoveredFile>)> OnStamped) {
  auto Take = [&](DiscoveredFile F) {
    if (Opts.OnlyFiles && !Opts.OnlyFiles->count(F.Path))
      return;
    if (Opts.ShardCount &&
        !inShard(F.Path, Opts.ShardRoot, Opts.ShardIndex, Opts.ShardCount)) {
      if (Elsewhere)
        Elsewhere(F);
      return;
    }
    OnFile(std::move(F));
  };
  if (Opts.StdinText && Opts.Paths.size() == 1) {
    // Text from stdin, as if it were this file: no walk, no file needed.
    llvm::SmallString<256> P(Opts.Paths.front());
    llvm::sys::fs::make_absolute(P);
    llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
    Take(DiscoveredFile{P.str().str(), languageOf(P)});
    return {};
  }
  DiscoverOptions Walk;
  Walk.Gitignore = Opts.Gitignore;
  Walk.OnListed = OnListed;
  Walk.OnStamped = OnStamped;
  return discover(Opts.Paths, Diags, Take, Walk);
}

} // namespace verguard::driver
