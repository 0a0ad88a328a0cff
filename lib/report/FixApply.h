//===- FixApply.h - writing proven fixes into the user's files --*- C++ -*-===//
#ifndef VERGUARD_REPORT_FIXAPPLY_H
#define VERGUARD_REPORT_FIXAPPLY_H

#include "core/Finding.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace verguard::report {

/// Applies edits (all to the file whose bytes are Original) in the file's own
/// encoding and line endings: replacement text is UTF-8 with "\n" and is
/// converted. An edit overlapping one already taken is not applied and is
/// returned in Deferred (the next pass re-analyzes and retries).
std::string applyEdits(llvm::StringRef Original,
                       llvm::ArrayRef<core::Edit> Edits,
                       std::vector<core::Edit> *Deferred = nullptr);

/// Replaces Path's content with NewBytes atomically (a temporary file in the
/// same directory, then rename), keeping its permissions. Refused if the file
/// no longer holds Expected (it changed since it was read).
llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Expected,
                                llvm::StringRef NewBytes);

/// A unified diff (`git apply` format) turning Original into New.
std::string unifiedDiff(llvm::StringRef DisplayPath, llvm::StringRef Original,
                        llvm::StringRef New);

} // namespace verguard::report

#endif
