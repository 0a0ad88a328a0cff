//===- SourceTable.cpp ----------------------------------------------------===//
#include "core/SourceTable.h"
#include "core/BuiltinData.h"
#include "core/Expr.h"

#include "llvm/ADT/StringExtras.h"

#include "core/YamlInput.h"

#include "llvm/Support/YAMLTraits.h"

#include <algorithm>

namespace {
struct RawEntry {
  std::string Name, Quantity, Type = "value";
};
struct RawMember {
  std::string Record, Name, Quantity;
};
struct RawVariable {
  std::string Name, Quantity;
  uint64_t HighBits = 0;
};
struct RawOut {
  std::string Function, Quantity;
  unsigned Argument = 0;
  uint64_t HighBits = 0;
};
struct RawAddress {
  uint64_t Address = 0;
  std::string Name, Quantity;
};
struct RawTable {
  std::vector<RawEntry> Registry, Wmi, VersionInfo, MsiProperties,
      BurnVariables, TaskSequenceVariables;
  std::vector<RawMember> StructMembers;
  std::vector<RawVariable> Variables;
  std::vector<RawOut> OutParameters;
  std::vector<RawAddress> Addresses;
  std::vector<std::string> SystemBinaries, RevisionWords;
};
} // namespace

LLVM_YAML_IS_SEQUENCE_VECTOR(RawEntry)
LLVM_YAML_IS_SEQUENCE_VECTOR(RawMember)
LLVM_YAML_IS_SEQUENCE_VECTOR(RawVariable)
LLVM_YAML_IS_SEQUENCE_VECTOR(RawOut)
LLVM_YAML_IS_SEQUENCE_VECTOR(RawAddress)

namespace llvm::yaml {
template <> struct MappingTraits<RawEntry> {
  static void mapping(IO &Io, RawEntry &E) {
    Io.mapRequired("name", E.Name);
    Io.mapRequired("quantity", E.Quantity);
    Io.mapOptional("type", E.Type);
  }
};
template <> struct MappingTraits<RawMember> {
  static void mapping(IO &Io, RawMember &E) {
    Io.mapRequired("record", E.Record);
    Io.mapRequired("name", E.Name);
    Io.mapRequired("quantity", E.Quantity);
  }
};
template <> struct MappingTraits<RawVariable> {
  static void mapping(IO &Io, RawVariable &E) {
    Io.mapRequired("name", E.Name);
    Io.mapRequired("quantity", E.Quantity);
    Io.mapOptional("highBits", E.HighBits);
  }
};
template <> struct MappingTraits<RawOut> {
  static void mapping(IO &Io, RawOut &E) {
    Io.mapRequired("function", E.Function);
    Io.mapRequired("argument", E.Argument);
    Io.mapRequired("quantity", E.Quantity);
    Io.mapOptional("highBits", E.HighBits);
  }
};
template <> struct MappingTraits<RawAddress> {
  static void mapping(IO &Io, RawAddress &E) {
    Io.mapRequired("address", E.Address);
    Io.mapRequired("name", E.Name);
    Io.mapRequired("quantity", E.Quantity);
  }
};
template <> struct MappingTraits<RawTable> {
  static void mapping(IO &Io, RawTable &T) {
    Io.mapRequired("registry", T.Registry);
    Io.mapRequired("wmi", T.Wmi);
    Io.mapRequired("versionInfo", T.VersionInfo);
    Io.mapOptional("structMembers", T.StructMembers);
    Io.mapOptional("variables", T.Variables);
    Io.mapOptional("outParameters", T.OutParameters);
    Io.mapOptional("addresses", T.Addresses);
    Io.mapOptional("msiProperties", T.MsiProperties);
    Io.mapOptional("burnVariables", T.BurnVariables);
    Io.mapOptional("taskSequenceVariables", T.TaskSequenceVariables);
    Io.mapRequired("systemBinaries", T.SystemBinaries);
    Io.mapRequired("revisionWords", T.RevisionWords);
  }
};
} // namespace llvm::yaml

namespace verguard::core {

namespace {
const SourceEntry *findIn(const std::vector<SourceEntry> &V,
                          llvm::StringRef Name) {
  for (const SourceEntry &E : V)
    if (Name.equals_insensitive(E.Name))
      return &E;
  return nullptr;
}
} // namespace

const InstallerEntry *SourceTable::installerProperty(llvm::StringRef Name,
                                                     bool Burn) const {
  for (const InstallerEntry &E : Burn ? BurnVariables : MsiProperties)
    if (Name == E.Name) // property names are case-sensitive
      return &E;
  return nullptr;
}

const SourceEntry *SourceTable::registryValue(llvm::StringRef Name) const {
  return findIn(Registry, Name);
}
const SourceEntry *SourceTable::wmiProperty(llvm::StringRef Name) const {
  return findIn(Wmi, Name);
}
const SourceEntry *
SourceTable::taskSequenceVariable(llvm::StringRef Name) const {
  return findIn(TaskSequenceVariables, Name);
}
const SourceEntry *SourceTable::versionInfoMember(llvm::StringRef Name) const {
  return findIn(VersionInfo, Name);
}

const StructMemberEntry *SourceTable::structMember(llvm::StringRef Record,
                                                   llvm::StringRef Name) const {
  Record = Record.ltrim('_');
  for (const StructMemberEntry &E : StructMembers)
    if (E.Name == Name && Record.ends_with(E.Record))
      return &E;
  return nullptr;
}

const VariableEntry *SourceTable::variable(llvm::StringRef Name) const {
  for (const VariableEntry &E : Variables)
    if (E.Name == Name)
      return &E;
  return nullptr;
}

const AddressEntry *SourceTable::address(uint64_t Address) const {
  for (const AddressEntry &E : Addresses)
    if (E.Address == Address)
      return &E;
  return nullptr;
}

bool SourceTable::isSystemBinary(llvm::StringRef Path) const {
  size_t Slash = Path.find_last_of("\\/");
  llvm::StringRef File =
      Slash == llvm::StringRef::npos ? Path : Path.substr(Slash + 1);
  for (const std::string &B : SystemBinaries)
    if (File.equals_insensitive(B))
      return true;
  return false;
}

bool SourceTable::quotesSystemBinary(llvm::StringRef Text) const {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Text.split(Parts, '\'', -1, false);
  return llvm::any_of(
      Parts, [&](llvm::StringRef P) { return isSystemBinary(P.trim()); });
}

llvm::Expected<SourceTable> parseSourceTable(llvm::StringRef Yaml,
                                             llvm::StringRef FileName) {
  RawTable Raw;
  if (llvm::Error E = readYaml(Yaml, FileName, Raw))
    return std::move(E);
  SourceTable T;
  auto Q = [&](const std::string &Name, const std::string &What,
               const char *Section) -> llvm::Expected<Quantity> {
    if (auto Q = quantityFromName(Name))
      return *Q;
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "%s: %s entry '%s' has unknown quantity '%s'", FileName.str().c_str(),
        Section, What.c_str(), Name.c_str());
  };
  auto Convert = [&](const std::vector<RawEntry> &From,
                     std::vector<SourceEntry> &To,
                     const char *Section) -> llvm::Error {
    for (const RawEntry &R : From) {
      auto X = Q(R.Quantity, R.Name, Section);
      if (!X)
        return X.takeError();
      if (R.Type != "value" && R.Type != "string")
        return llvm::createStringError(
            llvm::inconvertibleErrorCode(),
            "%s: %s entry '%s' has type '%s'; expected value or string",
            FileName.str().c_str(), Section, R.Name.c_str(), R.Type.c_str());
      To.push_back({R.Name, *X, R.Type == "string"});
    }
    return llvm::Error::success();
  };
  if (auto E = Convert(Raw.Registry, T.Registry, "registry"))
    return std::move(E);
  if (auto E = Convert(Raw.Wmi, T.Wmi, "wmi"))
    return std::move(E);
  if (auto E = Convert(Raw.VersionInfo, T.VersionInfo, "versionInfo"))
    return std::move(E);
  if (auto E = Convert(Raw.TaskSequenceVariables, T.TaskSequenceVariables,
                       "taskSequenceVariables"))
    return std::move(E);
  for (const RawMember &R : Raw.StructMembers) {
    auto X = Q(R.Quantity, R.Record + "." + R.Name, "structMembers");
    if (!X)
      return X.takeError();
    T.StructMembers.push_back({R.Record, R.Name, *X});
  }
  for (const RawVariable &R : Raw.Variables) {
    auto X = Q(R.Quantity, R.Name, "variables");
    if (!X)
      return X.takeError();
    T.Variables.push_back({R.Name, *X, R.HighBits});
  }
  for (const RawOut &R : Raw.OutParameters) {
    auto X = Q(R.Quantity, R.Function, "outParameters");
    if (!X)
      return X.takeError();
    T.OutParameters.push_back({R.Function, R.Argument, *X, R.HighBits});
  }
  for (const RawAddress &R : Raw.Addresses) {
    auto X = Q(R.Quantity, R.Name, "addresses");
    if (!X)
      return X.takeError();
    T.Addresses.push_back({R.Address, R.Name, *X});
  }
  // Installer properties: the quantity itself (`value`), Windows
  // Installer's VersionNT (`ntVersion`: major * 100 + minor), Burn's
  // (`version`: major.minor.0.0).
  auto Installer = [&](const std::vector<RawEntry> &From,
                       std::vector<InstallerEntry> &To,
                       const char *Section) -> llvm::Error {
    for (const RawEntry &R : From) {
      auto X = Q(R.Quantity, R.Name, Section);
      if (!X)
        return X.takeError();
      std::optional<InstallerEntry::Form> F =
          R.Type == "value"       ? InstallerEntry::Value
          : R.Type == "ntVersion" ? InstallerEntry::NtVersion
          : R.Type == "version"   ? InstallerEntry::MajorMinorVersion
                                  : std::optional<InstallerEntry::Form>();
      if (!F)
        return llvm::createStringError(
            llvm::inconvertibleErrorCode(),
            "%s: %s entry '%s' has type '%s'; expected value, ntVersion or "
            "version",
            FileName.str().c_str(), Section, R.Name.c_str(), R.Type.c_str());
      To.push_back({R.Name, *X, *F});
    }
    return llvm::Error::success();
  };
  if (auto E = Installer(Raw.MsiProperties, T.MsiProperties, "msiProperties"))
    return std::move(E);
  if (auto E = Installer(Raw.BurnVariables, T.BurnVariables, "burnVariables"))
    return std::move(E);
  for (const std::string &B : Raw.SystemBinaries)
    T.SystemBinaries.push_back(llvm::StringRef(B).lower());
  T.RevisionWords = Raw.RevisionWords;
  return T;
}

namespace {
const char BuiltinYaml[] = {
#include "sources.yaml.inc"
    0};
} // namespace

llvm::StringRef builtinSourcesText() { return BuiltinYaml; }

const SourceTable &builtinSources() {
  static const SourceTable Table = [] {
    auto T = parseSourceTable(BuiltinYaml, "rules/sources.yaml");
    if (!T) // validated by the build's tests; never continue with garbage
      llvm::report_fatal_error(T.takeError());
    return std::move(*T);
  }();
  return Table;
}

std::vector<std::string> triggerWords(const ProfileSet &Profiles,
                                      llvm::ArrayRef<const Bump *> Bumps,
                                      llvm::ArrayRef<UserSource> User) {
  std::vector<std::string> T;
  auto Add = [&](llvm::StringRef S) {
    std::string L = S.lower();
    if (std::find(T.begin(), T.end(), L) == T.end())
      T.push_back(std::move(L));
  };
  // Every build in [before, after] (`build >= 19043` flips across 19041 ->
  // 19045), in decimal and in hex (`0x1772`, `&H1772`, `0x17720000`).
  for (const Bump *B : Bumps) {
    int64_t X = Profiles.Profiles[B->Before].build();
    int64_t Y = Profiles.Profiles[B->After].build();
    for (int64_t Build = std::min(X, Y); Build <= std::max(X, Y); ++Build) {
      Add(std::to_string(Build));
      Add(llvm::utohexstr(uint64_t(Build), /*LowerCase=*/true));
    }
  }
  // Revision thresholds do not mention the build: their sources do.
  for (const std::string &S : builtinSources().RevisionWords)
    Add(S);
  for (const UserSource &S : User)
    Add(S.Name);
  return T;
}

ExprPtr systeminfoOutput(std::string Provenance) {
  auto Q = [&](Quantity K) { return quantity(K, Provenance); };
  ExprPtr Csd = Q(Quantity::CSDVersion);
  ExprPtr NoSp = cmp(CmpOp::EQ, Csd, strConst(""), CmpMode::Str);
  return nary(Op::Concat,
              {strConst("\r\nHost Name:                 HOST\r\n"
                        "OS Name:                   "),
               Q(Quantity::ProductName),
               strConst("\r\nOS Version:                "),
               Q(Quantity::Version), strConst(" "),
               nary(Op::Choose, {NoSp, strConst("N/A"), Csd}),
               strConst(" Build "), unary(Op::ToStr, Q(Quantity::Build)),
               strConst("\r\nOS Manufacturer:           Microsoft "
                        "Corporation\r\n")});
}

namespace {
/// What `wmic os get P1,P2 /value` (or `/format:list`) prints: each property
/// of Win32_OperatingSystem as `Name=value`, in alphabetical order, each line
/// ended by wmic's "\r\r\n"; with the table format, a single property's
/// column head and its value (two blanks after each). Null for a class other
/// than the OS's, a property the table does not know, or another format.
ExprPtr wmicOutput(llvm::StringRef C) {
  llvm::SmallVector<llvm::StringRef, 8> W;
  C.split(W, ' ', -1, false);
  auto IsWmic = [](llvm::StringRef A) {
    A = A.trim('"');
    return A == "wmic" || A == "wmic.exe" || A.ends_with("\\wmic.exe") ||
           A.ends_with("/wmic.exe");
  };
  size_t I = 0;
  while (I < W.size() && !IsWmic(W[I]))
    ++I;
  if (I == W.size())
    return nullptr;
  ++I;
  while (I < W.size() && W[I].starts_with("/")) // /node:..., /namespace:...
    ++I;
  if (I < W.size() && W[I] == "path")
    ++I;
  if (I >= W.size() || !(W[I] == "os" || W[I] == "win32_operatingsystem"))
    return nullptr;
  ++I;
  if (I >= W.size() || W[I] != "get")
    return nullptr;
  std::vector<const SourceEntry *> Props;
  bool List = false;
  for (++I; I < W.size(); ++I) {
    llvm::StringRef A = W[I];
    if (A == "/value" || A == "/format:list") {
      List = true;
      continue;
    }
    if (A.starts_with("/"))
      return nullptr; // another format
    for (llvm::StringRef P : llvm::split(A, ',')) {
      if (P.trim().empty())
        continue;
      const SourceEntry *E = builtinSources().wmiProperty(P.trim());
      if (!E)
        return nullptr;
      Props.push_back(E);
    }
  }
  if (Props.empty() || (!List && Props.size() != 1))
    return nullptr;
  llvm::sort(Props, [](const SourceEntry *A, const SourceEntry *B) {
    return llvm::StringRef(A->Name).compare_insensitive(B->Name) < 0;
  });
  auto Value = [](const SourceEntry *E) {
    ExprPtr V = quantity(E->Q, "the output of `wmic os get " + E->Name + "`");
    return isStringQuantity(E->Q) ? V : unary(Op::ToStr, V);
  };
  std::vector<ExprPtr> Parts;
  if (!List) {
    Parts = {strConst(Props[0]->Name + "  \r\r\n"), Value(Props[0]),
             strConst("  \r\r\n\r\r\n")};
  } else {
    std::string Cur = "\r\r\n\r\r\n";
    for (const SourceEntry *E : Props) {
      Parts.push_back(strConst(Cur + E->Name + "="));
      Parts.push_back(Value(E));
      Cur = "\r\r\n";
    }
    Parts.push_back(strConst("\r\r\n\r\r\n\r\r\n"));
  }
  return nary(Op::Concat, std::move(Parts));
}
} // namespace

bool readsCommandOutput(const Expr &E) {
  return anyNode(E, [](const Expr &N) {
    return N.Kind == Op::Quantity &&
           llvm::StringRef(N.Provenance).starts_with("the output of `");
  });
}

ExprPtr commandOutput(llvm::StringRef Command) {
  std::string L = Command.lower();
  llvm::StringRef C = llvm::StringRef(L).trim();
  if (ExprPtr W = wmicOutput(C))
    return W;
  if ((C.contains("cmd") || C.contains("%comspec%")) &&
      (C.ends_with(" ver") || C.contains("/c ver") || C.contains("/k ver")))
    return quantity(Quantity::VerOutput, "the output of `ver`");
  // `systeminfo`, `systeminfo.exe /fo list`, `cmd /c systeminfo`.
  llvm::StringRef Prog = C;
  if (size_t Sys = C.find("systeminfo"); Sys != llvm::StringRef::npos)
    Prog = C.substr(Sys);
  if (Prog.starts_with("systeminfo") &&
      (Prog.size() == 10 || Prog[10] == ' ' || Prog[10] == '.'))
    return systeminfoOutput("the output of `systeminfo`");
  return nullptr;
}

std::vector<std::string> defaultTriggerWords() {
  const ProfileSet &P = builtinProfiles();
  std::vector<const Bump *> Enabled;
  for (const Bump &B : P.Bumps)
    if (B.Enabled)
      Enabled.push_back(&B);
  return triggerWords(P, Enabled);
}

bool isCurrentVersionKey(llvm::StringRef Path) {
  std::string P = Path.trim().lower();
  std::replace(P.begin(), P.end(), '/', '\\');
  llvm::StringRef R = P;
  R.consume_front("hkey_local_machine\\");
  R.consume_front("hklm\\");
  R.consume_front("\\");
  R = R.rtrim('\\');
  return R == "software\\microsoft\\windows nt\\currentversion" ||
         R == "software\\wow6432node\\microsoft\\windows nt\\currentversion";
}

std::optional<Quantity> quantityNamed(llvm::StringRef Name) {
  std::string N;
  for (char C : Name)
    if (llvm::isAlnum(C))
      N += llvm::toLower(C);
  llvm::StringRef S = N;
  // Names of versions and builds that are not the OS's.
  static const char *Other[] = {"psversion",
                                "powershell",
                                "dotnet",
                                "netversion",
                                "clr",
                                "module",
                                "script",
                                "port",
                                "lab",
                                "app",
                                "package",
                                "fileversion",
                                "productversion",
                                "driverversion",
                                "schema",
                                "protocol",
                                "sdk",
                                "wdk",
                                "ddk",
                                "tool",
                                "log",
                                "path",
                                "dir",
                                "folder",
                                "file",
                                "env",
                                "compiler",
                                "msbuild",
                                "nuget",
                                "firmware",
                                "bios",
                                "office",
                                "browser",
                                "agent",
                                "driver",
                                "host"};
  if (S.empty())
    return std::nullopt;
  for (const char *O : Other)
    if (S.contains(O))
      return std::nullopt;
  bool Os = S.contains("os") || S.contains("win") || S.contains("system") ||
            S.contains("platform");
  if (S.ends_with("ubr") || S.ends_with("privatepart") ||
      (Os && (S.ends_with("revision") || S.ends_with("rev"))))
    return Quantity::Revision;
  if (S.ends_with("build") || S.ends_with("buildnumber") ||
      S.ends_with("buildno") || S.ends_with("buildnum") ||
      S.contains("osbuild") || S.contains("winbuild") ||
      S.contains("windowsbuild"))
    return Quantity::Build;
  if (S.contains("osver") || S.contains("winver") ||
      S.contains("windowsversion") || (Os && S.ends_with("version")) ||
      S == "version" || S == "ver")
    return Quantity::Version;
  return std::nullopt;
}

} // namespace verguard::core
