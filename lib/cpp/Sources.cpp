//===- Sources.cpp --------------------------------------------------------===//
#include "cpp/Sources.h"

#include "llvm/ADT/StringSwitch.h"

namespace verguard::cpp {

using namespace core;

std::optional<Quantity> versionInfoField(llvm::StringRef Field) {
  return llvm::StringSwitch<std::optional<Quantity>>(Field)
      .Case("dwMajorVersion", Quantity::Major)
      .Case("dwMinorVersion", Quantity::Minor)
      .Case("dwBuildNumber", Quantity::Build)
      .Case("wServicePackMajor", Quantity::SPMajor)
      .Case("wServicePackMinor", Quantity::SPMinor)
      .Case("wProductType", Quantity::ProductType)
      .Case("szCSDVersion", Quantity::CSDVersion)
      .Default(std::nullopt);
}

bool isVersionInfoRecord(llvm::StringRef N) {
  N.consume_front("_");
  return N.contains("OSVERSIONINFO");
}

ExprPtr fixedFileInfoField(llvm::StringRef Field) {
  auto Pair = [](Quantity Hi, Quantity Lo) {
    return binary(Op::BitOr,
                  binary(Op::Shl, quantity(Hi, "VS_FIXEDFILEINFO"),
                         intConst(16)),
                  quantity(Lo, "VS_FIXEDFILEINFO"));
  };
  if (Field == "dwFileVersionMS" || Field == "dwProductVersionMS")
    return Pair(Quantity::Major, Quantity::Minor);
  if (Field == "dwFileVersionLS" || Field == "dwProductVersionLS")
    return Pair(Quantity::Build, Quantity::Revision);
  return nullptr;
}

ExprPtr registryValue(llvm::StringRef V) {
  std::string Prov = "registry value " + V.str();
  if (V.equals_insensitive("CurrentBuildNumber") ||
      V.equals_insensitive("CurrentBuild"))
    return unary(Op::ToStr, quantity(Quantity::Build, Prov));
  if (V.equals_insensitive("UBR"))
    return quantity(Quantity::Revision, Prov);
  if (V.equals_insensitive("CurrentMajorVersionNumber"))
    return quantity(Quantity::Major, Prov);
  if (V.equals_insensitive("CurrentMinorVersionNumber"))
    return quantity(Quantity::Minor, Prov);
  if (V.equals_insensitive("CurrentVersion"))
    return quantity(Quantity::CurrentVersion, Prov);
  if (V.equals_insensitive("BuildLab"))
    return quantity(Quantity::BuildLab, Prov);
  if (V.equals_insensitive("BuildLabEx"))
    return quantity(Quantity::BuildLabEx, Prov);
  if (V.equals_insensitive("CSDVersion"))
    return quantity(Quantity::CSDVersion, Prov);
  if (V.equals_insensitive("ProductName"))
    return quantity(Quantity::ProductName, Prov);
  return nullptr;
}

ExprPtr getVersionDword() {
  return binary(
      Op::BitOr, binary(Op::Shl, quantity(Quantity::Build, "GetVersion()"),
                        intConst(16)),
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
  else if (Is({"atoi", "_wtoi", "_ttoi", "_tstoi", "atol", "_wtol", "_ttol",
               "_atoi64", "_wtoi64", "atoll", "strtol", "wcstol", "_tcstol",
               "strtoul", "wcstoul", "_tcstoul", "strtoull", "wcstoull",
               "_wcstoui64", "_strtoui64", "stoi", "stol", "stoul", "stoll",
               "stoull", "StrToIntA", "StrToIntW", "StrToInt", "_wtof",
               "atof"}))
    I.Kind = StrFn::ToInt;
  else if (Is({"to_string", "to_wstring", "_itoa", "_itow", "_ultoa",
               "_ultow"}))
    I.Kind = StrFn::ToStr;
  return I;
}

std::optional<Quantity> inferredQuantity(llvm::StringRef Name) {
  std::string L = Name.lower();
  llvm::StringRef N = L;
  if (N.contains("psversion") || N.contains("fileversion") ||
      N.contains("appversion") || N.contains("productversion") ||
      N.contains("driverversion") || N.contains("schema") ||
      N.contains("protocol") || N.contains("sdk"))
    return std::nullopt;
  bool Os = N.contains("os") || N.contains("win") || N.contains("system") ||
            N.contains("nt");
  if (N.ends_with("buildnumber") || N.ends_with("build_number") ||
      N == "build" || N == "m_build" || N == "dwbuild" || N == "nbuild" ||
      N == "osbuild" || N == "os_build" || N == "winbuild" ||
      N.ends_with("osbuild") || N.ends_with("os_build") ||
      N.ends_with("winbuild") || N.ends_with("windowsbuild") ||
      (Os && N.ends_with("build")))
    return Quantity::Build;
  if (N.ends_with("ubr") || (Os && N.ends_with("revision")))
    return Quantity::Revision;
  return std::nullopt;
}

} // namespace verguard::cpp
