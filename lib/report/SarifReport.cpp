//===- SarifReport.cpp - SARIF 2.1.0 for code scanning --------------------===//
#include "report/FindingJson.h"
#include "report/Report.h"

#include "rules/Rule.h"
#include "rules/RuleDocs.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

namespace verguard::report {

namespace {
const char *sarifLevel(core::Severity S) {
  return severityWord(S, "error", "warning", "note");
}

llvm::json::Object artifact(llvm::StringRef File, llvm::StringRef Root) {
  std::string Rel = displayPath(File, Root);
  if (Rel != File || !llvm::sys::path::is_absolute(Rel))
    return llvm::json::Object{{"uri", Rel}, {"uriBaseId", "%SRCROOT%"}};
  return llvm::json::Object{{"uri", "file://" + Rel}};
}

llvm::json::Object region(const core::SourceSpan &S) {
  llvm::json::Object R{{"startLine", std::max<uint32_t>(S.Line, 1)},
                       {"startColumn", std::max<uint32_t>(S.Col, 1)}};
  if (S.EndLine) {
    R["endLine"] = S.EndLine;
    R["endColumn"] = std::max<uint32_t>(S.EndCol, 1);
  }
  return R;
}
} // namespace

bool writeSarif(llvm::raw_ostream &OS, const ReportData &D) {
  std::vector<const core::RuleInfo *> All = rules::allRuleInfos();
  llvm::json::Array Rules;
  for (const core::RuleInfo *Info : All) {
    const core::RuleInfo &I = *Info;
    auto Doc = rules::ruleDoc(I.Id);
    Rules.push_back(llvm::json::Object{
        {"id", I.Id},
        {"name", I.Name},
        {"shortDescription", llvm::json::Object{{"text", I.Summary}}},
        {"fullDescription", llvm::json::Object{{"text", I.Summary}}},
        {"help",
         llvm::json::Object{{"text", Doc ? Doc->str() : I.Summary},
                            {"markdown", Doc ? Doc->str() : I.Summary}}},
        {"helpUri", rules::ruleHelpUri(I.Id)},
        {"defaultConfiguration",
         llvm::json::Object{{"level", sarifLevel(I.DefaultLevel)}}}});
  }
  auto RuleIndex = [&](llvm::StringRef Id) -> int64_t {
    for (size_t I = 0; I < All.size(); ++I)
      if (Id == All[I]->Id)
        return (int64_t)I;
    return -1;
  };
  auto Result = [&](const core::Finding &F, const std::string &Fingerprint) {
    llvm::json::Object Loc{
        {"physicalLocation",
         llvm::json::Object{
             {"artifactLocation", artifact(F.Where.File, D.SrcRoot)},
             {"region", region(F.Where)}}}};
    llvm::json::Object Res{
        {"ruleId", F.RuleId},
        {"ruleIndex", RuleIndex(F.RuleId)},
        {"level", sarifLevel(F.Level)},
        {"message", llvm::json::Object{{"text", F.Message}}},
        {"locations", llvm::json::Array{std::move(Loc)}},
        {"partialFingerprints",
         llvm::json::Object{{"verguardFingerprint/v1", Fingerprint}}},
        // All of the finding, exactly (`verguard merge` reads it back).
        {"properties",
         llvm::json::Object{{"verguard", findingToJson(F, D.SrcRoot)}}}};
    if (!F.Related.empty()) {
      llvm::json::Array Related;
      for (const core::RelatedLocation &R : F.Related)
        Related.push_back(llvm::json::Object{
            {"id", (int64_t)Related.size()},
            {"physicalLocation",
             llvm::json::Object{
                 {"artifactLocation", artifact(R.Where.File, D.SrcRoot)},
                 {"region", region(R.Where)}}},
            {"message", llvm::json::Object{{"text", R.Message}}}});
      Res["relatedLocations"] = std::move(Related);
    }
    if (F.TheFix) {
      // One artifactChange per file, replacements in byte offsets.
      llvm::json::Array Changes;
      std::vector<std::string> Files;
      for (const core::Edit &E : F.TheFix->Edits)
        if (std::find(Files.begin(), Files.end(), E.Span.File) == Files.end())
          Files.push_back(E.Span.File);
      for (const std::string &File : Files) {
        llvm::json::Array Repl;
        for (const core::Edit &E : F.TheFix->Edits)
          if (E.Span.File == File)
            Repl.push_back(llvm::json::Object{
                {"deletedRegion",
                 llvm::json::Object{{"byteOffset", E.Span.Begin},
                                    {"byteLength", E.Span.End - E.Span.Begin}}},
                {"insertedContent",
                 llvm::json::Object{{"text", E.Replacement}}}});
        Changes.push_back(
            llvm::json::Object{{"artifactLocation", artifact(File, D.SrcRoot)},
                               {"replacements", std::move(Repl)}});
      }
      Res["fixes"] = llvm::json::Array{llvm::json::Object{
          {"description", llvm::json::Object{{"text", F.TheFix->Description}}},
          {"artifactChanges", std::move(Changes)}}};
    }
    return Res;
  };
  llvm::json::Array Results;
  size_t Total = D.Findings.size() + D.SuppressedFindings.size();
  for (size_t I = 0; I < D.Findings.size(); ++I) {
    if (Results.size() >= D.MaxSarifResults)
      break;
    llvm::json::Object Res = Result(
        D.Findings[I], I < D.Fingerprints.size() ? D.Fingerprints[I] : "");
    if (I < D.Baseline.size() && D.Baseline[I] != BaselineState::None)
      Res["baselineState"] =
          D.Baseline[I] == BaselineState::New ? "new" : "unchanged";
    Results.push_back(std::move(Res));
  }
  // Suppressed findings are results too, marked: code scanning shows them
  // as dismissed, and an audit sees what the comments hide.
  for (size_t I = 0; I < D.SuppressedFindings.size(); ++I) {
    if (Results.size() >= D.MaxSarifResults)
      break;
    const core::SuppressedFinding &S = D.SuppressedFindings[I];
    llvm::json::Object Res = Result(S.F, I < D.SuppressedFingerprints.size()
                                             ? D.SuppressedFingerprints[I]
                                             : "");
    llvm::json::Object Suppression{
        {"kind", "inSource"},
        {"status", "accepted"},
        {"location",
         llvm::json::Object{
             {"physicalLocation",
              llvm::json::Object{
                  {"artifactLocation", artifact(S.Comment.File, D.SrcRoot)},
                  {"region", region(S.Comment)}}}}}};
    if (!S.Justification.empty())
      Suppression["justification"] = S.Justification;
    Res["properties"] =
        llvm::json::Object{{"verguard", suppressedToJson(S, D.SrcRoot)}};
    Res["suppressions"] = llvm::json::Array{std::move(Suppression)};
    Results.push_back(std::move(Res));
  }
  bool Complete = Results.size() == Total;
  llvm::json::Array Notes;
  for (const core::Diagnostic &G : D.Diagnostics) {
    llvm::json::Object PL{
        {"artifactLocation", artifact(G.Where.File, D.SrcRoot)}};
    if (G.Where.Line)
      PL["region"] = region(G.Where);
    Notes.push_back(llvm::json::Object{
        {"level", sarifLevel(G.Level)},
        {"message", llvm::json::Object{{"text", G.Message}}},
        {"locations", llvm::json::Array{llvm::json::Object{
                          {"physicalLocation", std::move(PL)}}}},
        {"properties",
         llvm::json::Object{{"verguard", diagnosticToJson(G, D.SrcRoot)}}}});
  }
  if (!Complete)
    Notes.push_back(llvm::json::Object{
        {"level", "warning"},
        {"message",
         llvm::json::Object{
             {"text", "results truncated at " +
                          std::to_string(D.MaxSarifResults) + " of " +
                          std::to_string(Total) +
                          " (GitHub code scanning's limit per run)"}}}});
  std::string RootUri = "file://" + D.SrcRoot;
  if (!llvm::StringRef(RootUri).ends_with("/"))
    RootUri += "/";
  llvm::json::Object Run{
      {"tool", llvm::json::Object{{"driver",
                                   llvm::json::Object{
                                       {"name", "verguard"},
                                       {"version", D.ToolVersion},
                                       {"semanticVersion", D.ToolVersion},
                                       {"informationUri",
                                        "https://github.com/verguard/verguard"},
                                       {"rules", std::move(Rules)}}}}},
      {"automationDetails", llvm::json::Object{{"id", "verguard/"}}},
      {"originalUriBaseIds",
       llvm::json::Object{{"%SRCROOT%", llvm::json::Object{{"uri", RootUri}}}}},
      {"columnKind", "unicodeCodePoints"},
      {"invocations", llvm::json::Array{llvm::json::Object{
                          {"executionSuccessful", true},
                          {"toolExecutionNotifications", std::move(Notes)}}}},
      {"results", std::move(Results)},
      {"properties", llvm::json::Object{{"verguard", summaryToJson(D)}}}};
  llvm::json::Object Root{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", llvm::json::Array{std::move(Run)}}};
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Root))) << "\n";
  return Complete;
}

} // namespace verguard::report
