//===- Baseline.h - known findings, to report only new ones -----*- C++ -*-===//
#ifndef VERGUARD_DRIVER_BASELINE_H
#define VERGUARD_DRIVER_BASELINE_H

#include "core/Finding.h"
#include "report/Report.h"

#include "llvm/Support/Error.h"

#include <set>
#include <string>
#include <vector>

namespace verguard::driver {

/// Writes the findings' fingerprints (JSON, version 1) atomically.
llvm::Error writeBaseline(llvm::StringRef Path,
                          const std::vector<core::Finding> &Findings,
                          const std::vector<std::string> &Fingerprints,
                          llvm::StringRef SrcRoot);

/// The fingerprints recorded in a baseline file.
llvm::Expected<std::set<std::string>> loadBaseline(llvm::StringRef Path);

/// Marks or removes the findings of D a baseline knows: with KeepKnown
/// (SARIF) every finding stays, marked new or unchanged; otherwise the known
/// ones leave Findings and are counted in Baselined (and, with ListKnown,
/// kept in BaselinedFindings for an HTML report).
void applyBaseline(report::ReportData &D, const std::set<std::string> &Known,
                   bool KeepKnown, bool ListKnown);

} // namespace verguard::driver

#endif
