//===- FileAnalysis.h - one file: configuration, prefilter, parse -*- C++ -*-=//
#ifndef VERGUARD_DRIVER_FILEANALYSIS_H
#define VERGUARD_DRIVER_FILEANALYSIS_H

#include "driver/Config.h"
#include "driver/Driver.h"
#include "driver/Prefilter.h"
#include "driver/ResultCache.h"
#include "driver/StatIndex.h"
#include "driver/Suppressions.h"

#include <map>
#include <memory>
#include <mutex>

namespace verguard::driver {

/// What the analysis of one file gave.
struct FileResult {
  std::vector<core::Finding> Findings;
  std::vector<core::Diagnostic> Diags;
  bool Parsed = false;    // analyzed (parsed, or its result from the cache)
  bool FromCache = false; // the result came from the cache, not a parse
  std::string Content;    // the bytes, if a report shows them
  const char *SkipReason = nullptr; // a literal: why it was not parsed
  bool ConfigError = false;
  std::vector<Suppression> Suppressions;
  bool ReportUnused = true; // VG100 enabled for this file
  size_t Size = 0;          // bytes read

  /// Whether a report shows anything of the file (else it is dropped).
  bool worthKeeping(bool ListFiles) const {
    return !Findings.empty() || !Diags.empty() || !Content.empty() ||
           !Suppressions.empty() || (ListFiles && SkipReason);
  }
};

/// The options and prefilter of the run, and of each configuration file (it
/// can change the rules, bumps and sources), derived once per configuration,
/// not once per file. Thread-safe.
class RunSettings {
public:
  explicit RunSettings(const RunOptions &Opts);
  struct Effective {
    RunOptions Use;
    std::unique_ptr<Prefilter> PF;
    std::string CacheKey; // ResultCache::settingsKey(Use), with a cache
    /// What tells these settings from the run's others, cache or not: the
    /// key of what the frontends keep for the run per settings (a project
    /// index, what an imported module holds).
    std::string Id;
  };
  /// The settings of the files under C (null: no configuration).
  Effective &forConfig(const Config *C);
  /// The result-cache settings key of the run's own options.
  const std::string &baseKey() const { return Base.CacheKey; }
  /// The bumps checked: those of the run, if some file used no
  /// configuration, and those of every configuration used, in the order of
  /// rules/profiles.yaml.
  std::vector<const core::Bump *> bumpsChecked();
  /// The directory listings every prefilter of the run shares (the walk
  /// hands it those of the tree).
  DirListings &dirs() { return *Dirs; }
  std::shared_ptr<DirListings> sharedDirs() { return Dirs; }

private:
  const RunOptions &Opts;
  std::shared_ptr<DirListings> Dirs = std::make_shared<DirListings>();
  Effective Base;
  std::mutex Lock;
  std::map<const Config *, std::unique_ptr<Effective>> ByConfig;
  std::atomic<bool> BaseUsed = false;
};

/// Analyzes one discovered file: its configuration, its bytes (read or from
/// stdin), decoding, the prefilter, suppression comments, the token limit,
/// the parse under the time limit, or its result from Cache (if given);
/// with Index too, a file that stat() shows unchanged keeps its verdict
/// unread. Thread-safe: one per run.
class FileAnalyzer {
public:
  FileAnalyzer(const RunOptions &Opts, RunSettings &Settings,
               ConfigFinder &Configs, ResultCache *Cache = nullptr,
               StatIndex *Index = nullptr)
      : Opts(Opts), Settings(Settings), Configs(Configs), Cache(Cache),
        Index(Cache ? Index : nullptr) {}
  /// Analyzes F into Out. With Defer, a file that needs a parse is left as
  /// it is and false returned: it is analyzed again, in full, later.
  bool analyze(const DiscoveredFile &F, FileResult &Out,
               ConfigFinder::Recent &Last, bool Defer);

private:
  /// Parses F (under the time limit) and keeps the result in the cache;
  /// returns the entry's checksum ("": not kept), its dependencies in Deps.
  std::string parse(const DiscoveredFile &F, llvm::StringRef Bytes,
                    const RunOptions &Use, const std::string &Key,
                    FileResult &Out, std::vector<std::string> &Deps);
  /// Out from the verdict the stat index kept for F (false: not usable).
  bool fromIndex(const IndexVerdict &V, const RunOptions &Use, FileResult &Out);

  const RunOptions &Opts;
  RunSettings &Settings;
  ConfigFinder &Configs;
  ResultCache *Cache;
  StatIndex *Index;
};

/// A message about a whole file (no line).
void fileNote(std::vector<core::Diagnostic> &Diags, llvm::StringRef Path,
              core::Severity S, std::string Msg);

} // namespace verguard::driver

#endif
