//===- Syntax.cpp ---------------------------------------------------------===//
#include "core/Syntax.h"

#include "llvm/ADT/StringExtras.h"

namespace verguard::core {

std::optional<std::string> renderOp(Dialect D, CmpOp O,
                                    llvm::StringRef Original) {
  switch (D) {
  case Dialect::C:
  case Dialect::None:
  case Dialect::Python:
    return std::string(cmpOpName(O));
  case Dialect::PowerShell: {
    static const char *Names[] = {"eq", "ne", "lt", "le", "gt", "ge"};
    std::string Prefix = "-";
    llvm::StringRef T = Original.trim();
    if (T.size() == 4 &&
        (T[1] == 'c' || T[1] == 'i' || T[1] == 'C' || T[1] == 'I'))
      Prefix += T[1];
    std::string R = Prefix + Names[static_cast<int>(O)];
    if (!T.empty() && llvm::isUpper(T.back()))
      R = llvm::StringRef(R).upper();
    return R;
  }
  case Dialect::VB:
  case Dialect::WQL: {
    static const char *Names[] = {"=", "<>", "<", "<=", ">", ">="};
    return std::string(Names[static_cast<int>(O)]);
  }
  case Dialect::VerMask: {
    static const char *Names[] = {"VER_EQUAL",   nullptr,
                                  "VER_LESS",    "VER_LESS_EQUAL",
                                  "VER_GREATER", "VER_GREATER_EQUAL"};
    if (!Names[static_cast<int>(O)])
      return std::nullopt;
    return std::string(Names[static_cast<int>(O)]);
  }
  }
  return std::nullopt;
}

std::optional<std::string> renderJoin(Dialect D, bool IsOr, llvm::StringRef A,
                                      llvm::StringRef B, bool Bare) {
  const char *Word = nullptr;
  switch (D) {
  case Dialect::C:
  case Dialect::None:
    Word = IsOr ? " || " : " && ";
    break;
  case Dialect::PowerShell:
    Word = IsOr ? " -or " : " -and ";
    break;
  case Dialect::VB:
    Word = IsOr ? " Or " : " And ";
    break;
  case Dialect::WQL:
    Word = IsOr ? " OR " : " AND ";
    break;
  case Dialect::Python:
    Word = IsOr ? " or " : " and ";
    break;
  case Dialect::VerMask:
    return std::nullopt;
  }
  if (Bare)
    return A.str() + Word + B.str();
  return "(" + A.str() + Word + B.str() + ")";
}

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

std::optional<std::string> renderCmp(Dialect D, llvm::StringRef Lhs, CmpOp O,
                                     int64_t V) {
  auto Op = renderOp(D, O);
  if (!Op || D == Dialect::VerMask)
    return std::nullopt;
  return Lhs.str() + " " + *Op + " " + std::to_string(V);
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

std::optional<std::string> replaceWithin(const Expr &Atom, const Expr &Part,
                                         llvm::StringRef NewPartText) {
  const SourceSpan &A = Atom.Written.Span, &P = Part.Written.Span;
  if (!A.contains(P))
    return std::nullopt;
  std::string T = Atom.Written.Text;
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

namespace {
/// An empty span at the end of S (an insertion point).
SourceSpan atEnd(const SourceSpan &S) {
  SourceSpan E = S;
  E.Begin = S.End;
  E.Line = S.EndLine;
  E.Col = S.EndCol;
  return E;
}
} // namespace

std::optional<Edit> renderArmAddition(Dialect D, GuardKind K, const Arm &A,
                                      const Expr &Test, const Expr &Const,
                                      llvm::StringRef NewConst) {
  const Spelling &L = A.Label;
  if (!L.valid())
    return std::nullopt;
  Edit E;
  if (K == GuardKind::Table) {
    // Copy the whole entry with the new key, right after the entry.
    auto Copy = replaceWithin(
        [&] {
          Expr Entry;
          Entry.Written = L;
          return Entry;
        }(),
        Const, NewConst);
    if (!Copy)
      return std::nullopt;
    E.Span = atEnd(L.Span);
    // A VB Dictionary's entry is an `.Add` statement: a new line.
    std::string Sep = D == Dialect::PowerShell ? "; "
                      : D == Dialect::VB       ? "\n" + A.Indent
                                               : ", ";
    E.Replacement = Sep + *Copy;
    return E;
  }
  switch (D) {
  case Dialect::C:
    // `case 6002:` gains a sibling label on its own line.
    E.Span = atEnd(L.Span);
    {
      auto Label = replaceWithin(
          [&] {
            Expr Lab;
            Lab.Written = L;
            return Lab;
          }(),
          Const, NewConst);
      if (!Label)
        return std::nullopt;
      E.Replacement = "\n" + A.Indent + *Label;
    }
    return E;
  case Dialect::VB:
  case Dialect::Python: {
    // `Case 6002` -> `Case 6002, 6003`, Python's `case 6002:` -> `case 6002
    // | 6003:`: an alternative after the test.
    if (!Test.Written.valid())
      return std::nullopt;
    E.Span = atEnd(Test.Written.Span);
    auto Alt = replaceWithin(Test, Const, NewConst);
    if (!Alt)
      return std::nullopt;
    E.Replacement = (D == Dialect::VB ? ", " : " | ") + *Alt;
    return E;
  }
  case Dialect::PowerShell: {
    // A script-block condition `{ $_ -eq 6002 } { ... }`: the test gains an
    // alternative, `{ ($_ -eq 6002 -or $_ -eq 6003) } { ... }`.
    if (llvm::StringRef(L.Text).ltrim().starts_with("{")) {
      if (!Test.Written.valid() || !L.Span.contains(Test.Written.Span))
        return std::nullopt;
      auto Alt = replaceWithin(Test, Const, NewConst);
      if (!Alt)
        return std::nullopt;
      E.Span = Test.Written.Span;
      E.Replacement = "(" + Test.Written.Text + " -or " + *Alt + ")";
      return E;
    }
    // `6002 { ... }` -> `{ $_ -in 6002, 6003 } { ... }`
    if (!Const.Written.valid() || !L.Span.contains(Const.Written.Span))
      return std::nullopt;
    E.Span = L.Span;
    E.Replacement = "{ $_ -in " + L.Text + ", " + NewConst.str() + " }";
    return E;
  }
  default:
    return std::nullopt;
  }
}

} // namespace verguard::core
