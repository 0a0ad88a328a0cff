//===- FixSyntax.h - how a fix is written in one language -------*- C++ -*-===//
//
// Rules build fixes on the expression tree; a language's FixSyntax turns them
// into text in that language. Each frontend owns the syntax of its language
// (lib/cpp/FixSyntax.cpp, lib/powershell/FixSyntax.cpp, ...); the table that
// maps a Dialect to it is lib/core/Dialects.cpp. Implementations never parse:
// they combine texts the frontend recorded.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_CORE_FIXSYNTAX_H
#define VERGUARD_CORE_FIXSYNTAX_H

#include "core/Expr.h"
#include "core/Finding.h"
#include "core/Guard.h"

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace verguard::core {

class FixSyntax {
public:
  virtual ~FixSyntax() = default;
  /// The comparison operator O; keeps the spelling habits of the Original
  /// token where it can (PowerShell's -c/-i prefix, upper case). Nullopt if
  /// the language cannot write O.
  virtual std::optional<std::string> op(CmpOp O,
                                        llvm::StringRef Original) const = 0;
  /// The word that joins two conditions, with its spaces (` || `), or
  /// nullopt if conditions cannot be joined (a condition mask).
  virtual std::optional<std::string> joinWord(bool IsOr) const = 0;
  /// `Lhs Op V`, or nullopt if the language cannot write a comparison.
  virtual std::optional<std::string> cmp(llvm::StringRef Lhs, CmpOp O,
                                         int64_t V) const;
  /// A membership test of Operand in Item and NewItem (`$b -in 6002,
  /// 6003`) for an equality written with OriginalOp, or with Negated its
  /// negation; nullopt if the language has none or it would not read better
  /// than a join.
  virtual std::optional<std::string>
  membership(llvm::StringRef Operand, bool Negated, llvm::StringRef OriginalOp,
             llvm::StringRef Item, llvm::StringRef NewItem) const;
  /// True if a written list of items gains one more by `, item` after its
  /// last (PowerShell `-in 6001, 6002`, Python `in (6001, 6002)`).
  virtual bool appendsListItems() const { return false; }
  /// True if a prefix/suffix test takes a tuple of alternatives (Python's
  /// `v.startswith(("6.0.6002", "6.0.6003"))`).
  virtual bool affixTakesTuple() const { return false; }
  /// The text that replaces Atom, a search for Const, by one search for
  /// either build (Const's text with OldBuild and with NewBuild), where the
  /// language says that in one command; nullopt if it does not.
  virtual std::optional<std::string>
  searchForBoth(const Expr &Atom, const Expr &Const, llvm::StringRef OldBuild,
                llvm::StringRef NewBuild) const;
  /// What goes before a table entry copied right after entry A.
  virtual std::string tableEntrySeparator(const Arm &A) const;
  /// The edit that gives switch arm A one more test whose constant (Const,
  /// inside Test) is written NewConst; nullopt if it cannot be written.
  virtual std::optional<Edit> armLabel(const Arm &A, const Expr &Test,
                                       const Expr &Const,
                                       llvm::StringRef NewConst) const;
};

/// The syntax of dialect D (Dialect::None: C's operators).
const FixSyntax &syntaxFor(Dialect D);

} // namespace verguard::core

#endif
