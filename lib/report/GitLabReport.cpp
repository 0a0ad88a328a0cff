//===- GitLabReport.cpp - GitLab Code Quality -----------------------------===//
//
// A JSON array of Code Climate issues, the format of GitLab's
// `artifacts:reports:codequality`: description, check_name, fingerprint,
// severity (info, minor, major, critical, blocker) and location.path with
// location.lines.begin. GitLab shows them in the merge request widget and
// on the diff.
//
//===----------------------------------------------------------------------===//
#include "report/Report.h"

#include "llvm/Support/JSON.h"

namespace verguard::report {

void writeGitLab(llvm::raw_ostream &OS, const ReportData &D) {
  llvm::json::Array Issues;
  for (size_t I = 0; I < D.Findings.size(); ++I) {
    const core::Finding &F = D.Findings[I];
    uint32_t Begin = std::max<uint32_t>(F.Where.Line, 1);
    std::string Body = F.Message;
    if (std::string Summary = fixSummary(F); !Summary.empty())
      Body += "\n\n" + Summary;
    for (const core::RelatedLocation &R : F.Related)
      Body += "\n\n" + noteLine(R, D.SrcRoot);
    Issues.push_back(llvm::json::Object{
        {"type", "issue"},
        {"engine_name", "verguard"},
        {"check_name", F.RuleId},
        {"description", F.Message},
        {"content", llvm::json::Object{{"body", Body}}},
        {"categories", llvm::json::Array{"Bug Risk"}},
        {"severity", severityWord(F.Level, "major", "minor", "info")},
        {"fingerprint", I < D.Fingerprints.size() ? D.Fingerprints[I] : ""},
        {"location",
         llvm::json::Object{
             {"path", displayPath(F.Where.File, D.SrcRoot)},
             {"lines", llvm::json::Object{
                           {"begin", Begin},
                           {"end", std::max(F.Where.EndLine, Begin)}}}}}});
  }
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Issues))) << "\n";
}

} // namespace verguard::report
