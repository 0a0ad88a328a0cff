//===- Report.h - what every report format is given ------------*- C++ -*-===//
#ifndef VERGUARD_REPORT_REPORT_H
#define VERGUARD_REPORT_REPORT_H

#include "core/Finding.h"
#include "core/Profile.h"
#include "report/NoteSummary.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace verguard::report {

enum class BaselineState : uint8_t { None, New, Unchanged };

/// A bump as reports describe it: its two profiles and their versions.
struct BumpInfo {
  std::string Id, Description;
  std::string BeforeName, BeforeVersion; // "Windows Server 2008 SP2 ...",
  std::string AfterName, AfterVersion;   // "6.0.6002.24566"
};

struct ReportData {
  std::vector<core::Finding> Findings;
  std::vector<core::Diagnostic> Diagnostics;
  /// Parallel to Findings.
  std::vector<std::string> Fingerprints;
  std::vector<BaselineState> Baseline;
  /// Findings inline comments suppressed (SARIF reports them, marked), and
  /// their fingerprints (computed among themselves).
  std::vector<core::SuppressedFinding> SuppressedFindings;
  std::vector<std::string> SuppressedFingerprints;
  /// The bytes of a file that has findings (for source lines and columns).
  std::function<std::optional<llvm::StringRef>(llvm::StringRef Path)> Content;
  std::string SrcRoot; // absolute directory; paths are shown relative to it
  unsigned FilesTotal = 0, FilesSkipped = 0;
  unsigned Suppressed = 0, Baselined = 0;
  /// Paths named that were not there; whether a configuration was invalid
  /// (the exit code is 2; a merge of shard reports needs to know).
  unsigned BadPaths = 0;
  bool ConfigError = false;
  std::map<std::string, unsigned> SkipReasons;
  std::map<std::string, unsigned> FilesByLanguage;
  /// The parse notes of files without a finding, counted (text summary).
  NoteSummary Notes;
  std::string ToolVersion = "0.1.0";
  bool Summary = true; // text: the closing summary (not with --quiet)
  unsigned MaxSarifResults = 25000;
  // What an audit report (HTML) also shows of the run.
  std::vector<std::string> Paths; // as given on the command line
  std::vector<BumpInfo> Bumps;    // the bumps checked
  std::string Date;               // when the run started, ISO 8601
  double Seconds = 0;             // how long the analysis took
  /// The files behind each SkipReasons count (empty if not listed).
  std::map<std::string, std::vector<std::string>> SkippedFiles;
  /// The findings behind Baselined (empty if not listed).
  std::vector<core::Finding> BaselinedFindings;
};

/// The path as shown to the user: relative to SrcRoot when inside it.
std::string displayPath(llvm::StringRef Path, llvm::StringRef SrcRoot);

/// Stable fingerprints (rule, normalized guard, enclosing function, file
/// name, occurrence among equal ones), never line numbers: they survive
/// edits elsewhere in the file.
std::vector<std::string> fingerprints(const std::vector<core::Finding> &F);

/// The word a format uses for a severity: Error, Warning, Note.
inline const char *severityWord(core::Severity S, const char *Error,
                                const char *Warning, const char *Note) {
  return S == core::Severity::Error     ? Error
         : S == core::Severity::Warning ? Warning
                                        : Note;
}

/// `path:line:col` (or `path` when the line is unknown), path as shown.
std::string location(const core::SourceSpan &S, llvm::StringRef SrcRoot);
/// The first line of a finding in the text report:
/// `path:line:col: error: message [VG001]`.
std::string findingLine(const core::Finding &F, llvm::StringRef SrcRoot);
/// The line of a diagnostic: `path[:line:col]: warning: message`.
std::string diagnosticLine(const core::Diagnostic &G, llvm::StringRef SrcRoot);
/// `fix: <description>`, `no fix: <reason>`, or empty.
std::string fixSummary(const core::Finding &F);
/// A related location's line: `path:line:col: note: message`.
std::string noteLine(const core::RelatedLocation &R, llvm::StringRef SrcRoot);

/// Findings, one block each, and the summary. Diagnostics are not part of
/// it: they go to stderr (writeDiagnostic), whatever the format.
void writeText(llvm::raw_ostream &OS, const ReportData &D, bool Color);
/// `file:line:col: severity: message` (no line and column when it has none).
void writeDiagnostic(llvm::raw_ostream &OS, const core::Diagnostic &G,
                     llvm::StringRef SrcRoot, bool Color);
/// One line per finding (the text report's first lines), nothing else.
void writeConcise(llvm::raw_ostream &OS, const ReportData &D);
void writeJson(llvm::raw_ostream &OS, const ReportData &D);
/// SARIF 2.1.0; returns false if results were truncated at MaxSarifResults.
bool writeSarif(llvm::raw_ostream &OS, const ReportData &D);
/// GitHub Actions workflow commands (`::error file=...,line=...::message`),
/// which the runner turns into annotations on the pull request.
void writeGitHub(llvm::raw_ostream &OS, const ReportData &D);
/// GitLab Code Quality (a JSON array of Code Climate issues).
void writeGitLab(llvm::raw_ostream &OS, const ReportData &D);
/// JUnit XML: a testsuite per file, a failing testcase per finding.
void writeJUnit(llvm::raw_ostream &OS, const ReportData &D);
/// Checkstyle XML: `<file name=...><error line=... source=.../>`.
void writeCheckstyle(llvm::raw_ostream &OS, const ReportData &D);
/// Counts per rule instead of the findings: a table, or a JSON array.
void writeStatistics(llvm::raw_ostream &OS, const ReportData &D, bool Json);

/// `verguard rules`: every rule with its name, default severity, whether
/// it can have a proven fix and its summary (text, or a JSON array).
void writeRuleList(llvm::raw_ostream &OS, bool Json);
/// `verguard bumps`: every bump of the profiles, its builds, whether it is
/// checked by default and its description (text, or a JSON array).
void writeBumpList(llvm::raw_ostream &OS, const core::ProfileSet &P, bool Json);
/// One self-contained HTML page (no external assets): overview charts,
/// findings with source, evaluation and fix, skipped files and notes, and
/// the rule docs. The README describes it.
void writeHtml(llvm::raw_ostream &OS, const ReportData &D);

} // namespace verguard::report

#endif
