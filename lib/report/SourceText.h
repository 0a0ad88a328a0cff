//===- SourceText.h - a user's file as reports show it ----------*- C++ -*-===//
//
// Reports show source lines: the text report the line of a finding with a
// caret under it, the HTML report the lines around it and the lines a fix
// changes. SourceText decodes a file once (UTF-8, UTF-16, Windows-1252, as
// the frontends do) and maps the findings' positions (1-based lines, columns
// counting code points) into its UTF-8 lines.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_REPORT_SOURCETEXT_H
#define VERGUARD_REPORT_SOURCETEXT_H

#include "core/Finding.h"
#include "script/Text.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace verguard::report {

/// One line as shown, with the byte ranges of Text that are marked (the
/// guard, or what a fix removes or writes).
struct MarkedLine {
  uint32_t Number = 0; // 1-based, in the file it shows
  std::string Text;    // UTF-8, without the line ending
  std::vector<std::pair<size_t, size_t>> Marks;
  bool CutBefore = false, CutAfter = false; // a long line shown in part
};

/// The lines a fix changes, before and after it.
struct FixHunk {
  std::vector<MarkedLine> Before, After;
};

class SourceText {
public:
  /// Decodes a file's bytes; std::nullopt for binary or undecodable bytes.
  static std::optional<SourceText> decode(llvm::StringRef Bytes);

  script::Encoding encoding() const { return T.Enc; }
  /// The number of lines (a final line ending does not start another).
  uint32_t lineCount() const { return Lines; }
  /// Line N (1-based) without its line ending; empty past the end.
  llvm::StringRef line(uint32_t N) const { return T.line(N); }
  /// The byte offset in line(N) of column Col (1-based, code points); the
  /// line's length for a column past its end.
  size_t columnOffset(uint32_t N, uint32_t Col) const;
  /// The bytes of line(N) that Span covers, [first, second); first ==
  /// second when it covers none of them.
  std::pair<size_t, size_t> covered(uint32_t N,
                                    const core::SourceSpan &Span) const;

  /// The lines of Span (at most MaxLines of them) and Context lines on each
  /// side, the span marked. A line longer than MaxWidth bytes (0: no limit)
  /// is cut to about MaxWidth bytes around its mark.
  std::vector<MarkedLine> around(const core::SourceSpan &Span, unsigned Context,
                                 unsigned MaxLines = 8,
                                 size_t MaxWidth = 0) const;

  /// The lines that Edits (all of this file, applied together) change, as
  /// they are and as they would be, the replaced and the written text
  /// marked. std::nullopt when an edit's position is not in the file or
  /// edits overlap.
  std::optional<FixHunk> fixHunk(llvm::ArrayRef<core::Edit> Edits) const;

private:
  explicit SourceText(script::DecodedText T);
  script::DecodedText T;
  uint32_t Lines = 0;
};

/// Keeps the decoded text of the file last asked for: reports walk their
/// findings in file order, so each file is decoded once.
class SourceCache {
public:
  /// The decoded text of Path (whose bytes are Bytes), or null when they
  /// cannot be decoded.
  const SourceText *get(llvm::StringRef Path, llvm::StringRef Bytes);

private:
  std::string Path;
  std::optional<SourceText> Text;
};

} // namespace verguard::report

#endif
