//===- ParsePlan.h - which procedures a script parse may leave out -*- C++
//-*-===//
//
// Most of a script that passed the prefilter is procedures no finding can
// depend on: the file holds one check among many unrelated functions. The
// plan cuts the text into regions (top-level procedures, and the top-level
// code between them), links them by the names they mention (core/Reach.h),
// and gives tree-sitter the byte ranges to parse: everything but the
// procedures the closure does not keep. tree-sitter keeps the original
// offsets, so spans, source maps and fixes do not change.
//
// PowerShell: `function`/`filter`/`workflow` NAME [(...)] { ... } at the top
// level. A function defines its name; it declares the variables it writes
// with a `script:` or `global:` scope. Top-level code declares every
// variable it mentions (the lowering reads script variables from anywhere).
//
// VB (VBA modules and adapted VBScript): [modifiers] Sub/Function/Property
// NAME ... End Sub/Function/Property at the start of a statement, outside
// classes (Keep ranges). Top-level code declares every identifier it
// mentions that is not a keyword, a built-in or a member (`.x`).
//
// Anything the scan cannot be sure of (an unterminated string or here-string,
// unbalanced braces, a procedure header or directive where it cannot be, a
// name of unusual characters) keeps the whole file, or the procedure.
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_SCRIPT_PARSEPLAN_H
#define VERGUARD_SCRIPT_PARSEPLAN_H

#include "script/TreeSitter.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace verguard::script {

enum class PlanDialect { PowerShell, VB };

struct ParsePlan {
  /// The ranges to parse, in order; empty when everything is parsed.
  std::vector<TSRange> Ranges;
  unsigned Procedures = 0; // top-level procedures found
  unsigned Skipped = 0;    // of which left out
  bool Trusted = false;    // the scan understood the whole text
};

/// Plans the parse of Text (exactly the bytes tree-sitter will parse) for
/// the lower-case trigger literals. No triggers: everything is parsed.
/// Procedures inside a Keep range [Begin, End), and those whose name starts
/// with NeverSkip (VB: the adapter's synthetic top-level procedures), are
/// always parsed and count as top-level code.
ParsePlan planParse(llvm::StringRef Text, PlanDialect D,
                    llvm::ArrayRef<std::string> Triggers,
                    llvm::ArrayRef<std::pair<uint32_t, uint32_t>> Keep = {},
                    llvm::StringRef NeverSkip = {});

/// Parses Text with the plan's ranges; a partial parse that shows a syntax
/// error is redone in full, in case the scan misread where a procedure
/// ends (its note then counts every error, as a full parse's does).
TreePtr parsePlanned(const TSLanguage *Language, llvm::StringRef Text,
                     const ParsePlan &Plan, uint64_t TimeoutMicros);

/// Procedures left out by every planParse() of this process (for tests).
uint64_t skippedProcedures();

} // namespace verguard::script

#endif
