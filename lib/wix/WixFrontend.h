//===- WixFrontend.h - WiX sources (.wxs, .wxi) -----------------*- C++ -*-===//
#ifndef VERGUARD_WIX_WIXFRONTEND_H
#define VERGUARD_WIX_WIXFRONTEND_H

#include "core/Finding.h"
#include "core/FrontendOptions.h"
#include "core/Guard.h"
#include "script/Text.h"

#include <string>
#include <vector>

namespace verguard::wix {

/// Parses a WiX source (.wxs) or include (.wxi) with tree-sitter-xml and
/// lowers every condition in it that reads the OS version: Windows
/// Installer conditions (`Condition` elements and attributes, `Launch`,
/// `Custom`, `Publish`, `SetProperty`, `Level`) and Burn conditions
/// (`InstallCondition`, `DetectCondition`, `bal:Condition`, anything in a
/// `Bundle`), following `<?define?>` values (also from the project's
/// `<?include?>` files, which go to Deps) and properties set from a known
/// value. What cannot be read becomes a Note in Diags.
void lowerFile(llvm::StringRef Path, const script::DecodedText &Text,
               const core::FrontendOptions &Opts,
               std::vector<core::Guard> &Guards,
               std::vector<core::Diagnostic> &Diags,
               std::vector<std::string> *Deps = nullptr);

} // namespace verguard::wix

#endif
