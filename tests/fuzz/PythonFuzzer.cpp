//===- PythonFuzzer.cpp - the Python frontend and the rules --------------===//
//
// Decodes the bytes as a .py file, lowers it, runs every rule on every guard
// and applies the proven fixes.
//
//===----------------------------------------------------------------------===//
#include "FuzzCommon.h"
#include "python/PythonFrontend.h"

using namespace verguard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Bytes(reinterpret_cast<const char *>(Data), Size);
  fuzz::lowerAndCheck(Bytes, "fuzz.py",
                      [](llvm::StringRef Path, const script::DecodedText &Text,
                         const core::FrontendOptions &Opts,
                         std::vector<core::Guard> &Guards,
                         std::vector<core::Diagnostic> &Diags) {
                        python::lowerFile(Path, Text, Opts, Guards, Diags);
                      });
  return 0;
}
