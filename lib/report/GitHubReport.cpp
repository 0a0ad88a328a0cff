//===- GitHubReport.cpp - GitHub Actions workflow commands ----------------===//
//
//   ::error file=src/os.cpp,line=22,endLine=22,col=66,endColumn=92,
//     title=VG001 build-comparison::`osvi.dwBuildNumber == 6002` is ...
//
// A step that prints these gets an annotation per line on the pull request
// and the run summary. Escaping as @actions/core's command.ts: in the
// message `%`, CR and LF; in properties also `:` and `,`.
//
//===----------------------------------------------------------------------===//
#include "report/Report.h"

#include "rules/Rule.h"

namespace verguard::report {

namespace {
std::string escape(llvm::StringRef S, bool Property) {
  std::string Out;
  for (char C : S) {
    switch (C) {
    case '%':
      Out += "%25";
      break;
    case '\r':
      Out += "%0D";
      break;
    case '\n':
      Out += "%0A";
      break;
    case ':':
      Out += Property ? "%3A" : ":";
      break;
    case ',':
      Out += Property ? "%2C" : ",";
      break;
    default:
      Out += C;
    }
  }
  return Out;
}

void annotate(llvm::raw_ostream &OS, core::Severity Level,
              const core::SourceSpan &Where, llvm::StringRef Title,
              llvm::StringRef Message, const ReportData &D) {
  OS << "::" << severityWord(Level, "error", "warning", "notice")
     << " file=" << escape(displayPath(Where.File, D.SrcRoot), true);
  if (Where.Line) {
    OS << ",line=" << Where.Line;
    if (Where.EndLine)
      OS << ",endLine=" << Where.EndLine;
    // Columns only within one line: GitHub ignores them otherwise.
    if (Where.Col && (!Where.EndLine || Where.EndLine == Where.Line)) {
      OS << ",col=" << Where.Col;
      if (Where.EndCol)
        OS << ",endColumn=" << Where.EndCol;
    }
  }
  OS << ",title=" << escape(Title, true) << "::" << escape(Message, false)
     << "\n";
}
} // namespace

void writeGitHub(llvm::raw_ostream &OS, const ReportData &D) {
  for (const core::Diagnostic &G : D.Diagnostics)
    annotate(OS, G.Level, G.Where, "verguard", G.Message, D);
  for (const core::Finding &F : D.Findings) {
    std::string Title = F.RuleId;
    if (const core::RuleInfo *I = rules::findRuleInfo(F.RuleId))
      Title += std::string(" ") + I->Name;
    // The annotation shows every line of the message.
    std::string Message = F.Message;
    if (std::string Summary = fixSummary(F); !Summary.empty())
      Message += "\n" + Summary;
    for (const core::RelatedLocation &R : F.Related)
      Message += "\n" + noteLine(R, D.SrcRoot);
    annotate(OS, F.Level, F.Where, Title, Message, D);
  }
}

} // namespace verguard::report
