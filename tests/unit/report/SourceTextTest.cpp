//===- SourceTextTest.cpp -------------------------------------------------===//
#include "report/SourceText.h"

#include "../TestSupport.h"

#include <gtest/gtest.h>

using namespace verguard;
using namespace verguard::report;

namespace {

core::SourceSpan span(uint32_t Line, uint32_t Col, uint32_t EndLine,
                      uint32_t EndCol) {
  return test::spanAt("f", Line, Col, EndLine, EndCol);
}

core::Edit edit(uint32_t Line, uint32_t Col, uint32_t EndLine, uint32_t EndCol,
                std::string R) {
  return core::Edit{span(Line, Col, EndLine, EndCol), std::move(R)};
}

std::string marked(const MarkedLine &L) {
  std::string S = L.Text;
  for (auto It = L.Marks.rbegin(); It != L.Marks.rend(); ++It) {
    S.insert(It->second, "]");
    S.insert(It->first, "[");
  }
  return std::to_string(L.Number) + ":" + S;
}

std::vector<std::string> marked(const std::vector<MarkedLine> &Ls) {
  std::vector<std::string> Out;
  for (const MarkedLine &L : Ls)
    Out.push_back(marked(L));
  return Out;
}

TEST(SourceText, ColumnsCountCodePoints) {
  auto T = SourceText::decode("x = \"\xC3\xA9\xE2\x82\xAC\" == 6002\n");
  ASSERT_TRUE(T);
  EXPECT_EQ(T->lineCount(), 1u);
  // Column 7 is the euro sign, after the two bytes of e-acute.
  EXPECT_EQ(T->columnOffset(1, 6), 5u);
  EXPECT_EQ(T->columnOffset(1, 7), 7u);
  EXPECT_EQ(T->columnOffset(1, 1), 0u);
  EXPECT_EQ(T->columnOffset(1, 999), T->line(1).size());
  EXPECT_EQ(
      marked(T->around(span(1, 10, 1, 17), 0)),
      std::vector<std::string>{"1:x = \"\xC3\xA9\xE2\x82\xAC\" [== 6002]"});
}

TEST(SourceText, DecodesUtf16AndWindows1252) {
  // "a\r\nb == 6002\r\n" in UTF-16 LE with a BOM.
  std::string U16 = "\xFF\xFE";
  for (char C : std::string("a\r\nb == 6002\r\n"))
    U16 += std::string{C, '\0'};
  auto T = SourceText::decode(U16);
  ASSERT_TRUE(T);
  EXPECT_EQ(T->encoding(), script::Encoding::Utf16LE);
  EXPECT_EQ(T->lineCount(), 2u);
  EXPECT_EQ(T->line(2), "b == 6002");
  auto A = SourceText::decode("caf\xE9 \x80\n");
  ASSERT_TRUE(A);
  EXPECT_EQ(A->encoding(), script::Encoding::Windows1252);
  EXPECT_EQ(A->line(1), "caf\xC3\xA9 \xE2\x82\xAC");
  EXPECT_FALSE(SourceText::decode(llvm::StringRef("MZ\0\0", 4)));
}

TEST(SourceText, AroundShowsContextAndMarksEveryLineOfTheSpan) {
  auto T = SourceText::decode("one\ntwo\nif (a &&\n    b)\nfive\nsix\n");
  ASSERT_TRUE(T);
  EXPECT_EQ(T->lineCount(), 6u);
  EXPECT_EQ(marked(T->around(span(3, 5, 4, 6), 1)),
            (std::vector<std::string>{"2:two", "3:if ([a &&]", "4:[    b])",
                                      "5:five"}));
  // Clamped at both ends of the file; nothing for a line past its end.
  EXPECT_EQ(
      marked(T->around(span(1, 1, 1, 4), 3)),
      (std::vector<std::string>{"1:[one]", "2:two", "3:if (a &&", "4:    b)"}));
  EXPECT_TRUE(T->around(span(7, 1, 7, 2), 2).empty());
  EXPECT_TRUE(T->around(span(0, 1, 0, 2), 2).empty());
  // A span over many lines shows at most MaxLines of them.
  EXPECT_EQ(T->around(span(1, 1, 6, 4), 0, /*MaxLines=*/2).size(), 2u);
  // An end before the start (bad input) marks nothing past the start.
  EXPECT_EQ(marked(T->around(span(2, 2, 1, 1), 0)),
            std::vector<std::string>{"2:two"});
}

TEST(SourceText, ALongLineIsCutAroundItsMark) {
  std::string Line =
      std::string(1000, 'a') + "b == 6002" + std::string(1000, 'c');
  auto T = SourceText::decode(Line);
  ASSERT_TRUE(T);
  auto L = T->around(span(1, 1001, 1, 1010), 0, 8, /*MaxWidth=*/100);
  ASSERT_EQ(L.size(), 1u);
  EXPECT_TRUE(L[0].CutBefore);
  EXPECT_TRUE(L[0].CutAfter);
  EXPECT_LE(L[0].Text.size(), 100u);
  ASSERT_EQ(L[0].Marks.size(), 1u);
  EXPECT_EQ(L[0].Text.substr(L[0].Marks[0].first,
                             L[0].Marks[0].second - L[0].Marks[0].first),
            "b == 6002");
  // Never inside a code point.
  auto U = SourceText::decode(std::string(300, 'x') + "\xE2\x82\xAC" +
                              std::string(300, 'y'));
  auto C = U->around(span(1, 302, 1, 303), 0, 8, 11);
  ASSERT_EQ(C.size(), 1u);
  EXPECT_NE(C[0].Text.find("\xE2\x82\xAC"), std::string::npos) << C[0].Text;
}

TEST(SourceText, AFixHunkShowsTheChangedLinesBeforeAndAfter) {
  auto T = SourceText::decode("a\r\nif (b == 6002)\r\nc\r\n");
  ASSERT_TRUE(T);
  auto H = T->fixHunk({edit(2, 7, 2, 9, ">=")});
  ASSERT_TRUE(H);
  EXPECT_EQ(marked(H->Before), std::vector<std::string>{"2:if (b [==] 6002)"});
  EXPECT_EQ(marked(H->After), std::vector<std::string>{"2:if (b [>=] 6002)"});
  // Two edits on one line, and an insertion that adds a line.
  H = T->fixHunk({edit(2, 10, 2, 14, "6003"), edit(2, 5, 2, 5, "(")});
  ASSERT_TRUE(H);
  EXPECT_EQ(marked(H->After),
            std::vector<std::string>{"2:if ([(]b == [6003])"});
  H = T->fixHunk({edit(3, 1, 3, 1, "case 6003:\r\n")});
  ASSERT_TRUE(H);
  EXPECT_EQ(marked(H->Before), std::vector<std::string>{"3:c"});
  EXPECT_EQ(marked(H->After),
            (std::vector<std::string>{"3:[case 6003:]", "4:c"}));
  // An edit over two lines.
  H = T->fixHunk({edit(1, 1, 2, 3, "x")});
  ASSERT_TRUE(H);
  EXPECT_EQ(marked(H->Before),
            (std::vector<std::string>{"1:[a]", "2:[if] (b == 6002)"}));
  EXPECT_EQ(marked(H->After), std::vector<std::string>{"1:[x] (b == 6002)"});
}

TEST(SourceText, NoFixHunkForEditsOutsideTheFileOrOverlapping) {
  auto T = SourceText::decode("if (b == 6002)\n");
  ASSERT_TRUE(T);
  EXPECT_FALSE(T->fixHunk({}));
  EXPECT_FALSE(T->fixHunk({edit(5, 1, 5, 2, "x")}));
  EXPECT_FALSE(T->fixHunk({edit(0, 1, 1, 2, "x")}));
  EXPECT_FALSE(T->fixHunk({edit(1, 5, 1, 8, "x"), edit(1, 7, 1, 9, "y")}));
  // At the very end of the file (after its last line ending).
  EXPECT_TRUE(T->fixHunk({edit(2, 1, 2, 1, "x\n")}));
}

TEST(SourceText, TheCacheDecodesAFileOnce) {
  SourceCache C;
  const SourceText *A = C.get("a", "one\n");
  ASSERT_TRUE(A);
  EXPECT_EQ(C.get("a", "one\n"), A);
  EXPECT_EQ(C.get("b", "two\n")->line(1), "two");
  EXPECT_EQ(C.get("c", llvm::StringRef("\0\0\0", 3)), nullptr);
}

} // namespace
