//===- Driver.cpp ---------------------------------------------------------===//
#include "driver/Driver.h"

#include "llvm/Support/Threading.h"

#include "core/FileMemo.h"

#include "batch/BatchFrontend.h"
#include "core/SourceTable.h"
#include "cpp/CppFrontend.h"
#include "csharp/CSharpFrontend.h"
#include "driver/FileAnalysis.h"
#include "driver/Merge.h"
#include "driver/Scheduler.h"
#include "driver/Walk.h"
#include "inno/InnoFrontend.h"
#include "jscript/JScriptFrontend.h"
#include "nsis/NsisFrontend.h"
#include "powershell/PowerShellFrontend.h"
#include "python/PythonFrontend.h"
#include "script/Text.h"
#include "vbscript/VBScriptFrontend.h"
#include "wix/WixFrontend.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <deque>
#include <map>
#include <mutex>
#include <optional>

namespace verguard::driver {

namespace {

cpp::CompileDatabases &databases(const std::string &Dir) {
  static std::mutex Lock;
  static std::map<std::string, std::unique_ptr<cpp::CompileDatabases>> All;
  std::lock_guard<std::mutex> G(Lock);
  auto &Slot = All[Dir];
  if (!Slot)
    Slot = std::make_unique<cpp::CompileDatabases>(Dir);
  return *Slot;
}

} // namespace

std::vector<std::string> triggers(const RunOptions &Opts) {
  return core::triggerWords(*Opts.Check.Profiles, Opts.Check.Bumps,
                            Opts.Frontend.Sources);
}

uint64_t estimateTokens(llvm::StringRef Text) {
  uint64_t N = 0;
  bool InWord = false;
  for (char C : Text) {
    bool Word = llvm::isAlnum(C) || C == '_' || C == '$' || (C & 0x80);
    if (Word) {
      N += !InWord;
    } else if (!llvm::isSpace(C)) {
      ++N;
    }
    InWord = Word;
  }
  return N;
}

void analyzeBytes(const std::string &Path, Language Lang, llvm::StringRef Bytes,
                  const RunOptions &Opts, std::vector<core::Finding> &Findings,
                  std::vector<core::Diagnostic> &Diags,
                  std::vector<std::string> *Deps) {
  std::vector<core::Guard> Guards;
  if (Lang == Language::Cpp) {
    cpp::analyzeFile(Path, Bytes, databases(Opts.Frontend.CompileDbDir),
                     Opts.Frontend, Guards, Diags, Deps);
  } else {
    auto Text = script::decodeText(Bytes, Path);
    if (!Text) {
      fileNote(Diags, Path, core::Severity::Warning,
               llvm::toString(Text.takeError()));
      return;
    }
    switch (Lang) {
    case Language::PowerShell:
      powershell::lowerFile(Path, *Text, Opts.Frontend, Guards, Diags, Deps);
      break;
    case Language::VBScript:
    case Language::VBA:
      vbscript::lowerFile(Path, *Text, Opts.Frontend, Guards, Diags, Deps);
      // .wsf/.hta/.htm/.html: their JScript blocks too.
      jscript::lowerFile(Path, *Text, Opts.Frontend, Guards, Diags);
      break;
    case Language::Batch:
      batch::lowerFile(Path, *Text, Opts.Frontend, Guards, Diags);
      break;
    case Language::Python:
      python::lowerFile(Path, *Text, Opts.Frontend, Guards, Diags, Deps);
      break;
    case Language::Nsis:
      nsis::lowerFile(Path, *Text, Opts.Frontend, Guards, Diags, Deps);
      break;
    case Language::Inno:
      inno::lowerFile(Path, *Text, Opts.Frontend, Guards, Diags);
      break;
    case Language::Wix:
      wix::lowerFile(Path, *Text, Opts.Frontend, Guards, Diags, Deps);
      break;
    case Language::JScript:
      jscript::lowerFile(Path, *Text, Opts.Frontend, Guards, Diags);
      break;
    case Language::CSharp:
      csharp::lowerFile(Path, *Text, Opts.Frontend, Guards, Diags, Deps);
      break;
    default:
      break;
    }
  }
  auto F = rules::checkGuards(Guards, Opts.Check);
  Findings.insert(Findings.end(), std::make_move_iterator(F.begin()),
                  std::make_move_iterator(F.end()));
}

namespace {
/// An include or exclude pattern that matched nothing in a tree walked
/// whole is a mistake (a `*` that no longer crosses `/`, a moved
/// directory): say so, where it is written.
void unusedPatterns(ConfigFinder &Configs, const DiscoverResult &Walked,
                    std::vector<core::Diagnostic> &Diags) {
  for (const auto &C : Configs.loaded()) {
    bool Whole = llvm::any_of(Walked.Walked, [&](const std::string &W) {
      return C->Dir == W || llvm::StringRef(C->Dir).starts_with(W + "/");
    });
    if (!Whole)
      continue;
    for (const char *Key : {"include", "exclude"})
      for (const GlobRule *G :
           (Key[0] == 'i' ? C->Include : C->Exclude).unused()) {
        core::Diagnostic D;
        D.Level = core::Severity::Warning;
        D.Where.File = C->Path;
        D.Where.Line = G->Line;
        D.Where.Col = G->Col;
        D.Message = std::string(Key) + " pattern '" + G->Text +
                    "' matches no file (patterns follow .gitignore "
                    "syntax: `*` does not cross `/`)";
        Diags.push_back(std::move(D));
      }
  }
}

/// The stat index of a tree audit (every path a directory, no file list, no
/// stdin), named by what decides its verdicts: the settings, the
/// directories, the shard and the token limit.
std::unique_ptr<StatIndex> statIndex(const RunOptions &Opts,
                                     RunSettings &Settings) {
  if (Opts.CacheDir.empty() || Opts.StdinText || Opts.OnlyFiles ||
      Opts.Paths.empty())
    return nullptr;
  std::string Id = Settings.baseKey();
  std::vector<std::string> Roots;
  for (const std::string &P : Opts.Paths) {
    if (!llvm::sys::fs::is_directory(P))
      return nullptr;
    llvm::SmallString<256> A(P);
    llvm::sys::fs::make_absolute(A);
    llvm::sys::path::remove_dots(A, /*remove_dot_dot=*/true);
    Roots.push_back(A.str().str());
  }
  llvm::sort(Roots);
  for (const std::string &R : Roots)
    Id += "\n" + R;
  Id += "\nshard " + std::to_string(Opts.ShardIndex) + "/" +
        std::to_string(Opts.ShardCount) + " " + Opts.ShardRoot + "\ntokens " +
        std::to_string(Opts.MaxScriptTokens) + " gitignore " +
        std::to_string(Opts.Gitignore);
  return std::make_unique<StatIndex>(
      Opts.CacheDir + "/index", ResultCache::digest(Id), std::move(Roots),
      /*Background=*/Opts.Jobs != 1 &&
          llvm::hardware_concurrency().compute_thread_count() > 1,
      Settings.sharedDirs());
}
} // namespace

RunResult run(const RunOptions &Opts) {
  core::beginFileMemoRun();
  RunResult R;
  // On the heap, to be left to the OS with Opts.DisableFree (below): at -j 2
  // freeing a tree's worth of them was a tenth of a cold audit.
  auto SettingsP = std::make_unique<RunSettings>(Opts);
  auto ConfigsP = std::make_unique<ConfigFinder>(Opts.ForcedConfig);
  RunSettings &Settings = *SettingsP;
  ConfigFinder &Configs = *ConfigsP;
  std::unique_ptr<ResultCache> Cache;
  if (!Opts.CacheDir.empty())
    Cache = std::make_unique<ResultCache>(Opts.CacheDir, Opts.CacheMaxBytes);
  std::unique_ptr<StatIndex> Index = statIndex(Opts, Settings);
  auto AnalyzerP = std::make_unique<FileAnalyzer>(Opts, Settings, Configs,
                                                  Cache.get(), Index.get());
  FileAnalyzer &Analyzer = *AnalyzerP;
  Scheduler Sched(Opts.Jobs, Opts.Progress);
  std::vector<Tally> Tallies(Sched.workers());
  std::vector<ConfigFinder::Recent> Recent(Sched.workers());
  // Files are analyzed as the walk finds them (deques: what a worker holds
  // stays put while the walk appends). A file's result is kept only if a
  // report shows something of it (null otherwise), and those are put in
  // path order at the end: a large tree has tens of thousands of files and
  // a handful of them to show.
  ConfigFinder::Recent WalkRecent;
  std::deque<DiscoveredFile> Found;
  std::deque<std::unique_ptr<FileResult>> Results;
  DiscoverResult Walked = walkInputs(
      Opts, R.Diagnostics,
      [&](DiscoveredFile F) {
        // Only this thread appends; workers hold references, which a deque
        // keeps valid.
        DiscoveredFile *File = &Found.emplace_back(std::move(F));
        std::unique_ptr<FileResult> *Slot = &Results.emplace_back();
        Sched.add([&, File, Slot](unsigned W, bool Defer) -> TaskStep {
          FileResult Out;
          if (!Analyzer.analyze(*File, Out, Recent[W], Defer))
            // -j N: the parses come last, C/C++ first, then the largest.
            return {(File->Lang == Language::Cpp ? 1ull << 62 : 0) + Out.Size};
          Tallies[W].count(File->Lang, Out);
          size_t N = Out.Findings.size();
          if (Out.worthKeeping(Opts.ListFiles))
            *Slot = std::make_unique<FileResult>(std::move(Out));
          else
            std::string().swap(File->Path); // freed here, in parallel
          return {std::nullopt, N};
        });
      },
      [&](const DiscoveredFile &F) {
        // Another shard's file: its configuration's patterns still match
        // it, so that no shard calls one of them unused.
        if (!Opts.UseConfigFiles && !Opts.ForcedConfig)
          return;
        auto C = Configs.forFile(F.Path, &WalkRecent);
        if (!C)
          llvm::consumeError(C.takeError()); // that shard reports it
        else if (*C)
          (*C)->selects(F.Path);
      },
      [&](llvm::StringRef Dir, DirectoryMarks Marks,
          llvm::ArrayRef<DirEntry> Entries) {
        Configs.listed(Dir, Marks);
        // Where a C/C++ file's quoted includes may be looked for (next to
        // it, or in include/ of it or of a parent: every directory's
        // listing, so that none is listed again, nor a missing include/
        // looked for).
        Settings.dirs().listed(Dir, Entries);
      },
      [&](llvm::ArrayRef<DiscoveredFile> Files) {
        if (Index)
          for (const DiscoveredFile &F : Files)
            Index->seen(F.Path, F.Stamp);
      });
  R.BadPaths = Walked.BadPaths;
  Sched.finish();
  if (Cache) {
    Cache->prune();
    R.CacheStored = Cache->Stored;
    R.CacheCorrupt = Cache->Corrupt;
  }
  if (Index) {
    Index->save();
    R.Unread = Index->Reused;
    R.RacilyClean = Index->Racy;
  }
  Tally Totals;
  for (const Tally &T : Tallies)
    Totals.add(T);
  Totals.into(R);
  std::vector<KeptFile> Kept;
  for (size_t I = 0; I < Found.size(); ++I)
    if (Results[I])
      Kept.push_back({&Found[I], Results[I].get()});
  mergeFiles(std::move(Kept), Opts, R);
  R.Bumps = Settings.bumpsChecked();
  if (!Opts.OnlyFiles)
    unusedPatterns(Configs, Walked, R.Diagnostics);
  finishResult(R);
  if (Opts.DisableFree) {
    // A raw pointer's target is never destroyed, and keeps them reachable.
    static auto *Left = new std::vector<std::shared_ptr<void>>;
    Left->push_back(std::move(AnalyzerP));
    Left->push_back(std::move(Index));
    Left->push_back(std::move(Cache));
    Left->push_back(std::move(ConfigsP));
    Left->push_back(std::move(SettingsP));
  }
  return R;
}

} // namespace verguard::driver
