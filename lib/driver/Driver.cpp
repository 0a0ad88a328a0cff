//===- Driver.cpp ---------------------------------------------------------===//
#include "driver/Driver.h"

#include "core/Deadline.h"
#include "core/SourceTable.h"
#include "cpp/CppFrontend.h"
#include "driver/Prefilter.h"
#include "driver/ReadFile.h"
#include "driver/Suppressions.h"
#include "powershell/PowerShellFrontend.h"
#include "script/Text.h"
#include "vbscript/VBScriptFrontend.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <set>

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

void fileNote(std::vector<core::Diagnostic> &Diags, llvm::StringRef Path,
              core::Severity S, std::string Msg) {
  core::Diagnostic D;
  D.Level = S;
  D.Where.File = Path.str();
  D.Message = std::move(Msg);
  Diags.push_back(std::move(D));
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
                  std::vector<core::Diagnostic> &Diags) {
  std::vector<core::Guard> Guards;
  if (Lang == Language::Cpp) {
    cpp::analyzeFile(Path, Bytes, databases(Opts.Frontend.CompileDbDir),
                     Opts.Frontend, Guards, Diags);
  } else {
    auto Text = script::decodeText(Bytes, Path);
    if (!Text) {
      fileNote(Diags, Path, core::Severity::Warning,
               llvm::toString(Text.takeError()));
      return;
    }
    switch (Lang) {
    case Language::PowerShell:
      powershell::lowerFile(Path, *Text, Opts.Frontend, Guards, Diags);
      break;
    case Language::VBScript:
    case Language::VBA:
      vbscript::lowerFile(Path, *Text, Opts.Frontend, Guards, Diags);
      break;
    default:
      break;
    }
  }
  for (const core::Guard &G : Guards) {
    auto F = rules::checkGuard(G, Opts.Check);
    Findings.insert(Findings.end(), std::make_move_iterator(F.begin()),
                    std::make_move_iterator(F.end()));
  }
}

void sortFindings(std::vector<core::Finding> &Findings) {
  std::stable_sort(
      Findings.begin(), Findings.end(),
      [](const core::Finding &A, const core::Finding &B) {
        return std::tie(A.Where.File, A.Where.Line, A.Where.Col, A.RuleId) <
               std::tie(B.Where.File, B.Where.Line, B.Where.Col, B.RuleId);
      });
}

void sortDiagnostics(std::vector<core::Diagnostic> &Diags) {
  std::stable_sort(Diags.begin(), Diags.end(),
                   [](const core::Diagnostic &A, const core::Diagnostic &B) {
                     return std::tie(A.Where.File, A.Where.Line) <
                            std::tie(B.Where.File, B.Where.Line);
                   });
}

RunResult run(const RunOptions &Opts) {
  RunResult R;
  // The options and prefilter of the run, and of each configuration file
  // (it can change the rules, bumps and sources), derived once per config,
  // not once per file.
  struct Settings {
    RunOptions Use;
    std::unique_ptr<Prefilter> PF;
  };
  // The literals the bumps separate, for the file prefilter, and unless
  // every body is wanted, the triggers of the body and parse plans.
  auto Derive = [](Settings &S) {
    if (S.Use.Prefilter && S.Use.SkipBodies)
      S.Use.Frontend.Triggers = triggers(S.Use);
    S.PF = std::make_unique<Prefilter>(BumpLiterals::of(
        *S.Use.Check.Profiles, S.Use.Check.Bumps, S.Use.Frontend.Sources));
  };
  Settings Base{Opts, nullptr};
  Derive(Base);
  std::mutex SettingsLock;
  std::map<const Config *, std::unique_ptr<Settings>> ByConfig;
  std::atomic<bool> BaseUsed = false; // some file has no configuration
  auto SettingsFor =
      [&](const Config *C) -> std::pair<const RunOptions *, Prefilter *> {
    if (!C) {
      if (!BaseUsed.load(std::memory_order_relaxed))
        BaseUsed.store(true, std::memory_order_relaxed);
      return {&Base.Use, Base.PF.get()};
    }
    std::lock_guard<std::mutex> G(SettingsLock);
    auto &Slot = ByConfig[C];
    if (!Slot) {
      Slot = std::make_unique<Settings>();
      RunOptions &Eff = Slot->Use;
      Eff.Frontend = Opts.Frontend;
      Eff.Check = Opts.Check;
      Eff.Jobs = Opts.Jobs;
      Eff.Prefilter = Opts.Prefilter;
      Eff.SkipBodies = Opts.SkipBodies;
      Eff.MaxScriptTokens = Opts.MaxScriptTokens;
      llvm::consumeError(C->apply(Eff.Check, Eff.Frontend));
      Derive(*Slot);
    }
    return {&Slot->Use, Slot->PF.get()};
  };
  struct PerFile {
    std::vector<core::Finding> Findings;
    std::vector<core::Diagnostic> Diags;
    bool Parsed = false;
    std::string Content;
    const char *SkipReason = nullptr; // a literal: why it was not parsed
    bool ConfigError = false;
    std::vector<Suppression> Suppressions;
    bool ReportUnused = true; // VG100 enabled for this file
    size_t Size = 0;          // bytes read
  };
  // What the end of the run needs of every file: counts. A worker keeps
  // its own and adds them to the run's when it is done.
  struct Tally {
    unsigned ByLanguage[size_t(Language::None) + 1] = {};
    unsigned Skipped = 0;
    bool ConfigError = false;
    std::vector<std::pair<const char *, unsigned>> Reasons; // by literal
    void count(Language Lang, const PerFile &P) {
      ++ByLanguage[size_t(Lang)];
      Skipped += !P.Parsed;
      ConfigError |= P.ConfigError;
      if (P.SkipReason)
        reason(P.SkipReason, 1);
    }
    void reason(const char *R, unsigned N) {
      auto It =
          llvm::find_if(Reasons, [&](const auto &E) { return E.first == R; });
      if (It == Reasons.end())
        Reasons.push_back({R, N});
      else
        It->second += N;
    }
    void add(const Tally &O) {
      for (size_t L = 0; L <= size_t(Language::None); ++L)
        ByLanguage[L] += O.ByLanguage[L];
      Skipped += O.Skipped;
      ConfigError |= O.ConfigError;
      for (auto [R, N] : O.Reasons)
        reason(R, N);
    }
  };
  Tally Totals;
  std::mutex TallyLock;
  ConfigFinder Configs(Opts.ForcedConfig);
  // Files are analyzed as the walk finds them (deques: what a worker holds
  // stays put while the walk appends). A file's result is kept only if a
  // report shows something of it (null otherwise), and those are put in
  // path order at the end: a large tree has tens of thousands of files and
  // a handful of them to show.
  std::deque<DiscoveredFile> FoundFiles;
  std::deque<std::unique_ptr<PerFile>> FoundResults;
  std::mutex ProgressLock;
  size_t Done = 0, FindingsSoFar = 0, Total = 0; // Total: 0 while walking
  // Analyzes F into Out. With Defer, a file that needs a parse is left as
  // it is (false): it is analyzed again, in full, after every file that
  // does not.
  auto Analyze = [&](const DiscoveredFile &F, PerFile &Out,
                     ConfigFinder::Recent &Last, bool Defer) {
    // The file's own configuration.
    std::shared_ptr<const Config> Cfg;
    if (Opts.UseConfigFiles || Opts.ForcedConfig) {
      auto C = Configs.forFile(F.Path, &Last);
      if (!C) {
        std::string Msg = llvm::toString(C.takeError());
        // "path:line:col: message"
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
          D.Where.File = F.Path;
          D.Message = Msg;
        }
        Out.Diags.push_back(std::move(D));
        Out.ConfigError = true;
        Out.SkipReason = "invalid configuration";
      } else {
        Cfg = *C;
      }
    }
    if (Cfg && !Cfg->selects(F.Path))
      Out.SkipReason = "excluded by configuration";
    auto [Use, PFor] = SettingsFor(Cfg.get());
    // Read into this thread's buffer: no mapping, few system calls.
    thread_local llvm::SmallVector<char, 0> Buffer;
    std::error_code ReadError;
    bool Postponed = false;
    if (Out.SkipReason) {
    } else if (Opts.StdinText) {
      Buffer.assign(Opts.StdinText->begin(), Opts.StdinText->end());
    } else {
      ReadError = readFile(F.Path, Buffer);
    }
    if (Out.SkipReason) {
    } else if (ReadError) {
      Out.SkipReason = "unreadable";
      fileNote(Out.Diags, F.Path, core::Severity::Error,
               "cannot read: " + ReadError.message());
    } else {
      llvm::StringRef Bytes(Buffer.data(), Buffer.size());
      Out.Size = Bytes.size();
      bool Vbe = llvm::sys::path::extension(F.Path).equals_insensitive(".vbe");
      bool Html =
          llvm::sys::path::extension(F.Path).starts_with_insensitive(".htm");
      bool Wanted = true;
      // NUL bytes: UTF-16 text (searched decoded) or a binary file.
      std::string Decoded;
      llvm::StringRef Searched = Bytes;
      if (Bytes.starts_with("\xFF\xFE") || Bytes.starts_with("\xFE\xFF") ||
          memchr(Bytes.data(), 0, Bytes.size())) {
        auto T = script::decodeText(Bytes, F.Path);
        if (!T) {
          fileNote(Out.Diags, F.Path, core::Severity::Warning,
                   llvm::toString(T.takeError()));
          Wanted = false;
          Out.SkipReason = "binary or undecodable";
        } else {
          Decoded = std::move(T->Utf8);
          Searched = Decoded;
        }
      }
      Prefilter &PF = *PFor;
      Sighting Seen;
      if (Wanted)
        Seen = PF.look(Searched, dialectOf(F.Path, F.Lang));
      // A file with a suppression comment is analyzed, whatever the
      // prefilter says, so that an unused one is reported (VG100).
      if (Wanted && Seen.Suppression && Searched.contains("verguard: ignore"))
        Out.Suppressions = findSuppressions(F.Path, Bytes, F.Lang);
      if (!Wanted) {
      } else if (Html && !Seen.VBScript) {
        Wanted = false; // an HTML page without VBScript
        Out.SkipReason = "HTML without VBScript";
      } else if (Use->Prefilter && !Vbe && !Seen.Trigger &&
                 Out.Suppressions.empty()) {
        Wanted = F.Lang == Language::Cpp && !Seen.Includes.empty() &&
                 PF.headerHolds(F.Path, Searched, Seen);
        if (!Wanted)
          Out.SkipReason = "cannot hold a finding (prefilter)";
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
          core::setDeadline(Use->Frontend.TimeoutMs);
          auto Start = std::chrono::steady_clock::now();
          analyzeBytes(F.Path, F.Lang, Bytes, *Use, Out.Findings, Out.Diags);
          auto Took = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now() - Start)
                          .count();
          if (core::deadlineHit() ||
              (Use->Frontend.TimeoutMs &&
               (uint64_t)Took >= Use->Frontend.TimeoutMs))
            fileNote(Out.Diags, F.Path, core::Severity::Warning,
                     "time limit of " +
                         std::to_string(Use->Frontend.TimeoutMs / 1000) +
                         " s reached; findings for this file may be incomplete "
                         "(see --timeout)");
          core::setDeadline(0);
          if (!Out.Findings.empty() || !Out.Suppressions.empty())
            Out.Content = Bytes.str();
        }
      }
    }
    // A huge file's buffer is not kept for the rest of the run.
    if (Buffer.capacity() > (16u << 20))
      Buffer = llvm::SmallVector<char, 0>();
    if (Postponed)
      return false;
    if (Opts.Progress) {
      std::lock_guard<std::mutex> G(ProgressLock);
      FindingsSoFar += Out.Findings.size();
      Opts.Progress(++Done, Total, FindingsSoFar);
    }
    return true;
  };
  unsigned Jobs = Opts.Jobs
                      ? Opts.Jobs
                      : llvm::hardware_concurrency().compute_thread_count();
  // -j N: the parses come last, longest first. A parse (tens of ms for a
  // C/C++ translation unit) cannot be shared: one still running when the
  // other threads run out of files leaves them idle, and walk order put
  // one there on most runs. So the first pass reads and prefilters every
  // file, finishes those that need no parse, and lists the rest; once all
  // threads are through it, they take the listed files (read again, from
  // the page cache) C/C++ first and then by size, largest first.
  struct Deferred {
    uint64_t Key; // larger: parsed earlier
    DiscoveredFile *File;
    std::unique_ptr<PerFile> *Slot;
  };
  struct {
    std::mutex M;
    std::condition_variable Open;
    std::vector<Deferred> Items;
    size_t Next = 0;
    unsigned Busy = 0; // threads still in the first pass
  } Parses;
  auto Work = [&](DiscoveredFile &F, std::unique_ptr<PerFile> &Slot, Tally &T,
                  ConfigFinder::Recent &Last, bool Defer) {
    PerFile Out;
    if (!Analyze(F, Out, Last, Defer)) {
      uint64_t Key = (F.Lang == Language::Cpp ? 1ull << 62 : 0) + Out.Size;
      std::lock_guard<std::mutex> G(Parses.M);
      Parses.Items.push_back({Key, &F, &Slot});
      return;
    }
    T.count(F.Lang, Out);
    if (!Out.Findings.empty() || !Out.Diags.empty() || !Out.Content.empty() ||
        !Out.Suppressions.empty() || (Opts.ListFiles && Out.SkipReason))
      Slot = std::make_unique<PerFile>(std::move(Out));
    else
      std::string().swap(F.Path); // freed here, in parallel, not at the end
  };
  // The second pass, for each thread: wait for the others to finish the
  // first (they may still list parses), then take listed files one by one.
  auto ParseDeferred = [&](Tally &T, ConfigFinder::Recent &Last) {
    {
      std::unique_lock<std::mutex> L(Parses.M);
      if (--Parses.Busy == 0) {
        // The list's order is the threads' (no report depends on it).
        std::sort(
            Parses.Items.begin(), Parses.Items.end(),
            [](const Deferred &A, const Deferred &B) { return A.Key > B.Key; });
        Parses.Open.notify_all();
      } else {
        Parses.Open.wait(L, [&] { return Parses.Busy == 0; });
      }
    }
    while (true) {
      Deferred D;
      {
        std::lock_guard<std::mutex> L(Parses.M);
        if (Parses.Next == Parses.Items.size())
          break;
        D = Parses.Items[Parses.Next++];
      }
      Work(*D.File, *D.Slot, T, Last, /*Defer=*/false);
    }
  };
  // Workers take files in batches in a large tree: most files take
  // microseconds, and a queue's lock and wake-up per file cost more.
  using Batch =
      std::vector<std::pair<DiscoveredFile *, std::unique_ptr<PerFile> *>>;
  Batch Pending;
  ConfigFinder::Recent SerialLast; // -j 1: the walk's thread analyzes
  // -j N: N-1 pool threads take batches from one queue while this thread
  // walks, and this thread joins them once the walk is done: N threads on
  // N cores, never more (a walk beside N workers costs switches and cache).
  struct {
    std::mutex M;
    std::condition_variable Ready;
    std::deque<Batch> Batches;
    bool Closed = false;
  } Queue;
  auto Consume = [&] {
    Tally T;
    ConfigFinder::Recent Last;
    while (true) {
      Batch B;
      {
        std::unique_lock<std::mutex> L(Queue.M);
        Queue.Ready.wait(
            L, [&] { return !Queue.Batches.empty() || Queue.Closed; });
        if (Queue.Batches.empty())
          break;
        B = std::move(Queue.Batches.front());
        Queue.Batches.pop_front();
      }
      for (auto [File, Slot] : B)
        Work(*File, *Slot, T, Last, /*Defer=*/true);
    }
    ParseDeferred(T, Last);
    std::lock_guard<std::mutex> G(TallyLock);
    Totals.add(T);
  };
  std::optional<llvm::DefaultThreadPool> Pool;
  if (Jobs > 1) {
    Pool.emplace(llvm::hardware_concurrency(Jobs - 1));
    // One task per pool thread, never more: every thread waits at the end
    // of the first pass for all the others, so a task queued behind
    // another on the same thread would never start.
    Parses.Busy = 1 + std::min(Jobs - 1, Pool->getMaxConcurrency());
    for (unsigned I = 1; I < Parses.Busy; ++I)
      Pool->async(Consume);
  }
  auto Submit = [&] {
    if (Pending.empty())
      return;
    {
      std::lock_guard<std::mutex> L(Queue.M);
      Queue.Batches.push_back(std::move(Pending));
    }
    Queue.Ready.notify_one();
    Pending.clear();
  };
  auto OnFile = [&](DiscoveredFile F) {
    if (Opts.OnlyFiles && !Opts.OnlyFiles->count(F.Path))
      return;
    // Only this thread appends; workers hold references, which a deque
    // keeps valid.
    DiscoveredFile *File = &FoundFiles.emplace_back(std::move(F));
    std::unique_ptr<PerFile> *Out = &FoundResults.emplace_back();
    if (!Pool)
      return Work(*File, *Out, Totals, SerialLast, /*Defer=*/false);
    // One at a time at first: a handful of files (a pre-commit hook, a
    // list) would otherwise all land on one worker.
    Pending.emplace_back(File, Out);
    if (Pending.size() == (FoundFiles.size() <= 512 ? 1u : 32u))
      Submit();
  };
  DiscoverResult Walked;
  if (Opts.StdinText && Opts.Paths.size() == 1) {
    // Text from stdin, as if it were this file: no walk, no file needed.
    llvm::SmallString<256> P(Opts.Paths.front());
    llvm::sys::fs::make_absolute(P);
    llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
    OnFile(DiscoveredFile{P.str().str(), languageOf(P)});
  } else {
    DiscoverOptions Walk;
    Walk.Gitignore = Opts.Gitignore;
    Walked = discover(Opts.Paths, R.Diagnostics, OnFile, Walk);
    R.BadPaths = Walked.BadPaths;
  }
  if (Pool) {
    Submit();
    {
      std::lock_guard<std::mutex> L(Queue.M);
      Queue.Closed = true;
    }
    Queue.Ready.notify_all();
  }
  if (Opts.Progress) {
    std::lock_guard<std::mutex> G(ProgressLock);
    Total = FoundFiles.size();
    if (Done == Total) // all analyzed while walking
      Opts.Progress(Done, Total, FindingsSoFar);
  }
  if (Pool) {
    Consume();
    Pool->wait();
  }
  size_t NumAll = FoundFiles.size();
  R.FilesTotal = unsigned(NumAll);
  R.Skipped = Totals.Skipped;
  R.ConfigError = Totals.ConfigError;
  std::vector<size_t> Order; // the files with something to show
  for (size_t I = 0; I < NumAll; ++I)
    if (FoundResults[I])
      Order.push_back(I);
  llvm::sort(Order, [&](size_t A, size_t B) {
    return FoundFiles[A].Path < FoundFiles[B].Path;
  });
  auto FileAt = [&](size_t I) -> DiscoveredFile & {
    return FoundFiles[Order[I]];
  };
  auto ResultAt = [&](size_t I) -> PerFile & {
    return *FoundResults[Order[I]];
  };
  size_t NumFiles = Order.size();
  // Suppressions, by file: those the analysis found (every file holding one
  // is kept), and on demand those of other headers whose findings came from
  // a translation unit. Nearly every finding is in the file analyzed: the
  // map by path is built only if some finding is in another.
  llvm::StringMap<std::vector<Suppression> *> SuppressionsOf;
  std::map<std::string, std::vector<Suppression>> HeaderSuppressions;
  for (size_t I = 0; I < NumFiles && SuppressionsOf.empty(); ++I)
    for (const core::Finding &F : ResultAt(I).Findings)
      if (F.Where.File != FileAt(I).Path) {
        for (size_t K = 0; K < NumFiles; ++K)
          SuppressionsOf[FileAt(K).Path] = &ResultAt(K).Suppressions;
        break;
      }
  auto Suppressed = [&](const core::Finding &F, size_t I) {
    std::vector<Suppression> *List = nullptr;
    auto It = SuppressionsOf.end();
    if (F.Where.File == FileAt(I).Path) {
      List = &ResultAt(I).Suppressions;
    } else if ((It = SuppressionsOf.find(F.Where.File)) !=
               SuppressionsOf.end()) {
      List = It->second;
    } else {
      auto &H = HeaderSuppressions[F.Where.File];
      auto Buf = llvm::MemoryBuffer::getFile(F.Where.File, false, false);
      if (Buf)
        H = findSuppressions(F.Where.File, (*Buf)->getBuffer(),
                             languageOf(F.Where.File));
      List = SuppressionsOf[F.Where.File] = &H;
    }
    const Suppression *Hit = nullptr;
    for (Suppression &S : *List)
      if (S.covers(F)) {
        S.Used = true;
        if (!Hit)
          Hit = &S;
      }
    return Hit;
  };
  // Merge in file order; a header's finding seen from several translation
  // units is reported once.
  std::set<std::tuple<std::string, std::string, uint32_t, uint32_t>> Seen;
  auto OnChangedLine = [&](const core::Finding &F) {
    if (!Opts.ChangedLinesOnly || !Opts.OnlyFiles)
      return true;
    auto It = Opts.OnlyFiles->find(F.Where.File);
    return It != Opts.OnlyFiles->end() &&
           (It->second.count(0) || It->second.count(F.Where.Line));
  };
  size_t NumFindings = 0;
  for (size_t I = 0; I < NumFiles; ++I)
    NumFindings += ResultAt(I).Findings.size();
  R.Findings.reserve(NumFindings);
  for (size_t I = 0; I < NumFiles; ++I) {
    PerFile &P = ResultAt(I);
    for (core::Finding &F : P.Findings) {
      if (!Seen.insert({F.RuleId, F.Where.File, F.Where.Begin, F.Where.End})
               .second)
        continue;
      if (const Suppression *S = Suppressed(F, I)) {
        R.Suppressed++;
        if (OnChangedLine(F))
          R.SuppressedFindings.push_back(
              {std::move(F), S->Where, S->Justification});
        continue;
      }
      if (OnChangedLine(F))
        R.Findings.push_back(std::move(F));
    }
    R.Diagnostics.insert(R.Diagnostics.end(), P.Diags.begin(), P.Diags.end());
    if (Opts.ListFiles && P.SkipReason)
      R.SkippedFiles[P.SkipReason].push_back(FileAt(I).Path);
    if (!P.Content.empty())
      R.Files.push_back(FileSummary{std::move(FileAt(I).Path), FileAt(I).Lang,
                                    P.Parsed, std::move(P.Content)});
  }
  for (auto [Reason, N] : Totals.Reasons)
    R.SkipReasons[Reason] += N;
  if (BaseUsed)
    R.Bumps = Base.Use.Check.Bumps;
  for (const auto &[_, S] : ByConfig)
    for (const core::Bump *B : S->Use.Check.Bumps)
      if (!llvm::is_contained(R.Bumps, B))
        R.Bumps.push_back(B);
  // Bumps all point into one ProfileSet: its order is the file's.
  llvm::sort(R.Bumps);
  for (size_t L = 0; L <= size_t(Language::None); ++L)
    if (Totals.ByLanguage[L])
      R.FilesByLanguage[languageName(Language(L))] += Totals.ByLanguage[L];
  // An include or exclude pattern that matched nothing in a tree walked
  // whole is a mistake (a `*` that no longer crosses `/`, a moved
  // directory): say so, where it is written.
  if (!Opts.OnlyFiles)
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
          R.Diagnostics.push_back(std::move(D));
        }
    }
  // Suppressions that suppressed nothing rot: report them (VG100).
  for (size_t I = 0; I < NumFiles; ++I)
    if (ResultAt(I).Parsed && ResultAt(I).ReportUnused)
      for (const Suppression &S : ResultAt(I).Suppressions)
        if (!S.Used) {
          core::Finding F = unusedSuppression(S);
          if (OnChangedLine(F))
            R.Findings.push_back(std::move(F));
        }
  sortFindings(R.Findings);
  // Diagnostics: deduplicated (a header's missing include from many TUs).
  std::set<std::tuple<std::string, uint32_t, std::string>> SeenD;
  std::vector<core::Diagnostic> Diags;
  for (core::Diagnostic &D : R.Diagnostics)
    if (SeenD.insert({D.Where.File, D.Where.Line, D.Message}).second)
      Diags.push_back(std::move(D));
  sortDiagnostics(Diags);
  R.Diagnostics = std::move(Diags);
  return R;
}

} // namespace verguard::driver
