//===- SnippetTest.cpp ----------------------------------------------------===//
#include "report/Snippet.h"

#include <gtest/gtest.h>

using namespace verguard;

namespace {

core::SourceSpan span(uint32_t Line, uint32_t Col, uint32_t EndCol) {
  core::SourceSpan S;
  S.Line = S.EndLine = Line;
  S.Col = Col;
  S.EndCol = EndCol;
  return S;
}

TEST(Snippet, DecodedLineAndCaretColumns) {
  // Windows-1252: "Café" is 4 columns; the guard starts at column 8.
  auto T = script::decodeText("x\r\nCaf\xE9 = (b == 6002)\r\n", "/a.ps1");
  ASSERT_TRUE(bool(T));
  auto S = report::snippetOf(*T, span(2, 8, 17));
  ASSERT_TRUE(S);
  EXPECT_EQ(S->Line, "Caf\xC3\xA9 = (b == 6002)");
  EXPECT_EQ(S->Indent, std::string(7, ' '));
  EXPECT_EQ(S->Width, 9u);
}

TEST(Snippet, TabsStayWideCharactersTakeTwo) {
  auto T = script::decodeText("\t\xE6\x97\xA5\xE6\x9C\xAC b == 6002\n", "/a");
  ASSERT_TRUE(bool(T));
  auto S = report::snippetOf(*T, span(1, 5, 15));
  ASSERT_TRUE(S);
  EXPECT_EQ(S->Indent, "\t" + std::string(5, ' '));
  EXPECT_EQ(S->Width, 9u); // up to the end of the line
}

TEST(Snippet, NoLineNoSnippet) {
  auto T = script::decodeText("one line\n", "/a");
  ASSERT_TRUE(bool(T));
  EXPECT_FALSE(report::snippetOf(*T, span(7, 1, 2)));
  EXPECT_EQ(report::snippetOf(*T, span(1, 3, 3))->Width, 1u);
}

} // namespace
