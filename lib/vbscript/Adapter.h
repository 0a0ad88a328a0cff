//===- Adapter.h - VBScript to VBA adaptation with a source map -*- C++ -*-===//
//
// tree-sitter-vba parses VBA modules. VBScript differs in three ways that
// matter to the parser: statements may stand at the top level, classes are
// written inline (`Class X ... End Class`), and `Default` may qualify a
// member. The adapter rewrites a script into a VBA module: runs of top-level
// statements are wrapped in synthetic procedures, class brackets and
// `Default` are blanked, and every byte that comes from the script is
// recorded in a SourceMap so that positions map back to the decoded text.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_VBSCRIPT_ADAPTER_H
#define VERGUARD_VBSCRIPT_ADAPTER_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace verguard::vbscript {

/// Maps offsets of an adapted text back to offsets of the decoded source.
class SourceMap {
public:
  /// Adapted bytes [AdaptedBegin, AdaptedBegin+Len) come from source bytes
  /// [SourceBegin, SourceBegin+Len).
  struct Segment {
    uint32_t AdaptedBegin, SourceBegin, Len;
  };
  void add(uint32_t AdaptedBegin, uint32_t SourceBegin, uint32_t Len);
  /// Source offset of the adapted byte at Offset. A synthetic byte maps to
  /// the source position of the next copied byte.
  uint32_t toSource(uint32_t Offset) const;
  /// Source offset just past the adapted byte Offset-1 (for range ends).
  uint32_t toSourceEnd(uint32_t Offset) const;
  /// True if [Begin, End) of the adapted text was copied contiguously.
  bool contiguous(uint32_t Begin, uint32_t End) const;
  const std::vector<Segment> &segments() const { return Segs; }

private:
  std::vector<Segment> Segs;
  uint32_t SourceEnd = 0;
};

/// A class written inline in a script, in adapted offsets.
struct ClassRange {
  std::string Name;
  uint32_t Begin = 0, End = 0;
};

struct Adapted {
  std::string Text;
  SourceMap Map;
  std::vector<ClassRange> Classes;
};

/// A range [Begin, End) of the decoded source that holds script code.
struct Chunk {
  uint32_t Begin = 0, End = 0;
};

/// Name prefix of the synthetic procedures that hold top-level statements.
inline constexpr llvm::StringLiteral SyntheticMain = "VgTopLevel__";

/// Adapts the VBScript in Chunks of Source (the whole decoded file).
Adapted adaptVBScript(llvm::StringRef Source, const std::vector<Chunk> &Chunks);

/// A VBA/VB6 module needs no rewriting: the identity map.
Adapted adaptModule(llvm::StringRef Source);

} // namespace verguard::vbscript

#endif
