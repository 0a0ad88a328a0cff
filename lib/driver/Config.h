//===- Config.h - .verguard.yaml --------------------------------*- C++ -*-===//
//
// A project's configuration, found by walking up from each analyzed file
// (the nearest .verguard.yaml wins, like .clang-tidy) or given with --config:
//
//   rules:
//     disable: [VG005]
//     severity: {VG003: warning}
//   include: ["src/"]             # .gitignore patterns, relative to the
//   exclude: ["third_party"]      # directory of this file
//   bumps: [sp2-6003, win11-22621-22631]
//   compile-database: build       # directory with compile_commands.json
//   extra-args: ["-DWINVER=0x0600"]
//   sources:                      # user-declared version sources
//     - {name: "MyOs::Build", quantity: build, language: cpp}
//     - {name: "Get-OsBuild", quantity: build, language: powershell}
//
// Unknown keys and bad values are errors naming the file, line and key. The
// search for the nearest file (.verguard.yaml or .verguard.yml) stops at the
// top of the git repository.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_DRIVER_CONFIG_H
#define VERGUARD_DRIVER_CONFIG_H

#include "core/FrontendOptions.h"
#include "driver/Discovery.h"
#include "driver/Gitignore.h"
#include "rules/Checker.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace verguard::driver {

struct Config {
  std::string Path; // the file it was read from
  std::string Dir;  // its directory (globs are relative to it)
  std::vector<std::string> Disable;
  std::map<std::string, core::Severity> Severity;
  /// Patterns with .gitignore syntax; a file is selected if it (or a
  /// directory above it) matches an include pattern, when there are any,
  /// and no exclude pattern (the deepest level that matches decides, and
  /// within it the last pattern, so `!` re-includes).
  GlobList Include, Exclude;
  std::optional<std::vector<std::string>> Bumps;
  std::string CompileDatabase;
  std::vector<std::string> ExtraArgs;
  std::vector<core::UserSource> Sources;
  /// Where each value was written: "rules.disable.VG005",
  /// "rules.severity.VG003", "bumps", "compile-database", "extra-args",
  /// "sources.N" (N: index in Sources).
  struct Origin {
    unsigned Line = 0, Col = 0;
  };
  std::map<std::string, Origin> Where;

  /// False if File is excluded (or not included) by this config.
  bool selects(llvm::StringRef File) const;
  /// File relative to Dir (what the patterns are matched against).
  llvm::StringRef relative(llvm::StringRef File) const;
  /// Applies the config to options (command-line options were already set
  /// and add to it).
  llvm::Error apply(rules::CheckConfig &Check,
                    core::FrontendOptions &Frontend) const;
};

/// Parses a .verguard.yaml.
llvm::Expected<Config> parseConfig(llvm::StringRef Yaml, llvm::StringRef Path);
/// Reads and parses one; also an error if its compile-database directory
/// holds no compile_commands.json.
llvm::Expected<Config> loadConfig(llvm::StringRef Path);

/// Finds and caches the nearest .verguard.yaml above each file. Thread-safe.
class ConfigFinder {
public:
  /// With Forced, every file uses that config.
  explicit ConfigFinder(std::shared_ptr<const Config> Forced = nullptr)
      : Forced(std::move(Forced)) {}
  /// The last directory one thread looked up, and its config: a thread
  /// that asks for files of one directory in a row (as a walk hands them
  /// out) skips the lock and the map.
  struct Recent {
    std::string Dir;
    std::shared_ptr<const Config> Found;
    bool Valid = false;
  };
  /// The config for File, or null if none; an unreadable or invalid one is an
  /// error (reported once per config file).
  llvm::Expected<std::shared_ptr<const Config>> forFile(llvm::StringRef File,
                                                        Recent *Last = nullptr);
  /// Every configuration read so far (the forced one, if any).
  std::vector<std::shared_ptr<const Config>> loaded();
  /// What the walk saw in Dir: the lookup then takes it from there rather
  /// than asking the filesystem (three calls a directory). Thread-safe.
  void listed(llvm::StringRef Dir, DirectoryMarks Marks);

private:
  std::shared_ptr<const Config> Forced;
  std::mutex Lock;
  llvm::StringMap<std::shared_ptr<const Config>> ByDir;
  llvm::StringMap<DirectoryMarks> Listed;
  std::vector<std::shared_ptr<const Config>> All;
  std::map<std::string, std::string> Errors; // config path -> message
};

} // namespace verguard::driver

#endif
