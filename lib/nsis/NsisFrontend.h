//===- NsisFrontend.h - NSIS installer scripts (.nsi, .nsh) -----*- C++ -*-===//
#ifndef VERGUARD_NSIS_NSISFRONTEND_H
#define VERGUARD_NSIS_NSISFRONTEND_H

#include "core/Finding.h"
#include "core/FrontendOptions.h"
#include "core/Guard.h"
#include "script/Text.h"

#include <string>
#include <vector>

namespace verguard::nsis {

/// Scans an .nsi/.nsh script (nsis/Scanner.h) and lowers every version
/// guard in it: WinVer.nsh tests and getters, `ReadRegStr`/`ReadRegDWORD`
/// of CurrentVersion values, `StrCmp`/`StrCmpS`/`IntCmp`/`IntCmpU` jumps,
/// LogicLib `${If}`/`${ElseIf}`/`${AndIf}`/`${OrIf}`/`${Unless}` and
/// `${Switch}`/`${Select}`, `${VersionCompare}` and `${StrStr}`, following
/// values through variables, `StrCpy`/`IntOp`, the stack (`Push`/`Pop`/
/// `Exch`) into called functions, `!define` constants, `!macro`s and the
/// project's `!include`d files (their paths go to Deps). What cannot be read
/// becomes a Note in Diags; the rest is analyzed.
void lowerFile(llvm::StringRef Path, const script::DecodedText &Text,
               const core::FrontendOptions &Opts,
               std::vector<core::Guard> &Guards,
               std::vector<core::Diagnostic> &Diags,
               std::vector<std::string> *Deps = nullptr);

/// The project file `!include Name` names from a script at From (relative
/// to its directory), or "" if there is none (a header of NSIS's own, a
/// path through a define).
std::string includedFile(llvm::StringRef From, llvm::StringRef Name);

/// True if Text (a script at Path) `!include`s a project file: its
/// `!define`s and functions may hold what a guard here compares with, so
/// the prefilter must not judge the script alone. Missing (if given) gets
/// the paths of the project files it includes that are not there yet: a
/// verdict on the script depends on them (the stat index).
bool includesProjectFile(llvm::StringRef Path, llvm::StringRef Text,
                         std::vector<std::string> *Missing = nullptr);

} // namespace verguard::nsis

#endif
