//===- PowerShellFrontend.h - PowerShell guards -----------------*- C++ -*-===//
#ifndef VERGUARD_POWERSHELL_POWERSHELLFRONTEND_H
#define VERGUARD_POWERSHELL_POWERSHELLFRONTEND_H

#include "core/Finding.h"
#include "core/FrontendOptions.h"
#include "core/Guard.h"
#include "script/Text.h"

#include "llvm/ADT/STLFunctionalExtras.h"

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

/// Whether a project script that Text (the script at Path) dot-sources,
/// imports as a module or runs (`. $PSScriptRoot\\Common.ps1`,
/// `Import-Module .\\Os.psm1`, `& .\\Init.ps1`), or one those reach as
/// deep as the analysis follows them, Holds: the prefilter's question for a
/// script whose constants are set in another. Deps receives the files
/// looked at. What a module holds is kept for the run
/// under SettingsKey (the settings Holds stands for).
bool importsHold(llvm::StringRef Path, llvm::StringRef Text,
                 llvm::StringRef SettingsKey,
                 llvm::function_ref<bool(llvm::StringRef)> Holds,
                 std::vector<std::string> *Deps = nullptr);

} // namespace verguard::powershell

#endif
