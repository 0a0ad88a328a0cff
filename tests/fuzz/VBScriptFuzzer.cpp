//===- VBScriptFuzzer.cpp - the VBScript/VBA/VB6 frontend and the rules ---===//
//
// The first byte picks the file's extension (and so its kind: plain script,
// Windows Script File, HTML application, ASP page, VBA/VB6 module); the rest
// is the file. Lowers it, runs every rule on every guard and applies the
// proven fixes.
//
//===----------------------------------------------------------------------===//
#include "FuzzCommon.h"
#include "vbscript/VBScriptFrontend.h"

using namespace verguard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static const char *const Names[] = {
      "fuzz.vbs", "fuzz.wsf", "fuzz.hta", "fuzz.asp", "fuzz.htm",
      "fuzz.bas", "fuzz.cls", "fuzz.frm", "fuzz.ctl", "fuzz.vbe"};
  if (Size < 1)
    return 0;
  const char *Path = Names[Data[0] % (sizeof(Names) / sizeof(Names[0]))];
  llvm::StringRef Bytes(reinterpret_cast<const char *>(Data) + 1, Size - 1);
  fuzz::lowerAndCheck(Bytes, Path,
                      [](auto &&...A) { vbscript::lowerFile(A...); });
  return 0;
}
