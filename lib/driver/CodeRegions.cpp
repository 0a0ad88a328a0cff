//===- CodeRegions.cpp ----------------------------------------------------===//
#include "driver/CodeRegions.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

#include <cmath>
#include <cstdlib>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace verguard::driver {

Dialect dialectOf(llvm::StringRef Path, Language Lang) {
  switch (Lang) {
  case Language::Cpp:
    return Dialect::C;
  case Language::PowerShell:
    return Dialect::PowerShell;
  case Language::Batch:
    return Dialect::Batch;
  case Language::Python:
    return Dialect::Python;
  case Language::Nsis:
    return Dialect::Nsis;
  case Language::Inno:
    return Dialect::Inno;
  case Language::Wix:
    return Dialect::Xml;
  case Language::JScript: // comments, strings and numbers as C's
    return Dialect::C;
  case Language::CSharp:
    return Dialect::CSharp;
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
  if (D == Dialect::Inno && T[P] == '$' && P + 1 < T.size())
    ++P;
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
  case Dialect::Python: // 6_002, 0o17; no octal without 0o
    llvm::erase(L, '_');
    if (llvm::StringRef(L).starts_with("0o"))
      return integer(llvm::StringRef(L).drop_front(2), 8);
    if (L.size() > 1 && L[0] == '0' && llvm::all_of(L, isDigit))
      return integer(L, 10);
    return cNumber(L);
  case Dialect::PowerShell:
    return psNumber(L);
  case Dialect::VB:
    return vbNumber(L);
  case Dialect::Batch: // cmd's `if` numbers: decimal, 0x hex, 0 octal
  case Dialect::Nsis:  // NSIS reads numbers the same way
    return cNumber(L);
  case Dialect::Inno: // Pascal: decimal, $ hex
    if (llvm::StringRef(L).starts_with("$"))
      return integer(llvm::StringRef(L).drop_front(), 16);
    return integer(L, 10);
  case Dialect::Xml: // MSI and Burn integers: decimal
    if (!L.empty() && llvm::all_of(L, isDigit))
      return integer(L, 10);
    return std::nullopt;
  case Dialect::CSharp: // 6_002, 0x, 0b; a leading 0 is still decimal
    llvm::erase(L, '_');
    L = llvm::StringRef(L).rtrim("ul").str();
    if (L.size() > 1 && L[0] == '0' && llvm::all_of(L, isDigit))
      return integer(L, 10);
    if (llvm::StringRef(L).starts_with("0b"))
      return integer(llvm::StringRef(L).drop_front(2), 2);
    return cNumber(L);
  case Dialect::Markup: // VBScript or JavaScript: either reading
    if (auto V = vbNumber(L))
      return V;
    return cNumber(L);
  }
  return std::nullopt;
}

namespace {

bool isBlank(char C) { return C == ' ' || C == '\t'; }

size_t lineEnd(llvm::StringRef T, size_t I) {
  size_t E = T.find('\n', I);
  E = E == llvm::StringRef::npos ? T.size() : E;
  return E > I && T[E - 1] == '\r' ? E - 1 : E;
}

/// What the scanners of the three languages share: the position, whether
/// code came before it on its line, and the comments and strings found.
struct Scanner {
  llvm::StringRef T;
  size_t I = 0;
  bool Code = false;
  std::vector<Span> Out;

  bool done() const { return I >= T.size(); }
  llvm::StringRef rest() const { return T.substr(I); }
  /// A comment from I to End, its text from I + Open to TextEnd.
  void comment(size_t Open, size_t TextEnd, size_t End) {
    Out.push_back(
        {I, End, Region::Comment, std::min(I + Open, TextEnd), TextEnd, Code});
    if (T.slice(I, End).contains('\n'))
      Code = false;
    I = End;
  }
  void lineComment(size_t Open) {
    size_t E = lineEnd(T, I);
    comment(Open, E, E);
  }
  void blockComment(llvm::StringRef Open, llvm::StringRef Close) {
    size_t E = T.find(Close, I + Open.size());
    if (E == llvm::StringRef::npos)
      comment(Open.size(), T.size(), T.size());
    else
      comment(Open.size(), E, E + Close.size());
  }
  /// A literal that ends before End (code, for what precedes a comment).
  void literal(size_t End) {
    End = std::min(End, T.size());
    Out.push_back({I, End, Region::String, I, End, Code});
    I = End;
    Code = true;
  }
  void plain() {
    char C = T[I++];
    if (C == '\n')
      Code = false;
    else
      Code |= !isBlank(C) && C != '\r';
  }
  /// Plain text up to End (no comment or literal starts before it).
  void plainTo(size_t End) {
    // Only the run's last line says whether code precedes what follows.
    size_t B = End;
    while (B > I && T[B - 1] != '\n')
      --B;
    if (B > I)
      Code = false;
    for (; B < End && !Code; ++B)
      Code = !isBlank(T[B]) && T[B] != '\r';
    I = End;
  }
};

/// The first offset at or after P of one of the characters Cs (those that
/// may start a comment or a literal), or T.size().
template <char... Cs> size_t nextOf(llvm::StringRef T, size_t P) {
  const char *D = T.data();
  const size_t N = T.size();
#if defined(__SSE2__)
  for (; P + 16 <= N; P += 16) {
    __m128i X = _mm_loadu_si128((const __m128i *)(D + P));
    __m128i Hit = (_mm_cmpeq_epi8(X, _mm_set1_epi8(Cs)) | ...);
    if (unsigned Mask = (unsigned)_mm_movemask_epi8(Hit))
      return P + __builtin_ctz(Mask);
  }
#endif
  for (; P < N; ++P)
    if (((D[P] == Cs) || ...))
      return P;
  return N;
}

/// Whether a `/` at I starts a JavaScript regular expression literal: where
/// an operand is expected (after an operator, punctuation, the text's
/// start or a keyword such as `return`), not after a name, a number, `)`
/// or `]` (a division). In valid C and C++ a `/` never stands where an
/// operand is expected, so the same scanner serves both.
bool startsRegex(llvm::StringRef T, size_t I) {
  size_t P = I;
  while (P > 0 && llvm::isSpace(T[P - 1]))
    --P;
  if (P == 0)
    return true;
  char C = T[P - 1];
  if (C == ')' || C == ']')
    return false;
  if (!llvm::isAlnum(C) && C != '_' && C != '$')
    return true;
  size_t B = P;
  while (B > 0 &&
         (llvm::isAlnum(T[B - 1]) || T[B - 1] == '_' || T[B - 1] == '$'))
    --B;
  llvm::StringRef W = T.slice(B, P);
  return W == "return" || W == "typeof" || W == "case" || W == "do" ||
         W == "else" || W == "in" || W == "of" || W == "new" || W == "delete" ||
         W == "void" || W == "throw" || W == "instanceof" || W == "yield" ||
         W == "await";
}

/// The end of the regular expression literal `/.../flags` at I (a `/` in a
/// character class does not close it), or npos if none ends on its line.
size_t regexEnd(llvm::StringRef T, size_t I) {
  bool Class = false;
  for (size_t J = I + 1; J < T.size() && T[J] != '\n'; ++J) {
    if (T[J] == '\\')
      ++J;
    else if (T[J] == '[')
      Class = true;
    else if (T[J] == ']')
      Class = false;
    else if (T[J] == '/' && !Class) {
      ++J;
      while (J < T.size() && llvm::isAlpha(T[J]))
        ++J; // flags
      return J;
    }
  }
  return llvm::StringRef::npos;
}

/// The comments and strings of C and C++ (and of JavaScript, which lexes
/// them alike): `//` (with backslash continuations) and `/* */`, outside
/// string, character and raw string literals; JavaScript's template
/// literals and regular expression literals are strings too.
std::vector<Span> cSpans(llvm::StringRef T) {
  Scanner S{T};
  while (!S.done()) {
    size_t I = S.I;
    char C = T[I];
    if (S.rest().starts_with("//")) {
      size_t E = I;
      do
        E = T.find('\n', E + 1);
      while (E != llvm::StringRef::npos &&
             (T[E - 1] == '\\' || (T[E - 1] == '\r' && T[E - 2] == '\\')));
      E = E == llvm::StringRef::npos ? T.size() : E;
      if (T[E - 1] == '\r')
        --E;
      S.comment(2, E, E);
    } else if (S.rest().starts_with("/*")) {
      S.blockComment("/*", "*/");
    } else if (size_t E; C == '/' && startsRegex(T, I) &&
                         (E = regexEnd(T, I)) != llvm::StringRef::npos) {
      S.literal(E); // `/^600[12]$/.test(b)`: the pattern is text
    } else if (C == '`') {
      // A template literal, `${...}` inside it read as text too.
      size_t J = I + 1;
      while (J < T.size() && T[J] != '`')
        J += T[J] == '\\' ? 2 : 1;
      S.literal(J + 1);
    } else if (C == '"' && I > 0 && T[I - 1] == 'R') {
      // R"delim( ... )delim"
      size_t Open = T.find('(', I);
      if (Open == llvm::StringRef::npos) {
        S.literal(T.size());
        continue;
      }
      std::string Close = ")" + T.slice(I + 1, Open).str() + "\"";
      size_t E = T.find(Close, Open);
      S.literal(E == llvm::StringRef::npos ? T.size() : E + Close.size());
    } else if (C == '"' || C == '\'') {
      // A `'` after the digits of a number is a digit separator (1'000).
      if (C == '\'' && I > 0 && llvm::isAlnum(T[I - 1])) {
        size_t B = I;
        while (B > 0 && (llvm::isAlnum(T[B - 1]) || T[B - 1] == '\''))
          --B;
        if (llvm::isDigit(T[B])) {
          S.plain();
          continue;
        }
      }
      size_t J = I + 1;
      while (J < T.size() && T[J] != C && T[J] != '\n')
        J += T[J] == '\\' ? 2 : 1;
      S.literal(J + 1);
    } else {
      S.plainTo(nextOf<'/', '"', '\'', '`'>(T, I + 1));
    }
  }
  return std::move(S.Out);
}

/// PowerShell: comments `#` at the start of a token and `<# #>`; strings
/// ('...', "..." with backtick escapes, here-strings @"..."@ and @'...'@).
std::vector<Span> powershellSpans(llvm::StringRef T) {
  Scanner S{T};
  while (!S.done()) {
    size_t I = S.I;
    char C = T[I];
    llvm::StringRef Rest = S.rest();
    if (Rest.starts_with("<#")) {
      S.blockComment("<#", "#>");
    } else if (C == '#' &&
               (I == 0 ||
                llvm::StringRef(" \t\r\n;|&(){}=,").contains(T[I - 1]))) {
      S.lineComment(1);
    } else if (Rest.starts_with("@\"") || Rest.starts_with("@'")) {
      // A here-string ends with its quote and `@` at the start of a line.
      std::string Close = std::string("\n") + Rest[1] + "@";
      size_t E = T.find(Close, I + 2);
      S.literal(E == llvm::StringRef::npos ? T.size() : E + Close.size());
    } else if (C == '"' || C == '\'') {
      size_t J = I + 1;
      while (J < T.size()) {
        if (C == '"' && T[J] == '`')
          J += 2;
        else if (T[J] == C && J + 1 < T.size() && T[J + 1] == C)
          J += 2; // "" or '': a quote
        else if (T[J] == C)
          break;
        else
          ++J;
      }
      S.literal(J + 1);
    } else {
      S.plainTo(nextOf<'#', '<', '@', '"', '\''>(T, I + 1));
    }
  }
  return std::move(S.Out);
}

/// VBScript, VBA and VB6: comments `'` and `Rem` (a statement: at the start
/// of a line or after `:`); "..." strings.
std::vector<Span> basicSpans(llvm::StringRef T) {
  Scanner S{T};
  bool StatementStart = true;
  while (!S.done()) {
    size_t I = S.I;
    char C = T[I];
    if (C == '\'') {
      S.lineComment(1);
    } else if (StatementStart && S.rest().starts_with_insensitive("rem") &&
               (I + 3 == T.size() || llvm::isSpace(T[I + 3]))) {
      S.lineComment(3);
    } else if (C == '"') {
      size_t J = I + 1;
      while (J < T.size() && T[J] != '\n' &&
             (T[J] != '"' || (J + 1 < T.size() && T[J + 1] == '"')))
        J += T[J] == '"' ? 2 : 1;
      S.literal(J + 1);
      StatementStart = false;
    } else {
      if (C == ':' || C == '\n')
        StatementStart = true;
      else if (!isBlank(C) && C != '\r')
        StatementStart = false;
      S.plain();
    }
  }
  return std::move(S.Out);
}

/// Batch files: `rem` where a command starts (a line's start, after `@`,
/// `(`, `&` or `|`) and `::` at a line's start, to the line's end; "..."
/// strings, to the closing quote or the line's end. A trailing `& rem` is
/// one comment from its `&` (removing it leaves the command whole).
std::vector<Span> batchSpans(llvm::StringRef T) {
  Scanner S{T};
  bool CommandStart = true, LineStart = true;
  size_t Amp = llvm::StringRef::npos; // the `&` that started this command
  while (!S.done()) {
    size_t I = S.I;
    char C = T[I];
    llvm::StringRef Rest = S.rest();
    if ((LineStart && Rest.starts_with("::")) ||
        (CommandStart && Rest.starts_with_insensitive("rem") &&
         (I + 3 == T.size() || llvm::isSpace(T[I + 3]) ||
          llvm::StringRef(".:/").contains(T[I + 3])))) {
      size_t Open = Rest.starts_with("::") ? 2 : 3;
      size_t E = lineEnd(T, I);
      if (Amp != llvm::StringRef::npos) {
        S.Out.push_back({Amp, E, Region::Comment, I + Open, E, true});
        S.I = E;
      } else {
        S.comment(Open, E, E);
      }
      continue;
    }
    if (C == '"') {
      size_t J = T.find_first_of("\"\n", I + 1);
      S.literal(J == llvm::StringRef::npos ? T.size()
                : T[J] == '"'              ? J + 1
                                           : J);
      CommandStart = LineStart = false;
      continue;
    }
    if (C == '^' && I + 1 < T.size()) { // an escaped character
      S.plain();
      S.plain();
      CommandStart = LineStart = false;
      continue;
    }
    if (C == '\n') {
      CommandStart = LineStart = true;
      Amp = llvm::StringRef::npos;
    } else if (C == '&' || C == '|' || C == '(') {
      CommandStart = true;
      Amp = C == '&' && !(I > 0 && T[I - 1] == '&') ? I : llvm::StringRef::npos;
    } else if (C == '@' || isBlank(C) || C == '\r') {
      // a command may still start here
    } else {
      CommandStart = LineStart = false;
      Amp = llvm::StringRef::npos;
    }
    S.plain();
  }
  return std::move(S.Out);
}

/// NSIS: `;` and `#` where a word starts, to the line's end (a `\` at the
/// end continues it), `/* */` where a word starts; "...", '...' and `...`
/// strings where a word starts, to their quote or the line's end (`$\"`
/// does not end them).
std::vector<Span> nsisSpans(llvm::StringRef T) {
  Scanner S{T};
  bool WordStart = true;
  while (!S.done()) {
    size_t I = S.I;
    char C = T[I];
    if (WordStart && (C == ';' || C == '#')) {
      size_t E = I;
      while (E < T.size() && T[E] != '\n') {
        if (T[E] == '\\' && E + 1 < T.size() &&
            (T[E + 1] == '\n' ||
             (T[E + 1] == '\r' && E + 2 < T.size() && T[E + 2] == '\n')))
          E = T.find('\n', E + 1) + 1;
        else
          ++E;
      }
      size_t TextEnd = E > I && T[E - 1] == '\r' ? E - 1 : E;
      S.comment(1, TextEnd, TextEnd);
      continue;
    }
    if (WordStart && S.rest().starts_with("/*")) {
      S.blockComment("/*", "*/");
      continue;
    }
    if (WordStart && (C == '"' || C == '\'' || C == '`')) {
      size_t J = I + 1;
      while (J < T.size() && T[J] != C && T[J] != '\n')
        J += T[J] == '$' && J + 2 < T.size() && T[J + 1] == '\\' ? 3 : 1;
      S.literal(J < T.size() && T[J] == C ? J + 1 : J);
      WordStart = false;
      continue;
    }
    WordStart = isBlank(C) || C == '\r' || C == '\n';
    S.plain();
  }
  return std::move(S.Out);
}

/// Python: `#` comments; strings '...', "...", and the triple-quoted ones,
/// with any prefix (r, b, f, u; a raw string still escapes its quote).
std::vector<Span> pythonSpans(llvm::StringRef T) {
  Scanner S{T};
  while (!S.done()) {
    size_t I = S.I;
    char C = T[I];
    if (C == '#') {
      S.lineComment(1);
    } else if (C == '"' || C == '\'') {
      llvm::StringRef Rest = S.rest();
      bool Triple = Rest.size() >= 3 && Rest[1] == C && Rest[2] == C;
      size_t J = I + (Triple ? 3 : 1);
      while (J < T.size()) {
        if (T[J] == '\\') {
          J += 2;
        } else if (Triple ? T.substr(J).starts_with(Rest.take_front(3))
                          : T[J] == C || T[J] == '\n') {
          break;
        } else {
          ++J;
        }
      }
      S.literal(J + (Triple ? 3 : 1));
    } else {
      S.plainTo(nextOf<'#', '"', '\''>(T, I + 1));
    }
  }
  return std::move(S.Out);
}

/// Inno Setup: outside [Code], a line whose first non-blank is `;` (or
/// `//`) is a comment and "..." a string; inside [Code] (up to the next
/// `[Section]` line), Pascal's `//`, `{ }` and `(* *)` comments and '...'
/// strings.
std::vector<Span> innoSpans(llvm::StringRef T) {
  Scanner S{T};
  bool Code = false, LineStart = true;
  while (!S.done()) {
    size_t I = S.I;
    char C = T[I];
    if (LineStart && !isBlank(C)) {
      LineStart = false;
      llvm::StringRef Line = T.slice(I, lineEnd(T, I)).rtrim();
      if (Line.size() > 2 && Line.front() == '[' && Line.back() == ']' &&
          llvm::all_of(Line.drop_front().drop_back(),
                       [](char X) { return llvm::isAlnum(X) || X == '_'; }))
        Code = Line.equals_insensitive("[code]");
      else if (!Code && (C == ';' || Line.starts_with("//"))) {
        S.lineComment(C == ';' ? 1 : 2);
        continue;
      }
    }
    if (C == '\n') {
      LineStart = true;
      S.plain();
    } else if (Code && C == '/' && S.rest().starts_with("//")) {
      S.lineComment(2);
    } else if (Code && C == '{') {
      S.blockComment("{", "}");
    } else if (Code && S.rest().starts_with("(*")) {
      S.blockComment("(*", "*)");
    } else if (C == (Code ? '\'' : '"')) {
      size_t J = T.find_first_of(Code ? "'\n" : "\"\n", I + 1);
      S.literal(J == llvm::StringRef::npos ? T.size()
                : T[J] == '\n'             ? J
                                           : J + 1);
    } else {
      S.plain();
    }
  }
  return std::move(S.Out);
}

/// XML (WiX): `<!-- -->` comments; everything else (attribute values,
/// element text, CDATA) is where conditions are written.
std::vector<Span> xmlSpans(llvm::StringRef T) {
  Scanner S{T};
  while (!S.done()) {
    if (S.rest().starts_with("<!--")) {
      S.blockComment("<!--", "-->");
    } else {
      S.plain();
    }
  }
  return std::move(S.Out);
}

/// C#: `//` and `/* */` comments; strings "..." (backslash escapes),
/// @"..." and $@"..." (a doubled quote is a quote), raw """...""", and
/// character literals.
std::vector<Span> csharpSpans(llvm::StringRef T) {
  Scanner S{T};
  while (!S.done()) {
    size_t I = S.I;
    char C = T[I];
    llvm::StringRef Rest = S.rest();
    if (Rest.starts_with("//")) {
      S.lineComment(2);
    } else if (Rest.starts_with("/*")) {
      S.blockComment("/*", "*/");
    } else if (C == '"' || C == '\'' || C == '@' || C == '$') {
      size_t J = I;
      while (J < T.size() && (T[J] == '@' || T[J] == '$'))
        ++J;
      if (J >= T.size() || (T[J] != '"' && !(J == I && C == '\''))) {
        S.plain();
        continue;
      }
      bool Verbatim = T.slice(I, J).contains('@');
      size_t Quotes = 0;
      while (J + Quotes < T.size() && T[J + Quotes] == '"')
        ++Quotes;
      if (C != '\'' && Quotes >= 3) { // raw: ends at as many quotes
        size_t E = T.find(T.substr(J, Quotes), J + Quotes);
        S.literal(E == llvm::StringRef::npos ? T.size() : E + Quotes);
        continue;
      }
      char Q = T[J];
      size_t K = J + 1;
      while (K < T.size()) {
        if (!Verbatim && T[K] == '\\') {
          K += 2;
        } else if (T[K] == Q) {
          if (Verbatim && K + 1 < T.size() && T[K + 1] == Q) {
            K += 2;
            continue;
          }
          break;
        } else if (!Verbatim && T[K] == '\n') {
          break;
        } else {
          ++K;
        }
      }
      S.literal(std::min(K + 1, T.size()));
    } else {
      S.plainTo(nextOf<'/', '"', '\'', '@', '$'>(T, I + 1));
    }
  }
  return std::move(S.Out);
}

} // namespace

std::vector<Span> spansOf(llvm::StringRef Text, Dialect D) {
  switch (D) {
  case Dialect::C:
    return cSpans(Text);
  case Dialect::Python:
    return pythonSpans(Text);
  case Dialect::CSharp:
    return csharpSpans(Text);
  case Dialect::PowerShell:
    return powershellSpans(Text);
  case Dialect::Batch:
    return batchSpans(Text);
  case Dialect::Nsis:
    return nsisSpans(Text);
  case Dialect::Inno:
    return innoSpans(Text);
  case Dialect::Xml:
    return xmlSpans(Text);
  case Dialect::VB:
  case Dialect::Markup:
    break;
  }
  return basicSpans(Text);
}

RegionScanner::RegionScanner(llvm::StringRef Text, Dialect D)
    : Markup(D == Dialect::Markup) {
  if (!Markup)
    Spans = spansOf(Text, D);
}

Region RegionScanner::at(size_t Offset) {
  if (Markup)
    return Region::String;
  if (Next > 0 && Spans[Next - 1].End > Offset) // an earlier offset
    Next = size_t(llvm::partition_point(
                      Spans, [&](const Span &S) { return S.End <= Offset; }) -
                  Spans.begin());
  while (Next < Spans.size() && Spans[Next].End <= Offset)
    ++Next;
  return Next < Spans.size() && Spans[Next].Begin <= Offset ? Spans[Next].Kind
                                                            : Region::Code;
}

} // namespace verguard::driver
