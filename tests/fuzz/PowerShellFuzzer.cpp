//===- PowerShellFuzzer.cpp - the PowerShell frontend and the rules -------===//
//
// Decodes the bytes as a .ps1 file, lowers it, runs every rule on every guard
// and applies the proven fixes.
//
//===----------------------------------------------------------------------===//
#include "FuzzCommon.h"
#include "powershell/PowerShellFrontend.h"

using namespace verguard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Bytes(reinterpret_cast<const char *>(Data), Size);
  fuzz::lowerAndCheck(Bytes, "fuzz.ps1",
                      [](auto &&...A) { powershell::lowerFile(A...); });
  return 0;
}
