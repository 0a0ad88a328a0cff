//===- VbTestSupport.h - shared helpers of the VBScript tests ---*- C++ -*-===//
#ifndef VERGUARD_TESTS_VBTESTSUPPORT_H
#define VERGUARD_TESTS_VBTESTSUPPORT_H

#include "core/Finding.h"
#include "core/Guard.h"
#include "rules/Checker.h"
#include "script/Text.h"
#include "vbscript/VBScriptFrontend.h"

#include <algorithm>
#include <string>
#include <vector>

namespace verguard::vbtest {

struct Analysis {
  script::DecodedText Text;
  std::vector<core::Guard> Guards;
  std::vector<core::Diagnostic> Diags;
  std::vector<core::Finding> Findings;
};

inline Analysis analyze(llvm::StringRef Path, llvm::StringRef Bytes,
                        const core::FrontendOptions &Opts = {}) {
  Analysis A;
  auto T = script::decodeText(Bytes, Path);
  if (!T) {
    llvm::consumeError(T.takeError());
    return A;
  }
  A.Text = std::move(*T);
  vbscript::lowerFile(Path, A.Text, Opts, A.Guards, A.Diags);
  static const rules::CheckConfig Cfg = rules::defaultCheckConfig();
  for (const core::Guard &G : A.Guards)
    for (core::Finding &F : rules::checkGuard(G, Cfg))
      A.Findings.push_back(std::move(F));
  std::sort(A.Findings.begin(), A.Findings.end(),
            [](const core::Finding &X, const core::Finding &Y) {
              return X.Where.Begin < Y.Where.Begin;
            });
  return A;
}

/// The original bytes with every proven fix applied (edits re-encoded in the
/// file's encoding; overlapping edits after the first are skipped).
inline std::string applyFixes(llvm::StringRef Bytes, const Analysis &A) {
  std::vector<core::Edit> Edits;
  for (const core::Finding &F : A.Findings)
    if (F.TheFix)
      for (const core::Edit &E : F.TheFix->Edits)
        if (std::find(Edits.begin(), Edits.end(), E) == Edits.end())
          Edits.push_back(E);
  std::sort(Edits.begin(), Edits.end(),
            [](const core::Edit &X, const core::Edit &Y) {
              return X.Span.Begin > Y.Span.Begin;
            });
  std::string Out = Bytes.str();
  uint32_t Limit = UINT32_MAX;
  for (const core::Edit &E : Edits) {
    if (E.Span.End > Limit || E.Span.End > Out.size())
      continue;
    Out.replace(E.Span.Begin, E.Span.End - E.Span.Begin,
                A.Text.encode(E.Replacement));
    Limit = E.Span.Begin;
  }
  return Out;
}

} // namespace verguard::vbtest

#endif
