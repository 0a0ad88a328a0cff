//===- CodeRegions.cpp ----------------------------------------------------===//
#include "driver/CodeRegions.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

#include <cmath>
#include <cstdlib>
#include <string>

namespace verguard::driver {

Dialect dialectOf(llvm::StringRef Path, Language Lang) {
  switch (Lang) {
  case Language::Cpp:
    return Dialect::C;
  case Language::PowerShell:
    return Dialect::PowerShell;
  default:
    break;
  }
  std::string Ext = llvm::sys::path::extension(Path).lower();
  if (Ext == ".vbs" || Ext == ".vbe" || Lang == Language::VBA)
    return Dialect::VB;
  return Dialect::Markup; // .htm, .html, .hta, .wsf, .asp
}

bool isWordChar(char C) {
  return llvm::isAlnum(C) || C == '_' || C == '$' || (C & 0x80);
}

namespace {

bool isDigit(char C) { return C >= '0' && C <= '9'; }

bool numberStartsAt(llvm::StringRef T, size_t P) {
  return isDigit(T[P]) ||
         (T[P] == '.' && P + 1 < T.size() && isDigit(T[P + 1]));
}

/// digits [. digits] [e [+-] digits], at least one mantissa digit; Exp is
/// the exponent letter(s) the dialect has.
std::optional<double> decimal(llvm::StringRef S, llvm::StringRef Exp) {
  size_t I = 0, Digits = 0;
  while (I < S.size() && isDigit(S[I]))
    ++I, ++Digits;
  if (I < S.size() && S[I] == '.') {
    ++I;
    while (I < S.size() && isDigit(S[I]))
      ++I, ++Digits;
  }
  if (!Digits)
    return std::nullopt;
  std::string Plain = S.substr(0, I).str();
  if (I < S.size() && Exp.contains(S[I])) {
    size_t E = I + 1;
    if (E < S.size() && (S[E] == '+' || S[E] == '-'))
      ++E;
    size_t D = E;
    while (E < S.size() && isDigit(S[E]))
      ++E;
    if (E == D)
      return std::nullopt;
    Plain += 'e';
    Plain += S.slice(I + 1, E).str();
    I = E;
  }
  if (I != S.size())
    return std::nullopt;
  return std::strtod(Plain.c_str(), nullptr);
}

/// An integer of the given radix, all of S.
std::optional<double> integer(llvm::StringRef S, unsigned Radix) {
  if (S.empty())
    return std::nullopt;
  double V = 0;
  for (char C : S) {
    unsigned D;
    if (isDigit(C))
      D = C - '0';
    else if (C >= 'a' && C <= 'f')
      D = C - 'a' + 10;
    else
      return std::nullopt;
    if (D >= Radix)
      return std::nullopt;
    V = V * Radix + D;
  }
  return V;
}

/// S without the trailing characters of Suffix (any order, any number).
llvm::StringRef withoutSuffix(llvm::StringRef S, llvm::StringRef Suffix) {
  while (!S.empty() && Suffix.contains(S.back()))
    S = S.drop_back();
  return S;
}

std::optional<double> cNumber(std::string S) {
  llvm::erase(S, '\''); // C++14 digit separators
  llvm::StringRef R(S);
  if (R.consume_front("0x")) // hex floats (`0x1.7p12`) are left out
    return integer(withoutSuffix(R, "ulz"), 16);
  if (R.consume_front("0b"))
    return integer(withoutSuffix(R, "ulz"), 2);
  if (R.find_first_of(".e") != R.npos)
    return decimal(withoutSuffix(R, "fl"), "e");
  R = withoutSuffix(R, "ulz");
  if (R.size() > 1 && R.front() == '0')
    return integer(R, 8);
  return integer(R, 10);
}

std::optional<double> psNumber(llvm::StringRef R) {
  double Mult = 1;
  for (auto [Suffix, M] : {std::pair<const char *, double>{"kb", 0x1p10},
                           {"mb", 0x1p20},
                           {"gb", 0x1p30},
                           {"tb", 0x1p40},
                           {"pb", 0x1p50}})
    if (R.consume_back(Suffix)) {
      Mult = M;
      break;
    }
  std::optional<double> V;
  if (R.consume_front("0x"))
    V = integer(withoutSuffix(R, "luysn"), 16);
  else if (R.consume_front("0b"))
    V = integer(withoutSuffix(R, "luysn"), 2);
  else
    V = decimal(withoutSuffix(R, "dluysn"), "e");
  if (V)
    *V *= Mult;
  return V;
}

std::optional<double> vbNumber(llvm::StringRef R) {
  if (R.consume_front("&h"))
    return integer(R, 16);
  if (R.consume_front("&o"))
    return integer(R, 8);
  return decimal(R, "ed");
}

} // namespace

size_t numberEnd(llvm::StringRef T, size_t Begin, Dialect D) {
  size_t P = Begin;
  if (D == Dialect::VB || D == Dialect::Markup)
    if (T[P] == '&' && P + 1 < T.size())
      P += 2; // &H, &O
  for (; P < T.size(); ++P) {
    char C = T[P];
    if (llvm::isAlnum(C) || C == '_' || C == '.')
      continue;
    if ((C == '+' || C == '-') && P > Begin &&
        llvm::StringRef("eEpPdD").contains(T[P - 1]) &&
        (D != Dialect::C || T[P - 1] != 'd') &&
        (D != Dialect::C || T[P - 1] != 'D'))
      continue;
    if (C == '\'' && D == Dialect::C && P + 1 < T.size() &&
        llvm::isAlnum(T[P + 1]))
      continue;
    break;
  }
  return P;
}

std::optional<double> numberValue(llvm::StringRef Token, Dialect D) {
  std::string L = Token.lower();
  switch (D) {
  case Dialect::C:
    return cNumber(L);
  case Dialect::PowerShell:
    return psNumber(L);
  case Dialect::VB:
    return vbNumber(L);
  case Dialect::Markup: // VBScript or JavaScript: either reading
    if (auto V = vbNumber(L))
      return V;
    return cNumber(L);
  }
  return std::nullopt;
}

size_t RegionScanner::stringEnd(size_t Open) const {
  const size_t N = Text.size();
  const char Q = Text[Open];
  size_t P = Open + 1;
  switch (D) {
  case Dialect::C: // escapes; ends at the line's end if unterminated
    for (; P < N; ++P) {
      if (Text[P] == '\\')
        ++P;
      else if (Text[P] == Q)
        return P + 1;
      else if (Text[P] == '\n')
        return P;
    }
    return N;
  case Dialect::PowerShell:
    for (; P < N; ++P) {
      if (Q == '"' && Text[P] == '`')
        ++P;
      else if (Text[P] == Q) {
        if (P + 1 < N && Text[P + 1] == Q) // '' and "" stand for one
          ++P;
        else
          return P + 1;
      }
    }
    return N;
  default: // VB: "" stands for one; no string spans lines
    for (; P < N; ++P) {
      if (Text[P] == '"') {
        if (P + 1 < N && Text[P + 1] == '"')
          ++P;
        else
          return P + 1;
      } else if (Text[P] == '\n') {
        return P;
      }
    }
    return N;
  }
}

namespace {

/// The raw string literal starting at P (`R"x(...)x"`, with an encoding
/// prefix), or P if none does.
size_t rawStringEnd(llvm::StringRef T, size_t P) {
  size_t W = P;
  while (W < T.size() && isWordChar(T[W]))
    ++W;
  llvm::StringRef Prefix = T.slice(P, W);
  if (W >= T.size() || T[W] != '"' ||
      !(Prefix == "R" || Prefix == "u8R" || Prefix == "uR" || Prefix == "UR" ||
        Prefix == "LR"))
    return P;
  size_t Open = T.find('(', W + 1);
  if (Open == T.npos || Open - W - 1 > 16)
    return P;
  std::string Close = (")" + T.slice(W + 1, Open) + "\"").str();
  size_t End = T.find(Close, Open + 1);
  return End == T.npos ? T.size() : End + Close.size();
}

bool lineEnd(llvm::StringRef T, size_t P) {
  return P >= T.size() || T[P] == '\n' || T[P] == '\r';
}

/// PowerShell: `#` starts a comment at the start of a token only.
bool psCommentAt(llvm::StringRef T, size_t P) {
  if (T[P] != '#')
    return false;
  if (P == 0)
    return true;
  char B = T[P - 1];
  return llvm::isSpace(B) || llvm::StringRef(";(){}|,").contains(B);
}

/// VB: `Rem` as the first word of a statement.
bool vbRemAt(llvm::StringRef T, size_t P) {
  if (P + 3 > T.size() || !T.substr(P, 3).equals_insensitive("rem") ||
      !(P + 3 == T.size() || T[P + 3] == ' ' || T[P + 3] == '\t' ||
        lineEnd(T, P + 3)))
    return false;
  size_t B = P;
  while (B > 0 && (T[B - 1] == ' ' || T[B - 1] == '\t'))
    --B;
  return B == 0 || T[B - 1] == '\n' || T[B - 1] == '\r' || T[B - 1] == ':';
}

/// The end of a PowerShell here-string opening at P (`@'` or `@"` ending
/// its line), or P if none opens there.
size_t hereStringEnd(llvm::StringRef T, size_t P) {
  if (T[P] != '@' || P + 1 >= T.size() || (T[P + 1] != '\'' && T[P + 1] != '"'))
    return P;
  size_t E = P + 2;
  while (E < T.size() && (T[E] == ' ' || T[E] == '\t'))
    ++E;
  if (!lineEnd(T, E))
    return P;
  std::string Close = "\n" + std::string(1, T[P + 1]) + "@";
  size_t End = T.find(Close, E);
  return End == T.npos ? T.size() : End + Close.size();
}

} // namespace

void RegionScanner::next() {
  const size_t N = Text.size();
  size_t P = Pos;
  char C = Text[P];
  auto Span = [&](Region K, size_t End) {
    SpanKind = K;
    SpanEnd = Pos = std::max(std::min(End, N), P + 1);
  };
  if (D == Dialect::Markup)
    return Span(Region::String, N);
  // A comment or a string at P?
  switch (D) {
  case Dialect::C:
    if (C == '/' && P + 1 < N && Text[P + 1] == '/')
      return Span(Region::Comment, Text.find('\n', P));
    if (C == '/' && P + 1 < N && Text[P + 1] == '*') {
      size_t E = Text.find("*/", P + 2);
      return Span(Region::Comment, E == Text.npos ? N : E + 2);
    }
    if (C == '"' || C == '\'')
      return Span(Region::String, stringEnd(P));
    if (size_t E = rawStringEnd(Text, P); E != P)
      return Span(Region::String, E);
    break;
  case Dialect::PowerShell:
    if (C == '<' && P + 1 < N && Text[P + 1] == '#') {
      size_t E = Text.find("#>", P + 2);
      return Span(Region::Comment, E == Text.npos ? N : E + 2);
    }
    if (psCommentAt(Text, P))
      return Span(Region::Comment, Text.find('\n', P));
    if (C == '"' || C == '\'')
      return Span(Region::String, stringEnd(P));
    if (size_t E = hereStringEnd(Text, P); E != P)
      return Span(Region::String, E);
    break;
  default:
    if (C == '\'' || vbRemAt(Text, P))
      return Span(Region::Comment, Text.find('\n', P));
    if (C == '"')
      return Span(Region::String, stringEnd(P));
    break;
  }
  // Code up to the next place where a comment or a string may start: whole
  // words and numbers at a time (a `'` inside `6'002` starts nothing).
  size_t E = P;
  while (E < N) {
    char X = Text[E];
    if (numberStartsAt(Text, E)) {
      E = numberEnd(Text, E, D);
      continue;
    }
    if (isWordChar(X)) {
      if (D == Dialect::C && rawStringEnd(Text, E) != E)
        break;
      if (D == Dialect::VB && vbRemAt(Text, E))
        break;
      while (E < N && isWordChar(Text[E]))
        ++E;
      continue;
    }
    if (X == '"' || X == '\'')
      break;
    if (D == Dialect::C && X == '/' && E + 1 < N &&
        (Text[E + 1] == '/' || Text[E + 1] == '*'))
      break;
    if (D == Dialect::PowerShell &&
        ((X == '<' && E + 1 < N && Text[E + 1] == '#') ||
         psCommentAt(Text, E) || hereStringEnd(Text, E) != E))
      break;
    ++E;
  }
  Span(Region::Code, E);
}

Region RegionScanner::at(size_t Offset) {
  while (Offset >= SpanEnd && Pos < Text.size())
    next();
  return Offset < SpanEnd ? SpanKind : Region::Code;
}

} // namespace verguard::driver
