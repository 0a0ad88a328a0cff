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
#include "driver/ResultCache.h"
#include "driver/Settings.h"
#include "driver/ShardMerge.h"
#include "driver/Suppressions.h"
#include "driver/Walk.h"
#include "fix/Fixer.h"
#include "report/NoteSummary.h"
#include "report/Report.h"
#include "rules/Checker.h"
#include "rules/Rule.h"
#include "rules/RuleDocs.h"

#include "llvm/ADT/STLExtras.h"
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
enum class Format {
  Text,
  Json,
  Sarif,
  Concise,
  GitHub,
  GitLab,
  JUnit,
  Checkstyle,
  Html
};
static cl::opt<Format> Fmt(
    "format", cl::desc("Output format"), cl::init(Format::Text),
    cl::values(clEnumValN(Format::Text, "text", "compiler-style text"),
               clEnumValN(Format::Json, "json", "JSON (schema in README)"),
               clEnumValN(Format::Sarif, "sarif", "SARIF 2.1.0"),
               clEnumValN(Format::Concise, "concise", "one line per finding"),
               clEnumValN(Format::GitHub, "github",
                          "GitHub Actions annotations (::error file=...)"),
               clEnumValN(Format::GitLab, "gitlab", "GitLab Code Quality JSON"),
               clEnumValN(Format::JUnit, "junit", "JUnit XML"),
               clEnumValN(Format::Checkstyle, "checkstyle", "Checkstyle XML"),
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
                                   cl::value_desc("ID"), cl::cat(Cat));
static cl::list<std::string>
    Select("select",
           cl::desc("Run only these rules (ids or names, comma-separated; "
                    "replaces the configuration's rules.disable)"),
           cl::value_desc("RULES"), cl::CommaSeparated, cl::cat(Cat));
static cl::list<std::string>
    Enable("enable",
           cl::desc("Run these rules too, even if the configuration disables "
                    "them"),
           cl::value_desc("RULES"), cl::CommaSeparated, cl::cat(Cat));
static cl::list<std::string>
    Disable("disable",
            cl::desc("Do not run these rules (wins over --select, --enable)"),
            cl::value_desc("RULES"), cl::CommaSeparated, cl::cat(Cat));
static cl::opt<bool>
    Statistics("statistics",
               cl::desc("Print counts per rule instead of the findings "
                        "(text, concise or json)"),
               cl::cat(Cat));
static cl::opt<std::string> StdinFilename(
    "stdin-filename",
    cl::desc("Read the text from stdin and analyze it as the file NAME (its "
             "extension gives the language, its directory the "
             "configuration); --fix prints the fixed text"),
    cl::value_desc("NAME"), cl::cat(Cat));
static cl::opt<bool> Quiet("quiet", cl::desc("No progress, no summary"),
                           cl::cat(Cat));
static cl::opt<bool> Verbose(
    "verbose",
    cl::desc("List every note, say what was parsed and what came from the "
             "result cache, and how each C/C++ file's compile database "
             "command was read (the arguments left out, and why)"),
    cl::cat(Cat));
static cl::opt<bool>
    NoCache("no-cache",
            cl::desc("Neither use nor fill the result cache (parse every "
                     "file that can hold a finding)"),
            cl::cat(Cat));
static cl::opt<std::string>
    Shard("shard",
          cl::desc("Analyze only shard K of N (a split by the hash of each "
                   "file's path relative to --srcroot); `verguard merge` "
                   "joins the shards' JSON or SARIF reports"),
          cl::value_desc("K/N"), cl::cat(Cat));
static cl::opt<std::string>
    CacheSize("cache-size",
              cl::desc("Bound of the result cache, in bytes or with K, M or G "
                       "(default 512M)"),
              cl::value_desc("SIZE"), cl::init("512M"), cl::cat(Cat));
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
                        "(default: the nearest .verguard.yaml or "
                        ".verguard.yml)"),
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
static cl::opt<bool>
    NoIgnore("no-ignore",
             cl::desc("Also analyze the files .gitignore files ignore"),
             cl::cat(Cat));
enum class ColorMode { Auto, Always, Never };
/// Created in run(), after LLVM's own --color (true/false) is unregistered.
static cl::opt<ColorMode> *ColorOpt;
static cl::opt<std::string> ShowSettings(
    "show-settings",
    cl::desc("Print the configuration in effect for FILE, and where each "
             "value comes from"),
    cl::value_desc("FILE"), cl::cat(Cat));

namespace {

/// `verguard rules` and `verguard bumps`, with an optional
/// `--format=text|json` (also `--format json`).
int catalog(llvm::StringRef What, int argc, char **argv) {
  bool Json = false;
  for (int I = 2; I < argc; ++I) {
    llvm::StringRef A = argv[I], V;
    if (A.consume_front("--format=") || A.consume_front("-format="))
      V = A;
    else if ((A == "--format" || A == "-format") && I + 1 < argc)
      V = argv[++I];
    if (V != "text" && V != "json") {
      llvm::errs() << "verguard: error: usage: verguard " << What
                   << " [--format=text|json]\n";
      return 2;
    }
    Json = V == "json";
  }
  if (What == "rules")
    report::writeRuleList(llvm::outs(), Json);
  else
    report::writeBumpList(llvm::outs(), core::builtinProfiles(), Json);
  return 0;
}

/// `verguard explain VG001` or `verguard explain build-comparison`.
int explain(llvm::StringRef IdOrName) {
  const core::RuleInfo *I = rules::findRuleInfo(IdOrName);
  auto Doc = I ? rules::ruleDoc(I->Id) : std::nullopt;
  if (!Doc) {
    llvm::errs() << "verguard: error: no rule '" << IdOrName
                 << "' (see `verguard rules`)\n";
    return 2;
  }
  llvm::outs() << *Doc;
  return 0;
}

/// --select, --enable, --disable: rule ids or names, upper-case ids.
bool ruleIds(const cl::list<std::string> &Names, llvm::StringRef Option,
             std::set<std::string> &Out) {
  for (const std::string &N : Names) {
    const core::RuleInfo *I = rules::findRuleInfo(llvm::StringRef(N).trim());
    if (!I) {
      llvm::errs() << "verguard: error: --" << Option << ": unknown rule '" << N
                   << "' (see `verguard rules`)\n";
      return false;
    }
    Out.insert(I->Id);
  }
  return true;
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

/// "512M", "64K", "1G", "4096": bytes.
std::optional<uint64_t> parseSize(llvm::StringRef S) {
  uint64_t Unit = 1;
  if (S.consume_back_insensitive("k"))
    Unit = 1ull << 10;
  else if (S.consume_back_insensitive("m"))
    Unit = 1ull << 20;
  else if (S.consume_back_insensitive("g"))
    Unit = 1ull << 30;
  uint64_t N;
  if (S.getAsInteger(10, N) || N > UINT64_MAX / Unit)
    return std::nullopt;
  return N * Unit;
}

/// Color for a stream: --color, else NO_COLOR (https://no-color.org), else
/// whether it is a terminal.
bool colorFor(const llvm::raw_ostream &OS) {
  if (*ColorOpt != ColorMode::Auto)
    return *ColorOpt == ColorMode::Always;
  if (const char *No = getenv("NO_COLOR"); No && *No)
    return false;
  return OS.has_colors();
}

/// Progress on stderr when it is a terminal, redrawn at most ten times a
/// second (a line per file wrote megabytes to the terminal on a large tree).
struct Progress {
  bool Enabled;
  std::chrono::steady_clock::time_point Start =
      std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point Drawn; // the last redraw
  void operator()(size_t Done, size_t Total, size_t Findings) {
    if (!Enabled)
      return;
    auto Now = std::chrono::steady_clock::now();
    bool Last = Total && Done == Total;
    if (!Done) // nothing to show yet (or a run without files)
      return;
    if (!Last && Now - Drawn < std::chrono::milliseconds(100))
      return;
    Drawn = Now;
    double S = std::chrono::duration<double>(Now - Start).count();
    // Total is 0 while the tree is still being walked.
    if (Total)
      llvm::errs() << llvm::format("\r[%zu/%zu] files, %zu findings, %.1fs",
                                   Done, Total, Findings, S);
    else
      llvm::errs() << llvm::format("\r[%zu/...] files, %zu findings, %.1fs",
                                   Done, Findings, S);
    if (Last)
      llvm::errs() << "\n";
  }
};

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
  if (argc >= 2 && (llvm::StringRef(argv[1]) == "rules" ||
                    llvm::StringRef(argv[1]) == "bumps"))
    return catalog(argv[1], argc, argv);
  if (argc >= 2 && llvm::StringRef(argv[1]) == "explain") {
    if (argc != 3) {
      llvm::errs() << "usage: verguard explain VG001\n";
      return 2;
    }
    return explain(argv[2]);
  }
  auto PrintVersion = [](llvm::raw_ostream &OS) {
    OS << "verguard 0.1.0 (LLVM " << LLVM_VERSION_STRING << ")\n";
  };
  if (argc == 2 && llvm::StringRef(argv[1]) == "version") {
    PrintVersion(llvm::outs());
    return 0;
  }
  cl::HideUnrelatedOptions(Cat);
  // --help names the bumps a --bump can add.
  static std::string BumpHelp = "Check this bump too (see `verguard bumps`):";
  for (const core::Bump &B : core::builtinProfiles().Bumps)
    if (!B.Enabled)
      BumpHelp += " " + B.Id;
  Bumps.setDescription(BumpHelp);
  // LLVM's common options (registered by the call above) include a boolean
  // --color; verguard's takes auto|always|never, as git's and rg's do.
  if (cl::Option *LLVMColor = cl::getRegisteredOptions().lookup("color"))
    LLVMColor->removeArgument();
  static cl::opt<ColorMode> Color(
      "color", cl::desc("Color in the text report and messages"),
      cl::init(ColorMode::Auto),
      cl::values(clEnumValN(ColorMode::Auto, "auto",
                            "on a terminal, unless NO_COLOR is set (default)"),
                 clEnumValN(ColorMode::Always, "always", "always"),
                 clEnumValN(ColorMode::Never, "never", "never")),
      cl::cat(Cat));
  ColorOpt = &Color;
  cl::SetVersionPrinter(PrintVersion);
  // `verguard merge REPORT...`: the reports take the place of the paths.
  bool Merging = argc >= 2 && llvm::StringRef(argv[1]) == "merge";
  std::vector<char *> Args(argv, argv + argc);
  if (Merging)
    Args.erase(Args.begin() + 1);
  if (!cl::ParseCommandLineOptions(
          int(Args.size()), Args.data(),
          "verguard: finds Windows version checks that break when a build "
          "number is bumped, and proves a fix for each.\n\n"
          "  verguard [options] <path>...   analyze files and directories\n"
          "  verguard merge [options] <report>...  join the JSON or SARIF "
          "reports of --shard runs\n"
          "  verguard rules [--format=json] list the rules\n"
          "  verguard bumps [--format=json] list the bumps (build changes) "
          "verguard knows\n"
          "  verguard explain VG001         print a rule's documentation (by "
          "id or name)\n"
          "  verguard version               print the version\n",
          &llvm::errs()))
    return 2;
  bool ErrColor = colorFor(llvm::errs());
  llvm::errs().enable_colors(ErrColor);
  // Messages about the input: on stderr in every format; with --quiet only
  // the errors (those that make the exit code 2, or a file not read).
  // The parse notes of files without a finding are only counted (the
  // summary says how many), unless --verbose.
  auto PrintDiagnostics = [&](const std::vector<core::Diagnostic> &Diags,
                              const report::NoteFilter *Counted = nullptr) {
    for (const core::Diagnostic &G : Diags)
      if ((!Quiet || G.Level == core::Severity::Error) &&
          (Verbose || !Counted || !Counted->summarized(G)))
        report::writeDiagnostic(llvm::errs(), G, SrcRoot, ErrColor);
  };
  if (SrcRoot.empty())
    SrcRoot = cwd();
  else {
    llvm::SmallString<256> P(SrcRoot);
    llvm::sys::fs::make_absolute(P);
    SrcRoot = P.str().str();
  }
  std::optional<std::map<std::string, std::set<unsigned>>> Changed;
  if (!ChangedSince.empty()) {
    auto C = driver::changedSince(cwd(), ChangedSince);
    if (!C) {
      llvm::errs() << "verguard: error: --changed-since " << ChangedSince
                   << ": " << llvm::toString(C.takeError()) << "\n";
      return 2;
    }
    Changed = std::move(*C);
    // Without paths: the changed files under the working directory, as if
    // it were named (`git diff --relative`); reports show them relative.
    std::string Here = cwd() + "/";
    if (Paths.empty())
      for (const auto &[File, _] : *Changed)
        if (llvm::StringRef(File).starts_with(Here) &&
            llvm::sys::fs::exists(File) &&
            driver::languageOf(File) != driver::Language::None)
          Paths.push_back(File);
    if (Paths.empty()) {
      if (!Quiet)
        llvm::errs() << "verguard: no changed files to analyze\n";
      return 0;
    }
  }
  if (!StdinFilename.empty() && (!Paths.empty() || !ChangedSince.empty())) {
    llvm::errs() << "verguard: error: --stdin-filename analyzes the text "
                    "from stdin only: no paths, no --changed-since\n";
    return 2;
  }
  if (!StdinFilename.empty() &&
      driver::languageOf(StdinFilename) == driver::Language::None) {
    llvm::errs() << "verguard: error: --stdin-filename " << StdinFilename
                 << ": no language verguard reads has this extension (C/C++ "
                    ".c .cc .cpp .cxx .c++ .h .hh .hpp .hxx .inl, PowerShell "
                    ".ps1 .psm1 .psd1, VBScript .vbs .wsf .hta .asp .htm "
                    ".html, VBA/VB6 .bas .cls .frm .ctl, batch .bat .cmd, "
                    "NSIS .nsi .nsh, Inno Setup .iss, Python .py .pyw, WiX "
                    ".wxs .wxi, JScript .js .jse, C# .cs .csx)\n";
    return 2;
  }
  if (Merging &&
      (DoFix || DoDiff || !StdinFilename.empty() || !ChangedSince.empty() ||
       !Shard.empty() || !ShowSettings.empty())) {
    llvm::errs() << "verguard: error: verguard merge joins reports: no "
                    "--fix, --diff, --stdin-filename, --changed-since, "
                    "--shard or --show-settings\n";
    return 2;
  }
  if (Merging && Paths.empty()) {
    llvm::errs() << "verguard: error: usage: verguard merge [options] "
                    "REPORT.json|REPORT.sarif...\n";
    return 2;
  }
  if (Paths.empty() && StdinFilename.empty() && ShowSettings.empty()) {
    llvm::errs() << "verguard: error: no input paths (try `verguard --help`)\n";
    return 2;
  }
  if (Statistics && Fmt != Format::Text && Fmt != Format::Concise &&
      Fmt != Format::Json) {
    llvm::errs() << "verguard: error: --statistics prints a table or JSON "
                    "(--format=text, concise or json)\n";
    return 2;
  }
  if (DoFix && DoDiff) {
    llvm::errs() << "verguard: error: --fix and --diff exclude each other\n";
    return 2;
  }
  driver::RunOptions Opts;
  Opts.Paths.assign(Paths.begin(), Paths.end());
  if (!StdinFilename.empty()) {
    auto In = llvm::MemoryBuffer::getSTDIN();
    if (!In) {
      llvm::errs() << "verguard: error: --stdin-filename " << StdinFilename
                   << ": cannot read stdin: " << In.getError().message()
                   << "\n";
      return 2;
    }
    Opts.Paths = {StdinFilename};
    Opts.StdinText = (*In)->getBuffer().str();
  }
  Opts.Frontend.ExtraArgs.assign(ExtraArgs.begin(), ExtraArgs.end());
  Opts.Frontend.Verbose = Verbose;
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
  Opts.Gitignore = !NoIgnore;
  if (!Shard.empty()) {
    auto KN = driver::parseShard(Shard);
    if (!KN) {
      llvm::errs() << "verguard: error: --shard " << Shard
                   << ": not K/N with 1 <= K <= N (e.g. --shard 2/8)\n";
      return 2;
    }
    std::tie(Opts.ShardIndex, Opts.ShardCount) = *KN;
    Opts.ShardRoot = SrcRoot;
  }
  if (!NoCache) {
    auto Size = parseSize(CacheSize);
    if (!Size) {
      llvm::errs() << "verguard: error: --cache-size " << CacheSize
                   << ": not a size (bytes, or a number with K, M or G)\n";
      return 2;
    }
    Opts.CacheDir = driver::ResultCache::defaultDir();
    Opts.CacheMaxBytes = *Size;
  }
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
  rules::RuleSelection &Chosen = Opts.Check.CommandLine;
  if (Select.getNumOccurrences() &&
      !ruleIds(Select, "select", Chosen.Select.emplace()))
    return 2;
  if (!ruleIds(Enable, "enable", Chosen.Enable) ||
      !ruleIds(Disable, "disable", Chosen.Disable))
    return 2;
  if (!ShowSettings.empty())
    return driver::showSettings(llvm::outs(), ShowSettings, Opts, SrcRoot) ? 0
                                                                           : 2;
  Progress Prog{!Quiet && llvm::sys::Process::StandardErrIsDisplayed()};
  Opts.Progress = [&Prog](size_t D, size_t T, size_t F) { Prog(D, T, F); };
  if (Changed) {
    Opts.OnlyFiles = std::move(Changed);
    Opts.ChangedLinesOnly = ChangedLinesOnly;
  }

  // An HTML report lists the files and findings behind its counts; so do
  // --verbose (on stderr) and a JSON report with --verbose.
  Opts.ListFiles = Fmt == Format::Html || Verbose;
  Opts.DisableFree = true;
  std::string Date = startDate();
  auto Start = std::chrono::steady_clock::now();
  driver::RunResult R;
  if (Merging) {
    std::vector<driver::RunResult> Shards;
    for (const std::string &P : Paths) {
      auto Part = driver::readReport(P, SrcRoot, *Opts.Check.Profiles);
      if (!Part) {
        llvm::errs() << "verguard: error: " << llvm::toString(Part.takeError())
                     << "\n";
        return 2;
      }
      Shards.push_back(std::move(*Part));
    }
    R = driver::mergeRuns(std::move(Shards));
  } else {
    R = driver::run(Opts);
  }
  if (Verbose && !Quiet) {
    llvm::errs() << "verguard: parsed " << R.Parses << " file"
                 << (R.Parses == 1 ? "" : "s");
    if (Opts.CacheDir.empty())
      llvm::errs() << " (no result cache)\n";
    else
      llvm::errs() << ", " << R.CacheHits << " result"
                   << (R.CacheHits == 1 ? "" : "s")
                   << " from the result cache (" << Opts.CacheDir << "; "
                   << R.CacheStored << " stored, " << R.CacheCorrupt
                   << " corrupt replaced); " << R.Unread << " unchanged file"
                   << (R.Unread == 1 ? "" : "s") << " not read (stat index), "
                   << R.RacilyClean << " read again as racily clean\n";
    for (const auto &[Why, Paths] : R.SkippedFiles)
      for (const std::string &P : Paths)
        llvm::errs() << "verguard: skipped (" << Why << "): " << P << "\n";
  }
  // A path named that is not there is a usage error (as for ruff and
  // shellcheck): a CI job must not pass on a typo.
  auto Exit = [&](int Rc) {
    return R.ConfigError || R.BadPaths ? 2 : ExitZero ? 0 : Rc;
  };

  auto Open = [&](std::unique_ptr<llvm::ToolOutputFile> &Out) {
    if (Output.empty())
      return true;
    std::error_code EC;
    Out = std::make_unique<llvm::ToolOutputFile>(Output, EC,
                                                 llvm::sys::fs::OF_None);
    if (!EC)
      return true;
    llvm::errs() << "verguard: error: " << Output << ": " << EC.message()
                 << "\n";
    return false;
  };
  // From stdin, --fix prints the fixed text (as ruff does) and writes
  // nothing: fixes that would edit another file (a header) are left out.
  bool FromStdin = Opts.StdinText.has_value();
  std::string StdinPath;
  if (FromStdin && (DoFix || DoDiff)) {
    for (const driver::FileSummary &F : R.Files)
      StdinPath = F.Path;
    fix::keepFixesWithin(R.Findings, StdinPath);
  }
  if (DoFix && FromStdin) {
    fix::FixResult Fx = fix::applyFixes(Opts, R, fix::Mode::Preview, SrcRoot);
    PrintDiagnostics(R.Diagnostics);
    PrintDiagnostics(Fx.Diags);
    llvm::outs() << (Fx.Texts.count(StdinPath) ? Fx.Texts[StdinPath]
                                               : *Opts.StdinText);
    if (!Quiet)
      llvm::errs() << "verguard: "
                   << fix::summary(Fx, R.Findings.size(), fix::Mode::Preview,
                                   /*FromStdin=*/true)
                   << "\n";
    return Exit(Fx.left(R.Findings.size()) ? 1 : 0);
  }
  if (DoDiff) {
    fix::FixResult Fx = fix::applyFixes(Opts, R, fix::Mode::Preview, SrcRoot);
    PrintDiagnostics(R.Diagnostics);
    PrintDiagnostics(Fx.Diags);
    std::unique_ptr<llvm::ToolOutputFile> Out;
    if (!Open(Out))
      return 2;
    (Out ? Out->os() : llvm::outs()) << Fx.Diff;
    if (Out)
      Out->keep();
    if (!Quiet)
      llvm::errs() << "verguard: "
                   << fix::summary(Fx, R.Findings.size(), fix::Mode::Preview,
                                   /*FromStdin=*/false)
                   << "\n";
    // Like `ruff --diff`: 1 when there is something to apply.
    return Exit(Fx.Diff.empty() ? 0 : 1);
  }
  if (DoFix) {
    fix::FixResult Fx = fix::applyFixes(Opts, R, fix::Mode::Write, SrcRoot);
    R.Diagnostics.insert(R.Diagnostics.end(), Fx.Diags.begin(), Fx.Diags.end());
    // What remains in the files written is reported below, as by a run
    // without --fix.
    fix::reanalyzeWritten(Opts, Fx.Written, R);
    if (!Quiet)
      llvm::errs() << "verguard: "
                   << fix::summary(Fx, R.Findings.size(), fix::Mode::Write,
                                   /*FromStdin=*/false)
                   << "\n";
  }

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
  D.SrcRoot = SrcRoot;
  D.MaxSarifResults = SarifMax;
  D.FilesTotal = R.FilesTotal;
  D.FilesSkipped = R.Skipped;
  D.FilesByLanguage = R.FilesByLanguage;
  D.Summary = !Quiet;
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

  D.Findings = R.Findings;
  D.Diagnostics = R.Diagnostics;
  D.Fingerprints = report::fingerprints(D.Findings);
  D.Suppressed = R.Suppressed;
  D.SuppressedFindings = R.SuppressedFindings;
  std::vector<core::Finding> Hidden;
  for (const core::SuppressedFinding &S : D.SuppressedFindings)
    Hidden.push_back(S.F);
  D.SuppressedFingerprints = report::fingerprints(Hidden);
  D.SkipReasons = R.SkipReasons;
  D.BadPaths = R.BadPaths;
  D.ConfigError = R.ConfigError;
  // --verbose lists them instead.
  report::NoteFilter Counted(D.Findings);
  if (!Verbose)
    D.Notes = Counted.summarize(D.Diagnostics);
  PrintDiagnostics(D.Diagnostics, &Counted);
  // The text report's summary counts them; other formats, on stderr.
  if (!Quiet && (Fmt != Format::Text || Statistics))
    report::writeNoteSummary(llvm::errs(), D.Notes, "verguard: ");
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
    return R.ConfigError || R.BadPaths ? 2 : 0;
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
    driver::applyBaseline(D, *Known, /*KeepKnown=*/Fmt == Format::Sarif,
                          /*ListKnown=*/Fmt == Format::Html);
  }

  std::unique_ptr<llvm::ToolOutputFile> Out;
  if (!Open(Out))
    return 2;
  llvm::raw_ostream &OS = Out ? Out->os() : llvm::outs();
  if (Statistics)
    writeStatistics(OS, D, Fmt == Format::Json);
  else
    switch (Fmt) {
    case Format::Text: {
      bool Color = colorFor(OS);
      OS.enable_colors(Color);
      writeText(OS, D, Color);
      break;
    }
    case Format::Concise:
      writeConcise(OS, D);
      break;
    case Format::Json:
      writeJson(OS, D);
      break;
    case Format::Sarif:
      if (!writeSarif(OS, D))
        llvm::errs() << "verguard: warning: SARIF results truncated at "
                     << D.MaxSarifResults << "\n";
      break;
    case Format::GitHub:
      writeGitHub(OS, D);
      break;
    case Format::GitLab:
      writeGitLab(OS, D);
      break;
    case Format::JUnit:
      writeJUnit(OS, D);
      break;
    case Format::Checkstyle:
      writeCheckstyle(OS, D);
      break;
    case Format::Html:
      writeHtml(OS, D);
      break;
    }
  if (Out)
    Out->keep();
  core::Severity Min = FailLevel == FailOn::Error     ? core::Severity::Error
                       : FailLevel == FailOn::Warning ? core::Severity::Warning
                                                      : core::Severity::Note;
  for (size_t I = 0; I < D.Findings.size(); ++I) {
    if (I < D.Baseline.size() &&
        D.Baseline[I] == report::BaselineState::Unchanged)
      continue;
    if (D.Findings[I].Level >= Min)
      return Exit(1);
  }
  return Exit(0);
}
