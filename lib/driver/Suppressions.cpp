//===- Suppressions.cpp ---------------------------------------------------===//
#include "driver/Suppressions.h"

#include "rules/Rule.h"
#include "script/Text.h"

#include "llvm/ADT/StringExtras.h"

namespace verguard::driver {

bool Suppression::covers(const core::Finding &F) const {
  if (F.Where.File != Where.File || F.RuleId == "VG100")
    return false;
  if (!WholeFile && F.Where.Line != Where.Line &&
      F.Where.Line != Where.Line + 1)
    return false;
  return Rules.empty() ||
         std::find(Rules.begin(), Rules.end(), F.RuleId) != Rules.end();
}

namespace {
/// True if the marker at Column of Line sits in a comment.
bool inComment(llvm::StringRef Before, Language L) {
  switch (L) {
  case Language::Cpp:
    return Before.contains("//") || Before.contains("/*");
  case Language::PowerShell:
    return Before.contains('#');
  case Language::VBScript:
  case Language::VBA: {
    if (Before.contains('\''))
      return true;
    std::string Low = Before.lower();
    return llvm::StringRef(Low).trim().starts_with("rem ") ||
           llvm::StringRef(Low).contains(": rem ");
  }
  case Language::None:
    return false;
  }
  return false;
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
  size_t Pos = 0;
  while ((Pos = T.find("verguard: ignore", Pos)) != llvm::StringRef::npos) {
    size_t LineStart = T.rfind('\n', Pos);
    LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
    llvm::StringRef Before = T.slice(LineStart, Pos);
    size_t At = Pos;
    Pos += 16;
    if (!inComment(Before, L))
      continue;
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
    End = std::min<size_t>(End, T.size());
    S.Where = Text->span(Path, At, End);
    // The reason written after the marker, up to the end of the comment.
    llvm::StringRef Why = T.substr(End);
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
  F.NoFixReason = "remove the comment by hand";
  return F;
}

} // namespace verguard::driver
