//===- Suppressions.cpp ---------------------------------------------------===//
#include "driver/Suppressions.h"
#include "driver/CodeRegions.h"
#include "vbscript/Embedded.h"

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

using Comment = Span;

bool isBlank(char C) { return C == ' ' || C == '\t'; }

size_t lineEnd(llvm::StringRef T, size_t I) {
  size_t E = T.find('\n', I);
  E = E == llvm::StringRef::npos ? T.size() : E;
  return E > I && T[E - 1] == '\r' ? E - 1 : E;
}

/// The comments of a file of language L. In a .wsf, .hta or .html file a
/// JScript block's comments are JScript's (`//`, `/* */`), the rest VB's.
std::vector<Comment> commentsOf(llvm::StringRef T, Language L,
                                llvm::StringRef Path) {
  if (L == Language::None)
    return {};
  std::vector<Comment> Out = spansOf(T, dialectOf("", L));
  vbscript::FileKind K = vbscript::fileKindOf(Path);
  if (L == Language::VBScript &&
      (K == vbscript::FileKind::Wsf || K == vbscript::FileKind::Html)) {
    for (vbscript::Chunk C : vbscript::jscriptChunks(T)) {
      llvm::erase_if(Out, [&](const Span &S) {
        return S.Begin < C.End && S.End > C.Begin;
      });
      for (Span S : spansOf(T.slice(C.Begin, C.End), Dialect::C)) {
        S.Begin += C.Begin;
        S.End += C.Begin;
        S.TextBegin += C.Begin;
        S.TextEnd += C.Begin;
        Out.push_back(S);
      }
    }
    llvm::sort(Out,
               [](const Span &A, const Span &B) { return A.Begin < B.Begin; });
  }
  llvm::erase_if(Out, [](const Span &S) { return S.Kind != Region::Comment; });
  return Out;
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
  std::vector<Comment> Comments = commentsOf(T, L, Path);
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
