//===- EmbeddedTest.cpp ---------------------------------------------------===//
#include "vbscript/Embedded.h"

#include <gtest/gtest.h>

using namespace verguard::vbscript;

namespace {

std::vector<std::string> texts(llvm::StringRef S, FileKind K) {
  std::vector<std::string> R;
  for (const Chunk &C : embeddedChunks(S, K))
    R.push_back(S.slice(C.Begin, C.End).str());
  return R;
}

TEST(Embedded, KindsFromExtensions) {
  EXPECT_EQ(fileKindOf("a.VBS"), FileKind::VBScript);
  EXPECT_EQ(fileKindOf("a.wsf"), FileKind::Wsf);
  EXPECT_EQ(fileKindOf("a.hta"), FileKind::Html);
  EXPECT_EQ(fileKindOf("a.asp"), FileKind::Asp);
  EXPECT_EQ(fileKindOf("a.frm"), FileKind::Module);
  EXPECT_EQ(fileKindOf("a.vbe"), FileKind::Encoded);
}

TEST(Embedded, WsfScriptsWithCdataAndLanguages) {
  std::string S = "<job><script language=\"VBScript\"><![CDATA[\nx = 1\n]]>"
                  "</script><script language=\"JScript\">var y;</script>"
                  "<SCRIPT type='text/vbscript'>z = 2</SCRIPT></job>";
  EXPECT_EQ(texts(S, FileKind::Wsf),
            (std::vector<std::string>{"\nx = 1\n", "z = 2"}));
}

TEST(Embedded, AspBlocksSkipDirectivesAndOutput) {
  std::string S = "<%@ Language=\"VBScript\" %><% a = 1 %><%= a %>"
                  "<% If a Then %>x<% End If %>";
  EXPECT_EQ(texts(S, FileKind::Asp),
            (std::vector<std::string>{" a = 1 ", " If a Then ", " End If "}));
  EXPECT_TRUE(
      texts("<%@ Language=\"JScript\" %><% var a; %>", FileKind::Asp).empty());
}

} // namespace
