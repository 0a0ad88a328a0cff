//===- SuppressionsTest.cpp -----------------------------------------------===//
#include "driver/Suppressions.h"

#include <gtest/gtest.h>

using namespace verguard;
using driver::Language;

namespace {

std::vector<driver::Suppression> find(llvm::StringRef Text, Language L) {
  return driver::findSuppressions("/src/f", Text, L);
}

/// The text after VG100's fix of the only suppression in Text.
std::string removed(llvm::StringRef Text, Language L) {
  auto S = find(Text, L);
  EXPECT_EQ(S.size(), 1u);
  if (S.size() != 1)
    return "";
  const core::Edit &E = S[0].Removal;
  return Text.take_front(E.Span.Begin).str() + E.Replacement +
         Text.drop_front(E.Span.End).str();
}

TEST(Suppressions, TrailingCoversItsLineAloneCoversTheNext) {
  auto S = find("a; // verguard: ignore\n"
                "// verguard: ignore[VG001]\n"
                "b;\n"
                "/* verguard: ignore */ c;\n"
                "/*\n * verguard: ignore\n */\n"
                "d;\n",
                Language::Cpp);
  ASSERT_EQ(S.size(), 4u);
  EXPECT_EQ(S[0].Line, 1u);
  EXPECT_EQ(S[1].Line, 3u);
  EXPECT_EQ(S[1].Rules, std::vector<std::string>{"VG001"});
  EXPECT_EQ(S[2].Line, 4u); // code after the comment on its line
  EXPECT_EQ(S[3].Line, 8u); // the line after the comment's end
}

TEST(Suppressions, MarkersOutsideCommentsAreNotSuppressions) {
  EXPECT_TRUE(find("s = \"// verguard: ignore\";\n", Language::Cpp).empty());
  EXPECT_TRUE(
      find("s = R\"x(// verguard: ignore)x\";\n", Language::Cpp).empty());
  EXPECT_EQ(find("n = 1'000; // verguard: ignore\n", Language::Cpp).size(),
            1u); // a digit separator opens no character literal
  EXPECT_TRUE(
      find("$s = 'a # verguard: ignore'\n", Language::PowerShell).empty());
  EXPECT_TRUE(find("$s = @\"\n# verguard: ignore\n\"@\n", Language::PowerShell)
                  .empty());
  EXPECT_TRUE(find("$a#verguard: ignore\n", Language::PowerShell).empty());
  EXPECT_TRUE(find("s = \"' verguard: ignore\"\n", Language::VBScript).empty());
  EXPECT_TRUE(
      find("Remark = 1 ' x\nRemark verguard: ignore\n", Language::VBScript)
          .empty());
}

TEST(Suppressions, EveryCommentForm) {
  EXPECT_EQ(find("<# verguard: ignore #>\n$x\n", Language::PowerShell)[0].Line,
            2u);
  EXPECT_EQ(find("$x # verguard: ignore\n", Language::PowerShell)[0].Line, 1u);
  EXPECT_EQ(find("' verguard: ignore\nx\n", Language::VBA)[0].Line, 2u);
  EXPECT_EQ(find("  Rem verguard: ignore\nx\n", Language::VBScript)[0].Line,
            2u);
  EXPECT_EQ(find("x = 1 : rem verguard: ignore\n", Language::VBScript)[0].Line,
            1u);
  EXPECT_EQ(find("REM\tverguard: ignore\nx\n", Language::VBScript)[0].Line, 2u);
  EXPECT_EQ(find("rem verguard: ignore\nx\n", Language::Batch)[0].Line, 2u);
  EXPECT_EQ(find(":: verguard: ignore\nx\n", Language::Batch)[0].Line, 2u);
  EXPECT_EQ(find("x & rem verguard: ignore\n", Language::Batch)[0].Line, 1u);
  EXPECT_TRUE(find("echo verguard: ignore\n", Language::Batch).empty());
  EXPECT_EQ(find("; verguard: ignore\nx\n", Language::Inno)[0].Line, 2u);
  EXPECT_EQ(find("[Code]\n{ verguard: ignore }\nx\n// verguard: ignore\ny\n",
                 Language::Inno)
                .size(),
            2u);
  EXPECT_TRUE(find("[Code]\n; verguard: ignore\n", Language::Inno).empty());
  EXPECT_EQ(find("# verguard: ignore[VG002]\nx\n", Language::Python)[0].Line,
            2u);
  EXPECT_EQ(find("x = 1  # verguard: ignore\n", Language::Python)[0].Line, 1u);
}

TEST(Suppressions, PythonStringsHoldNoMarker) {
  EXPECT_TRUE(find("s = '# verguard: ignore'\n", Language::Python).empty());
  EXPECT_TRUE(find("s = \"\"\"\n# verguard: ignore\n\"\"\"\n", Language::Python)
                  .empty());
}

// A .wsf or .hta file's JScript blocks take JScript's comments, its VBScript
// blocks VB's; a `'` in JScript is a string's quote, not a comment.
TEST(Suppressions, EachScriptBlockOfAMarkupFileTakesItsOwnComments) {
  llvm::StringRef Wsf = "<job>\n"
                        "<script language=\"JScript\">\n"
                        "if (b == \"6002\") {} // verguard: ignore[VG002]\n"
                        "/* verguard: ignore */\n"
                        "if (b <= 6002) {}\n"
                        "var s = 'x'; var t = \"' verguard: ignore\";\n"
                        "</script>\n"
                        "<script language=\"VBScript\">\n"
                        "If b = \"6002\" Then x = 1 ' verguard: ignore\n"
                        "</script>\n"
                        "</job>\n";
  for (const char *Path : {"/src/job.wsf", "/src/app.hta"}) {
    auto S = driver::findSuppressions(Path, Wsf, Language::VBScript);
    ASSERT_EQ(S.size(), 3u) << Path;
    EXPECT_EQ(S[0].Line, 3u);
    EXPECT_EQ(S[0].Rules, std::vector<std::string>{"VG002"});
    EXPECT_EQ(S[1].Line, 5u);
    EXPECT_EQ(S[2].Line, 9u);
  }
  // A .vbs file is VB throughout: the `//` lines hold no comment.
  for (const auto &S :
       driver::findSuppressions("/src/a.vbs", Wsf, Language::VBScript))
    EXPECT_TRUE(S.Line != 3 && S.Line != 5) << S.Line;
}

TEST(Suppressions, CSharpCommentsNotStrings) {
  EXPECT_EQ(find("// verguard: ignore[VG002]\nx;\n", Language::CSharp)[0].Line,
            2u);
  EXPECT_EQ(find("x = 1; /* verguard: ignore */\n", Language::CSharp)[0].Line,
            1u);
  EXPECT_TRUE(find("var s = @\"C:\\\"; // verguard: ignore\n", Language::CSharp)
                  .size() == 1);
  EXPECT_TRUE(
      find("var s = \"// verguard: ignore\";\n", Language::CSharp).empty());
}

TEST(Suppressions, RemovalTakesTheCommentOrTheMarker) {
  EXPECT_EQ(
      removed("a;\n  // verguard: ignore[VG001] why\nb;\n", Language::Cpp),
      "a;\nb;\n");
  EXPECT_EQ(removed("a;  // verguard: ignore\r\nb;\r\n", Language::Cpp),
            "a;\r\nb;\r\n");
  EXPECT_EQ(removed("/* verguard: ignore */  c;\n", Language::Cpp), "c;\n");
  EXPECT_EQ(removed("c; /* note verguard: ignore why */\n", Language::Cpp),
            "c; /* note */\n");
  EXPECT_EQ(removed("a;\n/*\n * verguard: ignore\n */\nb;\n", Language::Cpp),
            "a;\nb;\n");
  EXPECT_EQ(removed("x = 1 ' keep verguard: ignore\n", Language::VBScript),
            "x = 1 ' keep\n");
  EXPECT_EQ(removed("Rem verguard: ignore", Language::VBScript), "");
}

TEST(Suppressions, SpansPointIntoTheFileAsItIsOnDisk) {
  // UTF-16 LE with BOM: "x // verguard: ignore\n".
  std::string Utf16 = "\xFF\xFE";
  for (char C : llvm::StringRef("x // verguard: ignore\n")) {
    Utf16 += C;
    Utf16 += '\0';
  }
  auto S = find(Utf16, Language::Cpp);
  ASSERT_EQ(S.size(), 1u);
  EXPECT_EQ(S[0].Where.Begin, 2u + 2 * 5);
  EXPECT_EQ(S[0].Removal.Span.Begin, 2u + 2 * 1); // the blank before `//`
  EXPECT_EQ(S[0].Removal.Span.End, 2u + 2 * 21);
}

} // namespace
