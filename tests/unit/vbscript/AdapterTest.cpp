//===- AdapterTest.cpp ----------------------------------------------------===//
#include "vbscript/Adapter.h"

#include <gtest/gtest.h>

using namespace verguard::vbscript;

namespace {

Adapted adapt(llvm::StringRef S) {
  return adaptVBScript(S, {{0, uint32_t(S.size())}});
}

TEST(Adapter, WrapsTopLevelRunsAndKeepsProceduresAndDeclarations) {
  std::string S = "Option Explicit\nDim a\na = 1\nSub F()\n  a = 2\nEnd Sub\n"
                  "WScript.Echo a\n";
  Adapted A = adapt(S);
  EXPECT_EQ(A.Text, "Option Explicit\nDim a\nSub VgTopLevel__1()\na = 1\n"
                    "End Sub\nSub F()\n  a = 2\nEnd Sub\n"
                    "Sub VgTopLevel__2()\nWScript.Echo a\nEnd Sub\n");
  // Every copied byte maps back to the same byte of the source.
  size_t At = A.Text.find("a = 1");
  EXPECT_EQ(A.Map.toSource(At), S.find("a = 1"));
  size_t Echo = A.Text.find("WScript");
  EXPECT_EQ(A.Map.toSource(Echo), S.find("WScript"));
  EXPECT_TRUE(A.Map.contiguous(Echo, Echo + 12));
  // Synthetic text maps to the next source byte.
  EXPECT_EQ(A.Map.toSource(A.Text.find("Sub VgTopLevel__2")),
            S.find("WScript"));
}

TEST(Adapter, ClassesAndDefaultAreBlankedInPlace) {
  std::string S = "Class C\n  Private m\n  Public Default Property Get P()\n"
                  "    P = m\n  End Property\nEnd Class\n";
  Adapted A = adapt(S);
  ASSERT_EQ(A.Classes.size(), 1u);
  EXPECT_EQ(A.Classes[0].Name, "C");
  EXPECT_EQ(A.Text.size(), S.size()); // blanked, not removed
  EXPECT_EQ(A.Text.find("Class"), std::string::npos);
  EXPECT_EQ(A.Text.find("Default"), std::string::npos);
  EXPECT_NE(A.Text.find("Public         Property Get P()"), std::string::npos);
  EXPECT_LT(A.Classes[0].Begin, A.Text.find("Private"));
  EXPECT_GT(A.Classes[0].End, A.Text.find("End Property"));
}

TEST(Adapter, ContinuationsStayInOneRunAndBlockDeclarationsStayInside) {
  std::string S = "If x Then\n  Dim y\n  y = _\n    1\nEnd If\n"
                  "Public z : z = 2\n";
  Adapted A = adapt(S);
  EXPECT_EQ(A.Text, "Sub VgTopLevel__1()\nIf x Then\n  Dim y\n  y = _\n"
                    "    1\nEnd If\nDim    z : z = 2\nEnd Sub\n");
}

TEST(Adapter, ChunksAndHtmlCommentsAndEnds) {
  std::string S = "<script>\n<!--\nx = 1\n'-->\n</script>";
  uint32_t B = S.find("\n<!--"), E = S.find("</script>");
  Adapted A = adaptVBScript(S, {{B, E}});
  EXPECT_EQ(A.Text, "\n    \nSub VgTopLevel__1()\nx = 1\n'-->\nEnd Sub\n");
  EXPECT_EQ(A.Map.toSource(A.Text.find("x = 1")), S.find("x = 1"));
  EXPECT_EQ(A.Map.toSourceEnd(A.Text.find("x = 1") + 5), S.find("x = 1") + 5);
}

TEST(Adapter, ModulesAreIdentity) {
  Adapted A = adaptModule("Sub F()\nEnd Sub");
  EXPECT_EQ(A.Text, "Sub F()\nEnd Sub\n");
  EXPECT_EQ(A.Map.toSource(4), 4u);
}

} // namespace
