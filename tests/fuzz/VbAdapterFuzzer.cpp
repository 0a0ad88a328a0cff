//===- VbAdapterFuzzer.cpp - VBScript adapter, source map, embedded code --===//
//
// The first byte picks how the source is cut into chunks (one chunk, the
// embedded-script scanner of .wsf/.hta/.asp, or arbitrary chunks); the rest is
// the decoded source. Checks that the source map stays inside both texts.
//
//===----------------------------------------------------------------------===//
#include "vbscript/Adapter.h"
#include "vbscript/Embedded.h"

#include <cstdint>
#include <cstdlib>

using namespace verguard::vbscript;

namespace {

void check(const Adapted &A, llvm::StringRef Src) {
  uint32_t TextSize = A.Text.size();
  uint32_t PrevEnd = 0;
  for (const SourceMap::Segment &S : A.Map.segments()) {
    if (uint64_t(S.AdaptedBegin) + S.Len > TextSize ||
        uint64_t(S.SourceBegin) + S.Len > Src.size() ||
        S.AdaptedBegin < PrevEnd)
      abort();
    PrevEnd = S.AdaptedBegin + S.Len;
  }
  for (uint32_t I = 0; I <= TextSize; ++I) {
    if (A.Map.toSource(I) > Src.size() || A.Map.toSourceEnd(I) > Src.size())
      abort();
    A.Map.contiguous(I, std::min(TextSize, I + 7));
  }
  for (const ClassRange &C : A.Classes)
    if (C.Begin > C.End || C.End > TextSize)
      abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  if (Size < 1)
    return 0;
  uint8_t Mode = Data[0];
  llvm::StringRef Src(reinterpret_cast<const char *>(Data) + 1, Size - 1);
  std::vector<Chunk> Chunks;
  switch (Mode % 5) {
  case 0:
    Chunks.push_back({0, uint32_t(Src.size())});
    break;
  case 1:
    Chunks = embeddedChunks(Src, FileKind::Wsf);
    break;
  case 2:
    Chunks = embeddedChunks(Src, FileKind::Html);
    break;
  case 3:
    Chunks = embeddedChunks(Src, FileKind::Asp);
    break;
  case 4: {
    // Chunks cut at every '|' (the bar itself is not code).
    uint32_t B = 0;
    for (uint32_t I = 0; I <= Src.size(); ++I)
      if (I == Src.size() || Src[I] == '|') {
        Chunks.push_back({B, I});
        B = I + 1;
      }
    break;
  }
  }
  uint32_t Prev = 0;
  for (const Chunk &C : Chunks)
    if (C.Begin < Prev || C.End < C.Begin || C.End > Src.size())
      abort(); // embeddedChunks must return ordered ranges inside the text
    else
      Prev = C.End;
  check(adaptVBScript(Src, Chunks), Src);
  check(adaptModule(Src), Src);
  return 0;
}
