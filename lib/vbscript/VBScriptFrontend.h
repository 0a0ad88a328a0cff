//===- VBScriptFrontend.h - VBScript, VBA and VB6 guards --------*- C++ -*-===//
#ifndef VERGUARD_VBSCRIPT_VBSCRIPTFRONTEND_H
#define VERGUARD_VBSCRIPT_VBSCRIPTFRONTEND_H

#include "core/Finding.h"
#include "core/FrontendOptions.h"
#include "core/Guard.h"
#include "script/Text.h"

#include "llvm/ADT/STLFunctionalExtras.h"

#include <string>
#include <vector>

namespace verguard::vbscript {

/// Lowers every version guard of a VBScript (.vbs, .wsf, .hta/.htm/.asp),
/// VBA or VB6 (.bas, .cls, .frm, .ctl) file; the kind comes from Path's
/// extension. Encoded .vbe files are reported as skipped (a Diagnostic).
void lowerFile(llvm::StringRef Path, const script::DecodedText &Text,
               const core::FrontendOptions &Opts,
               std::vector<core::Guard> &Guards,
               std::vector<core::Diagnostic> &Diags,
               std::vector<std::string> *Deps = nullptr);

/// The prefilter's question for a VBA/VB6 module (or a .wsf/.hta job)
/// without a literal of its own: whether another file its code may call
/// (the folder's other modules, the job's `src` scripts) holds one, as
/// Holds says of a text. HoldsKey names Holds's settings. Deps gets the
/// files and folders the answer depends on.
bool projectHolds(llvm::StringRef Path, llvm::StringRef Text,
                  llvm::function_ref<bool(llvm::StringRef)> Holds,
                  llvm::StringRef HoldsKey, std::vector<std::string> *Deps);

} // namespace verguard::vbscript

#endif
