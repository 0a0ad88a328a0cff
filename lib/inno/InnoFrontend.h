//===- InnoFrontend.h - Inno Setup scripts (.iss) ---------------*- C++ -*-===//
#ifndef VERGUARD_INNO_INNOFRONTEND_H
#define VERGUARD_INNO_INNOFRONTEND_H

#include "core/Finding.h"
#include "core/FrontendOptions.h"
#include "core/Guard.h"
#include "script/Text.h"

#include <vector>

namespace verguard::inno {

/// Scans an .iss file (inno/Scanner.h), parses its [Code] (inno/Pascal.h)
/// and lowers every version guard in it: `MinVersion`/`OnlyBelowVersion`
/// of [Setup] and of the entries of every section, with Inno Setup's
/// semantics; `Check:` expressions; and in [Code] the conditions of
/// if/while/repeat, `case` statements and boolean results over
/// GetWindowsVersionEx's fields, GetWindowsVersion, GetWindowsVersionString
/// and CurrentVersion registry values, through variables, record fields,
/// functions and `var` parameters. What cannot be read becomes a Note.
void lowerFile(llvm::StringRef Path, const script::DecodedText &Text,
               const core::FrontendOptions &Opts,
               std::vector<core::Guard> &Guards,
               std::vector<core::Diagnostic> &Diags);

} // namespace verguard::inno

#endif
