//===- VerifyVersion.h - VerifyVersionInfo's test, language-neutral -*- C++
//-*-===//
//
// VerifyVersionInfo(info, typeMask, conditionMask) compares the system with
// the struct's members for each VER_* type bit in typeMask, under the
// condition VerSetConditionMask set for that bit. Major, minor and service
// pack are not compared one by one: they form one hierarchical version,
// compared lexicographically under the condition of the highest component
// present (so `>= 6.0 SP2` holds on 6.1 SP0). Every frontend that reads
// VerifyVersionInfo (C/C++, C# through P/Invoke) builds that part here; the
// build and product type, each a plain comparison, it spells itself.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_CORE_VERIFYVERSION_H
#define VERGUARD_CORE_VERIFYVERSION_H

#include "core/Expr.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>

namespace verguard::core {

/// VER_* type bits of VerifyVersionInfo's type mask (winnt.h).
enum VerType : int64_t {
  VerMinor = 0x1,
  VerMajor = 0x2,
  VerBuild = 0x4,
  VerSPMinor = 0x10,
  VerSPMajor = 0x20,
  VerProductType = 0x80,
};

/// A VER_* condition (VER_EQUAL 1 ... VER_LESS_EQUAL 5) as an operator, or
/// nothing for another value (VER_AND, VER_OR).
std::optional<CmpOp> verCondition(int64_t Condition);

/// The hierarchical test of the major, minor and service pack levels that
/// TypeMask names: Condition(Bit) is the VER_* condition set for a type bit
/// (nothing where the mask sets none), Field(Name) the value of the struct
/// member (dwMajorVersion, dwMinorVersion, wServicePackMajor,
/// wServicePackMinor). A null pointer where TypeMask names no such level;
/// nothing where the test cannot be read (a level without a condition, or
/// no condition VerifyVersionInfo knows): the whole call is unknown then.
std::optional<ExprPtr> verifyVersionLevels(
    int64_t TypeMask,
    llvm::function_ref<std::optional<int64_t>(int64_t Bit)> Condition,
    llvm::function_ref<ExprPtr(llvm::StringRef Field)> Field);

} // namespace verguard::core

#endif
