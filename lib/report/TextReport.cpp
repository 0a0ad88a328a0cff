//===- TextReport.cpp - compiler-style text -------------------------------===//
#include "report/Report.h"

#include "llvm/Support/WithColor.h"

namespace verguard::report {

namespace {
llvm::StringRef lineOf(llvm::StringRef Text, uint32_t Offset) {
  if (Offset > Text.size())
    return {};
  size_t B = Text.rfind('\n', Offset);
  B = B == llvm::StringRef::npos ? 0 : B + 1;
  size_t E = Text.find('\n', Offset);
  return Text.slice(B, E == llvm::StringRef::npos ? Text.size() : E)
      .rtrim("\r");
}

bool isUtf8Text(llvm::StringRef T) {
  // The source line is shown only for UTF-8 files (others are shown by
  // position only: their bytes are not printable as they are).
  return !T.starts_with("\xFF\xFE") && !T.starts_with("\xFE\xFF");
}

void header(llvm::raw_ostream &OS, bool Color, llvm::StringRef Where,
            core::Severity S) {
  if (Color)
    OS.changeColor(llvm::raw_ostream::WHITE, true);
  OS << Where << ": ";
  llvm::raw_ostream::Colors C =
      S == core::Severity::Error     ? llvm::raw_ostream::RED
      : S == core::Severity::Warning ? llvm::raw_ostream::MAGENTA
                                     : llvm::raw_ostream::CYAN;
  if (Color)
    OS.changeColor(C, true);
  OS << core::severityName(S) << ": ";
  if (Color)
    OS.resetColor();
}

/// The source line of S with a caret and tildes under it, if it is UTF-8.
void excerpt(llvm::raw_ostream &OS, const ReportData &D,
             const core::SourceSpan &S, bool Color) {
  auto Content = D.Content ? D.Content(S.File) : std::nullopt;
  if (!Content || !isUtf8Text(*Content) || !S.valid())
    return;
  llvm::StringRef Line = lineOf(*Content, S.Begin);
  OS << "  " << Line << "\n  ";
  for (uint32_t I = 1; I < S.Col && I <= Line.size(); ++I)
    OS << (Line[I - 1] == '\t' ? '\t' : ' ');
  if (Color)
    OS.changeColor(llvm::raw_ostream::GREEN, true);
  OS << "^";
  uint32_t Len = S.EndLine == S.Line && S.EndCol > S.Col ? S.EndCol - S.Col : 1;
  // Never underline past the end of the line shown.
  Len = std::min<uint32_t>(Len,
                           S.Col <= Line.size() ? Line.size() - S.Col + 1 : 1);
  for (uint32_t I = 1; I < Len; ++I)
    OS << "~";
  if (Color)
    OS.resetColor();
  OS << "\n";
}
} // namespace

std::string location(const core::SourceSpan &S, llvm::StringRef SrcRoot) {
  std::string Where = displayPath(S.File, SrcRoot);
  if (S.Line)
    Where += ":" + std::to_string(S.Line) + ":" + std::to_string(S.Col);
  return Where;
}

namespace {
/// S on one line: line breaks become spaces.
std::string oneLine(std::string S) {
  std::replace_if(
      S.begin(), S.end(), [](char C) { return C == '\n' || C == '\r'; }, ' ');
  return S;
}
} // namespace

std::string findingLine(const core::Finding &F, llvm::StringRef SrcRoot) {
  return oneLine(location(F.Where, SrcRoot) + ": " +
                 core::severityName(F.Level) + ": " + F.Message + " [" +
                 F.RuleId + "]");
}

std::string diagnosticLine(const core::Diagnostic &G, llvm::StringRef SrcRoot) {
  return oneLine(location(G.Where, SrcRoot) + ": " +
                 core::severityName(G.Level) + ": " + G.Message);
}

std::string fixSummary(const core::Finding &F) {
  if (F.TheFix)
    return "fix: " + F.TheFix->Description;
  if (!F.NoFixReason.empty())
    return "no fix: " + F.NoFixReason;
  return {};
}

std::string noteLine(const core::RelatedLocation &R, llvm::StringRef SrcRoot) {
  return oneLine(location(R.Where, SrcRoot) + ": note: " + R.Message);
}

void writeText(llvm::raw_ostream &OS, const ReportData &D, bool Color) {
  for (const core::Diagnostic &G : D.Diagnostics) {
    header(OS, Color, location(G.Where, D.SrcRoot), G.Level);
    OS << G.Message << "\n";
  }
  unsigned Errors = 0, Warnings = 0, Fixable = 0;
  for (const core::Finding &F : D.Findings) {
    (F.Level == core::Severity::Error ? Errors : Warnings)++;
    if (F.TheFix)
      ++Fixable;
    header(OS, Color, location(F.Where, D.SrcRoot), F.Level);
    OS << F.Message << " [" << F.RuleId << "]\n";
    excerpt(OS, D, F.Where, Color);
    if (std::string Summary = fixSummary(F); !Summary.empty()) {
      OS << "  " << Summary;
      for (const core::Edit &E :
           F.TheFix ? F.TheFix->Edits : std::vector<core::Edit>()) {
        OS << "\n    ";
        if (E.Span.File != F.Where.File)
          OS << displayPath(E.Span.File, D.SrcRoot) << ":";
        OS << E.Span.Line << ":" << E.Span.Col << ": "
           << (E.Span.Begin == E.Span.End ? "insert " : "write ") << "`"
           << E.Replacement << "`";
      }
      OS << "\n";
    }
    for (const core::RelatedLocation &R : F.Related) {
      header(OS, Color, location(R.Where, D.SrcRoot), core::Severity::Note);
      OS << R.Message << "\n";
      excerpt(OS, D, R.Where, Color);
    }
  }
  OS << "verguard: " << D.Findings.size() << " finding"
     << (D.Findings.size() == 1 ? "" : "s") << " (" << Errors << " error"
     << (Errors == 1 ? "" : "s") << ", " << Warnings << " warning"
     << (Warnings == 1 ? "" : "s") << "), " << Fixable
     << " with a proven fix, in " << D.FilesTotal << " file"
     << (D.FilesTotal == 1 ? "" : "s") << "\n";
  // The audit summary: files by language, findings by rule, what was left out.
  if (D.FilesTotal > 1 || D.FilesSkipped || D.Suppressed || D.Baselined) {
    std::map<std::string, unsigned> ByRule;
    for (const core::Finding &F : D.Findings)
      ByRule[F.RuleId]++;
    OS << "  files:";
    for (const auto &[L, N] : D.FilesByLanguage)
      OS << " " << L << " " << N << ";";
    OS << " analyzed " << D.FilesTotal - D.FilesSkipped << "\n";
    if (!ByRule.empty()) {
      OS << "  findings by rule:";
      for (const auto &[R, N] : ByRule)
        OS << " " << R << " " << N << ";";
      OS << "\n";
    }
    if (!D.SkipReasons.empty()) {
      OS << "  skipped:";
      for (const auto &[Why, N] : D.SkipReasons)
        OS << " " << N << " " << Why << ";";
      OS << "\n";
    }
    if (D.Suppressed)
      OS << "  suppressed inline: " << D.Suppressed << "\n";
    if (D.Baselined)
      OS << "  in the baseline (not shown): " << D.Baselined << "\n";
  }
}

} // namespace verguard::report
