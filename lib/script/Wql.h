//===- Wql.h - WQL queries and WHERE clauses as guard expressions -*- C++
//-*-===//
//
// WMI queries select rows with a WHERE clause: `SELECT * FROM
// Win32_OperatingSystem WHERE BuildNumber = '6002'`. Scripts pass them to
// Get-WmiObject/Get-CimInstance (-Query, -Filter) or to ExecQuery. The parser
// here is language-neutral: the frontend says what a property of the queried
// class is (a version quantity or nothing) and where each offset of the query
// text is in the user's file; the parser builds the WHERE clause as a
// core::Expr with FlagWql / Dialect::WQL nodes whose spellings point into the
// file, so that fixes (`(BuildNumber = '6002' OR BuildNumber = '6003')`) are
// rendered there.
//
// Supported: `=`, `<>`, `!=`, `<`, `<=`, `>`, `>=`, `[NOT] LIKE` (with `%`,
// `_`, `[...]`), `IS [NOT] NULL`, `AND`, `OR`, `NOT`, parentheses, string
// ('...' or "..."), numeric, TRUE/FALSE/NULL literals. Conditions that do not
// read a version quantity become core::unknown() (free atoms).
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_SCRIPT_WQL_H
#define VERGUARD_SCRIPT_WQL_H

#include "core/Expr.h"

#include "llvm/ADT/StringRef.h"

#include <functional>
#include <optional>
#include <string>

namespace verguard::script {

/// The value of a property of the queried class, or null if it is not a
/// version quantity (e.g. for Win32_OperatingSystem, "BuildNumber" ->
/// unary(ToStr, quantity(Build))). Names are passed as written.
using WqlPropertyFn = std::function<core::ExprPtr(llvm::StringRef Name)>;

/// The span of the user's file holding the query text [Begin, End) (offsets
/// into the query string), or nullopt if that text is not written verbatim
/// there (escapes, interpolation): such nodes get no spelling.
using WqlSpanFn = std::function<std::optional<core::SourceSpan>(uint32_t Begin,
                                                                uint32_t End)>;

struct WqlQuery {
  std::string ClassName;   // as written after FROM
  core::ExprPtr Where;     // null if the query has no WHERE clause
  uint32_t WhereBegin = 0; // offset of the condition (after WHERE)
};

/// A property of Win32_OperatingSystem as every frontend reads it: its
/// value from the source table (rules/sources.yaml), null for a property
/// that is not a version quantity.
core::ExprPtr osProperty(llvm::StringRef Name);

/// Parses `SELECT ... FROM Class [WHERE condition]`. nullopt if the text is
/// not a WQL SELECT query or its WHERE clause does not parse.
std::optional<WqlQuery> parseWqlQuery(llvm::StringRef Query,
                                      const WqlPropertyFn &Property,
                                      const WqlSpanFn &Span);

/// The class a WQL SELECT query names after FROM, as written; nullopt if the
/// text is not such a query (or its WHERE clause does not parse).
std::optional<std::string> wqlQueryClass(llvm::StringRef Query);
/// parseWqlQuery with Win32_OperatingSystem's properties (osProperty).
std::optional<WqlQuery> parseOsQuery(llvm::StringRef Query,
                                     const WqlSpanFn &Span);
/// Whether Query is a WQL SELECT query on Win32_OperatingSystem.
bool queriesOs(llvm::StringRef Query);

/// Parses a bare condition (a -Filter argument). Offset is added to every
/// offset passed to Span (the condition's position in a larger string).
/// nullptr if it does not parse.
core::ExprPtr parseWqlCondition(llvm::StringRef Condition,
                                const WqlPropertyFn &Property,
                                const WqlSpanFn &Span, uint32_t Offset = 0);

/// Translates a WQL LIKE pattern (`%`, `_`, `[...]`) to the wildcard syntax
/// the evaluator matches under Dialect::WQL (`*`, `?`, `[...]`).
std::string wqlLikeToWildcard(llvm::StringRef Pattern);

} // namespace verguard::script

#endif
