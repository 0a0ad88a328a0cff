//===- DirListings.h - which files a directory holds ------------*- C++ -*-===//
//
// The prefilter follows a C/C++ file's quoted includes the way the compiler
// looks for them: up to eight candidate paths per (directory, header). One
// listing per directory answers all of them, instead of a stat() each; and
// the directories of the tree walked are listed once, by the walk, which
// hands its listings here.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_DRIVER_DIRLISTINGS_H
#define VERGUARD_DRIVER_DIRLISTINGS_H

#include "driver/ShortMutex.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace verguard::driver {

/// An entry of a directory listing.
struct DirEntry {
  std::string Name; // the entry's name in its directory
  llvm::sys::fs::file_type Type = llvm::sys::fs::file_type::type_unknown;
};

/// Thread-safe; a directory once listed keeps that listing for the run.
class DirListings {
public:
  /// Whether Path is a regular file (following a symbolic link), as stat()
  /// would say, from the listing of its directory.
  bool isFile(llvm::StringRef Path);
  /// What the listings taken so far say of Path, without listing or
  /// stat()ing anything: Absent when its directory was listed without it
  /// (or is not there), Unknown when a stat() must tell (a directory's
  /// stamp, too).
  enum class Seen { RegularFile, Absent, Unknown };
  Seen seen(llvm::StringRef Path);
  /// Whether Dir was found missing when it was to be listed.
  bool missing(llvm::StringRef Dir);
  /// Takes Dir's whole listing (its entries' paths start with Dir).
  void listed(llvm::StringRef Dir, llvm::ArrayRef<DirEntry> Entries);

private:
  /// A directory's entries that are regular files, directories or need a
  /// stat (a symbolic link, or a type the listing did not give): their
  /// names, NUL separated, each led by its kind, in order (a walk hands
  /// thousands of directories over: a few allocations each, not one per entry).
  struct Listing {
    enum { Listed, Missing, Unlistable } State = Listed;
    std::string Names;            // 'F', 'D' or 'S', the name, NUL; ...
    std::vector<uint32_t> Starts; // where each entry starts, by name
    void add(llvm::StringRef Name, llvm::sys::fs::file_type T);
    void sort();
    /// 'F' a regular file, 'D' a directory, 'S' to stat, 0 none.
    char find(llvm::StringRef Name) const;
    /// The name of the entry starting at At.
    llvm::StringRef nameAt(uint32_t At) const {
      return llvm::StringRef(Names.c_str() + At + 1);
    }
  };
  /// Dir's listing, if taken (entries stay where they are).
  const Listing *taken(llvm::StringRef Dir);
  ShortMutex Lock;
  llvm::StringMap<Listing> Listings;
};

} // namespace verguard::driver

#endif
