//===- FuzzCommon.h - shared by the script frontend fuzzers -----*- C++ -*-===//
#ifndef VERGUARD_TESTS_FUZZ_FUZZCOMMON_H
#define VERGUARD_TESTS_FUZZ_FUZZCOMMON_H

#include "core/FrontendOptions.h"
#include "core/Guard.h"
#include "core/SourceTable.h"
#include "fix/FixApply.h"
#include "rules/Checker.h"
#include "script/Text.h"

#include <cstdlib>

namespace verguard::fuzz {

/// Every span a frontend or rule produces must lie inside the file.
inline void checkSpan(const core::SourceSpan &S, size_t FileSize) {
  if (!S.valid())
    return;
  if (S.End > FileSize || S.Begin > S.End)
    abort();
}

/// Runs the rules on every guard, checks the spans and applies the proven
/// fixes to the file's bytes, as `verguard --fix` does.
inline void checkGuards(const std::vector<core::Guard> &Guards,
                        const std::vector<core::Diagnostic> &Diags,
                        llvm::StringRef Bytes) {
  static const rules::CheckConfig Cfg = rules::defaultCheckConfig();
  std::vector<core::Edit> Edits;
  for (const core::Guard &G : Guards) {
    checkSpan(G.Where, Bytes.size());
    for (const core::Finding &F : rules::checkGuard(G, Cfg)) {
      checkSpan(F.Where, Bytes.size());
      if (F.TheFix)
        for (const core::Edit &E : F.TheFix->Edits) {
          checkSpan(E.Span, Bytes.size());
          Edits.push_back(E);
        }
    }
  }
  for (const core::Diagnostic &D : Diags)
    checkSpan(D.Where, Bytes.size());
  if (!Edits.empty())
    fix::applyEdits(Bytes, Edits);
}

/// Decodes Bytes as the file Path, lowers them with a script frontend's
/// lowerFile (called with Path, the text, options, guards and notes) and
/// checks what comes out (checkGuards).
template <typename LowerFile>
inline void lowerAndCheck(llvm::StringRef Bytes, llvm::StringRef Path,
                          LowerFile Lower) {
  auto Text = script::decodeText(Bytes, Path);
  if (!Text) {
    llvm::consumeError(Text.takeError());
    return;
  }
  // The triggers of the default bump, as the driver passes them: the
  // frontends leave unrelated procedures unparsed (script/ParsePlan.h).
  core::FrontendOptions Opts;
  Opts.Triggers = core::defaultTriggerWords();
  std::vector<core::Guard> Guards;
  std::vector<core::Diagnostic> Diags;
  Lower(Path, *Text, Opts, Guards, Diags);
  checkGuards(Guards, Diags, Bytes);
}

} // namespace verguard::fuzz

#endif
