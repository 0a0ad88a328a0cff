//===- HtmlTextTest.cpp ---------------------------------------------------===//
#include "report/HtmlText.h"

#include <gtest/gtest.h>

using namespace verguard::report;

namespace {

TEST(HtmlText, MarkupIsText) {
  EXPECT_EQ(escapeHtml("</pre><script>alert(1)</script> & ]]>"),
            "&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; ]]&gt;");
  // Quotes end nothing in text; in an attribute they are references.
  EXPECT_EQ(escapeHtml("a=\"x\" 'y'"), "a=\"x\" 'y'");
  EXPECT_EQ(escapeHtml("\" onerror='x'", HtmlContext::Attribute),
            "&quot; onerror=&#39;x&#39;");
}

TEST(HtmlText, ControlCharactersAreShownAsTheirPictures) {
  // ESC [2J would be invisible (and clears a terminal); NUL, DEL too.
  EXPECT_EQ(escapeHtml(llvm::StringRef("a\x1b[2J\x7f\0b", 8)),
            "a<span class=\"cc\">\xE2\x90\x9B</span>[2J<span "
            "class=\"cc\">\xE2\x90\xA1</span><span "
            "class=\"cc\">\xE2\x90\x80</span>b");
  EXPECT_EQ(escapeHtml("a\x01\r", HtmlContext::Attribute),
            "a\xE2\x90\x81\xE2\x90\x8D");
  // Code keeps its tabs and line feeds; a name shows them; an attribute
  // keeps them exactly (as references, which XML does not normalize).
  EXPECT_EQ(escapeHtml("\tx\n"), "\tx\n");
  EXPECT_EQ(escapeHtml("a\tb\n", HtmlContext::Name),
            "a<span class=\"cc\">\xE2\x90\x89</span>b<span "
            "class=\"cc\">\xE2\x90\x8A</span>");
  EXPECT_EQ(escapeHtml("a\tb\n", HtmlContext::Attribute), "a&#9;b&#10;");
}

TEST(HtmlText, BidiAndC1ControlsAreNamed) {
  // RIGHT-TO-LEFT OVERRIDE (U+202E) would reorder what follows it; NEL
  // (U+0085) and U+FFFF are not text.
  EXPECT_EQ(escapeHtml("a\xE2\x80\xAE"
                       "b"),
            "a<span class=\"cc\">&lt;U+202E&gt;</span>b");
  EXPECT_EQ(escapeHtml("\xC2\x85\xEF\xBF\xBF", HtmlContext::Attribute),
            "&lt;U+0085&gt;&lt;U+FFFF&gt;");
  // Other characters outside ASCII are themselves.
  EXPECT_EQ(escapeHtml("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"),
            "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80");
}

TEST(HtmlText, BytesThatAreNotUtf8BecomeReplacementCharacters) {
  std::string Out = escapeHtml("a\xFF<\xC3");
  EXPECT_EQ(Out.find('\xFF'), std::string::npos);
  EXPECT_NE(Out.find("\xEF\xBF\xBD"), std::string::npos) << Out;
  EXPECT_NE(Out.find("&lt;"), std::string::npos);
  // An encoded surrogate is not UTF-8 either.
  EXPECT_EQ(escapeHtml("\xED\xA0\x80").find("\xED\xA0\x80"), std::string::npos);
}

} // namespace
