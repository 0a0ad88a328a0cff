//===- Walk.h - the inputs of a run -----------------------------*- C++ -*-===//
#ifndef VERGUARD_DRIVER_WALK_H
#define VERGUARD_DRIVER_WALK_H

#include "driver/Discovery.h"
#include "driver/Driver.h"

namespace verguard::driver {

/// The files a run analyzes, each handed to OnFile as soon as it is found:
/// the one file named for text from stdin (its path made absolute; it need
/// not exist), else the files and directories of Opts.Paths walked
/// (discover()), less those outside Opts.OnlyFiles. With a shard, the files
/// of the other shards go to Elsewhere instead (if given). Messages about
/// the paths go to Diags. OnListed (if given) is told each walked
/// directory's marks (DiscoverOptions::OnListed), OnStamped its files'
/// stat() (DiscoverOptions::OnStamped).
DiscoverResult walkInputs(
    const RunOptions &Opts, std::vector<core::Diagnostic> &Diags,
    llvm::function_ref<void(DiscoveredFile)> OnFile,
    llvm::function_ref<void(const DiscoveredFile &)> Elsewhere = {},
    llvm::function_ref<void(llvm::StringRef, DirectoryMarks,
                            llvm::ArrayRef<DirEntry>)>
        OnListed = {},
    llvm::function_ref<void(llvm::ArrayRef<DiscoveredFile>)> OnStamped = {});

/// Whether Path is in shard Index (0-based) of Count: a hash of the path
/// relative to Root (when inside it), the same on every machine that has the
/// tree at Root, whatever the order of the walk.
bool inShard(llvm::StringRef Path, llvm::StringRef Root, unsigned Index,
             unsigned Count);

/// "K/N" (1 <= K <= N): the 0-based index and the count.
std::optional<std::pair<unsigned, unsigned>> parseShard(llvm::StringRef Text);

} // namespace verguard::driver

#endif
