//===- ReadFile.h - a file's bytes in few system calls ---------*- C++ -*-===//
#ifndef VERGUARD_DRIVER_READFILE_H
#define VERGUARD_DRIVER_READFILE_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <system_error>

struct stat;

namespace verguard::driver {

/// What stat() says of a path; Size -1: nothing there.
struct FileStamp {
  int64_t Size = -1;
  int64_t MtimeNs = 0, CtimeNs = 0;
  uint64_t Inode = 0;
  uint32_t Type = 0; // the S_IFMT bits
  bool operator==(const FileStamp &O) const {
    return Size == O.Size && MtimeNs == O.MtimeNs && CtimeNs == O.CtimeNs &&
           Inode == O.Inode && Type == O.Type;
  }
  bool operator!=(const FileStamp &O) const { return !(*this == O); }
  /// The stamp of Path now (following symbolic links).
  static FileStamp of(llvm::StringRef Path);
  static FileStamp of(const struct stat &St);
};

/// Replaces Out with the bytes of the file at Path. An audit reads tens of
/// thousands of small files, so each costs four system calls on POSIX (open,
/// fstat, one read of the size fstat gave plus one byte, close; three when
/// the size is Known): the extra
/// byte shows the end without a read that returns 0, and the descriptor is
/// closed without LLVM's signal masking around close(). A file that grows
/// while it is read is read to its new end; one that reports size 0 (procfs)
/// is read until a read returns 0. Returns the error of whichever call failed
/// (a directory gives EISDIR from the read). With Stamp, the fstat() of the
/// file read goes there (the stamp a stat index keeps). Known: the stat()
/// the walk took of Path a moment ago (Size -1: none), which then stands in
/// for the fstat(): a file changed since has another stamp, so an index
/// keeping this one reads it again next time; and one that grew or shrank
/// is still read to its end.
std::error_code readFile(llvm::StringRef Path, llvm::SmallVectorImpl<char> &Out,
                         FileStamp *Stamp = nullptr,
                         const FileStamp *Known = nullptr);

} // namespace verguard::driver

#endif
