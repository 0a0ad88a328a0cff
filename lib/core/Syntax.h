//===- Syntax.h - writing fixes back in the guard's own language -*- C++ -*-===//
//
// Rules build fixes on the expression tree; these functions turn them into
// text in the dialect the node was written in. They never parse anything:
// they only combine texts the frontend recorded.
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

/// The comparison operator in dialect D; keeps PowerShell's -c/-i prefix and
/// the case of the original token where it can.
std::optional<std::string> renderOp(Dialect D, CmpOp O,
                                    llvm::StringRef Original = {});
/// `(A || B)`, `(A -or B)`, `(A Or B)`, `(A OR B)`; nullopt if the dialect
/// cannot join conditions (a condition mask). Bare: without the outer
/// parentheses (the text already sits in some).
std::optional<std::string> renderJoin(Dialect D, bool IsOr, llvm::StringRef A,
                                      llvm::StringRef B, bool Bare = false);
/// An integer literal for V in the style of Original (hex, suffix).
std::string renderInt(int64_t V, llvm::StringRef Original);
/// A comparison `Lhs Op V` in dialect D.
std::optional<std::string> renderCmp(Dialect D, llvm::StringRef Lhs, CmpOp O,
                                     int64_t V);
/// The text of Atom with the text of Part (a node inside it) replaced.
std::optional<std::string> replaceWithin(const Expr &Atom, const Expr &Part,
                                         llvm::StringRef NewPartText);
/// The text of a string constant with every From replaced by To, keeping its
/// quotes, prefix and escapes.
std::string replaceInLiteral(llvm::StringRef LiteralText, llvm::StringRef From,
                             llvm::StringRef To);
/// The edit that gives Arm one more test whose constant is written NewConst:
/// `case 6003:`, `Case 6002, 6003`, a PowerShell switch condition, or a table
/// entry copied with the new key.
std::optional<Edit> renderArmAddition(Dialect D, GuardKind K, const Arm &A,
                                      const Expr &Test, const Expr &Const,
                                      llvm::StringRef NewConst);

} // namespace verguard::core

#endif
