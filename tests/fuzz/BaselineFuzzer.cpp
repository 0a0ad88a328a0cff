//===- BaselineFuzzer.cpp - the baseline loader ---------------------------===//
//
// loadBaseline reads a file: the bytes are written to a temporary file (one
// per process, rewritten for each input) and loaded.
//
//===----------------------------------------------------------------------===//
#include "driver/Baseline.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

using namespace verguard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static const std::string Path = [] {
    llvm::SmallString<128> P;
    if (llvm::sys::fs::createTemporaryFile("vg-baseline-fuzz", "json", P))
      abort();
    return P.str().str();
  }();
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    if (EC)
      abort();
    OS.write(reinterpret_cast<const char *>(Data), Size);
  }
  auto B = driver::loadBaseline(Path);
  if (!B)
    llvm::consumeError(B.takeError());
  return 0;
}
