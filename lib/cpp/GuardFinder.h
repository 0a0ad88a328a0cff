//===- GuardFinder.h - every version guard of a TU --------------*- C++ -*-===//
#ifndef VERGUARD_CPP_GUARDFINDER_H
#define VERGUARD_CPP_GUARDFINDER_H

#include "core/FrontendOptions.h"
#include "core/Guard.h"

#include "clang/AST/ASTContext.h"

#include <vector>

namespace verguard::cpp {

/// Finds the guards of the translation unit's own (non-system) code: the
/// maximal condition around every comparison, string test or
/// VerifyVersionInfo call, switch statements on a version quantity, and
/// lookup tables keyed by build. Only guards that read a version quantity
/// are returned.
std::vector<core::Guard> findGuards(clang::ASTContext &Ctx,
                                    const core::FrontendOptions &Opts);

} // namespace verguard::cpp

#endif
