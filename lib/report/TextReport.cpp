//===- TextReport.cpp - compiler-style text -------------------------------===//
#include "report/Report.h"
#include "report/SourceText.h"

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

void writeText(llvm::raw_ostream &OS, const ReportData &D, bool Color) {
  for (const core::Diagnostic &G : D.Diagnostics) {
    std::string Where = displayPath(G.Where.File, D.SrcRoot);
    if (G.Where.Line)
      Where += ":" + std::to_string(G.Where.Line) + ":" +
               std::to_string(G.Where.Col);
    header(OS, Color, Where, G.Level);
    OS << G.Message << "\n";
  }
  unsigned Errors = 0, Warnings = 0, Fixable = 0;
  SourceCache Sources;
  for (const core::Finding &F : D.Findings) {
    (F.Level == core::Severity::Error ? Errors : Warnings)++;
    if (F.TheFix)
      ++Fixable;
    std::string Where = displayPath(F.Where.File, D.SrcRoot) + ":" +
                        std::to_string(F.Where.Line) + ":" +
                        std::to_string(F.Where.Col);
    header(OS, Color, Where, F.Level);
    OS << F.Message << " [" << F.RuleId << "]\n";
    auto Content = D.Content ? D.Content(F.Where.File) : std::nullopt;
    const SourceText *Src = Content && F.Where.valid()
                                ? Sources.get(F.Where.File, *Content)
                                : nullptr;
    if (Src && F.Where.Line && F.Where.Line <= Src->lineCount()) {
      llvm::StringRef Line = Src->line(F.Where.Line);
      auto [B, E] = Src->covered(F.Where.Line, F.Where);
      OS << "  " << Line << "\n  ";
      // One space per code point before the guard (tabs kept), then a caret
      // and a tilde per code point of the guard on its first line; a guard
      // over several lines gets the caret alone.
      auto CodePoints = [&](size_t From, size_t To) {
        unsigned N = 0;
        for (size_t I = From; I < To; ++I)
          N += (static_cast<unsigned char>(Line[I]) & 0xC0) != 0x80;
        return N;
      };
      for (size_t I = 0; I < B; ++I)
        if ((static_cast<unsigned char>(Line[I]) & 0xC0) != 0x80)
          OS << (Line[I] == '\t' ? '\t' : ' ');
      if (Color)
        OS.changeColor(llvm::raw_ostream::GREEN, true);
      OS << "^";
      unsigned Len = F.Where.EndLine == F.Where.Line ? CodePoints(B, E) : 1;
      for (unsigned I = 1; I < Len; ++I)
        OS << "~";
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
        OS << E.Span.Line << ":" << E.Span.Col << ": "
           << (E.Span.Begin == E.Span.End ? "insert " : "write ") << "`"
           << E.Replacement << "`";
      }
      OS << "\n";
    } else if (!F.NoFixReason.empty()) {
      OS << "  no fix: " << F.NoFixReason << "\n";
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
