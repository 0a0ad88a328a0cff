//===- CatalogTest.cpp ----------------------------------------------------===//
#include "ReportTestSupport.h"

#include "llvm/Support/JSON.h"

#include <gtest/gtest.h>

using namespace verguard;
using namespace verguard::reporttest;

TEST(Catalog, RulesWithSeverityAndFixAvailability) {
  std::string Out =
      render([](llvm::raw_ostream &OS) { report::writeRuleList(OS, true); });
  auto V = llvm::json::parse(Out);
  ASSERT_TRUE(bool(V)) << llvm::toString(V.takeError());
  const llvm::json::Array &A = *V->getAsArray();
  ASSERT_EQ(A.size(), 6u);
  const llvm::json::Object &First = *A[0].getAsObject();
  EXPECT_EQ(First.getString("id"), "VG001");
  EXPECT_EQ(First.getString("name"), "build-comparison");
  EXPECT_EQ(First.getString("defaultSeverity"), "error");
  EXPECT_EQ(First.getString("fix"), "sometimes");
  EXPECT_EQ(First.getString("doc"), "rules/VG001-build-comparison.md");
  const llvm::json::Object &Last = *A[5].getAsObject();
  EXPECT_EQ(Last.getString("id"), "VG100");
  EXPECT_EQ(Last.getString("defaultSeverity"), "warning");
  EXPECT_EQ(Last.getString("fix"), "never");
  EXPECT_EQ(Last.getString("helpUri"),
            "https://github.com/verguard/verguard/blob/main/rules/"
            "VG100-unused-suppression.md");
  Out = render([](llvm::raw_ostream &OS) { report::writeRuleList(OS, false); });
  EXPECT_NE(Out.find("VG100  unused-suppression  (warning, fix never)\n"),
            std::string::npos)
      << Out;
}

TEST(Catalog, Bumps) {
  core::ProfileSet P;
  P.Profiles.resize(2);
  P.Profiles[0].Id = "old";
  P.Profiles[0].Values[unsigned(core::Quantity::Build)] =
      core::Value::integer(100);
  P.Profiles[1].Id = "new";
  P.Profiles[1].Values[unsigned(core::Quantity::Build)] =
      core::Value::integer(101);
  core::Bump B;
  B.Id = "b1";
  B.Description = "one to the next";
  B.Before = 0;
  B.After = 1;
  P.Bumps.push_back(B);
  B.Id = "b2";
  B.Enabled = true;
  P.Bumps.push_back(B);
  std::string Out = render(
      [&](llvm::raw_ostream &OS) { report::writeBumpList(OS, P, false); });
  EXPECT_EQ(Out, "b1  100 -> 101  (with --bump b1)\n    one to the next\n"
                 "b2  100 -> 101  (checked by default)\n    one to the next\n");
  Out = render(
      [&](llvm::raw_ostream &OS) { report::writeBumpList(OS, P, true); });
  auto V = llvm::json::parse(Out);
  ASSERT_TRUE(bool(V));
  const llvm::json::Object &O = *(*V->getAsArray())[1].getAsObject();
  EXPECT_EQ(O.getString("id"), "b2");
  EXPECT_EQ(O.getInteger("buildBefore"), 100);
  EXPECT_EQ(O.getInteger("buildAfter"), 101);
  EXPECT_EQ(O.getBoolean("default"), true);
}
