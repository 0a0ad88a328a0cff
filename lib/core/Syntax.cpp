//===- Syntax.cpp ---------------------------------------------------------===//
#include "core/Syntax.h"

#include "llvm/ADT/StringExtras.h"

namespace verguard::core {

std::string renderInt(int64_t V, llvm::StringRef Original) {
  llvm::StringRef T = Original.trim();
  // Keep an integer suffix (u, L, UL, ...).
  size_t SuffixAt = T.size();
  while (SuffixAt > 0 && llvm::StringRef("uUlL").contains(T[SuffixAt - 1]))
    --SuffixAt;
  llvm::StringRef Digits = T.take_front(SuffixAt);
  std::string Suffix = T.drop_front(SuffixAt).str();
  if (!Digits.empty() && !llvm::all_of(Digits, [](char C) {
        return llvm::isHexDigit(C) || C == 'x' || C == 'X';
      }))
    Suffix.clear(); // a macro or a name, not a literal
  if (Digits.starts_with_insensitive("0x"))
    return "0x" + llvm::utohexstr(V, /*LowerCase=*/false) + Suffix;
  return std::to_string(V) + Suffix;
}

namespace {
/// Byte offset in Text (UTF-8, starting at line L, column C) of the
/// position (Line, Col); columns count code points, as SourceSpan's do.
std::optional<size_t> offsetOfLineCol(llvm::StringRef Text, uint32_t L,
                                      uint32_t C, uint32_t Line, uint32_t Col) {
  size_t I = 0;
  while (L < Line || (L == Line && C < Col)) {
    if (I >= Text.size())
      return std::nullopt;
    if (Text[I] == '\n') {
      ++L;
      C = 1;
    } else {
      ++C;
    }
    ++I;
    while (I < Text.size() &&
           (static_cast<unsigned char>(Text[I]) & 0xC0) == 0x80)
      ++I;
  }
  if (L != Line || C != Col)
    return std::nullopt;
  return I;
}
} // namespace

std::optional<std::string> replaceWithin(const Spelling &Whole,
                                         const Expr &Part,
                                         llvm::StringRef NewPartText) {
  const SourceSpan &A = Whole.Span, &P = Part.Written.Span;
  if (!A.contains(P))
    return std::nullopt;
  std::string T = Whole.Text;
  if (T.size() == A.End - A.Begin) {
    T.replace(P.Begin - A.Begin, P.End - P.Begin, NewPartText.str());
    return T;
  }
  // The file is not UTF-8 (UTF-16, Windows-1252 with non-ASCII text), so
  // byte offsets of the file are not offsets of the UTF-8 text: locate the
  // part by its line and column instead.
  if (!A.Line || !P.Line)
    return std::nullopt;
  auto B = offsetOfLineCol(T, A.Line, A.Col, P.Line, P.Col);
  auto E = offsetOfLineCol(T, A.Line, A.Col, P.EndLine, P.EndCol);
  if (!B || !E || *E < *B)
    return std::nullopt;
  T.replace(*B, *E - *B, NewPartText.str());
  return T;
}

std::string replaceInLiteral(llvm::StringRef LiteralText, llvm::StringRef From,
                             llvm::StringRef To) {
  std::string R;
  llvm::StringRef Rest = LiteralText;
  while (!From.empty()) {
    size_t At = Rest.find(From);
    if (At == llvm::StringRef::npos)
      break;
    R += Rest.take_front(At).str() + To.str();
    Rest = Rest.drop_front(At + From.size());
  }
  return R + Rest.str();
}

SourceSpan insertionAfter(const SourceSpan &S) {
  SourceSpan E = S;
  E.Begin = S.End;
  E.Line = S.EndLine;
  E.Col = S.EndCol;
  return E;
}

std::optional<Edit> alternativeAfter(const Expr &Test, const Expr &Const,
                                     llvm::StringRef NewConst,
                                     llvm::StringRef Sep) {
  if (!Test.Written.valid())
    return std::nullopt;
  auto Alt = replaceWithin(Test.Written, Const, NewConst);
  if (!Alt)
    return std::nullopt;
  return Edit{insertionAfter(Test.Written.Span), Sep.str() + *Alt};
}

} // namespace verguard::core
