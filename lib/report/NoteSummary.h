//===- NoteSummary.h - the notes a large audit only counts -----*- C++ -*-===//
//
// On a real tree most notes say the same two things about files that hold no
// finding: a project header was not found, or Clang or tree-sitter met a
// parse error. One per line they bury the findings (5,487 notes on nine
// repositories), so the text summary counts them, with the headers missed
// most; --verbose lists them, and JSON and SARIF keep every one.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_REPORT_NOTESUMMARY_H
#define VERGUARD_REPORT_NOTESUMMARY_H

#include "core/Finding.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace verguard::report {

struct NoteSummary {
  /// Files with a missing-header note and no finding.
  unsigned FilesMissingHeaders = 0;
  /// The headers missed, by the number of those files, most first (ties by
  /// name).
  std::vector<std::pair<std::string, unsigned>> MostMissed;
  /// Files with a parse-error note and no finding.
  unsigned FilesWithParseErrors = 0;
  bool empty() const { return !FilesMissingHeaders && !FilesWithParseErrors; }
};

/// The header a missing-header note names ("" for another diagnostic).
std::string missingHeader(const core::Diagnostic &G);
/// Whether G is a missing-header or parse-error note.
bool isParseNote(const core::Diagnostic &G);

/// Which diagnostics a summary counts instead of listing: parse notes about
/// files without a finding.
class NoteFilter {
public:
  explicit NoteFilter(const std::vector<core::Finding> &Findings);
  bool summarized(const core::Diagnostic &G) const;
  NoteSummary summarize(const std::vector<core::Diagnostic> &Diags) const;

private:
  std::set<std::string> WithFindings;
};

/// "1,732": thousands separated by commas.
std::string withCommas(uint64_t N);

/// The summary's lines, each indented by Indent: "1,732 files parsed
/// without some project headers; most missed: config.h (127), ...; pass -p
/// or --extra-arg=-I..." and "N files with parse errors ...".
void writeNoteSummary(llvm::raw_ostream &OS, const NoteSummary &S,
                      llvm::StringRef Indent);

} // namespace verguard::report

#endif
