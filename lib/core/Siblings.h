//===- Siblings.h - a value known by the builds it is compared with -*- C++
//-*-===//
//
// Evidence when the source is out of sight (DESIGN.md, "Evidence"): a value
// the frontend could not follow (a parameter, an unknown call's result),
// compared in one function with several Windows builds and with nothing
// else -- `if (input == 6000) ... if (input == 6002) ... if (input ==
// 7600)` -- is an OS build. Frontends note every comparison of such a value
// with an integer while they walk a file, and ask at the end which of them
// to report; a finding on this evidence is a warning.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_CORE_SIBLINGS_H
#define VERGUARD_CORE_SIBLINGS_H

#include "core/Expr.h"
#include "core/Guard.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace verguard::core {

/// True if Name says its value is something other than the OS's version or
/// build: another product's (the names quantityNamed refuses), an
/// identifier, an error or message code, a count or size.
bool namesOtherThanOs(llvm::StringRef Name);

/// True if E compares an opaque operand (no quantity, not constant,
/// written in the source) with an integer constant: what SiblingBuilds
/// notes. A frontend that drops conditions not about the OS keeps these.
bool comparesOpaqueWithInt(const Expr &E);

/// True if E is a value the frontend does not know (unknown, an unbound
/// parameter): what a switch on it needs its arms to say what it is.
bool opaqueValue(const Expr &E);

/// A switch whose subject (written SubjectText) the frontend could not
/// follow: if its arms test at least three distinct Windows builds and
/// nothing else, one of them a build some bump changes, and the text names
/// nothing else, the subject becomes an inferred build (a warning) and true
/// is returned; else G is left alone and false is returned.
bool inferSwitchOnBuilds(Guard &G, llvm::StringRef SubjectText);

/// A switch subject worth lowering the arms of: a version value, or one
/// the frontend does not know (its arms may say it is a build).
bool mayBeBuild(const Expr &Subject);
/// Whether the switch G (its subject written SubjectText) is on the OS
/// version: its subject depends on it, or inferSwitchOnBuilds() makes it
/// an inferred build.
bool switchOnVersion(Guard &G, llvm::StringRef SubjectText);

class SiblingBuilds {
public:
  /// Remembers the comparisons in Cond, written in Function, of an opaque
  /// operand (no quantity, not constant, written in the source) with an
  /// integer constant. True if Cond holds one.
  bool note(const Expr &Cond, llvm::StringRef Function);
  /// Cond with each opaque operand that Function compares with at least
  /// three distinct Windows builds (the profiles' known builds) and nothing
  /// else, one of them a build some bump changes, as an inferred build.
  /// Null if there is none.
  ExprPtr infer(const ExprPtr &Cond, llvm::StringRef Function) const;
  /// Keeps G, a condition note() took (its Function set), until the walk
  /// is over; Site is what the frontend keys its guards by.
  void hold(Guard G, uint32_t Site = 0);
  /// Hands Fn each held guard whose condition infer() makes one about an
  /// OS build, with that condition, and its Site; forgets them all.
  void release(llvm::function_ref<void(Guard, uint32_t)> Fn);

private:
  struct Seen {
    std::set<int64_t> Constants;
  };
  llvm::StringMap<Seen> Operands; // Function "\0" operand text -> constants
  std::vector<std::pair<Guard, uint32_t>> Held;
};

} // namespace verguard::core

#endif
