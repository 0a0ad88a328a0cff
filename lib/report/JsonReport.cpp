//===- JsonReport.cpp - the documented JSON schema (README) ---------------===//
#include "report/FindingJson.h"
#include "report/Report.h"

#include "llvm/Support/JSON.h"

namespace verguard::report {

void writeJson(llvm::raw_ostream &OS, const ReportData &D) {
  llvm::json::Array Findings;
  for (size_t I = 0; I < D.Findings.size(); ++I) {
    const core::Finding &F = D.Findings[I];
    llvm::json::Object O = findingToJson(F, D.SrcRoot);
    O["fingerprint"] = I < D.Fingerprints.size() ? D.Fingerprints[I] : "";
    if (I < D.Baseline.size() && D.Baseline[I] != BaselineState::None)
      O["baselineState"] =
          D.Baseline[I] == BaselineState::New ? "new" : "unchanged";
    Findings.push_back(std::move(O));
  }
  llvm::json::Array Diags;
  for (const core::Diagnostic &G : D.Diagnostics)
    Diags.push_back(diagnosticToJson(G, D.SrcRoot));
  llvm::json::Array Suppressed;
  for (const core::SuppressedFinding &S : D.SuppressedFindings)
    Suppressed.push_back(suppressedToJson(S, D.SrcRoot));
  llvm::json::Object Root{
      {"version", 1},
      {"tool",
       llvm::json::Object{{"name", "verguard"}, {"version", D.ToolVersion}}},
      {"findings", std::move(Findings)},
      {"suppressedFindings", std::move(Suppressed)},
      {"diagnostics", std::move(Diags)},
      {"summary", summaryToJson(D)}};
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Root))) << "\n";
}

} // namespace verguard::report
