//===- Prefilter.h - which files can hold a finding -------------*- C++ -*-===//
//
// A file is parsed only if it can hold a guard that flips across an enabled
// bump: if it holds, as a token of its language (not in a comment, not
// digits inside a name or a longer number), a literal the bump separates
// (driver/BumpLiterals.h): a build in any notation or a version string
// holding one; or a revision threshold together with the name of a revision
// source; or the name of one of the user's sources. A C/C++ file is also
// parsed when the project headers it includes (quoted #include, found next
// to the file or in an include/ directory above it, and the headers those
// include) hold what it lacks; likewise a Python file for the project
// modules it imports, a PowerShell script for the scripts it dot-sources,
// imports or runs, a VB module for its folder's modules and a C# file for
// its project (driver/FileAnalysis.cpp asks each frontend). Every byte is read
// once for the names and markers (one vectorized pass) and once more for the
// digits; only a file with a candidate number is tokenized, up to its last
// candidate.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_DRIVER_PREFILTER_H
#define VERGUARD_DRIVER_PREFILTER_H

#include "driver/BumpLiterals.h"
#include "driver/CodeRegions.h"
#include "driver/DirListings.h"
#include "driver/Literals.h"
#include "driver/ShortMutex.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace verguard::driver {

/// What the prefilter saw in one file's text.
struct Sighting {
  /// A guard in it can flip: a separating literal or a user source (or a
  /// revision threshold and a revision source).
  bool Trigger = false;
  /// A revision threshold of a bump, and the name of a revision source
  /// outside comments: neither alone can flip (a header may hold the
  /// other). Looked for only while nothing else is a trigger.
  bool RevisionNumber = false;
  bool RevisionWord = false;
  /// Case-insensitive "verguard: ignore" and "vbscript".
  bool Suppression = false;
  bool VBScript = false;
  /// Offsets of "#include", collected only for a file without a trigger
  /// (the one case that looks at its headers).
  std::vector<size_t> Includes;
};

class Prefilter {
public:
  /// Dirs: the listings of the run (the walk's), if shared.
  explicit Prefilter(BumpLiterals Lits,
                     std::shared_ptr<DirListings> Dirs = nullptr);

  Sighting look(llvm::StringRef Text, Dialect D) const;
  /// Whether the C/C++ file Path (text Text, seen as S), with the project
  /// headers it includes and those they include, can hold a finding.
  bool headerHolds(llvm::StringRef Path, llvm::StringRef Text,
                   const Sighting &S);

  /// The files the verdict of headerHolds() on Path looked at, in lists
  /// shared by every file that holds the same include or reaches the same
  /// header (a stat index (driver/StatIndex.h) resolves each list once):
  /// for each quoted include, the places where it was looked for, up to
  /// where it was found (or all of them); for each project header found,
  /// the same of its includes and theirs, transitively.
  void headerDeps(
      llvm::StringRef Path, llvm::StringRef Text, const Sighting &S,
      std::vector<std::shared_ptr<const std::vector<std::string>>> &Shared);

  /// Tells the prefilter how the walk saw the project header Path (its
  /// text Text, as the prefilter reads a header: undecoded), so that the
  /// files including it do not read it again.
  void looked(const std::string &Path, llvm::StringRef Text, const Sighting &S);

  const BumpLiterals &literals() const { return Bump; }

private:
  /// Finds the separating numbers of Text (digits in code and strings).
  void numbers(llvm::StringRef Text, Dialect D, Sighting &S,
               std::optional<RegionScanner> &Regions) const;
  /// The Sighting bits of Header and the project headers it includes;
  /// Cut: the least depth of Visiting a cycle (or the depth limit) cut the
  /// walk at, SIZE_MAX if none.
  unsigned holds(const std::string &Header, std::vector<std::string> &Visiting,
                 size_t &Cut);
  /// Where a quoted include of Name from a file in Dir is found (Found,
  /// "" if nowhere), and the places it was looked for up to there (a header
  /// created in an earlier place would be found instead): headerDeps()'
  /// list for it. Memoized; the entry stays where it is.
  struct Resolution {
    std::shared_ptr<const std::vector<std::string>> Places;
    std::string Found;
  };
  const Resolution &resolution(llvm::StringRef Dir, llvm::StringRef Name);
  /// What a project header passes on to the files including it: its
  /// Sighting bits and quoted include names (read and looked at once).
  struct HeaderLook {
    unsigned Bits = 0;
    std::vector<std::string> Names;
    bool Unreadable = false;
  };
  /// Memoized; the entry stays where it is.
  const HeaderLook &lookOf(const std::string &Header);
  /// headerDeps()' list for the project header Header (memoized).
  std::shared_ptr<const std::vector<std::string>>
  closureOf(const std::string &Header);
  /// The project headers that the quoted includes Names of a file in Dir
  /// are found as.
  std::vector<std::string> foundIncludes(llvm::StringRef Dir,
                                         const std::vector<std::string> &Names);

  BumpLiterals Bump;
  Literals Lits; // revision words, source names, markers
  unsigned NumRevisionWords, NumNames;
  ShortMutex Lock;
  llvm::StringMap<unsigned> Holds;         // header path -> Sighting bits
  llvm::StringMap<Resolution> Resolutions; // dir + '\0' + name
  llvm::StringMap<HeaderLook> Looks;       // header path -> its look
  llvm::StringMap<std::shared_ptr<const std::vector<std::string>>> Closures;
  /// Where quoted includes are looked for (shared with the walk, if given).
  std::shared_ptr<DirListings> Dirs;
};

} // namespace verguard::driver

#endif
