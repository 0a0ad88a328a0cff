//===- ReportTestSupport.h - report data for the emitter tests --*- C++ -*-===//
#ifndef VERGUARD_TESTS_REPORTTESTSUPPORT_H
#define VERGUARD_TESTS_REPORTTESTSUPPORT_H

#include "report/Report.h"

#include <string>

namespace verguard::reporttest {

inline core::SourceSpan span(std::string File, uint32_t Line, uint32_t Col,
                             uint32_t Len) {
  core::SourceSpan S;
  S.File = std::move(File);
  S.Begin = 0;
  S.End = Len;
  S.Line = S.EndLine = Line;
  S.Col = Col;
  S.EndCol = Col + Len;
  return S;
}

inline core::Finding finding(std::string File, uint32_t Line, uint32_t Col,
                             std::string Rule, std::string Message,
                             core::Severity Level = core::Severity::Error) {
  core::Finding F;
  F.RuleId = std::move(Rule);
  F.Level = Level;
  F.Where = span(std::move(File), Line, Col, 9);
  F.Message = std::move(Message);
  F.Guard = "g";
  F.NoFixReason = "why not";
  return F;
}

/// Two findings in /src/a.cpp (one with a fix and a note), one in
/// /src/b.ps1, and an error about /src/c.vbs.
inline report::ReportData sample() {
  report::ReportData D;
  D.SrcRoot = "/src";
  core::Finding A = finding("/src/a.cpp", 3, 7, "VG001", "`b == 6002` flips");
  A.TheFix =
      core::Fix{"accept build 6003 as well",
                {{span("/src/a.cpp", 3, 7, 9), "(b == 6002 || b == 6003)"}}};
  A.Related.push_back(
      {span("/src/sp2.h", 2, 19, 4), "`SP2_BUILD` is defined here as 6002"});
  D.Findings.push_back(A);
  D.Findings.push_back(finding("/src/a.cpp", 9, 1, "VG003", "revision",
                               core::Severity::Warning));
  D.Findings.push_back(finding("/src/b.ps1", 1, 5, "VG001", "ps"));
  core::Diagnostic G;
  G.Level = core::Severity::Error;
  G.Where.File = "/src/c.vbs";
  G.Message = "cannot read: Permission denied";
  D.Diagnostics.push_back(G);
  D.Fingerprints = report::fingerprints(D.Findings);
  D.FilesTotal = 3;
  return D;
}

template <typename Fn> std::string render(Fn &&Write) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  Write(OS);
  OS.flush();
  return Out;
}

} // namespace verguard::reporttest

#endif
