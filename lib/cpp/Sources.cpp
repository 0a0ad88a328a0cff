//===- Sources.cpp --------------------------------------------------------===//
#include "cpp/Sources.h"

#include "core/Flow.h"
#include "core/SourceTable.h"

#include "llvm/ADT/StringSwitch.h"

namespace verguard::cpp {

using namespace core;

std::optional<Quantity> versionInfoField(llvm::StringRef Field) {
  // C++ is case-sensitive: `dwbuildnumber` is not the member.
  const SourceEntry *E = builtinSources().versionInfoMember(Field);
  if (!E || E->Name != Field)
    return std::nullopt;
  return E->Q;
}

bool isVersionInfoRecord(llvm::StringRef N) {
  N.consume_front("_");
  return N.contains("OSVERSIONINFO");
}

ExprPtr registryValue(llvm::StringRef V) {
  const SourceEntry *E = builtinSources().registryValue(V);
  if (!E)
    return nullptr;
  ExprPtr Q = quantity(E->Q, "registry value " + V.str());
  return E->AsString ? unary(Op::ToStr, Q) : Q;
}

ExprPtr valueNamed(llvm::StringRef Api, llvm::StringRef Name) {
  if (!Api.starts_with("MsiGetProperty"))
    return registryValue(Name);
  const core::InstallerEntry *E =
      builtinSources().installerProperty(Name, /*Burn=*/false);
  return E ? unary(Op::ToStr, core::installerValue(*E, "property " + E->Name))
           : nullptr;
}

ExprPtr getVersionDword() {
  return binary(
      Op::BitOr,
      binary(Op::Shl, quantity(Quantity::Build, "GetVersion()"), intConst(16)),
      binary(Op::BitOr,
             binary(Op::Shl, quantity(Quantity::Minor, "GetVersion()"),
                    intConst(8)),
             quantity(Quantity::Major, "GetVersion()")));
}

StrFnInfo stringFunction(llvm::StringRef N) {
  N.consume_front("std::");
  N.consume_front("::");
  StrFnInfo I;
  auto Is = [&](std::initializer_list<const char *> Names) {
    for (const char *X : Names)
      if (N == X)
        return true;
    return false;
  };
  if (Is({"strcmp", "wcscmp", "_tcscmp", "lstrcmp", "lstrcmpA", "lstrcmpW",
          "_mbscmp", "StrCmpA", "StrCmpW", "StrCmp"}))
    I.Kind = StrFn::Compare;
  else if (Is({"_stricmp", "_wcsicmp", "_tcsicmp", "stricmp", "wcsicmp",
               "strcasecmp", "lstrcmpi", "lstrcmpiA", "lstrcmpiW", "_mbsicmp",
               "StrCmpIA", "StrCmpIW", "StrCmpI", "_strcmpi", "strcmpi",
               "_wcsicmp_l", "_stricmp_l", "RtlCompareUnicodeString"}))
    I = {StrFn::Compare, true};
  else if (Is({"strncmp", "wcsncmp", "_tcsncmp", "StrCmpNA", "StrCmpNW",
               "StrCmpN"}))
    I.Kind = StrFn::CompareN;
  else if (Is({"_strnicmp", "_wcsnicmp", "_tcsnicmp", "strncasecmp",
               "StrCmpNIA", "StrCmpNIW", "StrCmpNI", "_strnicmp_l"}))
    I = {StrFn::CompareN, true};
  else if (Is({"CompareStringA", "CompareStringW", "CompareString",
               "CompareStringEx"}))
    I.Kind = StrFn::CompareString;
  else if (Is({"strstr", "wcsstr", "_tcsstr", "_mbsstr", "StrStrA", "StrStrW",
               "StrStr"}))
    I.Kind = StrFn::Find;
  else if (Is({"StrStrIA", "StrStrIW", "StrStrI"}))
    I = {StrFn::Find, true};
  else if (Is({"atoi",      "_wtoi",     "_ttoi",    "_tstoi",     "atol",
               "_wtol",     "_ttol",     "_atoi64",  "_wtoi64",    "atoll",
               "strtol",    "wcstol",    "_tcstol",  "strtoul",    "wcstoul",
               "_tcstoul",  "strtoull",  "wcstoull", "_wcstoui64", "_strtoui64",
               "stoi",      "stol",      "stoul",    "stoll",      "stoull",
               "StrToIntA", "StrToIntW", "StrToInt", "_wtof",      "atof"}))
    I.Kind = StrFn::ToInt;
  else if (Is({"to_string", "to_wstring", "_itoa", "_itow", "_ultoa",
               "_ultow"}))
    I.Kind = StrFn::ToStr;
  return I;
}

std::optional<Quantity> inferredQuantity(llvm::StringRef Name) {
  // An integer: the build or the revision, never a version string.
  auto Q = core::quantityNamed(Name);
  if (Q && (*Q == Quantity::Build || *Q == Quantity::Revision))
    return Q;
  return std::nullopt;
}

} // namespace verguard::cpp
