//===- WixFuzzer.cpp - the WiX frontend and the rules ---------------------===//
//
// Decodes the bytes as a .wxs file, lowers its conditions (the XML parse
// and the MSI/Burn condition parser), runs every rule on every guard and
// applies the proven fixes.
//
//===----------------------------------------------------------------------===//
#include "FuzzCommon.h"
#include "wix/WixFrontend.h"

using namespace verguard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Bytes(reinterpret_cast<const char *>(Data), Size);
  fuzz::lowerAndCheck(Bytes, "fuzz.wxs",
                      [](llvm::StringRef Path, const script::DecodedText &Text,
                         const core::FrontendOptions &Opts,
                         std::vector<core::Guard> &Guards,
                         std::vector<core::Diagnostic> &Diags) {
                        wix::lowerFile(Path, Text, Opts, Guards, Diags);
                      });
  return 0;
}
