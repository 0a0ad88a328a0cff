//===- BodyPlanFuzzer.cpp - the C/C++ body plan on any text ---------------===//
//
// The input is a main file and, after the first "\n#\x01\n", a project
// header. The plan scans both with Clang's raw lexer (whatever the bytes)
// and is asked about every offset of the main file. It must not crash or
// read out of bounds, may only allow skipping offsets inside the main file,
// keep no more bodies than it found, and (with no header added after the
// questions) never ask for a full re-parse.
//
//===----------------------------------------------------------------------===//
#include "cpp/BodyPlan.h"

#include <cstdlib>
#include <string>

using verguard::cpp::BodyPlan;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string In(reinterpret_cast<const char *>(Data), Size);
  std::string Main = In, Header;
  size_t Cut = In.find("\n#\x01\n");
  if (Cut != std::string::npos) {
    Main = In.substr(0, Cut);
    Header = In.substr(Cut + 4);
  }
  BodyPlan P({"6002", "versioninfo", "ubr"});
  P.addFile(Main, /*Main=*/true); // std::string: followed by a NUL
  if (!Header.empty())
    P.addFile(Header, /*Main=*/false);
  if (P.keptMainBodies() > P.mainBodies())
    abort();
  for (size_t I = 0; I <= Main.size() + 1; ++I)
    if (P.canSkip(unsigned(I)) && I >= Main.size())
      abort();
  if (P.skippedButNeeded())
    abort();
  return 0;
}
