//===- ConciseReport.cpp - one line per finding ---------------------------===//
//
// For editors and grep: `path:line:col: severity: message [VG001]`, the
// first line of each text report block, with nothing around it.
//
//===----------------------------------------------------------------------===//
#include "report/Report.h"

namespace verguard::report {

void writeConcise(llvm::raw_ostream &OS, const ReportData &D) {
  // Messages about the input go to stderr (writeDiagnostic), as in every
  // format.
  for (const core::Finding &F : D.Findings)
    OS << findingLine(F, D.SrcRoot) << "\n";
}

} // namespace verguard::report
