//===- Driver.h - one analysis run over many files --------------*- C++ -*-===//
#ifndef VERGUARD_DRIVER_DRIVER_H
#define VERGUARD_DRIVER_DRIVER_H

#include "core/Finding.h"
#include "core/FrontendOptions.h"
#include "driver/Config.h"
#include "driver/Discovery.h"
#include "rules/Checker.h"

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace verguard::driver {

struct RunOptions {
  std::vector<std::string> Paths;
  /// --stdin-filename: the text of the one file in Paths, read from stdin.
  /// The file need not exist; its name gives the language, the
  /// configuration and the paths in the report.
  std::optional<std::string> StdinText;
  core::FrontendOptions Frontend;
  rules::CheckConfig Check = rules::defaultCheckConfig();
  unsigned Jobs = 0;     // 0: all cores
  bool Prefilter = true; // skip files that cannot hold a finding
  /// C/C++: with the prefilter, also skip the function bodies no finding
  /// can depend on (cpp/BodyPlan.h).
  bool SkipBodies = true;
  /// Scripts whose estimated token count is larger are skipped with a
  /// message: tree-sitter's memory grows with the tokens (about 2 KB each).
  uint64_t MaxScriptTokens = 500000; // 0: no limit
  /// .verguard.yaml: the nearest above each file, or this one for all.
  bool UseConfigFiles = true;
  /// Skip the files git ignores in the directories walked (not those named).
  bool Gitignore = true;
  std::shared_ptr<const Config> ForcedConfig;
  /// Only these files (absolute paths) with, if ChangedLinesOnly, only
  /// findings on these lines (0: every line).
  std::optional<std::map<std::string, std::set<unsigned>>> OnlyFiles;
  bool ChangedLinesOnly = false;
  /// Keep the path of every skipped file and every suppressed finding (an
  /// HTML report lists them; a text report only counts them).
  bool ListFiles = false;
  /// --shard K/N: only the files whose path (relative to ShardRoot when
  /// inside it) hashes to K-1 modulo N (ShardCount 0: every file).
  unsigned ShardIndex = 0, ShardCount = 0;
  std::string ShardRoot;
  /// The result cache's directory (driver/ResultCache.h); empty: no cache.
  std::string CacheDir;
  uint64_t CacheMaxBytes = 512ull << 20;
  /// The process ends after this run (verguard's main): what the run built
  /// to decide on the tree (indexes, listings, caches of names) is left to
  /// the OS instead of being freed one allocation at a time, as clang's
  /// -disable-free does. It stays reachable (no leak checker reports it).
  bool DisableFree = false;
  /// Called after each file (from worker threads, serialized).
  std::function<void(size_t Done, size_t Total, size_t Findings)> Progress;
};

struct FileSummary {
  std::string Path;
  Language Lang;
  bool Parsed = false; // false: skipped by the prefilter or unreadable
  std::string Content; // the bytes analyzed (for fixes and reports)
};

struct RunResult {
  std::vector<core::Finding> Findings;       // sorted, deduplicated
  std::vector<core::Diagnostic> Diagnostics; // sorted
  /// The files whose bytes were kept (those with findings or suppressions,
  /// for fixes and reports), sorted by path.
  std::vector<FileSummary> Files;
  unsigned FilesTotal = 0; // every file discovered
  std::map<std::string, unsigned> FilesByLanguage;
  unsigned Skipped = 0;
  std::map<std::string, unsigned> SkipReasons;
  /// With RunOptions::ListFiles: the files behind each skip reason, by path.
  std::map<std::string, std::vector<std::string>> SkippedFiles;
  unsigned Suppressed = 0;
  /// The findings inline comments suppressed (SARIF reports them, marked).
  std::vector<core::SuppressedFinding> SuppressedFindings;
  /// The bumps checked (the run's and those configuration files chose), in
  /// the order of rules/profiles.yaml.
  std::vector<const core::Bump *> Bumps;
  /// Of the files analyzed: parsed, and results the cache had; entries
  /// stored, and entries found corrupt (ignored and replaced).
  unsigned Parses = 0, CacheHits = 0, CacheStored = 0, CacheCorrupt = 0;
  /// Files whose verdict the stat index gave unread, and those it had that
  /// were read again for being racily clean.
  unsigned Unread = 0, RacilyClean = 0;
  bool ConfigError = false; // a .verguard.yaml could not be used
  unsigned BadPaths = 0;    // paths named that do not exist or are unreadable
};

/// The literals and names whose presence makes a file worth parsing.
std::vector<std::string> triggers(const RunOptions &Opts);
/// A cheap estimate of a script's tokens: runs of word characters and every
/// other visible character; a long string literal counts as little.
uint64_t estimateTokens(llvm::StringRef Text);

/// Discovers, reads, decodes, prefilters and analyzes every file in parallel;
/// output order does not depend on the number of jobs.
RunResult run(const RunOptions &Opts);

/// The order of every report: by file, line and column (and rule).
void sortFindings(std::vector<core::Finding> &Findings);
void sortDiagnostics(std::vector<core::Diagnostic> &Diags);

/// Analyzes one file's bytes (no discovery, no prefilter); used by run() and
/// by the fix verifier. With Deps, the other files the result depends on
/// are added to it (C/C++: the headers Clang found and the compile
/// database; a script depends on nothing but its own text).
void analyzeBytes(const std::string &Path, Language Lang, llvm::StringRef Bytes,
                  const RunOptions &Opts, std::vector<core::Finding> &Findings,
                  std::vector<core::Diagnostic> &Diags,
                  std::vector<std::string> *Deps = nullptr);

} // namespace verguard::driver

#endif
