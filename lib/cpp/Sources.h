//===- Sources.h - the Windows APIs that report the OS version --*- C++ -*-===//
#ifndef VERGUARD_CPP_SOURCES_H
#define VERGUARD_CPP_SOURCES_H

#include "core/Expr.h"

#include "llvm/ADT/StringRef.h"

#include <optional>

namespace verguard::cpp {

/// A field of OSVERSIONINFO{A,W,EXA,EXW} / RTL_OSVERSIONINFO{W,EXW}.
std::optional<core::Quantity> versionInfoField(llvm::StringRef Field);
bool isVersionInfoRecord(llvm::StringRef RecordName);

/// A registry value under SOFTWARE\Microsoft\Windows NT\CurrentVersion.
/// Strings come back as strings, DWORDs (UBR, Current*VersionNumber) as ints.
core::ExprPtr registryValue(llvm::StringRef ValueName);
/// What API reads into its buffer under Name: a registry value
/// (RegQueryValueEx, RegGetValue, CRegKey), or a Windows Installer property
/// (MsiGetProperty: text); nullptr if Name is no version source.
core::ExprPtr valueNamed(llvm::StringRef Api, llvm::StringRef Name);

/// GetVersion()'s DWORD: build << 16 | minor << 8 | major.
core::ExprPtr getVersionDword();

/// String functions.
enum class StrFn {
  None,
  Compare,       // strcmp family: 3-way
  CompareN,      // strncmp family: 3-way on N characters
  CompareString, // CompareString[Ex][A|W]:
                 // CSTR_LESS_THAN(1)/EQUAL(2)/GREATER(3)
  Find,          // strstr family: pointer or null
  ToInt,         // atoi family
  ToStr,         // std::to_string
};
struct StrFnInfo {
  StrFn Kind = StrFn::None;
  bool IgnoreCase = false;
};
StrFnInfo stringFunction(llvm::StringRef Name);

/// A name that suggests a build number or version when the value's origin is
/// unknown (a member `m_build`, a function `GetOsBuildNumber`).
std::optional<core::Quantity> inferredQuantity(llvm::StringRef Name);

} // namespace verguard::cpp

#endif
