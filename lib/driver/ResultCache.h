//===- ResultCache.h - one file's findings, kept by content -----*- C++ -*-===//
//
// A file's analysis is stored under a key of its path, its bytes and the
// settings that change results (RunSettings: bumps, rules, severities,
// sources, compiler arguments, the build of verguard and its embedded
// profiles.yaml and sources.yaml). The entry also records the bytes' hash of
// every other file the result depended on (C/C++: each header Clang found,
// the compile database); it is used only while all of them still hold those
// bytes. Entries live in <cache>/results/XX/<key> (XX: the key's first two
// hex digits), beside the precompiled headers. A writer writes a temporary
// file and renames it, so concurrent runs (or machines sharing the
// directory) see whole entries or none; an entry that fails its checksum is
// ignored and replaced. Each hit touches the entry; after a run the
// subdirectories it wrote to are pruned, least recently used first, to
// their share (1/256) of the size limit.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_DRIVER_RESULTCACHE_H
#define VERGUARD_DRIVER_RESULTCACHE_H

#include "core/Finding.h"

#include "llvm/ADT/StringMap.h"

#include <atomic>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace verguard::driver {

struct RunOptions;

/// What an analysis gave that the cache keeps.
struct CachedResult {
  std::vector<core::Finding> Findings;
  std::vector<core::Diagnostic> Diags;
  /// Filled by lookup(): the files the result depended on, and the entry's
  /// checksum (what a stat index names it by).
  std::vector<std::string> Deps;
  std::string Sum;
};

class ResultCache {
public:
  ResultCache(std::string Dir, uint64_t MaxBytes);
  /// $XDG_CACHE_HOME/verguard/results, else ~/.cache/verguard/results.
  static std::string defaultDir();
  /// The part of a key that the settings give: what changes the findings
  /// of the same bytes (computed once per configuration).
  static std::string settingsKey(const RunOptions &Use);
  /// The settings' own part of it, readable (no build identity).
  static std::string settingsText(const RunOptions &Use);

  /// The key of one file's analysis.
  static std::string key(llvm::StringRef Settings, llvm::StringRef Path,
                         llvm::StringRef Bytes);
  /// The result stored under Key, if the entry is whole and every file it
  /// depended on still has the bytes it had (then the entry is touched).
  std::optional<CachedResult> lookup(const std::string &Key);
  /// The result stored under Key if the entry is whole and still the one of
  /// checksum Sum, without looking at the files it depended on: a stat
  /// index (driver/StatIndex.h) has seen them unchanged.
  std::optional<CachedResult> lookupChecked(const std::string &Key,
                                            llvm::StringRef Sum);
  /// Stores R under Key, with the files (other than the file itself) it
  /// depended on; returns the entry's checksum ("" if it was not stored).
  std::string store(const std::string &Key, const CachedResult &R,
                    const std::vector<std::string> &Deps);
  /// Removes the least recently used entries of the subdirectories written
  /// to beyond their share of the limit, and temporary files an hour old.
  void prune();

  const std::string &dir() const { return Dir; }
  /// A 128-bit BLAKE3 digest of Bytes, in hex.
  static std::string digest(llvm::StringRef Bytes);
  std::atomic<unsigned> Hits = 0, Misses = 0, Stored = 0, Corrupt = 0;

  /// A file's bytes hashed (hex), once per cache object; "" if it is not
  /// there, "special" if it is no regular file (a FIFO: never read).
  std::string contentHash(const std::string &Path);

private:
  std::string entryPath(const std::string &Key) const;
  /// The entry under Key, whole; with a Sum, only if it has that checksum;
  /// without one, only if its dependencies still hold their bytes.
  std::optional<CachedResult> read(const std::string &Key, llvm::StringRef Sum);

  std::string Dir;
  uint64_t MaxBytes;
  std::mutex Lock;
  llvm::StringMap<std::string> Hashes; // path -> content hash
  std::set<std::string> Written;       // subdirectories stored to
};

} // namespace verguard::driver

#endif
