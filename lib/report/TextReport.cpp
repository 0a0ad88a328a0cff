//===- TextReport.cpp - compiler-style text -------------------------------===//
#include "report/Report.h"
#include "report/Snippet.h"

#include "llvm/Support/WithColor.h"

namespace verguard::report {

namespace {
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

/// The source line of S, decoded from the file's encoding, with a caret and
/// tildes under S.
void excerpt(llvm::raw_ostream &OS, const script::DecodedText &Text,
             const core::SourceSpan &S, bool Color) {
  auto Snip = snippetOf(Text, S);
  if (!Snip)
    return;
  OS << "  " << Snip->Line << "\n  " << Snip->Indent;
  if (Color)
    OS.changeColor(llvm::raw_ostream::GREEN, true);
  OS << "^" << std::string(Snip->Width - 1, '~');
  if (Color)
    OS.resetColor();
  OS << "\n";
}

/// The decoded text of File, if the report has its bytes.
std::optional<script::DecodedText> decoded(const ReportData &D,
                                           const std::string &File) {
  auto Content = D.Content ? D.Content(File) : std::nullopt;
  if (!Content)
    return std::nullopt;
  auto T = script::decodeText(*Content, File);
  if (!T) {
    llvm::consumeError(T.takeError());
    return std::nullopt;
  }
  return std::move(*T);
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

void writeDiagnostic(llvm::raw_ostream &OS, const core::Diagnostic &G,
                     llvm::StringRef SrcRoot, bool Color) {
  header(OS, Color, location(G.Where, SrcRoot), G.Level);
  OS << G.Message << "\n";
}

void writeText(llvm::raw_ostream &OS, const ReportData &D, bool Color) {
  // The file of the findings before (they come sorted by file), decoded.
  std::string DecodedPath;
  std::optional<script::DecodedText> Decoded;
  unsigned Errors = 0, Warnings = 0, Fixable = 0;
  for (const core::Finding &F : D.Findings) {
    (F.Level == core::Severity::Error ? Errors : Warnings)++;
    if (F.TheFix)
      ++Fixable;
    header(OS, Color, location(F.Where, D.SrcRoot), F.Level);
    OS << F.Message << " [" << F.RuleId << "]\n";
    if (F.Where.File != DecodedPath) {
      DecodedPath = F.Where.File;
      Decoded = decoded(D, F.Where.File);
    }
    if (Decoded)
      excerpt(OS, *Decoded, F.Where, Color);
    if (std::string Summary = fixSummary(F); !Summary.empty()) {
      OS << "  " << Summary;
      for (const core::Edit &E :
           F.TheFix ? F.TheFix->Edits : std::vector<core::Edit>()) {
        OS << "\n    ";
        if (E.Span.File != F.Where.File)
          OS << displayPath(E.Span.File, D.SrcRoot) << ":";
        OS << E.Span.Line << ":" << E.Span.Col << ": ";
        if (E.Replacement.empty())
          OS << "delete to " << E.Span.EndLine << ":" << E.Span.EndCol;
        else
          OS << (E.Span.Begin == E.Span.End ? "insert " : "write ") << "`"
             << E.Replacement << "`";
      }
      OS << "\n";
    }
    for (const core::RelatedLocation &R : F.Related) {
      header(OS, Color, location(R.Where, D.SrcRoot), core::Severity::Note);
      OS << R.Message << "\n";
      std::optional<script::DecodedText> Other;
      if (R.Where.File != DecodedPath)
        Other = decoded(D, R.Where.File);
      if (const auto &T = R.Where.File == DecodedPath ? Decoded : Other)
        excerpt(OS, *T, R.Where, Color);
    }
  }
  if (!D.Summary)
    return;
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
  writeNoteSummary(OS, D.Notes, "  ");
}

} // namespace verguard::report
