//===- Finding.h - what verguard reports ------------------------*- C++ -*-===//
#ifndef VERGUARD_CORE_FINDING_H
#define VERGUARD_CORE_FINDING_H

#include "core/SourceRange.h"

#include <optional>
#include <string>
#include <vector>

namespace verguard::core {

enum class Severity : uint8_t { Note, Warning, Error };
const char *severityName(Severity S);

/// Replace the bytes [Span.Begin, Span.End) of Span.File with Replacement.
struct Edit {
  SourceSpan Span;
  std::string Replacement;
  bool operator==(const Edit &O) const {
    return Span == O.Span && Replacement == O.Replacement;
  }
  bool operator<(const Edit &O) const {
    if (!(Span == O.Span))
      return Span < O.Span;
    return Replacement < O.Replacement;
  }
};

/// A fix the prover showed gives the pre-bump answer on both bump profiles
/// and the original answer everywhere else.
struct Fix {
  std::string Description; // e.g. "accept build 6003 as well"
  std::vector<Edit> Edits;
};

/// Another place that explains a finding, e.g. the `#define` of a macro the
/// guard compares with (a note in text, relatedLocations in SARIF).
struct RelatedLocation {
  SourceSpan Where;
  std::string Message;
};

/// What a rule evaluated on the two profiles of the bump (the message says
/// it in words; reports such as HTML show it apart).
struct Evaluation {
  /// The test that flips: "`build == 6002`", "`6002` in this switch".
  std::string Test;
  /// The test's value before the bump (after it: the opposite).
  bool TestBefore = false;
  /// The guard's outcome before and after: "true", "false", "`case 6002`",
  /// "the default arm", "not found".
  std::string OutcomeBefore, OutcomeAfter;
};

struct Finding {
  std::string RuleId; // "VG001"
  Severity Level = Severity::Warning;
  SourceSpan Where; // where the user must edit
  std::string Message;
  std::string Bump;     // bump id
  std::string Guard;    // normalized guard text (fingerprints)
  std::string Function; // enclosing function (fingerprints)
  std::optional<Fix> TheFix;
  std::string NoFixReason;             // when TheFix is empty
  std::optional<Evaluation> Evaluated; // absent for VG100
  std::vector<RelatedLocation> Related;
};

/// A finding an inline `verguard: ignore` comment suppressed: not shown,
/// but SARIF keeps it as a suppressed result.
struct SuppressedFinding {
  Finding F;
  SourceSpan Comment;        // the `verguard: ignore...` text
  std::string Justification; // the comment's words after it, if any
};

/// A message about the input rather than a finding (parse trouble, skipped
/// file, missing header). Always names the file.
struct Diagnostic {
  Severity Level = Severity::Note;
  SourceSpan Where; // File always set; Line may be 0
  std::string Message;
};

/// Whether a rule's findings come with a proven fix.
enum class FixAvailability : uint8_t { Never, Sometimes };
const char *fixAvailabilityName(FixAvailability F);

struct RuleInfo {
  const char *Id;
  const char *Name;    // "build-comparison"
  const char *Summary; // one line
  const char *DocFile; // "VG001-build-comparison.md"
  /// The severity of a finding whose value's source is known; an inferred
  /// one is a warning, and `rules.severity` overrides both.
  Severity DefaultLevel = Severity::Error;
  FixAvailability Fix = FixAvailability::Sometimes;
};

} // namespace verguard::core

#endif
