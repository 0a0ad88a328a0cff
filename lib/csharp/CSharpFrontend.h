//===- CSharpFrontend.h - C# guards -----------------------------*- C++ -*-===//
#ifndef VERGUARD_CSHARP_CSHARPFRONTEND_H
#define VERGUARD_CSHARP_CSHARPFRONTEND_H

#include "core/Finding.h"
#include "core/FrontendOptions.h"
#include "core/Guard.h"
#include "script/Text.h"

#include <string>
#include <vector>

namespace verguard::csharp {

/// Parses a .cs/.csx file with tree-sitter-c-sharp and lowers every version
/// guard in it (C# semantics: ints, ordinal strings, System.Version). Parse
/// trouble becomes a Note in Diags; the rest of the file is still analyzed.
/// Values declared in other files of the project (csharp/Project.h) are
/// read from them; Deps gets those files.
void lowerFile(llvm::StringRef Path, const script::DecodedText &Text,
               const core::FrontendOptions &Opts,
               std::vector<core::Guard> &Guards,
               std::vector<core::Diagnostic> &Diags,
               std::vector<std::string> *Deps = nullptr);

} // namespace verguard::csharp

#endif
