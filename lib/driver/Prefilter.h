//===- Prefilter.h - which files can hold a finding -------------*- C++ -*-===//
//
// A file is parsed only if its bytes hold a trigger: a build number of an
// enabled bump or the name of a revision source (see triggers()). C/C++ files
// are also parsed when a project header they include (quoted #include, found
// next to the file or in an include/ directory above it), or one that header
// includes, holds one. Every byte is read once, in one pass for all literals.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_DRIVER_PREFILTER_H
#define VERGUARD_DRIVER_PREFILTER_H

#include "driver/Literals.h"

#include "llvm/ADT/StringMap.h"

#include <mutex>
#include <string>
#include <vector>

namespace verguard::driver {

/// What the prefilter saw in one file's text.
struct Sighting {
  bool Trigger = false;
  /// Case-insensitive "verguard: ignore" and "vbscript".
  bool Suppression = false;
  bool VBScript = false;
  /// Offsets of "#include", collected only for a file without a trigger
  /// (the one case that looks at its headers).
  std::vector<size_t> Includes;
};

class Prefilter {
public:
  explicit Prefilter(std::vector<std::string> Triggers);

  Sighting look(llvm::StringRef Text) const;
  /// Whether a project header of the C/C++ file Path (text Text, seen as S)
  /// holds a trigger, directly or through the headers it includes.
  bool headerHolds(llvm::StringRef Path, llvm::StringRef Text,
                   const Sighting &S);

private:
  bool holds(const std::string &Header, std::vector<std::string> &Visiting);
  std::vector<std::string> quotedIncludes(llvm::StringRef Path,
                                          llvm::StringRef Text,
                                          const std::vector<size_t> &At);

  Literals Lits;
  unsigned NumTriggers;
  std::mutex Lock;
  llvm::StringMap<bool> Holds;           // header path -> holds a trigger
  llvm::StringMap<std::string> Resolved; // dir + '\0' + name -> path or ""
};

} // namespace verguard::driver

#endif
