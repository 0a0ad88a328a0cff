//===- PowerShellFrontend.h - PowerShell guards -----------------*- C++ -*-===//
#ifndef VERGUARD_POWERSHELL_POWERSHELLFRONTEND_H
#define VERGUARD_POWERSHELL_POWERSHELLFRONTEND_H

#include "core/Finding.h"
#include "core/FrontendOptions.h"
#include "core/Guard.h"
#include "script/Text.h"

#include <string>
#include <vector>

namespace verguard::powershell {

/// Parses a .ps1/.psm1/.psd1 file with tree-sitter-powershell and lowers every
/// version guard in it. Parse trouble becomes a Note in Diags; the rest of the
/// file is still analyzed. Deps (if given) receives the other files the
/// result depends on (dot-sourced scripts, imported modules).
void lowerFile(llvm::StringRef Path, const script::DecodedText &Text,
               const core::FrontendOptions &Opts,
               std::vector<core::Guard> &Guards,
               std::vector<core::Diagnostic> &Diags,
               std::vector<std::string> *Deps = nullptr);

} // namespace verguard::powershell

#endif
