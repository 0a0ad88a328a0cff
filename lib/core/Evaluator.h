//===- Evaluator.h - three-valued evaluation on a profile -------*- C++ -*-===//
#ifndef VERGUARD_CORE_EVALUATOR_H
#define VERGUARD_CORE_EVALUATOR_H

#include "core/Guard.h"
#include "core/Profile.h"
#include "core/Value.h"

#include "llvm/ADT/DenseMap.h"

#include <vector>

namespace verguard::core {

/// Values chosen for the guard's free atoms: boolean sub-conditions that do
/// not depend on the OS version (or cannot be known), keyed by node.
using Assignment = llvm::DenseMap<const Expr *, bool>;

/// Evaluates E on profile P. Subject is the value of Op::Subject.
Value evaluate(const Expr &E, const Profile &P,
               const Assignment &A = Assignment(), const Value &Subject = {});

/// A guard's outcome: for a Condition {0|1}; for a Select the arms taken
/// (empty: default); unknown when any part is unknown.
struct Outcome {
  bool Known = false;
  std::vector<int64_t> V;
  bool operator==(const Outcome &O) const {
    return Known == O.Known && V == O.V;
  }
  bool operator!=(const Outcome &O) const { return !(*this == O); }
};

Outcome evaluateGuard(const Guard &G, const Profile &P, const Assignment &A);

/// The guard's free atoms: boolean leaves that are unknown without a version
/// dependence (opaque conditions like `IsServer()` or `x == 5`).
std::vector<const Expr *> freeAtoms(const Guard &G, const Profile &P);

/// All assignments of the free atoms (bounded; 2^12 at most).
std::vector<Assignment> assignments(const std::vector<const Expr *> &Atoms);

/// Boolean leaves (comparisons, predicates) of the guard that read a version
/// quantity and evaluate to different known values on Before and After.
std::vector<const Expr *> flippingAtoms(const Guard &G, const Profile &Before,
                                        const Profile &After);

/// True if some assignment of the free atoms makes the guard's outcome differ
/// between Before and After (both known).
bool isFragile(const Guard &G, const Profile &Before, const Profile &After);

/// Wildcard matching: PowerShell (`*`, `?`, `[a-z]`) or VBA `Like` (adds
/// `#` for a digit and `[!...]`).
bool wildcardMatch(llvm::StringRef Text, llvm::StringRef Pattern, Dialect D,
                   bool IgnoreCase);
/// Text with every match of Pattern (the .NET/ECMAScript subset regexSearch
/// reads) replaced by With, as PowerShell's -replace does; nullopt when the
/// pattern cannot be read or With names a group (`$1`).
std::optional<std::string> regexReplace(llvm::StringRef Text,
                                        llvm::StringRef Pattern,
                                        llvm::StringRef With, bool IgnoreCase);
/// The text of capture group Group (0: the whole match) of the first match
/// of Pattern in Text; nullopt if nothing matches or the pattern cannot be
/// read.
/// With Lines, Text is searched line by line (^ and $ match at each line's
/// start and end, and no match spans two lines but through \s).
std::optional<std::string> regexGroup(llvm::StringRef Text,
                                      llvm::StringRef Pattern, bool IgnoreCase,
                                      unsigned Group, bool Lines = false);
/// How many capturing groups Pattern has (`(?:`, `(?=`, `(?<=`... capture
/// nothing; `(?<n>` and `(?P<n>` do); nullopt if it cannot be read.
std::optional<unsigned> regexGroupCount(llvm::StringRef Pattern);
/// The number (from 1) of Pattern's group named Name (`(?<Name>...)`,
/// `(?P<Name>...)`, `(?'Name'...)`; IgnoreCase: PowerShell's `$Matches`
/// keys); nullopt if it has none or cannot be read.
std::optional<unsigned> regexGroupNumber(llvm::StringRef Pattern,
                                         llvm::StringRef Name,
                                         bool IgnoreCase = false);
/// The offset of the first match of Pattern in Text (-1: none), as
/// JScript's String.search gives it; nullopt if the pattern cannot be read.
std::optional<int64_t> regexIndex(llvm::StringRef Text, llvm::StringRef Pattern,
                                  bool IgnoreCase);
/// Searches Text for a .NET/ECMAScript-style regex (the common subset).
/// Returns nullopt if the pattern uses a construct verguard does not model.
std::optional<bool> regexSearch(llvm::StringRef Text, llvm::StringRef Pattern,
                                bool IgnoreCase, bool WholeMatch,
                                bool Lines = false);
/// cmd's number (`if a GEQ b`, `set /a`): the whole text is an optional
/// sign and decimal, `0x` hex or `0`-led octal digits; nullopt otherwise.
std::optional<int64_t> cmdNumber(llvm::StringRef S);
/// Compares two version texts the way System.Version does (missing
/// components sort first). nullopt if either is not a version.
std::optional<int> compareVersions(llvm::StringRef A, llvm::StringRef B);

} // namespace verguard::core

#endif
