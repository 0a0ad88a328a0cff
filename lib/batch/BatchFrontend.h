//===- BatchFrontend.h - cmd.exe batch files (.bat, .cmd) -------*- C++ -*-===//
#ifndef VERGUARD_BATCH_BATCHFRONTEND_H
#define VERGUARD_BATCH_BATCHFRONTEND_H

#include "core/Finding.h"
#include "core/FrontendOptions.h"
#include "core/Guard.h"
#include "script/Text.h"

#include <string>
#include <vector>

namespace verguard::batch {

/// Scans a .bat/.cmd file (batch/Scanner.h) and lowers every version guard
/// in it: `if` comparisons and `find`/`findstr` searches of the OS's
/// version text (`ver`, `wmic os get`, `reg query` of CurrentVersion, and
/// variables set from them by `set`, `set /a` and `for /f`), following
/// `goto`, `call :label`, `setlocal`/`endlocal` and delayed expansion.
/// What cannot be read becomes a Note in Diags; the rest is analyzed.
void lowerFile(llvm::StringRef Path, const script::DecodedText &Text,
               const core::FrontendOptions &Opts,
               std::vector<core::Guard> &Guards,
               std::vector<core::Diagnostic> &Diags);

} // namespace verguard::batch

#endif
