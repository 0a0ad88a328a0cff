//===- Discovery.h - which files to analyze, in which language --*- C++ -*-===//
#ifndef VERGUARD_DRIVER_DISCOVERY_H
#define VERGUARD_DRIVER_DISCOVERY_H

#include "core/Finding.h"
#include "driver/Gitignore.h"

#include "driver/DirListings.h"
#include "driver/ReadFile.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace verguard::driver {

enum class Language : uint8_t {
  Cpp,
  PowerShell,
  VBScript,
  VBA,
  Batch,
  Nsis,
  Python,
  Inno,
  Wix,
  JScript,
  CSharp,
  None
};
const char *languageName(Language L);

/// The language of a file, from its extension (case-insensitive).
Language languageOf(llvm::StringRef Path);

struct DiscoveredFile {
  std::string Path; // absolute, normalized
  Language Lang;
  /// Its stat() as the walk saw it (relative to its directory, which costs
  /// the kernel no path walk); Size -1 when the walk did not stat it (a
  /// file named on the command line).
  FileStamp Stamp = {};
};

/// What a walked directory holds that the configuration lookup asks about.
struct DirectoryMarks {
  bool Git = false;  // `.git` (a directory, or a file in a worktree)
  bool Yaml = false; // `.verguard.yaml`
  bool Yml = false;  // `.verguard.yml`
};

struct DiscoverOptions {
  /// Inside a git repository, skip what its .gitignore files (every one
  /// from the top of the repository down) and .git/info/exclude ignore.
  bool Gitignore = true;
  /// Told each walked directory's marks and entries, once it is listed
  /// whole and before any of its files is handed out (the configuration
  /// lookup and the prefilter's header lookup then need no system call for
  /// a directory of the tree).
  llvm::function_ref<void(llvm::StringRef Dir, DirectoryMarks,
                          llvm::ArrayRef<DirEntry>)>
      OnListed;
  /// Told the stat() of every file of a walked directory that is handed out,
  /// before any of them is (a stat index then knows the directory's headers
  /// without a stat() of its own).
  llvm::function_ref<void(llvm::ArrayRef<DiscoveredFile>)> OnStamped;
};

struct DiscoverResult {
  /// Paths named that do not exist or cannot be read (each also an error
  /// Diagnostic naming it).
  unsigned BadPaths = 0;
  /// The directories named (absolute, normalized): their trees were walked.
  std::vector<std::string> Walked;
};

/// Expands files and directories (recursively; skipping version-control,
/// build and node_modules directories and, with Options.Gitignore, what git
/// ignores; never following directory symlinks) into the sorted list of
/// files verguard reads. A named path that does not exist or cannot be read
/// is an error Diagnostic naming it; a named directory without a file
/// verguard reads, a warning. A file named with an unknown extension is
/// reported, not silently dropped. Files named are read even if git ignores
/// them.
std::vector<DiscoveredFile> discover(const std::vector<std::string> &Paths,
                                     std::vector<core::Diagnostic> &Diags,
                                     const DiscoverOptions &Options = {});
/// The same files, each handed to OnFile as soon as it is found (in no
/// particular order), so that analysis can start while a large tree is still
/// being walked.
DiscoverResult discover(const std::vector<std::string> &Paths,
                        std::vector<core::Diagnostic> &Diags,
                        llvm::function_ref<void(DiscoveredFile)> OnFile,
                        const DiscoverOptions &Options = {});

/// Why a walk would skip the file Path as ignored by git: the ignore file
/// and the pattern that decided, for Path or a directory above it (Matched).
/// None outside a repository or if nothing ignores it.
struct IgnoredBy {
  std::string Source;
  GlobRule Rule;
  std::string Matched;
};
std::optional<IgnoredBy> gitIgnored(llvm::StringRef Path);

/// True for directory names an audit never descends into.
bool isSkippedDirectory(llvm::StringRef Name);

} // namespace verguard::driver

#endif
