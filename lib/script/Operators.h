//===- Operators.h - comparison operators as scripts write them -*- C++ -*-===//
//
// `==`, `!=`, `<`, `<=`, `>` and `>=` mean the same in Python, JavaScript and
// C#; a language adds its own spellings (Python's `<>`, JavaScript's `===`
// and `!==`) before asking here.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_SCRIPT_OPERATORS_H
#define VERGUARD_SCRIPT_OPERATORS_H

#include "core/Expr.h"

#include "llvm/ADT/StringRef.h"

#include <optional>

namespace verguard::script {

/// The comparison Op (`==`, `!=`, `<`, `<=`, `>`, `>=`), or nothing.
inline std::optional<core::CmpOp> comparisonOp(llvm::StringRef Op) {
  if (Op == "==")
    return core::CmpOp::EQ;
  if (Op == "!=")
    return core::CmpOp::NE;
  if (Op == "<")
    return core::CmpOp::LT;
  if (Op == "<=")
    return core::CmpOp::LE;
  if (Op == ">")
    return core::CmpOp::GT;
  if (Op == ">=")
    return core::CmpOp::GE;
  return std::nullopt;
}

} // namespace verguard::script

#endif
