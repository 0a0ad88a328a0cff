//===- Walk.h - the inputs of a run -----------------------------*- C++ -*-===//
#ifndef VERGUARD_DRIVER_WALK_H
#define VERGUARD_DRIVER_WALK_H

#include "driver/Discovery.h"
#include "driver/Driver.h"

namespace verguard::driver {

/// The files a run analyzes, each handed to OnFile as soon as it is found:
/// the one file named for text from stdin (its path made absolute; it need
/// not exist), else the files and directories of Opts.Paths walked
/// (discover()), less those outside Opts.OnlyFiles. Messages about the
/// paths go to Diags.
DiscoverResult walkInputs(const RunOptions &Opts,
                          std::vector<core::Diagnostic> &Diags,
                          llvm::function_ref<void(DiscoveredFile)> OnFile);

} // namespace verguard::driver

#endif
