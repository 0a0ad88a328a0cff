//===- Suppressions.h - inline `verguard: ignore[...]` comments -*- C++ -*-===//
//
//   x = osvi.dwBuildNumber == 6002; // verguard: ignore[VG001] SP2 only
//   # verguard: ignore[VG002] checked by the caller      (PowerShell)
//   ' verguard: ignore                                   (VB, all rules)
//   Rem verguard: ignore[VG001]                          (VB)
//   // verguard: ignore-file[VG005]                      (the whole file)
//
// Like clang-tidy's NOLINT and NOLINTNEXTLINE, a comment that shares its
// line with code covers that line, and a comment alone on its line (or
// lines) covers the next line. The marker counts only inside a comment of
// the file's language (strings are skipped). Suppressions that suppress
// nothing are reported as VG100 (unused-suppression), like Ruff's RUF100,
// with a fix that removes them.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_DRIVER_SUPPRESSIONS_H
#define VERGUARD_DRIVER_SUPPRESSIONS_H

#include "core/Finding.h"
#include "driver/Discovery.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace verguard::driver {

struct Suppression {
  core::SourceSpan Where;         // the `verguard: ignore...` text
  std::vector<std::string> Rules; // empty: every rule
  std::string Justification;      // the comment's words after the marker
  bool WholeFile = false;
  uint32_t Line = 0;  // the line it covers (not WholeFile)
  core::Edit Removal; // deletes it (VG100's fix)
  bool Used = false;
  bool covers(const core::Finding &F) const;
};

/// The suppressions written in comments of a file (decoded text).
std::vector<Suppression> findSuppressions(llvm::StringRef Path,
                                          llvm::StringRef Bytes, Language L);

/// The VG100 finding for an unused suppression.
core::Finding unusedSuppression(const Suppression &S);

/// The rule info of VG100 (a meta rule: it is about verguard's comments).
const core::RuleInfo &unusedSuppressionRule();

} // namespace verguard::driver

#endif
