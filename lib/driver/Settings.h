//===- Settings.h - the configuration in effect for one file ----*- C++ -*-===//
//
// `verguard --show-settings FILE` (like `ruff check --show-settings`): which
// configuration file applies to FILE, whether FILE is analyzed, and every
// setting with where its value comes from: the default, the command line,
// or `path:line:col` in a .verguard.yaml.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_DRIVER_SETTINGS_H
#define VERGUARD_DRIVER_SETTINGS_H

#include "driver/Driver.h"

#include "llvm/Support/raw_ostream.h"

namespace verguard::driver {

/// Prints the settings for File under Opts (the command line already
/// applied); paths are shown relative to SrcRoot. Returns false, having
/// printed why, when File's configuration cannot be read.
bool showSettings(llvm::raw_ostream &OS, llvm::StringRef File,
                  const RunOptions &Opts, llvm::StringRef SrcRoot);

} // namespace verguard::driver

#endif
