//===- Literals.h - many case-insensitive literals in one pass --*- C++ -*-===//
//
// The prefilter reads every byte of an audited tree, so its search must run
// near memory speed: one pass over the text looks for all literals at once.
// Each block of 16 or 32 bytes is compared, per literal, at three anchor
// positions (its first, second and last byte, ASCII case folded); only the
// rare positions where all three match are compared in full.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_DRIVER_LITERALS_H
#define VERGUARD_DRIVER_LITERALS_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace verguard::driver {

class Literals {
public:
  /// The fastest kernel the CPU has, or a slower one (for tests).
  enum class Kernel { Best, Sse2, Scalar };

  /// Non-empty literals, matched ignoring ASCII case.
  explicit Literals(std::vector<std::string> Patterns,
                    Kernel Use = Kernel::Best);

  size_t size() const { return Patterns.size(); }
  const std::string &operator[](size_t I) const { return Patterns[I]; }

  /// Calls OnHit(literal, offset) for every occurrence until it returns
  /// false: in increasing offset order for each group of MaxLiterals
  /// literals (in their given order at one offset), group after group.
  void scan(llvm::StringRef Text,
            llvm::function_ref<bool(unsigned, size_t)> OnHit) const;

  /// Whether literal I occurs at Text[At].
  bool matchesAt(llvm::StringRef Text, size_t At, unsigned I) const;

  /// The literals one pass looks for at most; more take several passes.
  static constexpr size_t MaxLiterals = 48;

  /// The anchors shared by the vectorized kernels (internal).
  struct Anchor {
    uint32_t Offset; // into the literal
    uint8_t Byte;    // case folded (| 0x20)
  };
  struct Plan {
    std::vector<uint32_t> Offsets;  // distinct anchor offsets
    std::vector<Anchor> Compares;   // distinct (offset, byte) comparisons
    std::vector<uint32_t> OffsetOf; // Compares[k].Offset's index in Offsets
    // Per literal, up to three indexes into Compares (repeats allowed).
    std::vector<std::array<uint32_t, 3>> Uses;
    uint32_t MaxOffset = 0;
    unsigned First = 0; // the group's first literal
    // Teddy (AVX2): literals of 3 bytes or more, grouped by their first three
    // (folded) bytes into 8 buckets; Lo[k][n] / Hi[k][n] has bit b set if a
    // literal of bucket b may have low / high nibble n at byte k (k = 3: the
    // fourth byte, any for a 3-byte literal).
    bool Teddy = false;
    uint8_t Lo[4][16] = {}, Hi[4][16] = {};
    std::vector<unsigned> Buckets[8]; // literal indexes (into the group)
  };

private:
  void scanGroup(const Plan &P, llvm::StringRef Text,
                 llvm::function_ref<bool(unsigned, size_t)> OnHit) const;

  Kernel Use;
  std::vector<std::string> Patterns; // lower case
  std::vector<Plan> Plans;           // one per group of MaxLiterals
};

} // namespace verguard::driver

#endif
