//===- FindingJson.h - findings and diagnostics as JSON, both ways -*- C++ -*-//
//
// The objects of the JSON report's "findings" and "diagnostics" arrays (the
// schema in README.md), written and read back exactly: the result cache
// stores them and `verguard merge` reads shard reports made of them.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_REPORT_FINDINGJSON_H
#define VERGUARD_REPORT_FINDINGJSON_H

#include "core/Finding.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

namespace verguard::report {

struct ReportData;

/// A span: file (shown relative to Root when inside it), line, column,
/// endLine, endColumn, offset, length.
llvm::json::Object spanToJson(const core::SourceSpan &S, llvm::StringRef Root);
/// A finding: ruleId, severity, message, location, bump, function, guard,
/// related, fix (or null and noFixReason) and evaluation.
llvm::json::Object findingToJson(const core::Finding &F, llvm::StringRef Root);
/// A diagnostic: severity, file, line, column, message (and the end and
/// bytes of its span when it has them).
llvm::json::Object diagnosticToJson(const core::Diagnostic &G,
                                    llvm::StringRef Root);

/// A suppressed finding: the finding, and "suppression": the comment's
/// location and its justification.
llvm::json::Object suppressedToJson(const core::SuppressedFinding &S,
                                    llvm::StringRef Root);
/// The JSON report's "summary": files, filesSkipped, filesByLanguage,
/// findings, suppressed, baselined, skipped (by reason), bumps (ids),
/// badPaths, configError. SARIF carries it as the run's property.
llvm::json::Object summaryToJson(const ReportData &D);

/// The inverses; a relative file is taken relative to Root. An object that
/// lacks a field or has one of the wrong type is an error naming it.
llvm::Expected<core::SourceSpan> spanFromJson(const llvm::json::Value &V,
                                              llvm::StringRef Root);
llvm::Expected<core::Finding> findingFromJson(const llvm::json::Value &V,
                                              llvm::StringRef Root);
llvm::Expected<core::Diagnostic> diagnosticFromJson(const llvm::json::Value &V,
                                                    llvm::StringRef Root);
llvm::Expected<core::SuppressedFinding>
suppressedFromJson(const llvm::json::Value &V, llvm::StringRef Root);
/// "note", "warning", "error".
std::optional<core::Severity> severityFromName(llvm::StringRef Name);

} // namespace verguard::report

#endif
