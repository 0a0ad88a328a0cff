//===- CheckstyleReport.cpp - Checkstyle XML ------------------------------===//
//
//   <checkstyle version="4.3">
//     <file name="src/os.cpp">
//       <error line="22" column="66" severity="error" message="..."
//              source="verguard.VG001"/>
//
// The format of Checkstyle's XMLLogger, which Jenkins (Warnings NG),
// reviewdog, SonarQube and most CI dashboards read. Messages about the input
// (an unreadable file, a parse error) are errors of `verguard.input`.
//
//===----------------------------------------------------------------------===//
#include "report/Report.h"
#include "report/Xml.h"

namespace verguard::report {

namespace {
struct Entry {
  const core::SourceSpan *Where;
  core::Severity Level;
  std::string Message;
  std::string Source;
};
} // namespace

void writeCheckstyle(llvm::raw_ostream &OS, const ReportData &D) {
  // By file (as shown), in the order of the report within each file.
  std::map<std::string, std::vector<Entry>> ByFile;
  for (const core::Diagnostic &G : D.Diagnostics)
    ByFile[displayPath(G.Where.File, D.SrcRoot)].push_back(
        {&G.Where, G.Level, G.Message, "verguard.input"});
  for (const core::Finding &F : D.Findings) {
    std::string Message = F.Message;
    if (F.TheFix)
      Message += " (fix: " + F.TheFix->Description + ")";
    ByFile[displayPath(F.Where.File, D.SrcRoot)].push_back(
        {&F.Where, F.Level, std::move(Message), "verguard." + F.RuleId});
  }
  OS << XmlDeclaration << "<checkstyle version=\"4.3\">\n";
  for (const auto &[File, Entries] : ByFile) {
    OS << "  <file name=\"" << xmlEscape(File, true) << "\">\n";
    for (const Entry &E : Entries) {
      // As Checkstyle's XMLLogger: a line always (0: the whole file), a
      // column when known.
      OS << "    <error line=\"" << E.Where->Line << "\"";
      if (E.Where->Line && E.Where->Col)
        OS << " column=\"" << E.Where->Col << "\"";
      OS << " severity=\"" << severityWord(E.Level, "error", "warning", "info")
         << "\" message=\"" << xmlEscape(E.Message, true) << "\" source=\""
         << xmlEscape(E.Source, true) << "\"/>\n";
    }
    OS << "  </file>\n";
  }
  OS << "</checkstyle>\n";
}

} // namespace verguard::report
