//===- ScriptLowering.h - a script frontend's guards in a test --*- C++ -*-===//
//
// What the script frontends' unit tests share: a snippet decoded, lowered by
// the frontend, every guard checked by the rules, and ways to look at the
// result (the lowered conditions, the findings by rule and line, a dump
// for a failure's message, the text after the proven fixes).
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_TESTS_UNIT_SCRIPTLOWERING_H
#define VERGUARD_TESTS_UNIT_SCRIPTLOWERING_H

#include "TestSupport.h"

#include "core/FrontendOptions.h"
#include "core/Guard.h"
#include "rules/Checker.h"
#include "script/Text.h"

#include <string>
#include <vector>

namespace verguard::test {

struct LoweredScript {
  std::vector<core::Guard> Guards;
  std::vector<core::Finding> Findings;
  std::vector<core::Diagnostic> Diags;
  std::string Bytes;
  script::DecodedText Text;

  /// The lowered conditions, one per guard ("<select>"/"<table>" else).
  std::vector<std::string> conds() const {
    std::vector<std::string> R;
    for (const core::Guard &G : Guards)
      R.push_back(G.Kind == core::GuardKind::Condition ? toString(*G.Cond)
                  : G.Kind == core::GuardKind::Select
                      ? "<select " + toString(*G.Subject) + ">"
                      : "<table " + toString(*G.Subject) + ">");
    return R;
  }
  std::vector<std::string> ids() const {
    std::vector<std::string> R;
    for (const core::Finding &F : Findings)
      R.push_back(F.RuleId + "@" + std::to_string(F.Where.Line));
    return R;
  }
  std::string dump() const {
    std::string S;
    for (const std::string &C : conds())
      S += "guard " + C + "\n";
    for (const core::Finding &F : Findings)
      S += F.RuleId + " " + std::to_string(F.Where.Line) + " " + F.Message +
           (F.TheFix ? " [fix]" : " [no fix]") + "\n";
    for (const core::Diagnostic &D : Diags)
      S += "diag " + D.Message + "\n";
    return S;
  }
};

/// Bytes as the file Path, lowered by Lower (a frontend's lowerFile with
/// default options), every guard checked by the default rules.
template <typename LowerFn>
LoweredScript lowerScript(llvm::StringRef Bytes, llvm::StringRef Path,
                          LowerFn Lower) {
  LoweredScript R;
  R.Bytes = Bytes.str();
  auto T = script::decodeText(Bytes, Path);
  if (!T) {
    ADD_FAILURE() << llvm::toString(T.takeError());
    return R;
  }
  R.Text = std::move(*T);
  Lower(Path, R.Text, core::FrontendOptions(), R.Guards, R.Diags);
  static const rules::CheckConfig Cfg = rules::defaultCheckConfig();
  for (const core::Guard &G : R.Guards)
    for (core::Finding &F : rules::checkGuard(G, Cfg))
      R.Findings.push_back(std::move(F));
  return R;
}

/// The snippet with every proven fix's edits applied.
inline std::string applyFixes(const LoweredScript &R) {
  return applyFixes(R.Bytes, R.Findings,
                    [](const std::string &T) { return T; });
}

} // namespace verguard::test

#endif
