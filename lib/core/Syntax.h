//===- Syntax.h - language-neutral text helpers for fixes -------*- C++ -*-===//
//
// Text helpers for fixes that hold in every language: literals, positions,
// replacing a part of a written text. What differs per language is a
// core::FixSyntax (core/FixSyntax.h), defined by its frontend.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_CORE_SYNTAX_H
#define VERGUARD_CORE_SYNTAX_H

#include "core/Expr.h"
#include "core/Finding.h"
#include "core/Guard.h"

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace verguard::core {

/// An integer literal for V in the style of Original (hex, suffix).
std::string renderInt(int64_t V, llvm::StringRef Original);
/// The text Whole with the text of Part (a node written inside it)
/// replaced.
std::optional<std::string> replaceWithin(const Spelling &Whole,
                                         const Expr &Part,
                                         llvm::StringRef NewPartText);
/// The text of a string constant with every From replaced by To, keeping its
/// quotes, prefix and escapes.
std::string replaceInLiteral(llvm::StringRef LiteralText, llvm::StringRef From,
                             llvm::StringRef To);
/// An empty span at the end of S: where an insertion after S goes.
SourceSpan insertionAfter(const SourceSpan &S);
/// The edit that writes, right after Test, Sep and a copy of Test with Const
/// written NewConst (`Case 6002` -> `Case 6002, 6003`, `case 6002` -> `case
/// 6002 | 6003`); nullopt if Test has no text of its own.
std::optional<Edit> alternativeAfter(const Expr &Test, const Expr &Const,
                                     llvm::StringRef NewConst,
                                     llvm::StringRef Sep);

} // namespace verguard::core

#endif
