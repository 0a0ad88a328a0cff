//===- Sources.cpp --------------------------------------------------------===//
#include "vbscript/Sources.h"

#include "core/SourceTable.h"

#include "llvm/ADT/StringSwitch.h"

namespace verguard::vbscript {

using core::Quantity;

namespace {
std::optional<SourceQuantity> entry(const core::SourceEntry *E) {
  if (!E)
    return std::nullopt;
  return SourceQuantity{E->Q, E->AsString};
}
} // namespace

std::optional<SourceQuantity> wmiOsProperty(llvm::StringRef Name) {
  return entry(core::builtinSources().wmiProperty(Name));
}

bool isCurrentVersionKey(llvm::StringRef Key) {
  std::string L = Key.lower();
  llvm::StringRef K = llvm::StringRef(L).rtrim("\\");
  return K.ends_with("microsoft\\windows nt\\currentversion");
}

std::optional<SourceQuantity> registryValue(llvm::StringRef Key,
                                            llvm::StringRef Value) {
  if (!isCurrentVersionKey(Key))
    return std::nullopt;
  return entry(core::builtinSources().registryValue(Value));
}

std::optional<SourceQuantity> osviMember(llvm::StringRef Name) {
  return entry(core::builtinSources().versionInfoMember(Name));
}

std::optional<SourceQuantity> osviMemberAt(llvm::ArrayRef<std::string> Members,
                                           llvm::StringRef Name) {
  if (auto SQ = osviMember(Name))
    return SQ;
  // OSVERSIONINFOEX's members in order (winnt.h).
  static const char *const Layout[] = {
      "dwOSVersionInfoSize", "dwMajorVersion",    "dwMinorVersion",
      "dwBuildNumber",       "dwPlatformId",      "szCSDVersion",
      "wServicePackMajor",   "wServicePackMinor", "wSuiteMask",
      "wProductType"};
  for (size_t I = 0; I < Members.size() && I < std::size(Layout); ++I)
    if (llvm::StringRef(Members[I]).equals_insensitive(Name))
      return osviMember(Layout[I]);
  return std::nullopt;
}

bool isVersionApi(llvm::StringRef Name) {
  std::string L = Name.lower();
  return L == "getversionex" || L == "getversionexa" || L == "getversionexw" ||
         L == "rtlgetversion";
}

bool isSystemBinary(llvm::StringRef Path) {
  return core::builtinSources().isSystemBinary(Path);
}

ObjKind classifyWmiPath(llvm::StringRef Path) {
  std::string L = Path.lower();
  llvm::StringRef P = L;
  if (P.contains("win32_operatingsystem=@") ||
      P.contains("win32_operatingsystem=@"))
    return ObjKind::OsInstance;
  if (P.contains("stdregprov"))
    return ObjKind::RegProv;
  if (P.contains("win32_operatingsystem"))
    return ObjKind::OsCollection;
  if (P.contains("win32_") || P.contains("cim_"))
    return ObjKind::OtherWmi;
  return ObjKind::None;
}

ObjKind classifyMoniker(llvm::StringRef Moniker) {
  std::string L = Moniker.lower();
  llvm::StringRef M = L;
  if (!M.starts_with("winmgmts"))
    return ObjKind::None;
  ObjKind K = classifyWmiPath(M);
  if (K == ObjKind::OsInstance || K == ObjKind::RegProv)
    return K;
  return ObjKind::WmiService;
}

ObjKind classifyProgId(llvm::StringRef ProgId) {
  std::string L = ProgId.lower();
  return llvm::StringSwitch<ObjKind>(llvm::StringRef(L).trim())
      .Case("wbemscripting.swbemlocator", ObjKind::Locator)
      .Case("wscript.shell", ObjKind::Shell)
      .Case("scripting.filesystemobject", ObjKind::Fso)
      .Case("vbscript.regexp", ObjKind::RegExp)
      .Case("scripting.dictionary", ObjKind::Dictionary)
      .Default(ObjKind::None);
}

} // namespace verguard::vbscript
