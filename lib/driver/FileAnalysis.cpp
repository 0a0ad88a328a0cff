//===- FileAnalysis.cpp ---------------------------------------------------===//
#include "driver/FileAnalysis.h"

#include "core/Deadline.h"
#include "cpp/CppFrontend.h"
#include "csharp/Project.h"
#include "driver/CodeRegions.h"
#include "driver/ReadFile.h"
#include "jscript/JScriptFrontend.h"
#include "nsis/NsisFrontend.h"
#include "powershell/PowerShellFrontend.h"
#include "python/PythonFrontend.h"
#include "script/Text.h"
#include "vbscript/VBScriptFrontend.h"

#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"

#include <chrono>
#include <cstring>

namespace verguard::driver {

void fileNote(std::vector<core::Diagnostic> &Diags, llvm::StringRef Path,
              core::Severity S, std::string Msg) {
  core::Diagnostic D;
  D.Level = S;
  D.Where.File = Path.str();
  D.Message = std::move(Msg);
  Diags.push_back(std::move(D));
}

namespace {
// The literals the bumps separate, for the file prefilter, and unless
// every body is wanted, the triggers of the body and parse plans.
void derive(RunSettings::Effective &S, bool Cache,
            std::shared_ptr<DirListings> Dirs) {
  if (S.Use.Prefilter && S.Use.SkipBodies)
    S.Use.Frontend.Triggers = triggers(S.Use);
  S.PF = std::make_unique<Prefilter>(BumpLiterals::of(*S.Use.Check.Profiles,
                                                      S.Use.Check.Bumps,
                                                      S.Use.Frontend.Sources),
                                     std::move(Dirs));
  if (Cache)
    S.CacheKey = ResultCache::settingsKey(S.Use);
  S.Id = ResultCache::digest(ResultCache::settingsText(S.Use));
}

/// A configuration error as a diagnostic at its place in the file
/// ("path:line:col: message"), else on File.
core::Diagnostic configError(std::string Msg, llvm::StringRef File) {
  core::Diagnostic D;
  D.Level = core::Severity::Error;
  llvm::SmallVector<llvm::StringRef, 4> M;
  if (llvm::Regex("^(.*\\.verguard\\.ya?ml):([0-9]+):([0-9]+): (.*)$")
          .match(Msg, &M)) {
    D.Where.File = M[1].str();
    M[2].getAsInteger(10, D.Where.Line);
    M[3].getAsInteger(10, D.Where.Col);
    D.Message = M[4].str();
  } else {
    D.Where.File = File.str();
    D.Message = std::move(Msg);
  }
  return D;
}
} // namespace

RunSettings::RunSettings(const RunOptions &Opts) : Opts(Opts) {
  Base.Use = Opts;
  derive(Base, !Opts.CacheDir.empty(), Dirs);
}

RunSettings::Effective &RunSettings::forConfig(const Config *C) {
  if (!C) {
    if (!BaseUsed.load(std::memory_order_relaxed))
      BaseUsed.store(true, std::memory_order_relaxed);
    return Base;
  }
  std::lock_guard<std::mutex> G(Lock);
  auto &Slot = ByConfig[C];
  if (!Slot) {
    Slot = std::make_unique<Effective>();
    RunOptions &Eff = Slot->Use;
    Eff.Frontend = Opts.Frontend;
    Eff.Check = Opts.Check;
    Eff.Jobs = Opts.Jobs;
    Eff.Prefilter = Opts.Prefilter;
    Eff.SkipBodies = Opts.SkipBodies;
    Eff.MaxScriptTokens = Opts.MaxScriptTokens;
    llvm::consumeError(C->apply(Eff.Check, Eff.Frontend));
    derive(*Slot, !Opts.CacheDir.empty(), Dirs);
  }
  return *Slot;
}

std::vector<const core::Bump *> RunSettings::bumpsChecked() {
  std::vector<const core::Bump *> Out;
  if (BaseUsed)
    Out = Base.Use.Check.Bumps;
  std::lock_guard<std::mutex> G(Lock);
  for (const auto &[_, S] : ByConfig)
    for (const core::Bump *B : S->Use.Check.Bumps)
      if (!llvm::is_contained(Out, B))
        Out.push_back(B);
  // Bumps all point into one ProfileSet: its order is the file's.
  llvm::sort(Out);
  return Out;
}

std::string FileAnalyzer::parse(const DiscoveredFile &F, llvm::StringRef Bytes,
                                const RunOptions &Use, const std::string &Key,
                                FileResult &Out,
                                std::vector<std::string> &Deps) {
  size_t DiagsBefore = Out.Diags.size();
  core::setDeadline(Use.Frontend.TimeoutMs);
  auto Start = std::chrono::steady_clock::now();
  analyzeBytes(F.Path, F.Lang, Bytes, Use, Out.Findings, Out.Diags,
               Cache ? &Deps : nullptr);
  auto Took = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - Start)
                  .count();
  bool Cut = core::deadlineHit() || (Use.Frontend.TimeoutMs &&
                                     (uint64_t)Took >= Use.Frontend.TimeoutMs);
  if (Cut)
    fileNote(Out.Diags, F.Path, core::Severity::Warning,
             "time limit of " + std::to_string(Use.Frontend.TimeoutMs / 1000) +
                 " s reached; findings for this file may be incomplete "
                 "(see --timeout)");
  core::setDeadline(0);
  // A result cut short or marred by an error (a crash) is not kept: the
  // next run tries again.
  if (!Cache || Cut || llvm::any_of(Out.Diags, [](const core::Diagnostic &D) {
        return D.Level == core::Severity::Error;
      }))
    return "";
  CachedResult R;
  R.Findings = Out.Findings;
  R.Diags.assign(Out.Diags.begin() + DiagsBefore, Out.Diags.end());
  return Cache->store(Key, R, Deps);
}

namespace {
// The skip reasons a stat index can give (Tally counts them by address).
const char *const PrefilterReason = "cannot hold a finding (prefilter)";
const char *const HtmlReason = "HTML without VBScript";
const char *const NoHostReason =
    ".js files without Windows Script Host objects";
} // namespace

bool FileAnalyzer::fromIndex(const IndexVerdict &V, const RunOptions &Use,
                             FileResult &Out) {
  switch (V.What) {
  case IndexVerdict::Prefiltered:
    Out.SkipReason = PrefilterReason;
    return true;
  case IndexVerdict::Html:
    Out.SkipReason = HtmlReason;
    return true;
  case IndexVerdict::Cached:
    break;
  }
  // Only results without findings are indexed (those need the bytes).
  auto Hit = Cache->lookupChecked(V.Key, V.Sum);
  if (!Hit || !Hit->Findings.empty())
    return false;
  Out.Parsed = Out.FromCache = true;
  Out.ReportUnused = Use.Check.enabled("VG100");
  Out.Diags.insert(Out.Diags.end(), Hit->Diags.begin(), Hit->Diags.end());
  return true;
}

bool FileAnalyzer::analyze(const DiscoveredFile &F, FileResult &Out,
                           ConfigFinder::Recent &Last, bool Defer) {
  // The file's own configuration.
  std::shared_ptr<const Config> Cfg;
  if (Opts.UseConfigFiles || Opts.ForcedConfig) {
    auto C = Configs.forFile(F.Path, &Last);
    if (!C) {
      Out.Diags.push_back(configError(llvm::toString(C.takeError()), F.Path));
      Out.ConfigError = true;
      Out.SkipReason = "invalid configuration";
    } else {
      Cfg = *C;
    }
  }
  if (Cfg && !Cfg->selects(F.Path))
    Out.SkipReason = "excluded by configuration";
  RunSettings::Effective &Eff = Settings.forConfig(Cfg.get());
  const RunOptions *Use = &Eff.Use;
  // Unchanged since the last run (stat index): its verdict, unread.
  if (Index && !Out.SkipReason && !Opts.StdinText)
    if (auto V = Index->reuse(F.Path, Eff.CacheKey, F.Stamp))
      if (fromIndex(*V, *Use, Out))
        return true;
  // A C# file its project's index read already and found quiet, in a
  // project without hot types: the prefilter's verdict, without reading it
  // again (that index reads every file of the project first).
  if (F.Lang == Language::CSharp && !Out.SkipReason && !Opts.StdinText &&
      Use->Prefilter) {
    std::shared_ptr<const std::vector<std::string>> ProjectFiles;
    if (csharp::projectQuiet(F.Path, Eff.Id, &ProjectFiles)) {
      Out.SkipReason = PrefilterReason;
      if (Index) {
        IndexVerdict V;
        V.SettingsKey = Eff.CacheKey;
        V.Shared.push_back(std::move(ProjectFiles));
        Index->record(F.Path, F.Stamp, std::move(V));
      }
      return true;
    }
  }
  // Read into this thread's buffer: no mapping, few system calls.
  thread_local llvm::SmallVector<char, 0> Buffer;
  std::error_code ReadError;
  bool Postponed = false;
  FileStamp Stamp;
  IndexVerdict Verdict; // what the index keeps of this run's verdict
  Verdict.SettingsKey = Eff.CacheKey;
  bool Indexable = false;
  if (Out.SkipReason) {
  } else if (Opts.StdinText) {
    Buffer.assign(Opts.StdinText->begin(), Opts.StdinText->end());
  } else {
    ReadError = readFile(F.Path, Buffer, Index ? &Stamp : nullptr, &F.Stamp);
  }
  if (Out.SkipReason) {
  } else if (ReadError) {
    Out.SkipReason = "unreadable";
    fileNote(Out.Diags, F.Path, core::Severity::Error,
             "cannot read: " + ReadError.message());
  } else {
    llvm::StringRef Bytes(Buffer.data(), Buffer.size());
    Out.Size = Bytes.size();
    bool Vbe = llvm::sys::path::extension(F.Path).equals_insensitive(".vbe") ||
               llvm::sys::path::extension(F.Path).equals_insensitive(".jse");
    bool Html =
        llvm::sys::path::extension(F.Path).starts_with_insensitive(".htm");
    bool Wanted = true;
    // UTF-16 text is searched decoded; a binary file is not searched.
    std::string Decoded;
    llvm::StringRef Searched = Bytes;
    if (auto T = script::scanText(Bytes, F.Path, Decoded)) {
      Searched = *T;
    } else {
      fileNote(Out.Diags, F.Path, core::Severity::Warning,
               llvm::toString(T.takeError()));
      Wanted = false;
      Out.SkipReason = "binary or undecodable";
    }
    Prefilter &PF = *Eff.PF;
    Sighting Seen;
    if (Wanted)
      Seen = PF.look(Searched, dialectOf(F.Path, F.Lang));
    // A project header, as the files including it would read it.
    if (Wanted && F.Lang == Language::Cpp && Searched.data() == Bytes.data() &&
        cpp::isHeader(F.Path))
      PF.looked(F.Path, Searched, Seen);
    // A file with a suppression comment is analyzed, whatever the
    // prefilter says, so that an unused one is reported (VG100).
    if (Wanted && Seen.Suppression && Searched.contains("verguard: ignore"))
      Out.Suppressions = findSuppressions(F.Path, Bytes, F.Lang);
    if (!Wanted) {
    } else if (F.Lang == Language::JScript && !Vbe &&
               !jscript::usesHostObjects(Searched)) {
      Wanted = false; // web or Node code: a byte scan, no parse
      Out.SkipReason = NoHostReason;
    } else if (Html && !Seen.VBScript && !jscript::hasJScriptBlock(Searched)) {
      Wanted = false; // an HTML page without VBScript
      Out.SkipReason = HtmlReason;
      Verdict.What = IndexVerdict::Html;
      Indexable = Index && Out.Diags.empty() && Out.Suppressions.empty();
    } else if (Use->Prefilter && !Vbe && !Seen.Trigger &&
               Out.Suppressions.empty()) {
      bool Headers = F.Lang == Language::Cpp && !Seen.Includes.empty();
      // Project files the verdict depends on: NSIS includes not there yet,
      // Python modules imported (and where those not found would be), a C#
      // project's files and folders.
      std::vector<std::string> NotYet;
      std::shared_ptr<const std::vector<std::string>> ProjectFiles;
      // Whether another file of the project (a module, a declaration) holds
      // what this one lacks, as this file's own look would say.
      // With Quiet (C#): also whether nothing in T is to be analyzed.
      auto HoldsOrQuiet = [&](llvm::StringRef T, bool *Quiet) {
        Sighting S = PF.look(T, dialectOf(F.Path, F.Lang));
        if (Quiet)
          *Quiet = !S.Trigger && !S.Suppression;
        return S.Trigger;
      };
      auto Holds = [&](llvm::StringRef T) { return HoldsOrQuiet(T, nullptr); };
      Wanted =
          (Headers && PF.headerHolds(F.Path, Searched, Seen)) ||
          (F.Lang == Language::Nsis &&
           nsis::includesProjectFile(F.Path, Searched, &NotYet)) ||
          (F.Lang == Language::Python &&
           python::importsHold(F.Path, Searched, Eff.Id, Holds, &NotYet)) ||
          (F.Lang == Language::PowerShell &&
           powershell::importsHold(F.Path, Searched, Eff.Id, Holds, &NotYet)) ||
          (F.Lang == Language::CSharp &&
           csharp::projectHolds(F.Path, Searched, HoldsOrQuiet, Eff.Id,
                                &ProjectFiles)) ||
          ((F.Lang == Language::VBA || F.Lang == Language::VBScript) &&
           vbscript::projectHolds(
               F.Path, Searched,
               [&](llvm::StringRef T) {
                 return PF.look(T, Dialect::VB).Trigger;
               },
               Eff.Id, &NotYet));
      if (!Wanted) {
        Out.SkipReason = PrefilterReason;
        Verdict.What = IndexVerdict::Prefiltered;
        Indexable = Index && Out.Diags.empty();
        if (Indexable && Headers)
          PF.headerDeps(F.Path, Searched, Seen, Verdict.Shared);
        if (Indexable) {
          Verdict.Deps.insert(Verdict.Deps.end(), NotYet.begin(), NotYet.end());
          if (ProjectFiles)
            Verdict.Shared.push_back(std::move(ProjectFiles));
        }
      }
    }
    if (Wanted && Defer) {
      Postponed = true; // all of it again, in the second pass
    } else {
      Out.ReportUnused = Use->Check.enabled("VG100");
      if (Wanted && F.Lang != Language::Cpp && Use->MaxScriptTokens) {
        uint64_t Tokens = estimateTokens(Searched);
        if (Tokens > Use->MaxScriptTokens) {
          Wanted = false;
          Out.SkipReason = "too many tokens to parse";
          fileNote(Out.Diags, F.Path, core::Severity::Warning,
                   "about " + std::to_string(Tokens) +
                       " tokens, more than the limit of " +
                       std::to_string(Use->MaxScriptTokens) +
                       " (parsing needs about 2 KB of memory per token); "
                       "skipped (see --max-script-tokens)");
        }
      }
      if (Wanted) {
        Out.Parsed = true;
        std::string Key;
        if (Cache) {
          Key = ResultCache::key(Eff.CacheKey, F.Path, Bytes);
          if (auto Hit = Cache->lookup(Key)) {
            Out.FromCache = true;
            Out.Findings = std::move(Hit->Findings);
            Out.Diags.insert(Out.Diags.end(), Hit->Diags.begin(),
                             Hit->Diags.end());
            Verdict.Sum = std::move(Hit->Sum);
            Verdict.Deps = std::move(Hit->Deps);
          }
        }
        if (!Out.FromCache)
          Verdict.Sum = parse(F, Bytes, *Use, Key, Out, Verdict.Deps);
        if (!Out.Findings.empty() || !Out.Suppressions.empty())
          Out.Content = Bytes.str();
        // A result with findings needs the bytes: it is not indexed.
        Verdict.What = IndexVerdict::Cached;
        Verdict.Key = std::move(Key);
        Indexable = Index && !Verdict.Sum.empty() && Out.Content.empty();
      }
    }
  }
  if (Indexable && !Postponed)
    Index->record(F.Path, Stamp, std::move(Verdict));
  // A huge file's buffer is not kept for the rest of the run.
  if (Buffer.capacity() > (16u << 20))
    Buffer = llvm::SmallVector<char, 0>();
  return !Postponed;
}

} // namespace verguard::driver
