//===- JUnitReport.cpp - JUnit XML ----------------------------------------===//
//
// For CI systems that show test results (Jenkins, GitLab's test reports,
// Azure Pipelines): a testsuite per file with findings, a failing testcase
// per finding; an input file verguard could not analyze (an error about the
// input) is a testcase with an <error>. A run with nothing to report is one
// passing testcase, so that the report is never empty.
//
//===----------------------------------------------------------------------===//
#include "report/Report.h"
#include "report/Xml.h"

namespace verguard::report {

namespace {
struct Case {
  std::string Name;
  const core::Finding *F = nullptr;    // a failure
  const core::Diagnostic *G = nullptr; // or an error
};
} // namespace

void writeJUnit(llvm::raw_ostream &OS, const ReportData &D) {
  std::map<std::string, std::vector<Case>> ByFile;
  size_t Failures = 0, Errors = 0;
  for (const core::Diagnostic &G : D.Diagnostics)
    if (G.Level == core::Severity::Error) {
      ByFile[displayPath(G.Where.File, D.SrcRoot)].push_back(
          {location(G.Where, D.SrcRoot), nullptr, &G});
      ++Errors;
    }
  for (const core::Finding &F : D.Findings) {
    ByFile[displayPath(F.Where.File, D.SrcRoot)].push_back(
        {F.RuleId + " at " + location(F.Where, D.SrcRoot), &F, nullptr});
    ++Failures;
  }
  size_t Tests = Failures + Errors;
  OS << XmlDeclaration << "<testsuites name=\"verguard\" tests=\""
     << std::max<size_t>(Tests, 1) << "\" failures=\"" << Failures
     << "\" errors=\"" << Errors << "\">\n";
  if (ByFile.empty())
    OS << "  <testsuite name=\"verguard\" tests=\"1\" failures=\"0\" "
          "errors=\"0\">\n"
          "    <testcase name=\"no findings\" classname=\"verguard\"/>\n"
          "  </testsuite>\n";
  for (const auto &[File, Cases] : ByFile) {
    size_t F = 0, E = 0;
    for (const Case &C : Cases)
      (C.F ? F : E)++;
    std::string Name = xmlEscape(File, true);
    OS << "  <testsuite name=\"" << Name << "\" tests=\"" << Cases.size()
       << "\" failures=\"" << F << "\" errors=\"" << E << "\">\n";
    for (const Case &C : Cases) {
      const core::SourceSpan &Where = C.F ? C.F->Where : C.G->Where;
      OS << "    <testcase name=\"" << xmlEscape(C.Name, true)
         << "\" classname=\"" << Name << "\" file=\"" << Name << "\"";
      if (Where.Line)
        OS << " line=\"" << Where.Line << "\"";
      OS << ">\n";
      if (C.F) {
        std::string Body = findingLine(*C.F, D.SrcRoot) + "\n";
        if (std::string Summary = fixSummary(*C.F); !Summary.empty())
          Body += Summary + "\n";
        for (const core::RelatedLocation &R : C.F->Related)
          Body += noteLine(R, D.SrcRoot) + "\n";
        OS << "      <failure type=\"" << xmlEscape(C.F->RuleId, true)
           << "\" message=\"" << xmlEscape(C.F->Message, true) << "\">"
           << xmlEscape(Body, false) << "</failure>\n";
      } else {
        OS << "      <error type=\"input\" message=\""
           << xmlEscape(C.G->Message, true) << "\">"
           << xmlEscape(diagnosticLine(*C.G, D.SrcRoot), false) << "</error>\n";
      }
      OS << "    </testcase>\n";
    }
    OS << "  </testsuite>\n";
  }
  OS << "</testsuites>\n";
}

} // namespace verguard::report
