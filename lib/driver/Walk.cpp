//===- Walk.cpp -----------------------------------------------------------===//
#include "driver/Walk.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace verguard::driver {

DiscoverResult walkInputs(const RunOptions &Opts,
                          std::vector<core::Diagnostic> &Diags,
                          llvm::function_ref<void(DiscoveredFile)> OnFile) {
  auto Take = [&](DiscoveredFile F) {
    if (Opts.OnlyFiles && !Opts.OnlyFiles->count(F.Path))
      return;
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
  return discover(Opts.Paths, Diags, Take, Walk);
}

} // namespace verguard::driver
