//===- Report.h - what every report format is given ------------*- C++ -*-===//
#ifndef VERGUARD_REPORT_REPORT_H
#define VERGUARD_REPORT_REPORT_H

#include "core/Finding.h"

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
  /// The bytes of a file that has findings (for source lines and columns).
  std::function<std::optional<llvm::StringRef>(llvm::StringRef Path)> Content;
  std::string SrcRoot; // absolute directory; paths are shown relative to it
  unsigned FilesTotal = 0, FilesSkipped = 0;
  unsigned Suppressed = 0, Baselined = 0;
  std::map<std::string, unsigned> SkipReasons;
  std::map<std::string, unsigned> FilesByLanguage;
  std::string ToolVersion = "0.1.0";
  unsigned MaxSarifResults = 25000;
  // What an audit report (HTML) also shows of the run.
  std::vector<std::string> Paths; // as given on the command line
  std::vector<BumpInfo> Bumps;    // the bumps checked
  std::string Date;               // when the run started, ISO 8601
  double Seconds = 0;             // how long the analysis took
  /// The files behind each SkipReasons count (empty if not listed).
  std::map<std::string, std::vector<std::string>> SkippedFiles;
  /// The findings behind Suppressed and Baselined (empty if not listed).
  std::vector<core::Finding> SuppressedFindings, BaselinedFindings;
};

/// The path as shown to the user: relative to SrcRoot when inside it.
std::string displayPath(llvm::StringRef Path, llvm::StringRef SrcRoot);

/// Stable fingerprints (rule, normalized guard, enclosing function, file
/// name, occurrence among equal ones), never line numbers: they survive
/// edits elsewhere in the file.
std::vector<std::string> fingerprints(const std::vector<core::Finding> &F);

void writeText(llvm::raw_ostream &OS, const ReportData &D, bool Color);
void writeJson(llvm::raw_ostream &OS, const ReportData &D);
/// SARIF 2.1.0; returns false if results were truncated at MaxSarifResults.
bool writeSarif(llvm::raw_ostream &OS, const ReportData &D);
/// One self-contained HTML page (no external assets): overview charts,
/// findings with source, evaluation and fix, skipped files and notes, and
/// the rule docs. The README describes it.
void writeHtml(llvm::raw_ostream &OS, const ReportData &D);

} // namespace verguard::report

#endif
