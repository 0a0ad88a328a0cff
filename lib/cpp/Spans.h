//===- Spans.h - Clang source ranges as the user's file spans ---*- C++ -*-===//
#ifndef VERGUARD_CPP_SPANS_H
#define VERGUARD_CPP_SPANS_H

#include "core/Expr.h"

#include "clang/AST/ASTContext.h"

namespace verguard::cpp {

/// Where the user must edit to change the node R covers: the text in the file
/// as written. A range that is an argument of a macro maps to the argument;
/// a range inside one macro's body maps to the #define. Invalid if neither.
core::SourceSpan fileSpan(const clang::ASTContext &Ctx, clang::SourceRange R);
core::Spelling spelling(const clang::ASTContext &Ctx, clang::SourceRange R);
/// The spelling of an atom (a comparison, a predicate) with the calls it
/// evaluates (Spelling::Calls): explicit function and method calls, not
/// operators, implicit conversions or those ComputesOnly accepts (calls that
/// only compute from their arguments, which may be evaluated twice). A call
/// with no span of its own (inside a system macro) gets an invalid one.
core::Spelling
atomSpelling(const clang::ASTContext &Ctx, const clang::Expr *E,
             llvm::function_ref<bool(const clang::CallExpr *)> ComputesOnly);
/// Where the value of a constant used by name is written: the body of the
/// macro it expands from (`#define SP2_BUILD 6002`), the initializer of a
/// named constant or enumerator. Invalid if it is written where it is used.
core::SourceSpan definitionSpan(const clang::ASTContext &Ctx,
                                const clang::Expr *E);
/// The whitespace that starts the line holding Loc.
std::string lineIndent(const clang::ASTContext &Ctx, clang::SourceLocation Loc);

} // namespace verguard::cpp

#endif
