//===- SourceText.cpp -----------------------------------------------------===//
#include "report/SourceText.h"

#include <algorithm>

namespace verguard::report {

namespace {

bool isContinuation(char C) {
  return (static_cast<unsigned char>(C) & 0xC0) == 0x80;
}

/// Cuts a line longer than MaxWidth bytes to about MaxWidth bytes around its
/// first mark, on code point boundaries.
void cutLine(MarkedLine &L, size_t MaxWidth) {
  if (!MaxWidth || L.Text.size() <= MaxWidth)
    return;
  size_t Center = L.Marks.empty() ? 0 : L.Marks.front().first;
  size_t Start = Center > MaxWidth / 4 ? Center - MaxWidth / 4 : 0;
  size_t End = std::min(L.Text.size(), Start + MaxWidth);
  while (Start > 0 && isContinuation(L.Text[Start]))
    --Start;
  while (End < L.Text.size() && isContinuation(L.Text[End]))
    --End;
  std::vector<std::pair<size_t, size_t>> Marks;
  for (auto [B, E] : L.Marks) {
    B = std::clamp(B, Start, End) - Start;
    E = std::clamp(E, Start, End) - Start;
    if (B < E)
      Marks.push_back({B, E});
  }
  L.CutBefore = Start > 0;
  L.CutAfter = End < L.Text.size();
  L.Text = L.Text.substr(Start, End - Start);
  L.Marks = std::move(Marks);
}

/// Splits Text into lines numbered from First, each with the parts of
/// Marks (byte ranges of Text) that fall on it.
std::vector<MarkedLine>
splitMarked(llvm::StringRef Text,
            llvm::ArrayRef<std::pair<size_t, size_t>> Marks, uint32_t First) {
  std::vector<MarkedLine> Out;
  size_t Start = 0;
  while (true) {
    size_t End = Text.find('\n', Start);
    if (End == llvm::StringRef::npos)
      End = Text.size();
    MarkedLine L;
    L.Number = First + Out.size();
    L.Text = Text.slice(Start, End).str();
    for (auto [B, E] : Marks) {
      size_t MB = std::max(B, Start), ME = std::min(E, End);
      if (MB < ME)
        L.Marks.push_back({MB - Start, ME - Start});
    }
    Out.push_back(std::move(L));
    if (End == Text.size())
      break;
    Start = End + 1;
  }
  return Out;
}

} // namespace

SourceText::SourceText(script::DecodedText Decoded) : T(std::move(Decoded)) {
  Lines = std::count(T.Utf8.begin(), T.Utf8.end(), '\n');
  if (!T.Utf8.empty() && T.Utf8.back() != '\n')
    ++Lines;
}

std::optional<SourceText> SourceText::decode(llvm::StringRef Bytes) {
  auto D = script::decodeText(Bytes, "");
  if (!D) {
    llvm::consumeError(D.takeError());
    return std::nullopt;
  }
  return SourceText(std::move(*D));
}

size_t SourceText::columnOffset(uint32_t N, uint32_t Col) const {
  llvm::StringRef L = line(N);
  size_t I = 0;
  for (uint32_t C = 1; C < Col && I < L.size(); ++C) {
    ++I;
    while (I < L.size() && isContinuation(L[I]))
      ++I;
  }
  return I;
}

std::pair<size_t, size_t> SourceText::covered(uint32_t N,
                                              const core::SourceSpan &S) const {
  if (!S.Line || S.EndLine < S.Line || N < S.Line || N > S.EndLine)
    return {0, 0};
  size_t B = N == S.Line ? columnOffset(N, S.Col) : 0;
  size_t E = N == S.EndLine ? columnOffset(N, S.EndCol) : line(N).size();
  return {B, std::max(B, E)};
}

std::vector<MarkedLine> SourceText::around(const core::SourceSpan &S,
                                           unsigned Context, unsigned MaxLines,
                                           size_t MaxWidth) const {
  std::vector<MarkedLine> Out;
  if (!S.Line || S.Line > Lines)
    return Out;
  uint32_t Last = std::max(S.Line, std::min(S.EndLine, Lines));
  if (MaxLines && Last - S.Line >= MaxLines)
    Last = S.Line + MaxLines - 1;
  uint32_t From = S.Line > Context ? S.Line - Context : 1;
  uint32_t To = std::min<uint64_t>(Lines, uint64_t(Last) + Context);
  for (uint32_t N = From; N <= To; ++N) {
    MarkedLine L;
    L.Number = N;
    L.Text = line(N).str();
    if (N <= Last) {
      auto [B, E] = covered(N, S);
      if (B < E)
        L.Marks.push_back({B, E});
    }
    cutLine(L, MaxWidth);
    Out.push_back(std::move(L));
  }
  return Out;
}

std::optional<FixHunk>
SourceText::fixHunk(llvm::ArrayRef<core::Edit> Edits) const {
  if (Edits.empty())
    return std::nullopt;
  auto Pos = [](const core::SourceSpan &S) {
    return std::make_pair(S.Line, S.Col);
  };
  auto End = [](const core::SourceSpan &S) {
    return std::make_pair(S.EndLine, S.EndCol);
  };
  std::vector<core::Edit> Sorted(Edits.begin(), Edits.end());
  std::sort(Sorted.begin(), Sorted.end(),
            [&](const core::Edit &A, const core::Edit &B) {
              return Pos(A.Span) < Pos(B.Span);
            });
  for (size_t I = 0; I < Sorted.size(); ++I) {
    const core::SourceSpan &S = Sorted[I].Span;
    if (!S.Line || !S.Col || S.EndLine > Lines + 1 || End(S) < Pos(S) ||
        (I && Pos(S) < End(Sorted[I - 1].Span)))
      return std::nullopt;
  }
  // The changed lines as one text, each edit's position an offset in it.
  uint32_t First = Sorted.front().Span.Line, Last = First;
  for (const core::Edit &E : Sorted)
    Last = std::max(Last, E.Span.EndLine);
  std::string Window;
  std::vector<size_t> LineStart;
  for (uint32_t N = First; N <= Last; ++N) {
    if (N > First)
      Window += '\n';
    LineStart.push_back(Window.size());
    Window += line(N);
  }
  auto Offset = [&](uint32_t N, uint32_t Col) {
    return LineStart[N - First] + columnOffset(N, Col);
  };
  std::string After;
  std::vector<std::pair<size_t, size_t>> Removed, Written;
  size_t Done = 0;
  for (const core::Edit &E : Sorted) {
    size_t B = Offset(E.Span.Line, E.Span.Col);
    size_t X = std::max(B, Offset(E.Span.EndLine, E.Span.EndCol));
    After.append(Window, Done, B - Done);
    std::string R = E.Replacement;
    R.erase(std::remove(R.begin(), R.end(), '\r'), R.end());
    Written.push_back({After.size(), After.size() + R.size()});
    After += R;
    Removed.push_back({B, X});
    Done = X;
  }
  After.append(Window, Done);
  return FixHunk{splitMarked(Window, Removed, First),
                 splitMarked(After, Written, First)};
}

const SourceText *SourceCache::get(llvm::StringRef P, llvm::StringRef Bytes) {
  if (P != Path || Path.empty()) {
    Path = P.str();
    Text = SourceText::decode(Bytes);
  }
  return Text ? &*Text : nullptr;
}

} // namespace verguard::report
