//===- SarifReportTest.cpp ------------------------------------------------===//
#include "ReportTestSupport.h"

#include "llvm/Support/JSON.h"

#include <gtest/gtest.h>

using namespace verguard;
using namespace verguard::reporttest;

namespace {
llvm::json::Object run(const report::ReportData &D) {
  std::string Out =
      render([&](llvm::raw_ostream &OS) { report::writeSarif(OS, D); });
  auto V = llvm::json::parse(Out);
  if (!V) {
    ADD_FAILURE() << llvm::toString(V.takeError()) << "\n" << Out;
    return {};
  }
  return *(*V->getAsObject()->getArray("runs"))[0].getAsObject();
}
} // namespace

TEST(SarifReport, RelatedLocationsPointAtTheDefinition) {
  llvm::json::Object R = run(sample());
  const llvm::json::Object &First = *(*R.getArray("results"))[0].getAsObject();
  const llvm::json::Array *Related = First.getArray("relatedLocations");
  ASSERT_TRUE(Related);
  ASSERT_EQ(Related->size(), 1u);
  const llvm::json::Object &L = *(*Related)[0].getAsObject();
  EXPECT_EQ(L.getInteger("id"), 0);
  EXPECT_EQ(L.getObject("message")->getString("text"),
            "`SP2_BUILD` is defined here as 6002");
  const llvm::json::Object &P = *L.getObject("physicalLocation");
  EXPECT_EQ(P.getObject("artifactLocation")->getString("uri"), "sp2.h");
  EXPECT_EQ(P.getObject("region")->getInteger("startLine"), 2);
  EXPECT_EQ(P.getObject("region")->getInteger("startColumn"), 19);
  EXPECT_FALSE(
      (*R.getArray("results"))[1].getAsObject()->get("relatedLocations"));
}

TEST(SarifReport, SuppressedFindingsAreResultsWithSuppressions) {
  report::ReportData D = sample();
  core::SuppressedFinding S;
  S.F = finding("/src/d.ps1", 5, 4, "VG002", "hidden");
  S.Comment = span("/src/d.ps1", 4, 3, 26);
  S.Justification = "SP2 only";
  D.SuppressedFindings.push_back(S);
  S.Justification.clear();
  D.SuppressedFindings.push_back(S);
  D.SuppressedFingerprints = report::fingerprints({S.F, S.F});
  llvm::json::Object R = run(D);
  const llvm::json::Array &Results = *R.getArray("results");
  ASSERT_EQ(Results.size(), 5u);
  for (size_t I = 0; I < 3; ++I)
    EXPECT_FALSE(Results[I].getAsObject()->get("suppressions"));
  const llvm::json::Object &H = *Results[3].getAsObject();
  EXPECT_EQ(H.getString("ruleId"), "VG002");
  ASSERT_TRUE(H.getArray("suppressions"));
  ASSERT_TRUE(Results[4].getAsObject()->getArray("suppressions"));
  const llvm::json::Object &Sup =
      *(*H.getArray("suppressions"))[0].getAsObject();
  EXPECT_EQ(Sup.getString("kind"), "inSource");
  EXPECT_EQ(Sup.getString("status"), "accepted");
  EXPECT_EQ(Sup.getString("justification"), "SP2 only");
  EXPECT_EQ(Sup.getObject("location")
                ->getObject("physicalLocation")
                ->getObject("region")
                ->getInteger("startLine"),
            4);
  EXPECT_FALSE((*Results[4].getAsObject()->getArray("suppressions"))[0]
                   .getAsObject()
                   ->get("justification"));
  EXPECT_EQ(
      H.getObject("partialFingerprints")->getString("verguardFingerprint/v1"),
      D.SuppressedFingerprints[0]);
}

TEST(SarifReport, TheLimitCountsSuppressedResultsToo) {
  report::ReportData D = sample();
  core::SuppressedFinding S;
  S.F = finding("/src/d.ps1", 5, 4, "VG002", "hidden");
  D.SuppressedFindings.push_back(S);
  D.MaxSarifResults = 3;
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  EXPECT_FALSE(report::writeSarif(OS, D));
  OS.flush();
  EXPECT_NE(Out.find("results truncated at 3 of 4"), std::string::npos);
}

TEST(SarifReport, EveryRuleHasItsDocAsHelpUriAndItsDefaultLevel) {
  llvm::json::Object R = run(sample());
  const llvm::json::Array &Rules =
      *R.getObject("tool")->getObject("driver")->getArray("rules");
  for (const llvm::json::Value &V : Rules) {
    const llvm::json::Object &Rule = *V.getAsObject();
    std::string Id = Rule.getString("id")->str();
    std::string Uri = Rule.getString("helpUri")->str();
    EXPECT_NE(
        Uri.find("/rules/" + Id + "-" + Rule.getString("name")->str() + ".md"),
        std::string::npos)
        << Uri;
    EXPECT_EQ(Rule.getObject("defaultConfiguration")->getString("level"),
              Id == "VG100" ? "warning" : "error");
  }
}
