//===- Sources.cpp --------------------------------------------------------===//
#include "vbscript/Sources.h"

#include "llvm/ADT/StringSwitch.h"

namespace verguard::vbscript {

using core::Quantity;

std::optional<SourceQuantity> wmiOsProperty(llvm::StringRef Name) {
  std::string L = Name.lower();
  return llvm::StringSwitch<std::optional<SourceQuantity>>(L)
      .Case("buildnumber", SourceQuantity{Quantity::Build, true})
      .Case("version", SourceQuantity{Quantity::Version, true})
      .Case("csdversion", SourceQuantity{Quantity::CSDVersion, true})
      .Case("servicepackmajorversion", SourceQuantity{Quantity::SPMajor})
      .Case("servicepackminorversion", SourceQuantity{Quantity::SPMinor})
      .Case("producttype", SourceQuantity{Quantity::ProductType})
      .Case("caption", SourceQuantity{Quantity::ProductName, true})
      .Default(std::nullopt);
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
  std::string L = Value.lower();
  return llvm::StringSwitch<std::optional<SourceQuantity>>(L)
      .Case("currentbuildnumber", SourceQuantity{Quantity::Build, true})
      .Case("currentbuild", SourceQuantity{Quantity::Build, true})
      .Case("ubr", SourceQuantity{Quantity::Revision})
      .Case("currentversion", SourceQuantity{Quantity::CurrentVersion, true})
      .Case("csdversion", SourceQuantity{Quantity::CSDVersion, true})
      .Case("buildlab", SourceQuantity{Quantity::BuildLab, true})
      .Case("buildlabex", SourceQuantity{Quantity::BuildLabEx, true})
      .Case("productname", SourceQuantity{Quantity::ProductName, true})
      .Case("currentmajorversionnumber", SourceQuantity{Quantity::Major})
      .Case("currentminorversionnumber", SourceQuantity{Quantity::Minor})
      .Default(std::nullopt);
}

std::optional<SourceQuantity> osviMember(llvm::StringRef Name) {
  std::string L = Name.lower();
  return llvm::StringSwitch<std::optional<SourceQuantity>>(L)
      .Case("dwmajorversion", SourceQuantity{Quantity::Major})
      .Case("dwminorversion", SourceQuantity{Quantity::Minor})
      .Case("dwbuildnumber", SourceQuantity{Quantity::Build})
      .Case("wservicepackmajor", SourceQuantity{Quantity::SPMajor})
      .Case("wservicepackminor", SourceQuantity{Quantity::SPMinor})
      .Case("wproducttype", SourceQuantity{Quantity::ProductType})
      .Case("szcsdversion", SourceQuantity{Quantity::CSDVersion, true})
      .Default(std::nullopt);
}

bool isVersionApi(llvm::StringRef Name) {
  std::string L = Name.lower();
  return L == "getversionex" || L == "getversionexa" || L == "getversionexw" ||
         L == "rtlgetversion";
}

bool isSystemBinary(llvm::StringRef Path) {
  std::string L = Path.lower();
  llvm::StringRef P = L;
  size_t Slash = P.find_last_of("\\/");
  llvm::StringRef File =
      Slash == llvm::StringRef::npos ? P : P.substr(Slash + 1);
  static const char *Known[] = {
      "kernel32.dll", "ntdll.dll",      "ntoskrnl.exe", "user32.dll",
      "advapi32.dll", "kernelbase.dll", "winver.exe",   "shell32.dll",
      "gdi32.dll",    "hal.dll",        "win32k.sys",   "ole32.dll"};
  for (const char *K : Known)
    if (File == K)
      return true;
  return false;
}

bool isVerCommand(llvm::StringRef Command) {
  std::string L = Command.lower();
  llvm::StringRef C = llvm::StringRef(L).trim();
  return (C.contains("cmd") || C.contains("%comspec%")) &&
         (C.ends_with(" ver") || C.contains("/c ver") || C.contains("/k ver"));
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
      .Default(ObjKind::None);
}

std::optional<Quantity> dottedComponent(Quantity Q, int64_t Index) {
  switch (Q) {
  case Quantity::FileVersion:
  case Quantity::Version:
  case Quantity::DotNetVersion:
  case Quantity::CurrentVersion:
    break;
  default:
    return std::nullopt;
  }
  if (Q == Quantity::CurrentVersion && Index > 1)
    return std::nullopt;
  switch (Index) {
  case 0:
    return Quantity::Major;
  case 1:
    return Quantity::Minor;
  case 2:
    return Quantity::Build;
  case 3:
    if (Q == Quantity::FileVersion)
      return Quantity::Revision;
    return std::nullopt;
  default:
    return std::nullopt;
  }
}

} // namespace verguard::vbscript
