//===- Statistics.cpp - counts per rule (--statistics) --------------------===//
//
// Like `ruff check --statistics`: one row per rule that has findings, most
// findings first, with how many have a proven fix.
//
//===----------------------------------------------------------------------===//
#include "report/Report.h"

#include "rules/Rule.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"

namespace verguard::report {

void writeStatistics(llvm::raw_ostream &OS, const ReportData &D, bool Json) {
  struct Row {
    std::string Id;
    size_t Count = 0, Fixable = 0;
  };
  std::map<std::string, Row> ById;
  for (const core::Finding &F : D.Findings) {
    Row &R = ById[F.RuleId];
    R.Id = F.RuleId;
    ++R.Count;
    R.Fixable += F.TheFix.has_value();
  }
  std::vector<Row> Rows;
  for (auto &[Id, R] : ById)
    Rows.push_back(R);
  std::stable_sort(Rows.begin(), Rows.end(), [](const Row &A, const Row &B) {
    return A.Count > B.Count;
  });
  auto NameOf = [](const std::string &Id) -> std::string {
    const core::RuleInfo *I = rules::findRuleInfo(Id);
    return I ? I->Name : "";
  };
  if (Json) {
    llvm::json::Array A;
    for (const Row &R : Rows)
      A.push_back(llvm::json::Object{{"ruleId", R.Id},
                                     {"name", NameOf(R.Id)},
                                     {"count", R.Count},
                                     {"fixable", R.Fixable}});
    OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(A))) << "\n";
    return;
  }
  if (Rows.empty())
    return;
  size_t Width = 5; // "count"
  for (const Row &R : Rows)
    Width = std::max(Width, std::to_string(R.Count).size());
  OS << llvm::right_justify("count", Width) << "  rule   fixable  name\n";
  for (const Row &R : Rows)
    OS << llvm::right_justify(std::to_string(R.Count), Width) << "  "
       << llvm::left_justify(R.Id, 5) << "  "
       << llvm::right_justify(std::to_string(R.Fixable), 7) << "  "
       << NameOf(R.Id) << "\n";
}

} // namespace verguard::report
