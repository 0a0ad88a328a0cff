//===- NoteSummary.cpp ----------------------------------------------------===//
#include "report/NoteSummary.h"

#include <algorithm>
#include <map>

namespace verguard::report {

std::string missingHeader(const core::Diagnostic &G) {
  llvm::StringRef M = G.Message;
  if (G.Level != core::Severity::Note || !M.consume_front("header '"))
    return {};
  size_t End = M.find("' not found");
  return End == llvm::StringRef::npos ? std::string() : M.take_front(End).str();
}

bool isParseNote(const core::Diagnostic &G) {
  return G.Level == core::Severity::Note &&
         (!missingHeader(G).empty() ||
          llvm::StringRef(G.Message).contains("parse error"));
}

NoteFilter::NoteFilter(const std::vector<core::Finding> &Findings) {
  for (const core::Finding &F : Findings)
    WithFindings.insert(F.Where.File);
}

bool NoteFilter::summarized(const core::Diagnostic &G) const {
  return isParseNote(G) && !WithFindings.count(G.Where.File);
}

NoteSummary
NoteFilter::summarize(const std::vector<core::Diagnostic> &Diags) const {
  NoteSummary S;
  std::set<std::string> Missing, Broken;
  std::map<std::string, std::set<std::string>> FilesByHeader;
  for (const core::Diagnostic &G : Diags) {
    if (!summarized(G))
      continue;
    std::string H = missingHeader(G);
    if (H.empty()) {
      Broken.insert(G.Where.File);
    } else {
      Missing.insert(G.Where.File);
      FilesByHeader[H].insert(G.Where.File);
    }
  }
  S.FilesMissingHeaders = Missing.size();
  S.FilesWithParseErrors = Broken.size();
  for (const auto &[H, Files] : FilesByHeader)
    S.MostMissed.push_back({H, unsigned(Files.size())});
  std::stable_sort(
      S.MostMissed.begin(), S.MostMissed.end(),
      [](const auto &A, const auto &B) { return A.second > B.second; });
  return S;
}

std::string withCommas(uint64_t N) {
  std::string D = std::to_string(N), Out;
  for (size_t I = 0; I < D.size(); ++I) {
    if (I && (D.size() - I) % 3 == 0)
      Out += ',';
    Out += D[I];
  }
  return Out;
}

void writeNoteSummary(llvm::raw_ostream &OS, const NoteSummary &S,
                      llvm::StringRef Indent) {
  if (S.FilesMissingHeaders) {
    OS << Indent << withCommas(S.FilesMissingHeaders) << " file"
       << (S.FilesMissingHeaders == 1 ? "" : "s")
       << " parsed without some project headers; most missed: ";
    size_t Shown = std::min<size_t>(S.MostMissed.size(), 5);
    for (size_t I = 0; I < Shown; ++I)
      OS << (I ? ", " : "") << S.MostMissed[I].first << " ("
         << withCommas(S.MostMissed[I].second) << ")";
    if (Shown < S.MostMissed.size())
      OS << " and " << withCommas(S.MostMissed.size() - Shown) << " more";
    OS << "; pass -p DIR (compile_commands.json) or --extra-arg=-IDIR; "
          "--verbose lists them\n";
  }
  if (S.FilesWithParseErrors)
    OS << Indent << withCommas(S.FilesWithParseErrors) << " file"
       << (S.FilesWithParseErrors == 1 ? "" : "s")
       << " without a finding had parse errors (analyzed what could be "
          "parsed); --verbose lists them\n";
}

} // namespace verguard::report
