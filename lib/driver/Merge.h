//===- Merge.h - the files' results, made one run's -------------*- C++ -*-===//
#ifndef VERGUARD_DRIVER_MERGE_H
#define VERGUARD_DRIVER_MERGE_H

#include "driver/Driver.h"
#include "driver/FileAnalysis.h"

namespace verguard::driver {

/// What the summary needs of every file: counts. Each worker keeps its own;
/// they are added up at the end.
struct Tally {
  unsigned ByLanguage[size_t(Language::None) + 1] = {};
  unsigned Files = 0, Skipped = 0, Parses = 0, CacheHits = 0;
  bool ConfigError = false;
  std::vector<std::pair<const char *, unsigned>> Reasons; // by literal

  void count(Language Lang, const FileResult &P);
  void add(const Tally &O);
  /// The counts of the summary: files, by language, skipped and why.
  void into(RunResult &R) const;

private:
  void reason(const char *R, unsigned N);
};

/// A file whose result a report shows.
struct KeptFile {
  DiscoveredFile *File;
  FileResult *Result;
};

/// Adds the kept files' results to R, in path order: a header's finding
/// seen from several translation units once; inline suppressions applied
/// (those of other headers read on demand) and those that suppressed
/// nothing reported (VG100); with Opts.ChangedLinesOnly, only findings on
/// changed lines; each file's diagnostics; with Opts.ListFiles the files
/// behind each skip reason; the bytes of files with findings or
/// suppressions. Findings and diagnostics are appended unsorted
/// (finishResult() sorts them).
void mergeFiles(std::vector<KeptFile> Kept, const RunOptions &Opts,
                RunResult &R);

/// The order of every report: findings (and suppressed findings) by file,
/// line, column and rule;
/// diagnostics deduplicated (a header's missing include from many
/// translation units) and by file and line.
void finishResult(RunResult &R);

} // namespace verguard::driver

#endif
