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
  bool Summary = true; // text: the closing summary (not with --quiet)
  unsigned MaxSarifResults = 25000;
};

/// The path as shown to the user: relative to SrcRoot when inside it.
std::string displayPath(llvm::StringRef Path, llvm::StringRef SrcRoot);

/// Stable fingerprints (rule, normalized guard, enclosing function, file
/// name, occurrence among equal ones), never line numbers: they survive
/// edits elsewhere in the file.
std::vector<std::string> fingerprints(const std::vector<core::Finding> &F);

/// Findings, one block each, and the summary. Diagnostics are not part of
/// it: they go to stderr (writeDiagnostic), whatever the format.
void writeText(llvm::raw_ostream &OS, const ReportData &D, bool Color);
/// `file:line:col: severity: message` (no line and column when it has none).
void writeDiagnostic(llvm::raw_ostream &OS, const core::Diagnostic &G,
                     llvm::StringRef SrcRoot, bool Color);
void writeJson(llvm::raw_ostream &OS, const ReportData &D);
/// SARIF 2.1.0; returns false if results were truncated at MaxSarifResults.
bool writeSarif(llvm::raw_ostream &OS, const ReportData &D);

} // namespace verguard::report

#endif
