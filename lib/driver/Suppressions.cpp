//===- Suppressions.cpp ---------------------------------------------------===//
#include "driver/Suppressions.h"

#include "rules/Rule.h"
#include "script/Text.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>

namespace verguard::driver {

bool Suppression::covers(const core::Finding &F) const {
  if (F.Where.File != Where.File || F.RuleId == "VG100")
    return false;
  if (!WholeFile && F.Where.Line != Line)
    return false;
  return Rules.empty() ||
         std::find(Rules.begin(), Rules.end(), F.RuleId) != Rules.end();
}

namespace {

/// A comment of the file's language: [Begin, End) of the decoded text,
/// End before the line break of a line comment and after `*/` or `#>`.
struct Comment {
  size_t Begin, End;
  size_t TextBegin, TextEnd; // inside the delimiters
  bool CodeBefore = false;   // code precedes it on its first line
};

bool isBlank(char C) { return C == ' ' || C == '\t'; }

size_t lineEnd(llvm::StringRef T, size_t I) {
  size_t E = T.find('\n', I);
  E = E == llvm::StringRef::npos ? T.size() : E;
  return E > I && T[E - 1] == '\r' ? E - 1 : E;
}

/// What the comment scanners of the three languages share: the position,
/// whether code came before it on its line, and the comments found.
struct Scanner {
  llvm::StringRef T;
  size_t I = 0;
  bool Code = false;
  std::vector<Comment> Out;

  bool done() const { return I >= T.size(); }
  llvm::StringRef rest() const { return T.substr(I); }
  /// A comment from I to End, its text from I + Open to TextEnd.
  void comment(size_t Open, size_t TextEnd, size_t End) {
    Out.push_back({I, End, std::min(I + Open, TextEnd), TextEnd, Code});
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
  /// A literal that ends before End: code.
  void literal(size_t End) {
    I = std::min(End, T.size());
    Code = true;
  }
  void plain() {
    char C = T[I++];
    if (C == '\n')
      Code = false;
    else
      Code |= !isBlank(C) && C != '\r';
  }
};

/// The comments of C and C++: `//` (with backslash continuations) and
/// `/* */`, outside string, character and raw string literals.
std::vector<Comment> cppComments(llvm::StringRef T) {
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
      S.plain();
    }
  }
  return std::move(S.Out);
}

/// PowerShell: `#` at the start of a token and `<# #>`, outside strings
/// ('...', "..." with backtick escapes, here-strings @"..."@ and @'...'@).
std::vector<Comment> powershellComments(llvm::StringRef T) {
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
      S.plain();
    }
  }
  return std::move(S.Out);
}

/// VBScript, VBA and VB6: `'` and `Rem` (a statement: at the start of a line
/// or after `:`), outside "..." strings.
std::vector<Comment> basicComments(llvm::StringRef T) {
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

std::vector<Comment> commentsOf(llvm::StringRef T, Language L) {
  switch (L) {
  case Language::Cpp:
    return cppComments(T);
  case Language::PowerShell:
    return powershellComments(T);
  case Language::VBScript:
  case Language::VBA:
    return basicComments(T);
  case Language::None:
    break;
  }
  return {};
}

/// Only blanks between B and E.
bool blank(llvm::StringRef T, size_t B, size_t E) {
  return llvm::all_of(T.slice(B, E), [](char C) { return isBlank(C); });
}

/// The text to delete for an unused suppression whose marker is
/// [At, MarkerEnd) in comment K: the whole comment when the marker starts
/// it, with its line when the comment is alone on it (and the blanks before
/// it when it trails code); otherwise the marker and what follows it in the
/// comment (the reason), leaving the comment's other text.
std::pair<size_t, size_t> removal(llvm::StringRef T, const Comment &K,
                                  size_t At) {
  size_t LineStart = T.rfind('\n', K.Begin);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  size_t End = K.End;
  bool OwnsComment = llvm::all_of(T.slice(K.TextBegin, At), [](char C) {
    return llvm::isSpace(C) || C == '*' || C == '/'; // `/**`, `///`
  });
  if (!OwnsComment) {
    size_t B = At;
    while (B > K.TextBegin && isBlank(T[B - 1]))
      --B;
    size_t E = K.TextEnd;
    while (E > At && llvm::isSpace(T[E - 1]))
      --E;
    return {B, E};
  }
  size_t AfterEnd = lineEnd(T, End);
  bool CodeAfter = !blank(T, End, AfterEnd);
  if (!K.CodeBefore && !CodeAfter) {
    // Alone on its line(s): the lines go, with their line break.
    size_t E = T.find('\n', End);
    return {LineStart, E == llvm::StringRef::npos ? T.size() : E + 1};
  }
  size_t B = K.Begin;
  if (K.CodeBefore)
    while (B > LineStart && isBlank(T[B - 1]))
      --B;
  else
    while (End < AfterEnd && isBlank(T[End]))
      ++End;
  return {B, End};
}

} // namespace

std::vector<Suppression> findSuppressions(llvm::StringRef Path,
                                          llvm::StringRef Bytes, Language L) {
  std::vector<Suppression> Out;
  auto Text = script::decodeText(Bytes, Path);
  if (!Text) {
    llvm::consumeError(Text.takeError());
    return Out;
  }
  llvm::StringRef T = Text->Utf8;
  std::vector<Comment> Comments = commentsOf(T, L);
  const size_t MarkerSize = llvm::StringRef("verguard: ignore").size();
  size_t Pos = 0;
  while ((Pos = T.find("verguard: ignore", Pos)) != llvm::StringRef::npos) {
    size_t At = Pos;
    Pos += MarkerSize;
    auto K = std::upper_bound(
        Comments.begin(), Comments.end(), At,
        [](size_t A, const Comment &C) { return A < C.Begin; });
    if (K == Comments.begin() || (K - 1)->TextEnd <= At ||
        (K - 1)->TextBegin > At)
      continue; // not in a comment
    const Comment &In = *(K - 1);
    Suppression S;
    llvm::StringRef Rest = T.substr(Pos);
    if (Rest.consume_front("-file"))
      S.WholeFile = true;
    size_t End = Pos + (T.substr(Pos).size() - Rest.size());
    if (Rest.consume_front("[")) {
      llvm::StringRef List =
          Rest.take_until([](char C) { return C == ']' || C == '\n'; });
      llvm::SmallVector<llvm::StringRef, 4> Ids;
      List.split(Ids, ',', -1, false);
      for (llvm::StringRef Id : Ids)
        S.Rules.push_back(Id.trim().upper());
      End += List.size() + 2;
    } else if (!Rest.empty() && !llvm::isSpace(Rest[0])) {
      continue; // `verguard: ignored` or the like
    }
    End = std::min<size_t>(std::min(End, In.TextEnd), T.size());
    S.Where = Text->span(Path, At, End);
    if (!S.WholeFile) {
      // Trailing or inline: this line. Alone: the line after the comment.
      size_t LastLineEnd = lineEnd(T, In.End);
      bool CodeAfter = !blank(T, In.End, LastLineEnd);
      if (In.CodeBefore)
        S.Line = Text->lineCol(In.Begin).first;
      else
        S.Line = Text->lineCol(In.End).first + (CodeAfter ? 0 : 1);
    }
    auto [B, E] = removal(T, In, At);
    S.Removal.Span = Text->span(Path, B, E);
    // The reason written after the marker, up to the end of the comment.
    llvm::StringRef Why = T.slice(End, std::max<size_t>(End, In.TextEnd));
    Why = Why.take_until([](char C) { return C == '\n' || C == '\r'; });
    for (llvm::StringRef Close : {"*/", "-->", "#>", "%>"})
      Why = Why.split(Close).first;
    S.Justification = Why.trim().str();
    Out.push_back(std::move(S));
  }
  return Out;
}

const core::RuleInfo &unusedSuppressionRule() {
  return *rules::metaRules().front();
}

core::Finding unusedSuppression(const Suppression &S) {
  core::Finding F;
  F.RuleId = "VG100";
  F.Level = core::Severity::Warning;
  F.Where = S.Where;
  std::string What = S.Rules.empty() ? "any rule" : llvm::join(S.Rules, ", ");
  F.Message = std::string(S.WholeFile ? "file-wide " : "") +
              "suppression for " + What + " suppresses nothing; remove it";
  F.Guard = "suppression " + What;
  F.TheFix = core::Fix{"remove the unused suppression", {S.Removal}};
  return F;
}

} // namespace verguard::driver
