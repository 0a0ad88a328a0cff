//===- Literals.cpp -------------------------------------------------------===//
#include "driver/Literals.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "LiteralsKernel.inc"

namespace verguard::driver {

#if defined(VERGUARD_AVX2_KERNEL)
// LiteralsAvx2.cpp, compiled with -mavx2; called only where the CPU has it.
size_t scanBlocksAvx2(const Literals::Plan &P, const char *Data, size_t N,
                      size_t Pos, llvm::function_ref<bool(size_t)> Candidate);
size_t scanTeddyAvx2(const Literals::Plan &P, const char *Data, size_t N,
                     size_t Pos,
                     llvm::function_ref<bool(size_t, unsigned)> Candidate);
#endif

namespace {
#if defined(__SSE2__)
struct Sse2 {
  using V = __m128i;
  static constexpr size_t Width = 16;
  static V load(const char *P) { return _mm_loadu_si128((const V *)P); }
  static V splat(uint8_t B) { return _mm_set1_epi8((char)B); }
  static V zero() { return _mm_setzero_si128(); }
  static V orV(V A, V B) { return _mm_or_si128(A, B); }
  static V andV(V A, V B) { return _mm_and_si128(A, B); }
  static V eq(V A, V B) { return _mm_cmpeq_epi8(A, B); }
  static uint32_t mask(V A) { return (uint32_t)_mm_movemask_epi8(A); }
};
#endif

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
    Pos = P.Teddy ? scanTeddyAvx2(P, Text.data(), Text.size(), Pos, InBuckets)
                  : scanBlocksAvx2(P, Text.data(), Text.size(), Pos, Candidate);
#endif
  }
#if defined(__SSE2__)
  if (Pos != SIZE_MAX && Use != Kernel::Scalar)
    Pos = scanBlocks<Sse2>(P, Text.data(), Text.size(), Pos, Candidate);
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
