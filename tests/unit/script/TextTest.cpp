#include "script/Text.h"

#include <gtest/gtest.h>

using namespace verguard::script;

TEST(Text, Utf8WithBomMapsOffsets) {
  auto T = decodeText("\xEF\xBB\xBFx = 6002\r\ny\r\n", "a.ps1");
  ASSERT_TRUE(bool(T));
  EXPECT_EQ(T->Enc, Encoding::Utf8Bom);
  EXPECT_TRUE(T->CRLF);
  EXPECT_EQ(T->toOriginal(4), 7u);
  auto S = T->span("a.ps1", 4, 8);
  EXPECT_EQ(S.Line, 1u);
  EXPECT_EQ(S.Col, 5u);
  EXPECT_EQ(T->line(2), "y");
}

TEST(Text, Utf16LeWithBomDecodesAndEncodes) {
  std::string B = "\xFF\xFE";
  for (char C : std::string("a\xC3\xA9=6002\n"))
    (void)C;
  const char16_t U[] = u"a\u00e9=6002\n";
  for (char16_t C : std::u16string(U)) {
    B += char(C & 0xFF);
    B += char(C >> 8);
  }
  auto T = decodeText(B, "a.vbs");
  ASSERT_TRUE(bool(T));
  EXPECT_EQ(T->Enc, Encoding::Utf16LE);
  EXPECT_EQ(T->Utf8, "a\xC3\xA9=6002\n");
  // '6' is UTF-8 offset 4 (é takes two bytes), original byte 2 + 3*2 = 8.
  EXPECT_EQ(T->toOriginal(4), 8u);
  EXPECT_EQ(T->lineCol(4).second, 4u); // code points
  EXPECT_EQ(T->encode("6003"), std::string("6\0000\0000\0003\0", 8));
}

TEST(Text, Utf16WithoutBomIsRecognized) {
  std::string B;
  for (char C : std::string("If x = 6002 Then\r\n")) {
    B += C;
    B += '\0';
  }
  auto T = decodeText(B, "a.vbs");
  ASSERT_TRUE(bool(T));
  EXPECT_EQ(T->Enc, Encoding::Utf16LE);
  EXPECT_EQ(T->Utf8, "If x = 6002 Then\r\n");
}

TEST(Text, AnsiIsWindows1252) {
  auto T = decodeText("caf\xE9 \x80 6002", "a.bas");
  ASSERT_TRUE(bool(T));
  EXPECT_EQ(T->Enc, Encoding::Windows1252);
  EXPECT_EQ(T->Utf8, "caf\xC3\xA9 \xE2\x82\xAC 6002");
  EXPECT_EQ(T->toOriginal(T->Utf8.find("6002")), 7u);
  EXPECT_EQ(T->encode("\xE2\x82\xAC"), "\x80");
}

TEST(Text, BinaryIsRefusedWithTheFileName) {
  auto T =
      decodeText(std::string("MZ\x90\0\3\0\0\0\4\0\0\0\xFF\xFF", 14), "x.exe");
  ASSERT_FALSE(bool(T));
  std::string M = llvm::toString(T.takeError());
  EXPECT_NE(M.find("x.exe"), std::string::npos);
  EXPECT_NE(M.find("binary"), std::string::npos);
}

TEST(Text, EmptyFile) {
  auto T = decodeText("", "e.ps1");
  ASSERT_TRUE(bool(T));
  EXPECT_EQ(T->Utf8, "");
  EXPECT_EQ(T->lineCol(0), std::make_pair(1u, 1u));
}

TEST(Text, ColumnsCountCodePointsOnlyWhenTheTextHasThem) {
  // All ASCII: a column is the byte distance from the line start.
  auto A = decodeText("x = 1\r\n  if ($v -eq 6002) {}\n", "a.ps1");
  ASSERT_TRUE(bool(A));
  EXPECT_EQ(A->lineCol(0), std::make_pair(1u, 1u));
  EXPECT_EQ(A->lineCol(4), std::make_pair(1u, 5u));
  EXPECT_EQ(A->lineCol(9), std::make_pair(2u, 3u));
  EXPECT_EQ(A->lineCol(29), std::make_pair(3u, 1u)); // end of text
  // A two-byte code point earlier on the line counts once.
  auto U = decodeText("x\n\xC3\xA9t\xC3\xA9 = 6002\n", "a.ps1");
  ASSERT_TRUE(bool(U));
  EXPECT_EQ(U->lineCol(2), std::make_pair(2u, 1u));
  EXPECT_EQ(U->lineCol(4), std::make_pair(2u, 2u)); // 't'
  EXPECT_EQ(U->lineCol(8), std::make_pair(2u, 5u)); // '='
}
