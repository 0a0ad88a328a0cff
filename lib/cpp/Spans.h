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
/// The whitespace that starts the line holding Loc.
std::string lineIndent(const clang::ASTContext &Ctx, clang::SourceLocation Loc);

} // namespace verguard::cpp

#endif
