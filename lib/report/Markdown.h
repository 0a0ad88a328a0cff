//===- Markdown.h - the rule docs as HTML -----------------------*- C++ -*-===//
//
// The HTML report embeds the rule docs (rules/VG*.md). They are written in
// the part of CommonMark and GitHub Flavored Markdown that GitHub renders
// them with: ATX headings, paragraphs, fenced code blocks, bullet and ordered
// lists (continuation lines indented), pipe tables, and inline code spans,
// strong and emphasis, backslash escapes and links. Anything else is shown
// as text; everything is escaped.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_REPORT_MARKDOWN_H
#define VERGUARD_REPORT_MARKDOWN_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace verguard::report {

/// The HTML of a Markdown document; headings start at <hN> for `#` where N
/// is HeadingLevel (the report nests the docs under its own headings).
std::string markdownToHtml(llvm::StringRef Markdown, unsigned HeadingLevel = 1);

/// The HTML of Markdown inline text: code spans, strong, emphasis, links.
std::string markdownInline(llvm::StringRef Text);

/// The HTML of text whose only markup is code spans (a finding's message:
/// "`build == 6002` is true on ..."); everything else is text.
std::string markdownCodeSpans(llvm::StringRef Text);

} // namespace verguard::report

#endif
