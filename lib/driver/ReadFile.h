//===- ReadFile.h - a file's bytes in few system calls ---------*- C++ -*-===//
#ifndef VERGUARD_DRIVER_READFILE_H
#define VERGUARD_DRIVER_READFILE_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <system_error>

namespace verguard::driver {

/// Replaces Out with the bytes of the file at Path. An audit reads tens of
/// thousands of small files, so each costs four system calls on POSIX (open,
/// fstat, one read of the size fstat gave plus one byte, close): the extra
/// byte shows the end without a read that returns 0, and the descriptor is
/// closed without LLVM's signal masking around close(). A file that grows
/// while it is read is read to its new end; one that reports size 0 (procfs)
/// is read until a read returns 0. Returns the error of whichever call failed
/// (a directory gives EISDIR from the read).
std::error_code readFile(llvm::StringRef Path,
                         llvm::SmallVectorImpl<char> &Out);

} // namespace verguard::driver

#endif
