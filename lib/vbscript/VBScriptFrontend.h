//===- VBScriptFrontend.h - VBScript, VBA and VB6 guards --------*- C++ -*-===//
#ifndef VERGUARD_VBSCRIPT_VBSCRIPTFRONTEND_H
#define VERGUARD_VBSCRIPT_VBSCRIPTFRONTEND_H

#include "core/Finding.h"
#include "core/FrontendOptions.h"
#include "core/Guard.h"
#include "script/Text.h"

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

} // namespace verguard::vbscript

#endif
