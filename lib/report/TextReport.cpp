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
} // namespace

void writeDiagnostic(llvm::raw_ostream &OS, const core::Diagnostic &G,
                     llvm::StringRef SrcRoot, bool Color) {
  std::string Where = displayPath(G.Where.File, SrcRoot);
  if (G.Where.Line)
    Where +=
        ":" + std::to_string(G.Where.Line) + ":" + std::to_string(G.Where.Col);
  header(OS, Color, Where, G.Level);
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
    std::string Where = displayPath(F.Where.File, D.SrcRoot) + ":" +
                        std::to_string(F.Where.Line) + ":" +
                        std::to_string(F.Where.Col);
    header(OS, Color, Where, F.Level);
    OS << F.Message << " [" << F.RuleId << "]\n";
    if (F.Where.File != DecodedPath) {
      DecodedPath = F.Where.File;
      Decoded.reset();
      if (auto Content = D.Content ? D.Content(F.Where.File) : std::nullopt) {
        if (auto T = script::decodeText(*Content, F.Where.File))
          Decoded = std::move(*T);
        else
          llvm::consumeError(T.takeError());
      }
    }
    if (auto S = Decoded ? snippetOf(*Decoded, F.Where) : std::nullopt) {
      OS << "  " << S->Line << "\n  " << S->Indent;
      if (Color)
        OS.changeColor(llvm::raw_ostream::GREEN, true);
      OS << "^" << std::string(S->Width - 1, '~');
      if (Color)
        OS.resetColor();
      OS << "\n";
    }
    if (F.TheFix) {
      OS << "  fix: " << F.TheFix->Description;
      for (const core::Edit &E : F.TheFix->Edits) {
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
    } else if (!F.NoFixReason.empty()) {
      OS << "  no fix: " << F.NoFixReason << "\n";
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
}

} // namespace verguard::report
