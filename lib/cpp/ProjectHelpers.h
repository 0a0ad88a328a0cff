//===- ProjectHelpers.h - checks defined in other files of the project ---===//
//
// `main.c` calls `IsAtMostBuild(6002)`, `helpers.h` declares it and
// `helpers.c` defines it with VerifyVersionInfo: the check is in one file,
// the build that makes it fragile in another. The translation unit of the
// caller does not hold the helper's body, so the frontend finds the file that
// defines it and parses the caller again with that file appended, where the
// call is judged per call site as for a helper of the same file.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_CPP_PROJECTHELPERS_H
#define VERGUARD_CPP_PROJECTHELPERS_H

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace verguard::cpp {

/// A function the translation unit calls with a build of a bump as an
/// argument, declared outside the system headers and defined nowhere in it.
struct ProjectHelper {
  std::string Name;
  std::string DeclaredIn; // the file of its first declaration
};

/// The project helpers called from the main file of Ctx (once per name).
std::vector<ProjectHelper> undefinedProjectHelpers(clang::ASTContext &Ctx);

/// The files that define the helpers (a body, not a declaration), looked for
/// in the directories of their declaring files and of MainFile, the
/// declaring header's namesake first (`helpers.h` -> `helpers.c`): C files
/// for C, C++ files for C++, never MainFile itself; at most 4.
std::vector<std::string> definingFiles(llvm::ArrayRef<ProjectHelper> Helpers,
                                       llvm::StringRef MainFile, bool IsC);

/// Where definingFiles looks first: each declaring header's namesakes
/// (`helpers.h` -> `helpers.c`), there or not. A result depends on them: one
/// created later may define the helper.
std::vector<std::string> namesakes(llvm::ArrayRef<ProjectHelper> Helpers,
                                   bool IsC);

} // namespace verguard::cpp

#endif
