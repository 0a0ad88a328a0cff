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

/// The comments of C and C++: `//` (with backslash continuations) and
/// `/* */`, outside string, character and raw string literals.
std::vector<Comment> cppComments(llvm::StringRef T) {
  std::vector<Comment> Out;
  bool Code = false; // on this line, before the current position
  for (size_t I = 0; I < T.size();) {
    char C = T[I];
    if (C == '\n') {
      Code = false;
      ++I;
    } else if (T.substr(I).starts_with("//")) {
      size_t E = I;
      do
        E = T.find('\n', E + 1);
      while (E != llvm::StringRef::npos && E > 0 &&
             (T[E - 1] == '\\' ||
              (T[E - 1] == '\r' && E > 1 && T[E - 2] == '\\')));
      E = E == llvm::StringRef::npos ? T.size() : E;
      if (E > I && T[E - 1] == '\r')
        --E;
      Out.push_back({I, E, I + 2, E, Code});
      I = E;
    } else if (T.substr(I).starts_with("/*")) {
      size_t E = T.find("*/", I + 2);
      size_t TextEnd = E == llvm::StringRef::npos ? T.size() : E;
      E = E == llvm::StringRef::npos ? T.size() : E + 2;
      Out.push_back({I, E, I + 2, TextEnd, Code});
      if (T.slice(I, E).contains('\n'))
        Code = false;
      I = E;
    } else if (C == '"' && I > 0 && T[I - 1] == 'R') {
      // R"delim( ... )delim"
      size_t Open = T.find('(', I);
      std::string Close =
          ")" +
          T.slice(I + 1, Open == llvm::StringRef::npos ? I + 1 : Open).str() +
          "\"";
      size_t E = Open == llvm::StringRef::npos ? llvm::StringRef::npos
                                               : T.find(Close, Open);
      I = E == llvm::StringRef::npos ? T.size() : E + Close.size();
      Code = true;
    } else if (C == '"' || C == '\'') {
      // A `'` after the digits of a number is a digit separator (1'000).
      if (C == '\'' && I > 0 && llvm::isAlnum(T[I - 1])) {
        size_t B = I;
        while (B > 0 && (llvm::isAlnum(T[B - 1]) || T[B - 1] == '\''))
          --B;
        if (llvm::isDigit(T[B])) {
          ++I;
          continue;
        }
      }
      size_t J = I + 1;
      while (J < T.size() && T[J] != C && T[J] != '\n')
        J += T[J] == '\\' ? 2 : 1;
      I = std::min(J + 1, T.size());
      Code = true;
    } else {
      Code |= !isBlank(C) && C != '\r';
      ++I;
    }
  }
  return Out;
}

/// PowerShell: `#` at the start of a token and `<# #>`, outside strings
/// ('...', "..." with backtick escapes, here-strings @"..."@ and @'...'@).
std::vector<Comment> powershellComments(llvm::StringRef T) {
  std::vector<Comment> Out;
  bool Code = false;
  for (size_t I = 0; I < T.size();) {
    char C = T[I];
    llvm::StringRef Rest = T.substr(I);
    if (C == '\n') {
      Code = false;
      ++I;
    } else if (Rest.starts_with("<#")) {
      size_t E = T.find("#>", I + 2);
      size_t TextEnd = E == llvm::StringRef::npos ? T.size() : E;
      E = E == llvm::StringRef::npos ? T.size() : E + 2;
      Out.push_back({I, E, I + 2, TextEnd, Code});
      if (T.slice(I, E).contains('\n'))
        Code = false;
      I = E;
    } else if (C == '#' &&
               (I == 0 ||
                llvm::StringRef(" \t\r\n;|&(){}=,").contains(T[I - 1]))) {
      size_t E = lineEnd(T, I);
      Out.push_back({I, E, I + 1, E, Code});
      I = E;
    } else if (Rest.starts_with("@\"") || Rest.starts_with("@'")) {
      // A here-string ends with its quote and `@` at the start of a line.
      std::string Close = std::string("\n") + Rest[1] + "@";
      size_t E = T.find(Close, I + 2);
      I = E == llvm::StringRef::npos ? T.size() : E + Close.size();
      Code = true;
    } else if (C == '"' || C == '\'') {
      size_t J = I + 1;
      while (J < T.size()) {
        if (C == '"' && T[J] == '`') {
          J += 2;
        } else if (T[J] == C) {
          if (J + 1 < T.size() && T[J + 1] == C) // "" or '': a quote
            J += 2;
          else
            break;
        } else {
          ++J;
        }
      }
      I = std::min(J + 1, T.size());
      Code = true;
    } else {
      Code |= !isBlank(C) && C != '\r';
      ++I;
    }
  }
  return Out;
}

/// VBScript, VBA and VB6: `'` and `Rem` (a statement: at the start of a line
/// or after `:`), outside "..." strings.
std::vector<Comment> basicComments(llvm::StringRef T) {
  std::vector<Comment> Out;
  bool Code = false, StatementStart = true;
  for (size_t I = 0; I < T.size();) {
    char C = T[I];
    if (C == '\n') {
      Code = false;
      StatementStart = true;
      ++I;
    } else if (C == '\'') {
      size_t E = lineEnd(T, I);
      Out.push_back({I, E, I + 1, E, Code});
      I = E;
    } else if (StatementStart && T.substr(I).starts_with_insensitive("rem") &&
               (I + 3 == T.size() || llvm::isSpace(T[I + 3]))) {
      size_t E = lineEnd(T, I);
      Out.push_back({I, E, std::min(I + 3, E), E, Code});
      I = E;
    } else if (C == '"') {
      size_t J = I + 1;
      while (J < T.size() && T[J] != '\n') {
        if (T[J] == '"') {
          if (J + 1 < T.size() && T[J + 1] == '"') {
            J += 2;
            continue;
          }
          break;
        }
        ++J;
      }
      I = std::min(J + 1, T.size());
      Code = true;
      StatementStart = false;
    } else {
      if (C == ':')
        StatementStart = true;
      else if (!isBlank(C) && C != '\r')
        StatementStart = false;
      Code |= !isBlank(C) && C != '\r';
      ++I;
    }
  }
  return Out;
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
