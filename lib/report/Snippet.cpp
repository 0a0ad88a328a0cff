//===- Snippet.cpp --------------------------------------------------------===//
#include "report/Snippet.h"

#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/Unicode.h"

namespace verguard::report {

namespace {
/// The length in bytes of the UTF-8 sequence at the start of S (1 for a
/// byte that starts none).
size_t sequenceLength(llvm::StringRef S) {
  unsigned N = llvm::getNumBytesForUTF8(S[0]);
  return N >= 1 && N <= S.size() ? N : 1;
}

unsigned columns(llvm::StringRef CodePoint) {
  int W = llvm::sys::unicode::columnWidthUTF8(CodePoint);
  // A control character or an invalid sequence is printed as it is and
  // takes one column on most terminals.
  return W < 0 ? 1 : unsigned(W);
}
} // namespace

std::optional<Snippet> snippetOf(const script::DecodedText &Text,
                                 const core::SourceSpan &Span) {
  if (!Span.Line)
    return std::nullopt;
  llvm::StringRef Line = Text.line(Span.Line);
  if (Line.data() == nullptr)
    return std::nullopt;
  Line = Line.rtrim("\r");
  Snippet S;
  S.Line = Line.str();
  // Columns count code points from 1.
  uint32_t Col = 1;
  size_t I = 0;
  for (; I < Line.size() && Col < Span.Col; ++Col) {
    size_t N = sequenceLength(Line.substr(I));
    if (Line[I] == '\t')
      S.Indent += '\t';
    else
      S.Indent.append(columns(Line.substr(I, N)), ' ');
    I += N;
  }
  uint32_t Last = Span.EndLine == Span.Line && Span.EndCol > Span.Col
                      ? Span.EndCol
                      : Span.Col + 1;
  unsigned Width = 0;
  for (; I < Line.size() && Col < Last; ++Col) {
    size_t N = sequenceLength(Line.substr(I));
    Width += Line[I] == '\t' ? 1 : columns(Line.substr(I, N));
    I += N;
  }
  S.Width = std::max(Width, 1u);
  return S;
}

} // namespace verguard::report
