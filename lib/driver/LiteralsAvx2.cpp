//===- LiteralsAvx2.cpp - the AVX2 kernel of Literals (built with -mavx2) -===//
#include "driver/Literals.h"

#include <immintrin.h>

#include "LiteralsKernel.inc"

namespace verguard::driver {

namespace {
struct Avx2 {
  using V = __m256i;
  static constexpr size_t Width = 32;
  static V load(const char *P) { return _mm256_loadu_si256((const V *)P); }
  static V splat(uint8_t B) { return _mm256_set1_epi8((char)B); }
  static V zero() { return _mm256_setzero_si256(); }
  static V orV(V A, V B) { return _mm256_or_si256(A, B); }
  static V andV(V A, V B) { return _mm256_and_si256(A, B); }
  static V eq(V A, V B) { return _mm256_cmpeq_epi8(A, B); }
  static uint32_t mask(V A) { return (uint32_t)_mm256_movemask_epi8(A); }
};
} // namespace

size_t scanBlocksAvx2(const Literals::Plan &P, const char *Data, size_t N,
                      size_t Pos, llvm::function_ref<bool(size_t)> Candidate) {
  return scanBlocks<Avx2>(P, Data, N, Pos, Candidate);
}

/// Teddy: per 32 bytes, the three first bytes of every literal are checked
/// at once through nibble tables (vpshufb); a nonzero byte of the result is
/// a position where some bucket's prefix may start.
size_t scanTeddyAvx2(const Literals::Plan &P, const char *Data, size_t N,
                     size_t Pos,
                     llvm::function_ref<bool(size_t, unsigned)> Candidate) {
  __m256i Lo[3], Hi[3];
  for (int K = 0; K < 3; ++K) {
    Lo[K] =
        _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)P.Lo[K]));
    Hi[K] =
        _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)P.Hi[K]));
  }
  const __m256i Fold = _mm256_set1_epi8(0x20), Nibble = _mm256_set1_epi8(0x0F);
  const __m256i Zero = _mm256_setzero_si256();
  auto Bits = [&](const char *At, int K) {
    __m256i V = _mm256_or_si256(_mm256_loadu_si256((const __m256i *)At), Fold);
    __m256i L = _mm256_and_si256(V, Nibble);
    __m256i H = _mm256_and_si256(_mm256_srli_epi16(V, 4), Nibble);
    return _mm256_and_si256(_mm256_shuffle_epi8(Lo[K], L),
                            _mm256_shuffle_epi8(Hi[K], H));
  };
  for (; Pos + 2 + 32 <= N; Pos += 32) {
    const char *At = Data + Pos;
    __m256i M = _mm256_and_si256(_mm256_and_si256(Bits(At, 0), Bits(At + 1, 1)),
                                 Bits(At + 2, 2));
    uint32_t Mask = ~(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(M, Zero));
    if (!Mask)
      continue;
    alignas(32) uint8_t Buckets[32];
    _mm256_store_si256((__m256i *)Buckets, M);
    for (; Mask; Mask &= Mask - 1) {
      unsigned J = __builtin_ctz(Mask);
      if (!Candidate(Pos + J, Buckets[J]))
        return SIZE_MAX;
    }
  }
  return Pos;
}

} // namespace verguard::driver
