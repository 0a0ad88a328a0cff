//===- InnoFuzzer.cpp - the Inno Setup scanner, parser and the rules ------===//
//
// Decodes the bytes as an .iss file, scans it, parses its [Code] and lowers
// it, runs every rule on every guard and applies the proven fixes.
//
//===----------------------------------------------------------------------===//
#include "FuzzCommon.h"
#include "inno/InnoFrontend.h"

using namespace verguard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Bytes(reinterpret_cast<const char *>(Data), Size);
  fuzz::lowerAndCheck(Bytes, "fuzz.iss",
                      [](auto &&...A) { inno::lowerFile(A...); });
  return 0;
}
