//===- FixApply.h - writing proven fixes into the user's files --*- C++ -*-===//
#ifndef VERGUARD_FIX_FIXAPPLY_H
#define VERGUARD_FIX_FIXAPPLY_H

#include "core/Finding.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace verguard::fix {

/// One applied edit in bytes of the file: [Begin, End) became NewLength
/// bytes.
struct AppliedEdit {
  uint32_t Begin = 0, End = 0, NewLength = 0;
};

/// Applies edits (all to the file whose bytes are Original) in the file's own
/// encoding and line endings: replacement text is UTF-8 with "\n" and is
/// converted. An edit overlapping one already taken is not applied and is
/// returned in Deferred (the next pass re-analyzes and retries). Applied,
/// if given, receives the edits taken, in order.
std::string applyEdits(llvm::StringRef Original,
                       llvm::ArrayRef<core::Edit> Edits,
                       std::vector<core::Edit> *Deferred = nullptr,
                       std::vector<AppliedEdit> *Applied = nullptr);

/// Where the byte range [Begin, End) of the text before the edits lies in the
/// text after them: a bound inside a replaced range moves to the start
/// (Begin) or the end (End) of its replacement, and text inserted where a
/// range ends joins it, so a guard whose text an edit rewrote or extended
/// maps to all of its new text.
std::pair<uint32_t, uint32_t> mapRange(llvm::ArrayRef<AppliedEdit> Applied,
                                       uint32_t Begin, uint32_t End);

/// Replaces the content of the file at Path with NewBytes, keeping its
/// permissions. Refused if it no longer holds Expected (it changed since it
/// was read) or has no write permission bits. A symlink is followed: the
/// file it points to is written, the link stays. A file with one link is
/// replaced atomically (a temporary file in its own directory, then a
/// rename); one with several hard links is rewritten in place, so that every
/// link sees the fix, after its new content was written to a temporary file
/// beside it (kept, and named in the error, if the rewrite fails). The
/// error's message does not name the file; a refusal of a read-only file
/// has the code std::errc::permission_denied.
llvm::Error writeFixedFile(llvm::StringRef Path, llvm::StringRef Expected,
                           llvm::StringRef NewBytes);

/// A unified diff (`git apply` format) turning Original into New.
std::string unifiedDiff(llvm::StringRef DisplayPath, llvm::StringRef Original,
                        llvm::StringRef New);

} // namespace verguard::fix

#endif
