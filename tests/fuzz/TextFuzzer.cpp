//===- TextFuzzer.cpp - script::decodeText and DecodedText ----------------===//
//
// Decodes arbitrary bytes, then checks the offset map against the bytes: every
// UTF-8 offset maps into the file, monotonically, the end maps to the end, and
// every line/column and span query on the decoded text stays in range.
//
//===----------------------------------------------------------------------===//
#include "script/Text.h"

#include <cstdint>
#include <cstdlib>

using namespace verguard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Bytes(reinterpret_cast<const char *>(Data), Size);
  auto T = script::decodeText(Bytes, "fuzz.txt");
  if (!T) {
    llvm::consumeError(T.takeError());
    return 0;
  }
  const std::string &U = T->Utf8;
  uint32_t N = U.size();
  if (T->toOriginal(N) != Size)
    abort(); // the end of the text is the end of the file
  uint32_t Prev = 0, PrevLine = 1;
  for (uint32_t I = 0; I <= N; ++I) {
    uint32_t O = T->toOriginal(I);
    if (O > Size || O < Prev)
      abort();
    Prev = O;
    auto [Line, Col] = T->lineCol(I);
    if (Line < PrevLine || Col == 0)
      abort();
    PrevLine = Line;
    if (T->line(Line).size() > N)
      abort();
  }
  T->line(0);
  T->line(PrevLine + 1);
  core::SourceSpan S = T->span("fuzz.txt", 0, N);
  if (!S.valid() || S.End != Size)
    abort();
  T->span("fuzz.txt", N / 2, N);
  T->span("fuzz.txt", N + 10, N + 20); // past the end: clamped, no crash
  // Re-encoding the decoded text (what a fix does with its replacement).
  std::string E = T->encode(U);
  if (T->Enc == script::Encoding::Utf8 && E != Bytes)
    abort();
  T->encode(Bytes); // possibly invalid UTF-8: refused or replaced, no crash
  return 0;
}
