//===- Discovery.h - which files to analyze, in which language --*- C++ -*-===//
#ifndef VERGUARD_DRIVER_DISCOVERY_H
#define VERGUARD_DRIVER_DISCOVERY_H

#include "core/Finding.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace verguard::driver {

enum class Language : uint8_t { Cpp, PowerShell, VBScript, VBA, None };
const char *languageName(Language L);

/// The language of a file, from its extension (case-insensitive).
Language languageOf(llvm::StringRef Path);

struct DiscoveredFile {
  std::string Path; // absolute, normalized
  Language Lang;
};

/// Expands files and directories (recursively; skipping version-control,
/// build and node_modules directories; never following directory symlinks)
/// into the sorted list of files verguard reads. A path that does not exist
/// or cannot be read is a Diagnostic naming it. A file named on the command
/// line with an unknown extension is reported, not silently dropped.
std::vector<DiscoveredFile> discover(const std::vector<std::string> &Paths,
                                     std::vector<core::Diagnostic> &Diags);
/// The same files, each handed to OnFile as soon as it is found (in no
/// particular order), so that analysis can start while a large tree is still
/// being walked.
void discover(const std::vector<std::string> &Paths,
              std::vector<core::Diagnostic> &Diags,
              llvm::function_ref<void(DiscoveredFile)> OnFile);

/// True for directory names an audit never descends into.
bool isSkippedDirectory(llvm::StringRef Name);

} // namespace verguard::driver

#endif
