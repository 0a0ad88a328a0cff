//===- StatIndex.h - an unchanged tree re-audited from stat() ---*- C++ -*-===//
//
// The way git's index spares reading a clean work tree: for each file of a
// tree audit, the index keeps what stat() said when the file was read (size,
// modification and change times in nanoseconds, inode, type) and the verdict
// it got: left out by the prefilter (or an HTML page without VBScript), or
// analyzed, with the key and checksum of its result-cache entry. A later run
// that finds the same stat() for the file and for every file the verdict
// depended on (a C/C++ file's project headers, and the paths where a missing
// one would be found; a parse's headers and compile databases; a script's
// dot-sourced files) takes the verdict without opening the file. A path
// of the tree looked for and absent is kept as its nearest existing ancestor
// directory in the tree, whose stamp changes when anything is created in it
// (outside the tree, say /tmp, a directory changes too often for that).
//
// git's "racily clean" rule: a file modified in the same clock tick as the
// run that read it could change again without changing its stat(). Each
// index records a filesystem timestamp taken before the run read anything
// (the creation time of the index's own temporary file); an entry whose
// file or dependency has a modification or change time not older than that
// is read again, never trusted.
//
// One index per tree audit (the settings, the directories named and the
// limits give its name) lives in <cache>/index/. Its text is made as the
// workers record their verdicts (a tree's tens of thousands of entries
// would otherwise be written by one thread after all the others are done),
// written to a temporary file and renamed (concurrent runs each leave a whole
// index; the last rename wins), carries a checksum (a corrupt index is ignored
// and replaced), and only the 32 most recently written are kept.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_DRIVER_STATINDEX_H
#define VERGUARD_DRIVER_STATINDEX_H

#include "driver/DirListings.h"
#include "driver/ReadFile.h"
#include "driver/ShortMutex.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Allocator.h"

#include <atomic>
#include <cstdint>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace verguard::driver {

/// A file's verdict, as the index keeps it.
struct IndexVerdict {
  enum Kind : uint8_t {
    Prefiltered = 1, // cannot hold a finding (prefilter)
    Html = 2,        // an HTML page without VBScript
    Cached = 3,      // analyzed: the result-cache entry Key (checksum Sum)
  } What = Prefiltered;
  std::string SettingsKey; // the file's settings (its configuration's)
  std::string Key, Sum;
  std::vector<std::string> Deps; // the files the verdict depended on
  /// More of them, in lists shared by many verdicts (a C# project's files
  /// and folders, what a C/C++ project header reaches): each resolved and
  /// written once.
  std::vector<std::shared_ptr<const std::vector<std::string>>> Shared;
};

class StatIndex {
public:
  /// The index Id (hex) in Dir; loads it if it is there and whole, and
  /// takes the new index's time from the filesystem. Trees: the directories
  /// audited (absolute, normalized); an absent dependency inside one is kept
  /// as its nearest existing ancestor there.
  /// With Background, the old index is loaded on a thread of its own,
  /// while the walk starts (a tree's index takes a tenth of a re-audit to
  /// load); the first verdict asked for waits for it.
  /// Listings: the run's directory listings (the walk's and the
  /// prefilter's), which tell that a dependency is absent without a stat().
  StatIndex(std::string Dir, std::string Id,
            std::vector<std::string> Trees = {}, bool Background = false,
            std::shared_ptr<DirListings> Listings = nullptr);
  ~StatIndex();
  StatIndex(const StatIndex &) = delete;
  StatIndex &operator=(const StatIndex &) = delete;

  /// The verdict kept for Path under SettingsKey, if Path and everything the
  /// verdict depended on have the stat() they had, none of it racily clean.
  /// It is then kept for the next index too. Thread-safe. Seen: Path's
  /// stat() if the caller has it (Size -1: stat() it here).
  std::optional<IndexVerdict> reuse(llvm::StringRef Path,
                                    llvm::StringRef SettingsKey,
                                    const FileStamp &Seen = {});
  /// Tells the index the stat() the walk took of Path (Size -1: none), so
  /// that a verdict depending on it, and the next index, need no stat() of
  /// their own. From the walk's thread only, before save().
  void seen(llvm::StringRef Path, const FileStamp &Now);
  /// Records Path's new verdict (Stamp: its stat() when it was read).
  /// Thread-safe.
  void record(llvm::StringRef Path, const FileStamp &Stamp, IndexVerdict V);
  /// Writes the new index (if anything changed) and prunes old ones; no
  /// temporary file is left after it, destroyed or not.
  void save();

  std::atomic<unsigned> Reused = 0, Racy = 0;

private:
  struct Loaded;
  /// Closes and removes the new index's temporary file, if still there.
  void dropTemporary();
  /// Waits for the old index to be loaded, and gives it what the walk saw
  /// meanwhile.
  void ready();
  /// seen() once the old index is there; with WalkLock held.
  void see(llvm::StringRef Path, const FileStamp &Now);
  /// Whether the loaded path Id still has its stamp (memoized).
  bool clean(uint32_t Id);
  bool racy(const FileStamp &S, int64_t Time) const;
  /// The path and stamp a dependency D is kept as (memoized): the walk's
  /// stamp of a file it saw, else a stat(); an absent path in a tree as its
  /// nearest existing ancestor directory there.
  /// The memo's entry, which stays where it is.
  const std::pair<std::string, FileStamp> &resolve(const std::string &D);
  /// The walk's stamp of Path, if it saw it (Size -1 if not).
  FileStamp walked(llvm::StringRef Path);
  /// Ids of the new index's tables, each written to Body when first used;
  /// with WriteLock held.
  unsigned settingId(llvm::StringRef K);
  unsigned pathId(llvm::StringRef P, const FileStamp &S);
  unsigned setId(std::vector<uint32_t> Ids); // sorted, each once
  /// Writes an entry's line (Text: entryText()'s).
  void entry(const std::pair<std::string, std::string> &Text, unsigned Setting,
             unsigned Kind, unsigned Set);

  std::string Dir, Id;
  std::vector<std::string> Trees;
  std::shared_ptr<DirListings> Listings;
  std::unique_ptr<Loaded> Old;
  std::future<std::unique_ptr<Loaded>> Loading; // with Background
  std::once_flag LoadOnce;
  int TempFD = -1;
  std::string TempPath;
  int64_t Time = 0; // this run's filesystem time (ns)
  std::mutex Lock;
  std::vector<const void *> Kept; // loaded entries reused
  llvm::StringSet<> RacyPaths;
  ShortMutex WalkLock;
  llvm::StringMap<FileStamp> Walked; // seen()
  bool Ready = false;                // ready() ran: seen() goes to see()
  std::vector<std::pair<std::string, FileStamp>> Early; // seen() before
  /// The new index's text, written as the verdicts are recorded (by the
  /// workers, in parallel with the run), with the tables of settings, paths
  /// (with their stamps) and dependency sets: each line's index its id.
  ShortMutex WriteLock;
  std::string Body;
  size_t Recorded = 0;
  llvm::StringMap<unsigned, llvm::BumpPtrAllocator> SettingIds, PathIds;
  std::map<std::vector<uint32_t>, unsigned> SetIds;
  /// The path ids of each shared dependency list (resolved once; its ids
  /// and set assigned with WriteLock held), kept alive here so that its
  /// address stays its own. Entries are added with SharedLock held.
  struct SharedIds {
    std::shared_ptr<const std::vector<std::string>> Keep;
    std::once_flag Once; // Resolved
    std::vector<const std::pair<std::string, FileStamp> *> Resolved;
    std::vector<uint32_t> Ids;
    std::optional<unsigned> Set; // with no other dependency
  };
  ShortMutex SharedLock;
  llvm::DenseMap<const void *, std::unique_ptr<SharedIds>> Shared;
  /// resolve()'s memo: files share their headers (and their headers'
  /// candidate paths), each looked at once, not once per file naming it.
  ShortMutex ResolveLock;
  llvm::StringMap<std::pair<std::string, FileStamp>, llvm::BumpPtrAllocator>
      Resolved;
  llvm::StringMap<FileStamp, llvm::BumpPtrAllocator> Dirs; // stamps
};

} // namespace verguard::driver

#endif
