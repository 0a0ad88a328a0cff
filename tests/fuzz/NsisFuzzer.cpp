//===- NsisFuzzer.cpp - the NSIS scanner, frontend and the rules ----------===//
//
// Decodes the bytes as an .nsi file, scans and lowers it, runs every rule on
// every guard and applies the proven fixes.
//
//===----------------------------------------------------------------------===//
#include "FuzzCommon.h"
#include "nsis/NsisFrontend.h"

using namespace verguard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Bytes(reinterpret_cast<const char *>(Data), Size);
  fuzz::lowerAndCheck(Bytes, "fuzz.nsi",
                      [](auto &&...A) { nsis::lowerFile(A...); });
  return 0;
}
