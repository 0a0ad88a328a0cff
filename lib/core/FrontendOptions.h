//===- FrontendOptions.h - what every frontend is told ----------*- C++ -*-===//
#ifndef VERGUARD_CORE_FRONTENDOPTIONS_H
#define VERGUARD_CORE_FRONTENDOPTIONS_H

#include "core/Quantity.h"

#include <string>
#include <vector>

namespace verguard::core {

/// A version source the user declared in .verguard.yaml: a function, cmdlet
/// or property whose result is a version quantity.
struct UserSource {
  std::string Name; // "MyOs::Build", "Get-OsBuild", "OsInfo.Build"
  Quantity Q = Quantity::Build;
  std::string Language; // "cpp", "powershell", "vbscript" or "" for all
};

struct FrontendOptions {
  std::vector<UserSource> Sources;
  /// Extra compiler arguments (C/C++ only).
  std::vector<std::string> ExtraArgs;
  /// Directory holding compile_commands.json, or empty to search upwards.
  std::string CompileDbDir;
  /// Per-file time limit in milliseconds (0: none).
  uint64_t TimeoutMs = 0;
  /// The prefilter's trigger literals (lower case). A C/C++ parse skips
  /// the function bodies no finding can depend on (cpp/BodyPlan.h); with
  /// none (--no-prefilter), every body is parsed.
  std::vector<std::string> Triggers;
  /// --verbose: also say how a compile database's command was read (the
  /// arguments dropped, and why).
  bool Verbose = false;
};

} // namespace verguard::core

#endif
