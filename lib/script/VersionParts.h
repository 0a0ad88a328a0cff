//===- VersionParts.h - components of a version string ----------*- C++ -*-===//
//
// What script frontends share about reading a version string apart: the
// component `N` of `"6.0.6002".Split('.')` is the major, minor or build
// itself (as text), so that a build read this way is a build.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_SCRIPT_VERSIONPARTS_H
#define VERGUARD_SCRIPT_VERSIONPARTS_H

#include "core/Expr.h"

namespace verguard::script {

/// Item I of Split (an Op::Split of a version string quantity on "."): the
/// component as text (ToStr of Major, Minor or Build), or null when Split is
/// something else.
core::ExprPtr versionSplitPart(const core::ExprPtr &Split, int64_t I);

} // namespace verguard::script

#endif
