// Each language's FixSyntax: how operators, joins, memberships and new
// labels are written, looked up through the one Dialect table.
#include "core/FixSyntax.h"

#include <gtest/gtest.h>

using namespace verguard::core;

namespace {
Spelling at(uint32_t B, std::string Text) {
  Spelling S;
  S.Span.Begin = B;
  S.Span.End = B + Text.size();
  S.Span.Line = S.Span.EndLine = 1;
  S.Span.Col = B + 1;
  S.Span.EndCol = B + Text.size() + 1;
  S.Text = std::move(Text);
  return S;
}
} // namespace

TEST(FixSyntax, OperatorsInEachLanguage) {
  EXPECT_EQ(syntaxFor(Dialect::C).op(CmpOp::LE, "=="), "<=");
  EXPECT_EQ(syntaxFor(Dialect::None).op(CmpOp::NE, {}), "!=");
  EXPECT_EQ(syntaxFor(Dialect::VB).op(CmpOp::NE, "="), "<>");
  EXPECT_EQ(syntaxFor(Dialect::WQL).op(CmpOp::GE, "="), ">=");
  // PowerShell keeps the -c/-i prefix and the case of the original token.
  EXPECT_EQ(syntaxFor(Dialect::PowerShell).op(CmpOp::GE, "-eq"), "-ge");
  EXPECT_EQ(syntaxFor(Dialect::PowerShell).op(CmpOp::LE, "-ceq"), "-cle");
  EXPECT_EQ(syntaxFor(Dialect::PowerShell).op(CmpOp::GE, "-EQ"), "-GE");
  // A condition mask has no "not equal".
  EXPECT_EQ(syntaxFor(Dialect::VerMask).op(CmpOp::LE, "VER_EQUAL"),
            "VER_LESS_EQUAL");
  EXPECT_EQ(syntaxFor(Dialect::VerMask).op(CmpOp::NE, "VER_EQUAL"),
            std::nullopt);
}

TEST(FixSyntax, JoinsAndComparisons) {
  EXPECT_EQ(syntaxFor(Dialect::C).joinWord(true), " || ");
  EXPECT_EQ(syntaxFor(Dialect::PowerShell).joinWord(false), " -and ");
  EXPECT_EQ(syntaxFor(Dialect::VB).joinWord(true), " Or ");
  EXPECT_EQ(syntaxFor(Dialect::WQL).joinWord(false), " AND ");
  EXPECT_EQ(syntaxFor(Dialect::VerMask).joinWord(true), std::nullopt);
  EXPECT_EQ(syntaxFor(Dialect::VB).cmp("os.Build", CmpOp::GT, 6002),
            "os.Build > 6002");
  EXPECT_EQ(syntaxFor(Dialect::VerMask).cmp("b", CmpOp::GT, 6002),
            std::nullopt);
}

TEST(FixSyntax, MembershipOnlyWhereTheLanguageHasIt) {
  const FixSyntax &PS = syntaxFor(Dialect::PowerShell);
  EXPECT_EQ(PS.membership("$b", false, "-eq", "6002", "6003"),
            "6002, 6003 -contains $b");
  EXPECT_EQ(PS.membership("$v", true, "-cne", "'Build 6002'", "'Build 6003'"),
            "'Build 6002', 'Build 6003' -cnotcontains $v");
  // Digits compare alike either way: no -c needed.
  // Where-Object's simplified syntax names a property: -In after it.
  EXPECT_EQ(PS.membership("BuildNumber", false, "-eq", "'6002'", "'6003'"),
            "BuildNumber -in '6002', '6003'");
  EXPECT_EQ(PS.membership("$v", false, "-ceq", "'6.0.6002'", "'6.0.6003'"),
            "'6.0.6002', '6.0.6003' -contains $v");
  EXPECT_TRUE(PS.appendsListItems());
  EXPECT_EQ(syntaxFor(Dialect::C).membership("b", false, "==", "6002", "6003"),
            std::nullopt);
  EXPECT_FALSE(syntaxFor(Dialect::VB).appendsListItems());
}

TEST(FixSyntax, NewLabelsAndEntries) {
  // `Case 6002` gains `, 6003` after its test.
  Expr Test;
  Test.Written = at(5, "6002");
  Arm A;
  A.Label = at(0, "Case 6002");
  A.Indent = "    ";
  auto E = syntaxFor(Dialect::VB).armLabel(A, Test, Test, "6003");
  ASSERT_TRUE(E);
  EXPECT_EQ(E->Span.Begin, 9u);
  EXPECT_EQ(E->Span.End, 9u);
  EXPECT_EQ(E->Replacement, ", 6003");
  // `case 6002:` gains a sibling label on its own line.
  Arm CA;
  CA.Label = at(0, "case 6002:");
  CA.Indent = "  ";
  Expr K;
  K.Written = at(5, "6002");
  E = syntaxFor(Dialect::C).armLabel(CA, K, K, "6003");
  ASSERT_TRUE(E);
  EXPECT_EQ(E->Replacement, "\n  case 6003:");
  // A PowerShell constant label becomes a membership condition.
  Arm PA;
  PA.Label = at(0, "6002");
  E = syntaxFor(Dialect::PowerShell)
          .armLabel(
              PA, K,
              *[&] {
                auto C = std::make_shared<Expr>();
                C->Written = at(0, "6002");
                return C;
              }(),
              "6003");
  ASSERT_TRUE(E);
  EXPECT_EQ(E->Replacement, "{ 6002, 6003 -contains $_ }");
  // Table entries: `; ` in a hashtable, a new line for a Dictionary's .Add.
  EXPECT_EQ(syntaxFor(Dialect::PowerShell).tableEntrySeparator(A), "; ");
  EXPECT_EQ(syntaxFor(Dialect::VB).tableEntrySeparator(A), "\n    ");
  EXPECT_EQ(syntaxFor(Dialect::C).tableEntrySeparator(A), ", ");
  EXPECT_EQ(syntaxFor(Dialect::WQL).armLabel(A, Test, Test, "6003"),
            std::nullopt);
}

TEST(FixSyntax, BatchKeepsItsOperatorsAndSearchesForBoth) {
  const FixSyntax &B = syntaxFor(Dialect::Batch);
  EXPECT_EQ(B.op(CmpOp::LE, "EQU"), "LEQ");
  EXPECT_EQ(B.op(CmpOp::GT, "leq"), "gtr");
  // `==` is a string compare and stays one; it has no `<=`.
  EXPECT_EQ(B.op(CmpOp::EQ, "=="), "==");
  EXPECT_EQ(B.op(CmpOp::LE, "=="), std::nullopt);
  EXPECT_EQ(B.joinWord(true), std::nullopt);
  // `find "6.0.6002"` -> one findstr for either build.
  Expr Find;
  Find.Kind = Op::Contains;
  Find.Flags = FlagCmdSearch | FlagCaseInsensitive;
  Find.Written = at(0, "find /i \"6.0.6002\"");
  Expr K;
  K.Written = at(8, "\"6.0.6002\"");
  EXPECT_EQ(B.searchForBoth(Find, K, "6002", "6003"),
            "findstr /i /c:\"6.0.6002\" /c:\"6.0.6003\"");
  // Not a cmd search: nothing (and no other language has one).
  Find.Flags = 0;
  EXPECT_EQ(B.searchForBoth(Find, K, "6002", "6003"), std::nullopt);
  EXPECT_EQ(syntaxFor(Dialect::C).searchForBoth(Find, K, "6002", "6003"),
            std::nullopt);
}
