//===- SourceRange.h - a span of a user's file ------------------*- C++ -*-===//
#ifndef VERGUARD_CORE_SOURCERANGE_H
#define VERGUARD_CORE_SOURCERANGE_H

#include <cstdint>
#include <string>

namespace verguard::core {

/// A half-open byte range [Begin, End) of a file as it is on disk (offsets
/// into the original bytes, whatever the encoding), with 1-based line and
/// column (columns count Unicode code points) for people and SARIF.
struct SourceSpan {
  std::string File;
  uint32_t Begin = UINT32_MAX;
  uint32_t End = UINT32_MAX;
  uint32_t Line = 0, Col = 0, EndLine = 0, EndCol = 0;

  bool valid() const { return Begin != UINT32_MAX && End >= Begin; }
  bool contains(const SourceSpan &O) const {
    return valid() && O.valid() && File == O.File && Begin <= O.Begin &&
           O.End <= End;
  }
  bool operator==(const SourceSpan &O) const {
    return File == O.File && Begin == O.Begin && End == O.End;
  }
  bool operator<(const SourceSpan &O) const {
    if (File != O.File)
      return File < O.File;
    if (Begin != O.Begin)
      return Begin < O.Begin;
    return End < O.End;
  }
};

} // namespace verguard::core

#endif
