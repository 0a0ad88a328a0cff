//===- main.cpp - the verguard command line -------------------------------===//
//
// A thin CLI over lib/driver and lib/report. Exit codes: 0 no findings at or
// above --fail-on, 1 findings, 2 usage or internal error. Trouble with one
// input file is reported and never changes the exit code to 2.
//
//===----------------------------------------------------------------------===//
#include "cpp/CppFrontend.h"
#include "driver/Baseline.h"
#include "driver/Config.h"
#include "driver/Driver.h"
#include "driver/Git.h"
#include "driver/Suppressions.h"
#include "report/FixApply.h"
#include "report/Report.h"
#include "rules/Checker.h"
#include "rules/Rule.h"
#include "rules/RuleDocs.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <map>
#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace verguard;
namespace cl = llvm::cl;

static cl::OptionCategory Cat("verguard options");
static cl::list<std::string> Paths(cl::Positional, cl::desc("<path>..."),
                                   cl::cat(Cat));
enum class Format { Text, Json, Sarif, Html };
static cl::opt<Format>
    Fmt("format", cl::desc("Output format"), cl::init(Format::Text),
        cl::values(clEnumValN(Format::Text, "text", "compiler-style text"),
                   clEnumValN(Format::Json, "json", "JSON (schema in README)"),
                   clEnumValN(Format::Sarif, "sarif", "SARIF 2.1.0"),
                   clEnumValN(Format::Html, "html",
                              "one self-contained HTML page (an audit)")),
        cl::cat(Cat));
static cl::opt<std::string> Output("o", cl::desc("Write the report to FILE"),
                                   cl::value_desc("FILE"), cl::cat(Cat));
static cl::opt<std::string>
    CompileDb("p", cl::desc("Directory holding compile_commands.json"),
              cl::value_desc("DIR"), cl::cat(Cat));
static cl::list<std::string>
    ExtraArgs("extra-arg", cl::desc("Extra argument for the C/C++ compiler"),
              cl::cat(Cat));
// "-j 4", "-j4" and "-j=4", as make, ninja and run-clang-tidy take it.
static cl::opt<unsigned> Jobs("j", cl::desc("Parallel jobs (default: cores)"),
                              cl::value_desc("N"), cl::Prefix, cl::init(0),
                              cl::cat(Cat));
static cl::opt<bool> DoFix("fix", cl::desc("Apply the proven fixes in place"),
                           cl::cat(Cat));
static cl::opt<bool> DoDiff("diff",
                            cl::desc("Print the proven fixes as a unified "
                                     "diff (changes nothing)"),
                            cl::cat(Cat));
static cl::list<std::string> Bumps("bump",
                                   cl::desc("Check this bump too (see "
                                            "rules/profiles.yaml)"),
                                   cl::cat(Cat));
static cl::list<std::string>
    Disable("disable", cl::desc("Disable a rule (VG001...)"), cl::cat(Cat));
static cl::opt<bool> Quiet("quiet", cl::desc("No progress, no summary"),
                           cl::cat(Cat));
static cl::opt<bool> NoPrefilter("no-prefilter",
                                 cl::desc("Parse every file, even those that "
                                          "cannot hold a finding"),
                                 cl::cat(Cat));
static cl::opt<std::string>
    SrcRoot("srcroot", cl::desc("Root for relative paths (default: cwd)"),
            cl::cat(Cat));
static cl::opt<std::string>
    ConfigFile("config",
               cl::desc("Use this configuration for every file "
                        "(default: the nearest .verguard.yaml)"),
               cl::value_desc("FILE"), cl::cat(Cat));
static cl::opt<bool> ParseAllBodies(
    "parse-all-bodies",
    cl::desc("C/C++: parse every function body (by default the bodies no "
             "finding can depend on are skipped)"),
    cl::cat(Cat));
static cl::opt<bool> NoConfig("no-config",
                              cl::desc("Ignore .verguard.yaml files"),
                              cl::cat(Cat));
static cl::opt<std::string>
    BaselineFile("baseline", cl::desc("Report only findings not in FILE"),
                 cl::value_desc("FILE"), cl::cat(Cat));
static cl::opt<std::string>
    WriteBaseline("write-baseline",
                  cl::desc("Record today's findings in FILE and exit 0"),
                  cl::value_desc("FILE"), cl::cat(Cat));
enum class FailOn { Error, Warning, Note };
static cl::opt<FailOn> FailLevel(
    "fail-on", cl::desc("Lowest severity that makes the exit code 1"),
    cl::init(FailOn::Note),
    cl::values(clEnumValN(FailOn::Error, "error", "errors only"),
               clEnumValN(FailOn::Warning, "warning", "warnings and errors"),
               clEnumValN(FailOn::Note, "note", "any finding (default)")),
    cl::cat(Cat));
static cl::opt<std::string>
    ChangedSince("changed-since",
                 cl::desc("Analyze only files changed since this git "
                          "revision (and untracked files)"),
                 cl::value_desc("REV"), cl::cat(Cat));
static cl::opt<bool>
    ChangedLinesOnly("changed-lines-only",
                     cl::desc("With --changed-since, report only findings on "
                              "changed lines"),
                     cl::cat(Cat));
static cl::opt<unsigned>
    Timeout("timeout",
            cl::desc("Per-file time limit in seconds (0: none; default 300)"),
            cl::init(300), cl::cat(Cat));
static cl::opt<uint64_t> MaxScriptTokens(
    "max-script-tokens",
    cl::desc("Skip scripts with more tokens, with a message (memory grows "
             "about 2 KB per token; default 500000; 0: no limit)"),
    cl::init(500000), cl::cat(Cat));
static cl::opt<unsigned> SarifMax(
    "sarif-max-results",
    cl::desc("Results per SARIF run (GitHub code scanning accepts 25000)"),
    cl::init(25000), cl::cat(Cat));
static cl::opt<bool> ExitZero("exit-zero",
                              cl::desc("Exit 0 even when there are findings"),
                              cl::cat(Cat));

namespace {

int listRules() {
  std::vector<const core::RuleInfo *> All;
  for (const rules::Rule *R : rules::allRules())
    All.push_back(&R->info());
  All.push_back(&driver::unusedSuppressionRule());
  for (const core::RuleInfo *I : All)
    llvm::outs() << I->Id << "  " << I->Name << "\n    " << I->Summary << "\n";
  return 0;
}

int explain(llvm::StringRef Id) {
  auto Doc = rules::ruleDoc(Id);
  if (!Doc) {
    llvm::errs() << "verguard: error: no rule '" << Id
                 << "' (see `verguard rules`)\n";
    return 2;
  }
  llvm::outs() << *Doc;
  return 0;
}

std::string cwd() {
  llvm::SmallString<256> C;
  llvm::sys::fs::current_path(C);
  return C.str().str();
}

/// When the run started, as an HTML report shows it: local time with its
/// offset, or SOURCE_DATE_EPOCH in UTC when that is set (reproducible
/// reports, as reproducible builds use it).
std::string startDate() {
  std::time_t T = std::time(nullptr);
  bool Fixed = false;
  if (const char *E = std::getenv("SOURCE_DATE_EPOCH")) {
    long long V;
    if (!llvm::StringRef(E).getAsInteger(10, V)) {
      T = static_cast<std::time_t>(V);
      Fixed = true;
    }
  }
  std::tm Tm;
  if (Fixed)
    gmtime_r(&T, &Tm);
  else
    localtime_r(&T, &Tm);
  char Buf[64];
  std::strftime(Buf, sizeof Buf, "%Y-%m-%d %H:%M:%S %z", &Tm);
  return Buf;
}

/// Progress on stderr when it is a terminal.
struct Progress {
  bool Enabled;
  std::chrono::steady_clock::time_point Start =
      std::chrono::steady_clock::now();
  void operator()(size_t Done, size_t Total, size_t Findings) const {
    if (!Enabled)
      return;
    double S =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
            .count();
    // Total is 0 while the tree is still being walked.
    if (Total)
      llvm::errs() << llvm::format("\r[%zu/%zu] files, %zu findings, %.1fs",
                                   Done, Total, Findings, S);
    else
      llvm::errs() << llvm::format("\r[%zu/...] files, %zu findings, %.1fs",
                                   Done, Findings, S);
    if (Done == Total)
      llvm::errs() << "\n";
  }
};

/// Applies proven fixes, pass after pass (an edit overlapping another waits
/// for the next pass), verifying each file in memory before writing it.
/// Returns the number of files written.
unsigned fixFiles(driver::RunOptions Opts, driver::RunResult &R,
                  bool WriteFiles, std::string *DiffOut,
                  std::vector<core::Diagnostic> &Diags, unsigned &Fixed,
                  unsigned &Unfixed) {
  std::map<std::string, std::string> Original, Current;
  std::map<std::string, driver::Language> Langs;
  std::map<std::string, size_t> DiagCount; // parse trouble of Current[File]
  for (const driver::FileSummary &F : R.Files)
    if (!F.Content.empty()) {
      Original[F.Path] = Current[F.Path] = F.Content;
      Langs[F.Path] = F.Lang;
    }
  std::vector<core::Finding> Pending = R.Findings;
  Fixed = Unfixed = 0;
  std::vector<core::Finding> Remaining;
  for (int Pass = 0; Pass < 4 && !Pending.empty(); ++Pass) {
    std::map<std::string, std::vector<core::Edit>> ByFile;
    for (const core::Finding &F : Pending)
      if (F.TheFix)
        for (const core::Edit &E : F.TheFix->Edits)
          ByFile[E.Span.File].push_back(E);
    if (ByFile.empty())
      break;
    std::vector<core::Finding> Next;
    bool Progressed = false;
    for (auto &[File, Edits] : ByFile) {
      if (!Current.count(File)) {
        auto Buf = llvm::MemoryBuffer::getFile(File, false, false);
        if (!Buf)
          continue;
        Original[File] = Current[File] = (*Buf)->getBuffer().str();
        Langs[File] = driver::languageOf(File);
      }
      std::vector<core::Edit> Deferred;
      std::string New = report::applyEdits(Current[File], Edits, &Deferred);
      if (New == Current[File])
        continue;
      // Verify: re-analyze the new text; no new parse trouble may appear.
      std::vector<core::Finding> After;
      std::vector<core::Diagnostic> AfterD;
      if (!DiagCount.count(File)) {
        // Parse trouble of the text as it is, measured once per file.
        std::vector<core::Finding> Ignored;
        std::vector<core::Diagnostic> BeforeD;
        driver::analyzeBytes(File, Langs[File], Current[File], Opts, Ignored,
                             BeforeD);
        DiagCount[File] = BeforeD.size();
      }
      driver::analyzeBytes(File, Langs[File], New, Opts, After, AfterD);
      // The fixed findings must be gone (their fingerprints no longer occur).
      std::vector<core::Finding> FixedHere;
      for (const core::Finding &F : Pending)
        if (F.TheFix && F.TheFix->Edits.front().Span.File == File)
          FixedHere.push_back(F);
      auto Was = report::fingerprints(FixedHere);
      auto Now = report::fingerprints(After);
      bool Stuck = false;
      for (size_t K = 0; K < After.size(); ++K)
        if (After[K].TheFix &&
            std::find(Was.begin(), Was.end(), Now[K]) != Was.end())
          Stuck = true;
      if (Stuck) {
        core::Diagnostic D;
        D.Level = core::Severity::Warning;
        D.Where.File = File;
        D.Message = "a fix did not remove its finding; this file was not "
                    "changed";
        Diags.push_back(std::move(D));
        continue;
      }
      if (AfterD.size() > DiagCount[File]) {
        core::Diagnostic D;
        D.Level = core::Severity::Warning;
        D.Where.File = File;
        D.Message = "a fix would introduce a parse problem (" +
                    AfterD.back().Message + "); this file was not changed";
        Diags.push_back(std::move(D));
        continue;
      }
      Current[File] = std::move(New);
      DiagCount[File] = AfterD.size();
      Progressed = true;
      for (core::Finding &F : After)
        if (F.TheFix && !Deferred.empty())
          Next.push_back(std::move(F));
    }
    Pending = std::move(Next);
    if (!Progressed)
      break;
  }
  unsigned Written = 0;
  for (auto &[File, Text] : Current) {
    if (Text == Original[File])
      continue;
    if (DiffOut)
      *DiffOut += report::unifiedDiff(report::displayPath(File, SrcRoot),
                                      Original[File], Text);
    if (WriteFiles) {
      if (auto E = report::writeFileAtomically(File, Original[File], Text)) {
        core::Diagnostic D;
        D.Level = core::Severity::Error;
        D.Where.File = File;
        D.Message = llvm::toString(std::move(E));
        Diags.push_back(std::move(D));
        continue;
      }
    }
    ++Written;
  }
  for (const core::Finding &F : R.Findings)
    (F.TheFix ? Fixed : Unfixed)++;
  return Written;
}

} // namespace

static int run(int argc, char **argv);

int main(int argc, char **argv) {
#ifdef __GLIBC__
  // A run allocates and frees per file (a C/C++ parse: tens of MB), and
  // glibc hands freed memory back to the kernel and faults it in again, in
  // every worker's arena (each return also interrupts the other cores to
  // flush their TLBs). The process is short-lived: keep what it took.
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
  auto Init = std::make_unique<llvm::InitLLVM>(argc, argv);
  int Rc = run(argc, argv);
  // After a contained Clang crash, LLVM's global teardown can touch state the
  // crashed parse left behind: leave without it.
  if (cpp::recoveredCrashes()) {
    llvm::outs().flush();
    llvm::errs().flush();
    llvm::sys::Process::Exit(Rc, /*NoCleanup=*/true);
  }
  Init.reset();
  return Rc;
}

static int run(int argc, char **argv) {
  if (argc >= 2 && llvm::StringRef(argv[1]) == "rules")
    return listRules();
  if (argc >= 2 && llvm::StringRef(argv[1]) == "explain") {
    if (argc != 3) {
      llvm::errs() << "usage: verguard explain VG001\n";
      return 2;
    }
    return explain(argv[2]);
  }
  cl::HideUnrelatedOptions(Cat);
  cl::SetVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "verguard 0.1.0 (LLVM " << LLVM_VERSION_STRING << ")\n";
  });
  if (!cl::ParseCommandLineOptions(
          argc, argv,
          "verguard: finds Windows version checks that break when a build "
          "number is bumped, and proves a fix for each.\n\n"
          "  verguard [options] <path>...   analyze files and directories\n"
          "  verguard rules                 list the rules\n"
          "  verguard explain VG001         print a rule's documentation\n",
          &llvm::errs()))
    return 2;
  std::optional<std::map<std::string, std::set<unsigned>>> Changed;
  if (!ChangedSince.empty()) {
    auto C = driver::changedSince(cwd(), ChangedSince);
    if (!C) {
      llvm::errs() << "verguard: error: --changed-since " << ChangedSince
                   << ": " << llvm::toString(C.takeError()) << "\n";
      return 2;
    }
    Changed = std::move(*C);
    if (Paths.empty())
      for (const auto &[File, _] : *Changed)
        if (llvm::sys::fs::exists(File) &&
            driver::languageOf(File) != driver::Language::None)
          Paths.push_back(File);
    if (Paths.empty()) {
      if (!Quiet)
        llvm::errs() << "verguard: no changed files to analyze\n";
      return 0;
    }
  }
  if (Paths.empty()) {
    llvm::errs() << "verguard: error: no input paths (try `verguard --help`)\n";
    return 2;
  }
  if (DoFix && DoDiff) {
    llvm::errs() << "verguard: error: --fix and --diff exclude each other\n";
    return 2;
  }
  driver::RunOptions Opts;
  Opts.Paths.assign(Paths.begin(), Paths.end());
  Opts.Frontend.ExtraArgs.assign(ExtraArgs.begin(), ExtraArgs.end());
  if (!CompileDb.empty()) {
    llvm::SmallString<256> P(CompileDb);
    llvm::sys::fs::make_absolute(P);
    if (!llvm::sys::fs::exists(llvm::Twine(P) + "/compile_commands.json")) {
      llvm::errs() << "verguard: error: " << CompileDb
                   << ": no compile_commands.json there\n";
      return 2;
    }
    Opts.Frontend.CompileDbDir = P.str().str();
  }
  Opts.Jobs = Jobs;
  Opts.Prefilter = !NoPrefilter;
  Opts.SkipBodies = !ParseAllBodies;
  Opts.Frontend.TimeoutMs = uint64_t(Timeout) * 1000;
  Opts.MaxScriptTokens = MaxScriptTokens;
  Opts.UseConfigFiles = !NoConfig;
  if (!ConfigFile.empty()) {
    auto C = driver::loadConfig(ConfigFile);
    if (!C) {
      llvm::errs() << "verguard: error: " << llvm::toString(C.takeError())
                   << "\n";
      return 2;
    }
    Opts.ForcedConfig = std::make_shared<const driver::Config>(std::move(*C));
  }
  if (ChangedLinesOnly && ChangedSince.empty()) {
    llvm::errs() << "verguard: error: --changed-lines-only needs "
                    "--changed-since\n";
    return 2;
  }
  for (const std::string &B : Bumps) {
    const core::Bump *Found = Opts.Check.Profiles->findBump(B);
    if (!Found) {
      llvm::errs() << "verguard: error: unknown bump '" << B << "'; known:";
      for (const core::Bump &K : Opts.Check.Profiles->Bumps)
        llvm::errs() << " " << K.Id;
      llvm::errs() << "\n";
      return 2;
    }
    if (std::find(Opts.Check.Bumps.begin(), Opts.Check.Bumps.end(), Found) ==
        Opts.Check.Bumps.end())
      Opts.Check.Bumps.push_back(Found);
  }
  for (const std::string &D : Disable) {
    if (!rules::isKnownRuleId(D)) {
      llvm::errs() << "verguard: error: unknown rule '" << D << "'\n";
      return 2;
    }
    Opts.Check.DisabledRules.insert(llvm::StringRef(D).upper());
  }
  if (SrcRoot.empty())
    SrcRoot = cwd();
  else {
    llvm::SmallString<256> P(SrcRoot);
    llvm::sys::fs::make_absolute(P);
    SrcRoot = P.str().str();
  }
  Progress Prog{!Quiet && llvm::sys::Process::StandardErrIsDisplayed()};
  Opts.Progress = [&Prog](size_t D, size_t T, size_t F) { Prog(D, T, F); };
  if (Changed) {
    Opts.OnlyFiles = std::move(Changed);
    Opts.ChangedLinesOnly = ChangedLinesOnly;
  }

  // An HTML report lists the files and findings behind its counts.
  Opts.ListFiles = Fmt == Format::Html;
  std::string Date = startDate();
  auto Start = std::chrono::steady_clock::now();
  driver::RunResult R = driver::run(Opts);

  report::ReportData D;
  D.Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  D.Date = std::move(Date);
  D.Paths = Opts.Paths;
  for (const core::Bump *B : R.Bumps) {
    const core::Profile &Before = Opts.Check.Profiles->Profiles[B->Before];
    const core::Profile &After = Opts.Check.Profiles->Profiles[B->After];
    D.Bumps.push_back({B->Id, B->Description, Before.Name,
                       rules::versionOf(Before), After.Name,
                       rules::versionOf(After)});
  }
  D.SkippedFiles = std::move(R.SkippedFiles);
  D.SuppressedFindings = std::move(R.SuppressedFindings);
  D.SrcRoot = SrcRoot;
  D.MaxSarifResults = SarifMax;
  D.FilesTotal = R.FilesTotal;
  D.FilesSkipped = R.Skipped;
  D.FilesByLanguage = R.FilesByLanguage;
  std::map<std::string, const driver::FileSummary *> ByPath; // with text
  for (const driver::FileSummary &F : R.Files)
    if (!F.Content.empty())
      ByPath[F.Path] = &F;
  std::map<std::string, std::string> Extra; // headers outside the inputs
  D.Content = [&](llvm::StringRef P) -> std::optional<llvm::StringRef> {
    auto It = ByPath.find(P.str());
    if (It != ByPath.end() && !It->second->Content.empty())
      return llvm::StringRef(It->second->Content);
    auto E = Extra.find(P.str());
    if (E == Extra.end()) {
      auto Buf = llvm::MemoryBuffer::getFile(P, false, false);
      E = Extra.emplace(P.str(), Buf ? (*Buf)->getBuffer().str() : "").first;
    }
    return llvm::StringRef(E->second);
  };

  if (DoFix || DoDiff) {
    std::string Diff;
    unsigned Fixed = 0, Unfixed = 0;
    std::vector<core::Diagnostic> FixDiags;
    unsigned Written = fixFiles(Opts, R, DoFix, DoDiff ? &Diff : nullptr,
                                FixDiags, Fixed, Unfixed);
    for (const core::Diagnostic &G : FixDiags)
      llvm::errs() << report::displayPath(G.Where.File, SrcRoot) << ": "
                   << core::severityName(G.Level) << ": " << G.Message << "\n";
    if (DoDiff)
      llvm::outs() << Diff;
    if (!Quiet)
      llvm::errs() << "verguard: " << (DoFix ? "fixed " : "would fix ") << Fixed
                   << " finding" << (Fixed == 1 ? "" : "s") << " in " << Written
                   << " file" << (Written == 1 ? "" : "s") << "; " << Unfixed
                   << " without a proven fix left as they are\n";
    if (!FixDiags.empty())
      return 2;
    return (Unfixed && !ExitZero) ? 1 : 0;
  }

  D.Findings = R.Findings;
  D.Diagnostics = R.Diagnostics;
  D.Fingerprints = report::fingerprints(D.Findings);
  D.Suppressed = R.Suppressed;
  D.SkipReasons = R.SkipReasons;
  if (!WriteBaseline.empty()) {
    if (auto E = driver::writeBaseline(WriteBaseline, D.Findings,
                                       D.Fingerprints, SrcRoot)) {
      llvm::errs() << "verguard: error: " << llvm::toString(std::move(E))
                   << "\n";
      return 2;
    }
    if (!Quiet)
      llvm::errs() << "verguard: wrote " << D.Findings.size()
                   << " findings to the baseline " << WriteBaseline << "\n";
    return R.ConfigError ? 2 : 0;
  }
  if (!BaselineFile.empty()) {
    auto Known = driver::loadBaseline(BaselineFile);
    if (!Known) {
      llvm::errs() << "verguard: error: " << llvm::toString(Known.takeError())
                   << "\n";
      return 2;
    }
    // Text and JSON show new findings; SARIF also carries the known ones,
    // marked unchanged.
    report::ReportData Kept = D;
    Kept.Findings.clear();
    Kept.Fingerprints.clear();
    for (size_t I = 0; I < D.Findings.size(); ++I) {
      bool Old = Known->count(D.Fingerprints[I]);
      if (Old && Fmt != Format::Sarif) {
        Kept.Baselined++;
        if (Fmt == Format::Html)
          Kept.BaselinedFindings.push_back(D.Findings[I]);
        continue;
      }
      Kept.Findings.push_back(D.Findings[I]);
      Kept.Fingerprints.push_back(D.Fingerprints[I]);
      Kept.Baseline.push_back(Old ? report::BaselineState::Unchanged
                                  : report::BaselineState::New);
    }
    D = std::move(Kept);
  }

  std::error_code EC;
  std::unique_ptr<llvm::ToolOutputFile> Out;
  if (!Output.empty()) {
    Out = std::make_unique<llvm::ToolOutputFile>(Output, EC,
                                                 llvm::sys::fs::OF_None);
    if (EC) {
      llvm::errs() << "verguard: error: " << Output << ": " << EC.message()
                   << "\n";
      return 2;
    }
  }
  llvm::raw_ostream &OS = Out ? Out->os() : llvm::outs();
  switch (Fmt) {
  case Format::Text:
    writeText(OS, D, !Out && llvm::outs().has_colors());
    break;
  case Format::Json:
    writeJson(OS, D);
    break;
  case Format::Sarif:
    if (!writeSarif(OS, D))
      llvm::errs() << "verguard: warning: SARIF results truncated at "
                   << D.MaxSarifResults << "\n";
    break;
  case Format::Html:
    writeHtml(OS, D);
    break;
  }
  if (Fmt != Format::Text)
    for (const core::Diagnostic &G : D.Diagnostics) {
      llvm::errs() << report::displayPath(G.Where.File, SrcRoot);
      if (G.Where.Line)
        llvm::errs() << ":" << G.Where.Line << ":" << G.Where.Col;
      llvm::errs() << ": " << core::severityName(G.Level) << ": " << G.Message
                   << "\n";
    }
  if (Out)
    Out->keep();
  if (R.ConfigError)
    return 2;
  if (ExitZero)
    return 0;
  core::Severity Min = FailLevel == FailOn::Error     ? core::Severity::Error
                       : FailLevel == FailOn::Warning ? core::Severity::Warning
                                                      : core::Severity::Note;
  for (size_t I = 0; I < D.Findings.size(); ++I) {
    if (I < D.Baseline.size() &&
        D.Baseline[I] == report::BaselineState::Unchanged)
      continue;
    if (D.Findings[I].Level >= Min)
      return 1;
  }
  return 0;
}
