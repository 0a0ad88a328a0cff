//===- MarkdownTest.cpp ---------------------------------------------------===//
#include "report/Markdown.h"

#include "rules/RuleDocs.h"

#include <gtest/gtest.h>

using namespace verguard;
using namespace verguard::report;

namespace {

TEST(Markdown, HeadingsParagraphsAndInlineMarkup) {
  EXPECT_EQ(markdownToHtml("# VG001 build\n\n**What.** A `b == 6002`\n"
                           "check, *really*.\n",
                           3),
            "<h3>VG001 build</h3>\n<p><strong>What.</strong> A "
            "<code>b == 6002</code>\ncheck, <em>really</em>.</p>\n");
  EXPECT_EQ(markdownInline("``a ` b`` and \\*not\\* and 2 * 3 * 4"),
            "<code>a ` b</code> and *not* and 2 * 3 * 4");
  // An underscore inside a word is not emphasis.
  EXPECT_EQ(markdownInline("dw_build_number _x_"),
            "dw_build_number <em>x</em>");
}

TEST(Markdown, CodeBlocksAreEscapedAndKeepTheirLines) {
  EXPECT_EQ(markdownToHtml("```c\nif (a < b && c)\n  x();\n```\n"),
            "<pre><code class=\"language-c\">if (a &lt; b &amp;&amp; c)\n"
            "  x();\n</code></pre>\n");
  // Markdown syntax inside is text.
  EXPECT_EQ(markdownToHtml("~~~\n# not a heading\n**x**\n~~~"),
            "<pre><code># not a heading\n**x**\n</code></pre>\n");
}

TEST(Markdown, TablesWithAlignmentAndPipesInCode) {
  EXPECT_EQ(markdownToHtml("| check | on 6002 |\n|---|:---:|\n"
                           "| `a \\| b` | **false** |\n"),
            "<table><thead><tr><th>check</th><th class=\"align-center\">on "
            "6002</th></tr></thead><tbody><tr><td><code>a \\| "
            "b</code></td><td class=\"align-center\"><strong>false</strong>"
            "</td></tr></tbody></table>\n");
}

TEST(Markdown, ListsWithContinuationLines) {
  EXPECT_EQ(markdownToHtml("Fixes:\n- `== 6002` becomes\n  `>= 6002`;\n"
                           "- in PowerShell `-in`.\n\n1. one\n2. two\n"),
            "<p>Fixes:</p>\n<ul><li><code>== 6002</code> becomes\n"
            "<code>&gt;= 6002</code>;</li><li>in PowerShell "
            "<code>-in</code>.</li></ul>\n<ol><li>one</li><li>two</li></ol>"
            "\n");
}

TEST(Markdown, LinksOnlyToTheWebOrThePage) {
  EXPECT_EQ(markdownInline("[KB](https://support.microsoft.com/kb) and "
                           "[x](javascript:alert(1))"),
            "<a href=\"https://support.microsoft.com/kb\">KB</a> and x "
            "(javascript:alert(1))");
  EXPECT_EQ(markdownInline("<script>&"), "&lt;script&gt;&amp;");
}

TEST(Markdown, CodeSpansOnlyForMessages) {
  EXPECT_EQ(markdownCodeSpans("`*p == 6002` is **true** <b>"),
            "<code>*p == 6002</code> is **true** &lt;b&gt;");
  // A backtick that opens nothing is text.
  EXPECT_EQ(markdownCodeSpans("`a` and ` b"), "<code>a</code> and ` b");
}

// Every rule doc renders without Markdown left over: no `**`, no fences, no
// table rows, and as many closing tags as opening ones.
TEST(Markdown, EveryRuleDocRenders) {
  for (const char *Id :
       {"VG001", "VG002", "VG003", "VG004", "VG005", "VG100"}) {
    auto Doc = rules::ruleDoc(Id);
    ASSERT_TRUE(Doc) << Id;
    std::string H = markdownToHtml(*Doc, 3);
    EXPECT_EQ(H.find("**"), std::string::npos) << Id << H;
    EXPECT_EQ(H.find("```"), std::string::npos) << Id;
    EXPECT_EQ(H.find("\n|"), std::string::npos) << Id;
    EXPECT_EQ(H.rfind("<h3>", 0), 0u) << Id;
    for (const char *Tag :
         {"p", "ul", "li", "table", "tr", "pre", "code", "strong", "em"}) {
      auto Count = [&](const std::string &S) {
        size_t N = 0;
        for (size_t At = H.find(S); At != std::string::npos;
             At = H.find(S, At + 1))
          ++N;
        return N;
      };
      EXPECT_EQ(Count(std::string("<") + Tag + ">") +
                    Count(std::string("<") + Tag + " "),
                Count(std::string("</") + Tag + ">"))
          << Id << " <" << Tag << ">";
    }
  }
}

} // namespace
