//===- ReadFile.cpp -------------------------------------------------------===//
#include "driver/ReadFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Errno.h"
#include "llvm/Support/FileSystem.h"

#ifndef _WIN32
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace verguard::driver {

#ifndef _WIN32
namespace {
int64_t nanos(const struct timespec &T) {
  return int64_t(T.tv_sec) * 1000000000 + T.tv_nsec;
}
} // namespace

FileStamp FileStamp::of(const struct stat &St) {
  FileStamp S;
  S.Size = St.st_size;
  S.MtimeNs = nanos(St.st_mtim);
  S.CtimeNs = nanos(St.st_ctim);
  S.Inode = St.st_ino;
  S.Type = St.st_mode & S_IFMT;
  return S;
}

FileStamp FileStamp::of(llvm::StringRef Path) {
  llvm::SmallString<256> Z(Path);
  struct stat St;
  if (::stat(Z.c_str(), &St) != 0)
    return FileStamp();
  return of(St);
}

std::error_code readFile(llvm::StringRef Path, llvm::SmallVectorImpl<char> &Out,
                         FileStamp *Stamp, const FileStamp *Known) {
  Out.clear();
  llvm::SmallString<256> Z(Path); // open() wants a NUL-terminated path
  int FD =
      llvm::sys::RetryAfterSignal(-1, ::open, Z.c_str(), O_RDONLY | O_CLOEXEC);
  if (FD < 0)
    return std::error_code(errno, std::generic_category());
  std::error_code EC;
  FileStamp Now;
  if (Known && Known->Size >= 0) {
    Now = *Known;
  } else {
    struct stat St;
    if (::fstat(FD, &St) != 0) {
      EC = std::error_code(errno, std::generic_category());
      ::close(FD);
      return EC;
    }
    Now = FileStamp::of(St);
  }
  if (Stamp)
    *Stamp = Now;
  size_t Size = Now.Size > 0 ? size_t(Now.Size) : 0;
  size_t Have = 0;
  // Room for the whole file and one more byte: a read that leaves that byte
  // unfilled, after the size fstat gave has arrived, was a read to the end.
  Out.resize_for_overwrite(std::max<size_t>(Size + 1, 16384));
  for (;;) {
    if (Have == Out.size())
      Out.resize_for_overwrite(Out.size() * 2); // it grew: read on
    ssize_t N = ::read(FD, Out.data() + Have, Out.size() - Have);
    if (N < 0) {
      if (errno == EINTR)
        continue;
      EC = std::error_code(errno, std::generic_category());
      break;
    }
    if (N == 0)
      break;
    Have += size_t(N);
    if (Size && Have >= Size && Have < Out.size())
      break;
  }
  ::close(FD); // no retry on EINTR: on Linux the descriptor is gone already
  Out.truncate(EC ? 0 : Have);
  return EC;
}
#else
std::error_code readFile(llvm::StringRef Path, llvm::SmallVectorImpl<char> &Out,
                         FileStamp *Stamp, const FileStamp *) {
  Out.clear();
  if (Stamp)
    *Stamp = FileStamp(); // no index on Windows: never reused
  llvm::Expected<llvm::sys::fs::file_t> FD =
      llvm::sys::fs::openNativeFileForRead(Path);
  if (!FD)
    return llvm::errorToErrorCode(FD.takeError());
  std::error_code EC;
  if (llvm::Error E = llvm::sys::fs::readNativeFileToEOF(*FD, Out))
    EC = llvm::errorToErrorCode(std::move(E));
  llvm::sys::fs::closeFile(*FD);
  if (EC)
    Out.clear();
  return EC;
}
#endif

} // namespace verguard::driver
