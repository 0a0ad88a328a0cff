//===- Guard.h - one version guard as a frontend lowered it -----*- C++ -*-===//
#ifndef VERGUARD_CORE_GUARD_H
#define VERGUARD_CORE_GUARD_H

#include "core/Expr.h"

#include <string>
#include <vector>

namespace verguard::core {

/// One arm of a Select guard: a switch/Select Case arm or one table entry.
/// Each test is a boolean expression over Op::Subject.
struct Arm {
  std::vector<ExprPtr> Tests;
  /// Where a new test for this arm is written (a case label, an entry).
  Spelling Label;
  /// Indentation of the label's line (to add a sibling label on a new line).
  std::string Indent;
  /// Table entries: entries with the same value share an id; the outcome of
  /// a lookup is the value found, not the entry's position.
  int64_t ValueId = -1;
};

enum class GuardKind : uint8_t {
  Condition, // if/while/?:/returned or assigned boolean: outcome is Cond
  Select,    // switch, Select Case, PowerShell switch: outcome is the arm(s)
  Table,     // lookup table keyed by Subject: outcome is the entry found
};

struct Guard {
  GuardKind Kind = GuardKind::Condition;
  ExprPtr Cond;    // Condition
  ExprPtr Subject; // Select, Table
  std::vector<Arm> Arms;
  bool FirstMatchOnly = true; // C switch, Select Case; PowerShell: all arms
  Dialect Syntax = Dialect::None;
  SourceSpan Where;     // the whole guard (its first line is shown)
  std::string Function; // enclosing function, for fingerprints
  std::string Text;     // normalized guard text, for fingerprints
  /// The guard as written, for messages, where Text is not (C/C++'s Text is
  /// the lowered condition: `BkIsBuild(OSV_BUILD_2008_SP2)` here, not
  /// `((1 != 0) && ((build & 65535) == 6002))`); empty: Text.
  std::string Shown;
  /// Table: no entry can be added where it is written (a C array whose
  /// written size it already fills, `g_known[NUM_KNOWN] = {...}`).
  bool Full = false;
};

} // namespace verguard::core

#endif
