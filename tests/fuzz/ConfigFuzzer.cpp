//===- ConfigFuzzer.cpp - the .verguard.yaml loader -----------------------===//
//
// Parses the bytes as a .verguard.yaml; when they load, applies the config to
// default options and asks it about a few paths.
//
//===----------------------------------------------------------------------===//
#include "driver/Config.h"

using namespace verguard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Yaml(reinterpret_cast<const char *>(Data), Size);
  auto C = driver::parseConfig(Yaml, "/src/.verguard.yaml");
  if (!C) {
    llvm::consumeError(C.takeError());
    return 0;
  }
  for (const char *P :
       {"/src/a.ps1", "/src/third_party/x/b.cpp", "/other/c.vbs", "/src/", ""})
    C->selects(P);
  rules::CheckConfig Check = rules::defaultCheckConfig();
  core::FrontendOptions Frontend;
  if (llvm::Error E = C->apply(Check, Frontend))
    llvm::consumeError(std::move(E));
  return 0;
}
