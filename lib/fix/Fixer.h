//===- Fixer.h - the --fix engine: passes, verification, writes -*- C++ -*-===//
//
// Applies the proven fixes of a run, pass after pass until nothing changes
// (an edit that overlaps another waits for the next pass), re-analyzing each
// file's new text before taking it, then writes the files atomically (or
// only describes the change: --diff, and --fix of the text from stdin).
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_FIX_FIXER_H
#define VERGUARD_FIX_FIXER_H

#include "core/Finding.h"
#include "driver/Driver.h"

#include "llvm/ADT/StringRef.h"

#include <map>
#include <string>
#include <vector>

namespace verguard::fix {

/// What applyFixes does with the verified text.
enum class Mode {
  Write,   ///< --fix: each changed file is written in place
  Preview, ///< --diff, --fix of stdin: nothing is written
};

struct FixResult {
  /// The changes as one unified diff (`git apply` format), paths relative
  /// to the source root.
  std::string Diff;
  /// The files changed (Preview: that would be), as the run named them.
  std::vector<std::string> Written;
  /// The findings whose fixes are in Written.
  unsigned Fixed = 0;
  /// The passes that changed a file (an edit that overlapped another waited
  /// for the next one).
  unsigned Passes = 0;
  /// The files left alone and why: a fix that did not remove its finding or
  /// made the text unparsable, a refused or failed write, a second name of
  /// a file fixed through another.
  std::vector<core::Diagnostic> Diags;
  /// Every file a fix touched, as it is after the passes (verified text).
  std::map<std::string, std::string> Texts;

  /// How many of a run's Findings remain unfixed.
  size_t left(size_t Findings) const {
    return Findings - std::min<size_t>(Fixed, Findings);
  }
};

/// At most this many passes; each one re-analyzes the files it changed.
inline constexpr unsigned MaxPasses = 4;

/// Applies the proven fixes of R's findings to the files R read (others, a
/// header a fix edits, are read from disk). A file's new text is taken only
/// if its re-analysis (driver::analyzeBytes with Opts) shows no finding of a
/// fixed finding's rule and bump left where its guard now is, and no more
/// parse trouble than before. SrcRoot makes the diff's paths relative.
FixResult applyFixes(const driver::RunOptions &Opts, const driver::RunResult &R,
                     Mode M, llvm::StringRef SrcRoot);

/// After a Mode::Write: analyzes the files written again and puts what
/// remains in them (findings, messages, file texts) in place of what R had
/// for them, so that R reports as a run over the fixed files would.
void reanalyzeWritten(const driver::RunOptions &Opts,
                      const std::vector<std::string> &Written,
                      driver::RunResult &R);

/// Removes the fixes that would edit a file other than Path (a fix of the
/// text from stdin writes nothing else, e.g. a macro's header) and says why
/// in each finding's NoFixReason.
void keepFixesWithin(std::vector<core::Finding> &Findings,
                     llvm::StringRef Path);

/// The line a run prints on stderr: "fixed 2 findings in 1 file", "would
/// fix ... ; 3 left as they are" (Preview), or for stdin "fixed 1 finding
/// in the text from stdin; 0 left as they are".
std::string summary(const FixResult &F, size_t Findings, Mode M,
                    bool FromStdin);

} // namespace verguard::fix

#endif
