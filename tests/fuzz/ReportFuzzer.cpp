//===- ReportFuzzer.cpp - SARIF, JSON, text and HTML reports --------------===//
//
// Builds findings and diagnostics (paths, messages, spans, fixes) from the
// bytes, writes every report format, and checks that the JSON and SARIF
// output parses as JSON with one result per finding, and that the HTML has
// every finding and no script element but its own.
//
//===----------------------------------------------------------------------===//
#include "report/Report.h"

#include "llvm/Support/JSON.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdlib>

using namespace verguard;

namespace {

core::SourceSpan span(FuzzedDataProvider &P,
                      const std::vector<std::string> &Files) {
  core::SourceSpan S;
  S.File = Files[P.ConsumeIntegralInRange<size_t>(0, Files.size() - 1)];
  S.Begin = P.ConsumeIntegral<uint32_t>();
  S.End = P.ConsumeIntegral<uint32_t>();
  S.Line = P.ConsumeIntegral<uint32_t>();
  S.Col = P.ConsumeIntegral<uint32_t>();
  S.EndLine = P.ConsumeIntegral<uint32_t>();
  S.EndCol = P.ConsumeIntegral<uint32_t>();
  return S;
}

core::Severity severity(FuzzedDataProvider &P) {
  return static_cast<core::Severity>(P.ConsumeIntegralInRange<int>(0, 2));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  FuzzedDataProvider P(Data, Size);
  report::ReportData D;
  D.SrcRoot = P.ConsumeBool() ? "/src" : P.ConsumeRandomLengthString(16);
  D.MaxSarifResults = P.ConsumeIntegralInRange<unsigned>(0, 8);
  std::vector<std::string> Files;
  unsigned NFiles = P.ConsumeIntegralInRange<unsigned>(1, 4);
  for (unsigned I = 0; I < NFiles; ++I)
    Files.push_back(P.ConsumeBool() ? "/src/" + P.ConsumeRandomLengthString(12)
                                    : P.ConsumeRandomLengthString(12));
  static const char *const Rules[] = {"VG001", "VG002", "VG003",
                                      "VG004", "VG005", "VG999"};
  unsigned NFindings = P.ConsumeIntegralInRange<unsigned>(0, 12);
  for (unsigned I = 0; I < NFindings && P.remaining_bytes(); ++I) {
    core::Finding F;
    F.RuleId = P.ConsumeBool() ? Rules[P.ConsumeIntegralInRange<int>(0, 5)]
                               : P.ConsumeRandomLengthString(8);
    F.Level = severity(P);
    F.Where = span(P, Files);
    F.Message = P.ConsumeRandomLengthString(40);
    F.Bump = P.ConsumeRandomLengthString(8);
    F.Guard = P.ConsumeRandomLengthString(20);
    F.Function = P.ConsumeRandomLengthString(10);
    if (P.ConsumeBool()) {
      core::Fix X;
      X.Description = P.ConsumeRandomLengthString(20);
      unsigned NEdits = P.ConsumeIntegralInRange<unsigned>(0, 3);
      for (unsigned E = 0; E < NEdits; ++E)
        X.Edits.push_back({span(P, Files), P.ConsumeRandomLengthString(10)});
      F.TheFix = std::move(X);
    } else {
      F.NoFixReason = P.ConsumeRandomLengthString(20);
    }
    D.Findings.push_back(std::move(F));
  }
  unsigned NDiags = P.ConsumeIntegralInRange<unsigned>(0, 4);
  for (unsigned I = 0; I < NDiags && P.remaining_bytes(); ++I) {
    core::Diagnostic G;
    G.Level = severity(P);
    G.Where = span(P, Files);
    G.Message = P.ConsumeRandomLengthString(30);
    D.Diagnostics.push_back(std::move(G));
  }
  D.Fingerprints = report::fingerprints(D.Findings);
  if (D.Fingerprints.size() != D.Findings.size())
    abort();
  if (P.ConsumeBool())
    D.Fingerprints.resize(D.Fingerprints.size() / 2);
  for (size_t I = 0, N = P.ConsumeIntegralInRange<size_t>(0, D.Findings.size());
       I < N; ++I)
    D.Baseline.push_back(static_cast<report::BaselineState>(
        P.ConsumeIntegralInRange<int>(0, 2)));
  std::string Content = P.ConsumeRemainingBytesAsString();
  D.Content = [&](llvm::StringRef) -> std::optional<llvm::StringRef> {
    return llvm::StringRef(Content);
  };
  D.FilesTotal = Files.size();
  D.FilesByLanguage["PowerShell"] = Files.size();

  auto Parse = [](const std::string &Out) {
    auto V = llvm::json::parse(Out);
    if (!V)
      abort(); // a report that is not JSON
    return std::move(*V);
  };
  std::string Json;
  {
    llvm::raw_string_ostream OS(Json);
    report::writeJson(OS, D);
  }
  llvm::json::Value J = Parse(Json);
  const llvm::json::Array *JF = J.getAsObject()->getArray("findings");
  if (!JF || JF->size() != D.Findings.size())
    abort();
  std::string Sarif;
  bool Complete;
  {
    llvm::raw_string_ostream OS(Sarif);
    Complete = report::writeSarif(OS, D);
  }
  llvm::json::Value S = Parse(Sarif);
  const llvm::json::Array *Runs = S.getAsObject()->getArray("runs");
  const llvm::json::Array *Results =
      Runs ? (*Runs)[0].getAsObject()->getArray("results") : nullptr;
  if (!Results ||
      Results->size() !=
          std::min<size_t>(D.Findings.size(), D.MaxSarifResults) ||
      Complete != (D.Findings.size() <= D.MaxSarifResults))
    abort();
  std::string Text;
  {
    llvm::raw_string_ostream OS(Text);
    report::writeText(OS, D, /*Color=*/P.ConsumeBool());
  }
  // HTML: every finding, and no script but the page's own, whatever the
  // paths, messages and file bytes hold.
  std::string Html;
  {
    llvm::raw_string_ostream OS(Html);
    report::writeHtml(OS, D);
  }
  size_t Scripts = 0;
  for (size_t At = Html.find("<script"); At != std::string::npos;
       At = Html.find("<script", At + 1))
    ++Scripts;
  if (Scripts != 1)
    abort();
  for (size_t I = 0; I < D.Findings.size(); ++I)
    if (Html.find("<article class=\"finding\" id=\"f" + std::to_string(I) +
                  "\" data-rule=") == std::string::npos)
      abort();
  return 0;
}
