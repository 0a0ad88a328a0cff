//===- CSharpFuzzer.cpp - the C# frontend and the rules ------------------===//
//
// Decodes the bytes as a .cs file, lowers it, runs every rule on every guard
// and applies the proven fixes.
//
//===----------------------------------------------------------------------===//
#include "FuzzCommon.h"
#include "csharp/CSharpFrontend.h"

using namespace verguard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Bytes(reinterpret_cast<const char *>(Data), Size);
  fuzz::lowerAndCheck(Bytes, "fuzz.cs",
                      [](llvm::StringRef Path, const script::DecodedText &Text,
                         const core::FrontendOptions &Opts,
                         std::vector<core::Guard> &Guards,
                         std::vector<core::Diagnostic> &Diags) {
                        csharp::lowerFile(Path, Text, Opts, Guards, Diags);
                      });
  return 0;
}
