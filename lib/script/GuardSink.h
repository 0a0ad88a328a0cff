//===- GuardSink.h - where a script frontend's guards go ---------*- C++
//-*-===//
//
// Every script frontend emits a guard the same way: only on the emitting
// walk and outside a body walked again for a call, once per site, with the
// language's syntax and the enclosing function; a condition only if it
// depends on the OS version, or compares a value with Windows builds as
// its siblings do (core::SiblingBuilds). It also remembers the ranges a
// condition or a subject already stands for, so a scan for conditions does not
// report them again. script::ScriptLowerer (Python, JScript, C#) and the
// PowerShell lowerer both keep their guards here.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_SCRIPT_GUARDSINK_H
#define VERGUARD_SCRIPT_GUARDSINK_H

#include "core/Expr.h"
#include "core/Guard.h"
#include "core/Siblings.h"

#include "llvm/ADT/STLFunctionalExtras.h"

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace verguard::script {

class GuardSink {
public:
  GuardSink(std::vector<core::Guard> &Guards, core::Dialect Syntax)
      : Guards(Guards), Syntax(Syntax) {}
  virtual ~GuardSink() = default;

  /// The function the walk is in ("" at the top level).
  virtual std::string currentFunction() const = 0;

  /// Adds G (its syntax and enclosing function set) once per Site, and only
  /// on the emitting walk outside an instantiation.
  void emitAt(core::Guard G, uint32_t Site);
  /// Cond as a condition guard written at Where, shown as Text (emitAt
  /// Site).
  void emitCondition(core::ExprPtr Cond, core::SourceSpan Where,
                     std::string Text, uint32_t Site);
  /// Cond as a condition guard if it depends on the OS version (emitAt
  /// Site); Place(G) sets where it is and its text.
  void conditionAt(core::ExprPtr Cond, uint32_t Site,
                   llvm::function_ref<void(core::Guard &)> Place);
  /// After the emitting walk: the conditions that did not depend on the OS
  /// version but compare a value with Windows builds, as siblings do
  /// (core::SiblingBuilds), with that value an inferred build.
  void emitSiblingEvidence();
  /// Marks [B, E) as a range a condition or a subject already stands for.
  void cover(uint32_t B, uint32_t E) { Covered.push_back({B, E}); }
  /// [B, E) lies within a covered range.
  bool covered(uint32_t B, uint32_t E) const;

  std::vector<core::Guard> &Guards;
  bool Emit = false;     // the emitting walk
  int Instantiating = 0; // nested bodies walked with a call's arguments
  std::set<uint32_t> EmittedAt;
  std::vector<std::pair<uint32_t, uint32_t>> Covered;

private:
  void emitIn(core::Guard G, uint32_t Site, std::string Function);
  core::Dialect Syntax;
  core::SiblingBuilds Siblings;
};

} // namespace verguard::script

#endif
