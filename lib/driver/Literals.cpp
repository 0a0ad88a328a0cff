//===- Literals.cpp -------------------------------------------------------===//
#include "driver/Literals.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <cstring>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define VERGUARD_AVX2_KERNEL 1
#include <immintrin.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace verguard::driver {

namespace {

#if defined(__SSE2__)
/// Scans the 16-byte blocks [Pos, ...) whose loads stay inside Data[0, N);
/// calls Candidate(position) wherever all three anchors of some literal
/// match. Returns where the scalar tail starts, or SIZE_MAX if Candidate
/// stopped.
size_t scanBlocksSse2(const Literals::Plan &P, const char *Data, size_t N,
                      size_t Pos, llvm::function_ref<bool(size_t)> Candidate) {
  const size_t NO = P.Offsets.size(), NC = P.Compares.size();
  // A plan has at most MaxLiterals literals, three anchors each.
  constexpr size_t MaxC = 3 * Literals::MaxLiterals;
  __m128i Loaded[MaxC], Cmp[MaxC], Splat[MaxC];
  for (size_t K = 0; K < NC; ++K)
    Splat[K] = _mm_set1_epi8((char)P.Compares[K].Byte);
  const __m128i Fold = _mm_set1_epi8(0x20);
  for (; Pos + P.MaxOffset + 16 <= N; Pos += 16) {
    for (size_t O = 0; O < NO; ++O)
      Loaded[O] = _mm_or_si128(
          _mm_loadu_si128((const __m128i *)(Data + Pos + P.Offsets[O])), Fold);
    for (size_t K = 0; K < NC; ++K)
      Cmp[K] = _mm_cmpeq_epi8(Loaded[P.OffsetOf[K]], Splat[K]);
    __m128i Any = _mm_setzero_si128();
    for (const auto &U : P.Uses)
      Any = _mm_or_si128(
          Any, _mm_and_si128(_mm_and_si128(Cmp[U[0]], Cmp[U[1]]), Cmp[U[2]]));
    for (uint32_t Mask = (uint32_t)_mm_movemask_epi8(Any); Mask;
         Mask &= Mask - 1)
      if (!Candidate(Pos + __builtin_ctz(Mask)))
        return SIZE_MAX;
  }
  return Pos;
}
#endif

#if defined(VERGUARD_AVX2_KERNEL)
// Compiled for AVX2 in this function only; called where the CPU has it.
/// Bit b of byte j: a literal of bucket b may have byte K at At[j].
__attribute__((target("avx2"), always_inline)) inline __m256i
teddyBits(const char *At, __m256i Lo, __m256i Hi) {
  const __m256i Nibble = _mm256_set1_epi8(0x0F);
  __m256i V = _mm256_or_si256(_mm256_loadu_si256((const __m256i *)At),
                              _mm256_set1_epi8(0x20));
  __m256i L = _mm256_and_si256(V, Nibble);
  __m256i H = _mm256_and_si256(_mm256_srli_epi16(V, 4), Nibble);
  return _mm256_and_si256(_mm256_shuffle_epi8(Lo, L),
                          _mm256_shuffle_epi8(Hi, H));
}

/// Teddy: per 32 bytes, the four first bytes of every literal are checked
/// at once through nibble tables (vpshufb); a nonzero byte of the result is
/// a position where some bucket's prefix may start.
__attribute__((target("avx2"))) size_t
scanTeddyAvx2(const Literals::Plan &P, const char *Data, size_t N, size_t Pos,
              llvm::function_ref<bool(size_t, unsigned)> Candidate) {
  __m256i Lo[4], Hi[4];
  for (int K = 0; K < 4; ++K) {
    Lo[K] =
        _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)P.Lo[K]));
    Hi[K] =
        _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)P.Hi[K]));
  }
  const __m256i Zero = _mm256_setzero_si256();
  for (; Pos + 3 + 32 <= N; Pos += 32) {
    const char *At = Data + Pos;
    __m256i M =
        _mm256_and_si256(_mm256_and_si256(teddyBits(At, Lo[0], Hi[0]),
                                          teddyBits(At + 1, Lo[1], Hi[1])),
                         _mm256_and_si256(teddyBits(At + 2, Lo[2], Hi[2]),
                                          teddyBits(At + 3, Lo[3], Hi[3])));
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

#endif // VERGUARD_AVX2_KERNEL

bool hasAvx2() {
#if defined(VERGUARD_AVX2_KERNEL)
  static const bool Has = __builtin_cpu_supports("avx2");
  return Has;
#else
  return false;
#endif
}
} // namespace

Literals::Literals(std::vector<std::string> Given, Kernel Use) : Use(Use) {
  for (std::string &S : Given)
    if (!S.empty())
      Patterns.push_back(llvm::StringRef(S).lower());
  for (unsigned First = 0; First < Patterns.size(); First += MaxLiterals) {
    Plan &P = Plans.emplace_back();
    P.First = First;
    auto OffsetIndex = [&](uint32_t O) {
      auto It = std::find(P.Offsets.begin(), P.Offsets.end(), O);
      if (It != P.Offsets.end())
        return uint32_t(It - P.Offsets.begin());
      P.Offsets.push_back(O);
      P.MaxOffset = std::max(P.MaxOffset, O);
      return uint32_t(P.Offsets.size() - 1);
    };
    auto CompareIndex = [&](uint32_t O, uint8_t B) {
      for (size_t K = 0; K < P.Compares.size(); ++K)
        if (P.Compares[K].Offset == O && P.Compares[K].Byte == B)
          return uint32_t(K);
      P.Compares.push_back({O, B});
      P.OffsetOf.push_back(OffsetIndex(O));
      return uint32_t(P.Compares.size() - 1);
    };
    size_t End = std::min(Patterns.size(), size_t(First) + MaxLiterals);
    // Teddy buckets: one per distinct 3-byte prefix while there are 8 or
    // fewer, shared round-robin beyond (more candidates, same results).
    P.Teddy = std::all_of(Patterns.begin() + First, Patterns.begin() + End,
                          [](const std::string &S) { return S.size() >= 3; });
    std::vector<std::string> Prefixes;
    for (size_t I = First; P.Teddy && I < End; ++I) {
      std::string Pre;
      for (int K = 0; K < 3; ++K)
        Pre += char(Patterns[I][K] | 0x20);
      auto It = std::find(Prefixes.begin(), Prefixes.end(), Pre);
      size_t Bucket = (It - Prefixes.begin()) % 8;
      if (It == Prefixes.end())
        Prefixes.push_back(Pre);
      P.Buckets[Bucket].push_back(unsigned(I - First));
      for (int K = 0; K < 3; ++K) {
        P.Lo[K][uint8_t(Pre[K]) & 0xF] |= uint8_t(1u << Bucket);
        P.Hi[K][uint8_t(Pre[K]) >> 4] |= uint8_t(1u << Bucket);
      }
      // The fourth byte, where there is one: fewer false candidates ("ver"
      // and "get" are everywhere in code); a 3-byte literal takes any.
      for (int N = 0; N < 16; ++N) {
        bool Any = Patterns[I].size() == 3;
        uint8_t B = Any ? 0 : uint8_t(Patterns[I][3] | 0x20);
        if (Any || (B & 0xF) == N)
          P.Lo[3][N] |= uint8_t(1u << Bucket);
        if (Any || (B >> 4) == N)
          P.Hi[3][N] |= uint8_t(1u << Bucket);
      }
    }
    for (size_t I = First; I < End; ++I) {
      const std::string &S = Patterns[I];
      uint32_t Last = uint32_t(S.size() - 1);
      uint32_t Second = std::min<uint32_t>(1, Last);
      auto Fold = [&](uint32_t O) { return uint8_t(S[O] | 0x20); };
      P.Uses.push_back({CompareIndex(0, Fold(0)),
                        CompareIndex(Second, Fold(Second)),
                        CompareIndex(Last, Fold(Last))});
    }
  }
}

bool Literals::matchesAt(llvm::StringRef Text, size_t At, unsigned I) const {
  const std::string &S = Patterns[I];
  if (At > Text.size() || Text.size() - At < S.size())
    return false;
  const char *T = Text.data() + At;
  for (size_t K = 0; K < S.size(); ++K)
    if (T[K] != S[K] && llvm::toLower(T[K]) != S[K])
      return false;
  return true;
}

void Literals::scan(llvm::StringRef Text,
                    llvm::function_ref<bool(unsigned, size_t)> OnHit) const {
  bool Stopped = false;
  for (const Plan &P : Plans) {
    scanGroup(P, Text, [&](unsigned I, size_t At) {
      return !(Stopped = !OnHit(I, At));
    });
    if (Stopped)
      return;
  }
}

void Literals::scanGroup(
    const Plan &P, llvm::StringRef Text,
    llvm::function_ref<bool(unsigned, size_t)> OnHit) const {
  auto Candidate = [&](size_t At) {
    for (unsigned I = 0; I < P.Uses.size(); ++I)
      if (matchesAt(Text, At, P.First + I) && !OnHit(P.First + I, At))
        return false;
    return true;
  };
  size_t Pos = 0;
  if (Use == Kernel::Best && hasAvx2()) {
#if defined(VERGUARD_AVX2_KERNEL)
    // Teddy says which buckets may start at At: only their literals.
    auto InBuckets = [&](size_t At, unsigned Bits) {
      for (; Bits; Bits &= Bits - 1)
        for (unsigned I : P.Buckets[__builtin_ctz(Bits)])
          if (matchesAt(Text, At, P.First + I) && !OnHit(P.First + I, At))
            return false;
      return true;
    };
    if (P.Teddy)
      Pos = scanTeddyAvx2(P, Text.data(), Text.size(), Pos, InBuckets);
#endif
  }
#if defined(__SSE2__)
  if (Pos != SIZE_MAX && Use != Kernel::Scalar)
    Pos = scanBlocksSse2(P, Text.data(), Text.size(), Pos, Candidate);
#endif
  if (Pos == SIZE_MAX)
    return;
  // The tail (and everything where no vector kernel exists).
  for (; Pos < Text.size(); ++Pos) {
    uint8_t B = uint8_t(Text[Pos] | 0x20);
    bool Maybe = false;
    for (const auto &U : P.Uses)
      Maybe |= P.Compares[U[0]].Byte == B;
    if (Maybe && !Candidate(Pos))
      return;
  }
}

} // namespace verguard::driver
