//===- PowerShellFrontend.h - PowerShell guards -----------------*- C++ -*-===//
#ifndef VERGUARD_POWERSHELL_POWERSHELLFRONTEND_H
#define VERGUARD_POWERSHELL_POWERSHELLFRONTEND_H

#include "core/Finding.h"
#include "core/FrontendOptions.h"
#include "core/Guard.h"
#include "script/Text.h"

#include <optional>
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

/// Text as tree-sitter-powershell parses it: the same bytes, but for the
/// commas of bare-word lists in command arguments (`Select-Object Caption,
/// BuildNumber`, `-Property Caption,Version`), which the grammar rejects,
/// turned into spaces (two arguments for one list; offsets are kept). Null
/// if there is no such comma.
std::optional<std::string> parseableText(llvm::StringRef Text);

} // namespace verguard::powershell

#endif
