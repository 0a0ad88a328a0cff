//===- Git.h - files and lines changed since a revision ---------*- C++ -*-===//
#ifndef VERGUARD_DRIVER_GIT_H
#define VERGUARD_DRIVER_GIT_H

#include "llvm/Support/Error.h"

#include <map>
#include <set>
#include <string>

namespace verguard::driver {

/// Absolute paths of the files changed (added, copied, modified, renamed)
/// since Rev in the working tree of the repository holding Dir, plus
/// untracked files; each with the set of changed line numbers (containing 0:
/// the whole file is new). Paths are spelled from Dir (which may be reached
/// through a symlink), whatever their bytes: git's output is read
/// NUL-separated or unquoted.
llvm::Expected<std::map<std::string, std::set<unsigned>>>
changedSince(llvm::StringRef Dir, llvm::StringRef Rev);

/// A path as git writes it in a diff header: as is, or C-quoted
/// ("\"a\\tb\"" with octal escapes for bytes that are not ASCII).
std::string unquoteGitPath(llvm::StringRef Quoted);

} // namespace verguard::driver

#endif
