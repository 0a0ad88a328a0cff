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
  auto Text = script::decodeText(Bytes, "fuzz.ps1");
  if (!Text) {
    llvm::consumeError(Text.takeError());
    return 0;
  }
  core::FrontendOptions Opts;
  std::vector<core::Guard> Guards;
  std::vector<core::Diagnostic> Diags;
  powershell::lowerFile("fuzz.ps1", *Text, Opts, Guards, Diags);
  fuzz::checkGuards(Guards, Diags, Bytes);
  return 0;
}
