//===- JScriptFuzzer.cpp - the JScript frontend and the rules ------------===//
//
// Decodes the bytes as a .js file and as a .wsf job (its JScript blocks),
// lowers them, runs every rule on every guard and applies the proven fixes.
//
//===----------------------------------------------------------------------===//
#include "FuzzCommon.h"
#include "jscript/JScriptFrontend.h"

using namespace verguard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Bytes(reinterpret_cast<const char *>(Data), Size);
  auto Lower = [](llvm::StringRef Path, const script::DecodedText &Text,
                  const core::FrontendOptions &Opts,
                  std::vector<core::Guard> &Guards,
                  std::vector<core::Diagnostic> &Diags) {
    jscript::lowerFile(Path, Text, Opts, Guards, Diags);
  };
  fuzz::lowerAndCheck(Bytes, "fuzz.js", Lower);
  fuzz::lowerAndCheck(Bytes, "fuzz.wsf", Lower);
  return 0;
}
