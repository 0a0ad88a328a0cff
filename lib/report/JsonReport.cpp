//===- JsonReport.cpp - the documented JSON schema (README) ---------------===//
#include "report/Report.h"

#include "llvm/Support/JSON.h"

namespace verguard::report {

namespace {
llvm::json::Object span(const core::SourceSpan &S, llvm::StringRef Root) {
  return llvm::json::Object{{"file", displayPath(S.File, Root)},
                            {"line", S.Line},
                            {"column", S.Col},
                            {"endLine", S.EndLine},
                            {"endColumn", S.EndCol},
                            {"offset", S.Begin},
                            {"length", S.End - S.Begin}};
}
} // namespace

void writeJson(llvm::raw_ostream &OS, const ReportData &D) {
  llvm::json::Array Findings;
  for (size_t I = 0; I < D.Findings.size(); ++I) {
    const core::Finding &F = D.Findings[I];
    llvm::json::Object O{
        {"ruleId", F.RuleId},
        {"severity", core::severityName(F.Level)},
        {"message", F.Message},
        {"location", span(F.Where, D.SrcRoot)},
        {"bump", F.Bump},
        {"function", F.Function},
        {"guard", F.Guard},
        {"fingerprint", I < D.Fingerprints.size() ? D.Fingerprints[I] : ""}};
    if (I < D.Baseline.size() && D.Baseline[I] != BaselineState::None)
      O["baselineState"] =
          D.Baseline[I] == BaselineState::New ? "new" : "unchanged";
    if (!F.Related.empty()) {
      llvm::json::Array Related;
      for (const core::RelatedLocation &R : F.Related)
        Related.push_back(llvm::json::Object{
            {"location", span(R.Where, D.SrcRoot)}, {"message", R.Message}});
      O["related"] = std::move(Related);
    }
    if (F.TheFix) {
      llvm::json::Array Edits;
      for (const core::Edit &E : F.TheFix->Edits) {
        llvm::json::Object EO = span(E.Span, D.SrcRoot);
        EO["replacement"] = E.Replacement;
        Edits.push_back(std::move(EO));
      }
      O["fix"] = llvm::json::Object{{"description", F.TheFix->Description},
                                    {"edits", std::move(Edits)}};
    } else {
      O["fix"] = nullptr;
      O["noFixReason"] = F.NoFixReason;
    }
    Findings.push_back(std::move(O));
  }
  llvm::json::Array Diags;
  for (const core::Diagnostic &G : D.Diagnostics)
    Diags.push_back(
        llvm::json::Object{{"severity", core::severityName(G.Level)},
                           {"file", displayPath(G.Where.File, D.SrcRoot)},
                           {"line", G.Where.Line},
                           {"column", G.Where.Col},
                           {"message", G.Message}});
  llvm::json::Object Langs;
  for (const auto &[L, N] : D.FilesByLanguage)
    Langs[L] = N;
  llvm::json::Object Root{
      {"version", 1},
      {"tool",
       llvm::json::Object{{"name", "verguard"}, {"version", D.ToolVersion}}},
      {"findings", std::move(Findings)},
      {"diagnostics", std::move(Diags)},
      {"summary", llvm::json::Object{{"files", D.FilesTotal},
                                     {"filesSkipped", D.FilesSkipped},
                                     {"filesByLanguage", std::move(Langs)},
                                     {"findings", D.Findings.size()},
                                     {"suppressed", D.Suppressed},
                                     {"baselined", D.Baselined}}}};
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Root))) << "\n";
}

} // namespace verguard::report
