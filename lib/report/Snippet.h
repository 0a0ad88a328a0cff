//===- Snippet.h - a source line, decoded, with its caret ---*- C++ -*-===//
#ifndef VERGUARD_REPORT_SNIPPET_H
#define VERGUARD_REPORT_SNIPPET_H

#include "core/SourceRange.h"
#include "script/Text.h"

#include <optional>
#include <string>

namespace verguard::report {

/// The line a span starts on, as UTF-8 (decoded from the file's encoding),
/// and what lines a caret up under its first column on a terminal: tabs
/// where the line has tabs, one space per column of every other character
/// (two for a wide East Asian one, none for a combining mark).
struct Snippet {
  std::string Line;   // without its line break
  std::string Indent; // printed before the caret
  unsigned Width = 1; // terminal columns to underline (at least 1), up to
                      // the end of the line
};

/// None if the span's line is not in Text.
std::optional<Snippet> snippetOf(const script::DecodedText &Text,
                                 const core::SourceSpan &Span);

} // namespace verguard::report

#endif
