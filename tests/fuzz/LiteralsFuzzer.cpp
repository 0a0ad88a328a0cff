//===- LiteralsFuzzer.cpp - the prefilter's search against a naive one ----===//
//
// The first byte picks how many literals (1-8) lead the input, one a line
// (at most 24 bytes each); the rest is the text. Every kernel (the CPU's
// best, SSE2, scalar) must report exactly the occurrences a naive
// case-insensitive search finds; a difference aborts.
//
//===----------------------------------------------------------------------===//
#include "driver/Literals.h"

#include <cstdlib>
#include <set>
#include <utility>

using namespace verguard::driver;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  if (Size < 2)
    return 0;
  llvm::StringRef In(reinterpret_cast<const char *>(Data) + 1, Size - 1);
  unsigned Count = 1 + Data[0] % 8;
  std::vector<std::string> Pats;
  for (unsigned I = 0; I < Count && !In.empty(); ++I) {
    auto [Line, Rest] = In.split('\n');
    if (!Line.empty())
      Pats.push_back(Line.take_front(24).str());
    In = Rest;
  }
  if (Pats.empty())
    return 0;
  std::set<std::pair<unsigned, size_t>> Want;
  for (unsigned I = 0; I < Pats.size(); ++I)
    for (size_t At = 0; At + Pats[I].size() <= In.size(); ++At)
      if (In.substr(At, Pats[I].size()).equals_insensitive(Pats[I]))
        Want.insert({I, At});
  for (Literals::Kernel K : {Literals::Kernel::Best, Literals::Kernel::Sse2,
                             Literals::Kernel::Scalar}) {
    std::set<std::pair<unsigned, size_t>> Got;
    Literals(Pats, K).scan(In, [&](unsigned I, size_t At) {
      Got.insert({I, At});
      return true;
    });
    if (Got != Want)
      abort();
  }
  return 0;
}
