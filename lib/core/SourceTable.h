//===- SourceTable.h - where Windows code reads the OS version --*- C++ -*-===//
//
// The table of version sources (rules/sources.yaml, embedded at build time):
// registry values, WMI properties, OSVERSIONINFO members, system binaries and
// the prefilter's revision words. Every frontend and the prefilter read it,
// so no two of them can disagree about what a source is.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_CORE_SOURCETABLE_H
#define VERGUARD_CORE_SOURCETABLE_H

#include "core/Expr.h"
#include "core/FrontendOptions.h"
#include "core/Profile.h"
#include "core/Quantity.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace verguard::core {

/// One named source: the quantity it holds, and whether it hands it over as
/// text holding a number (`type: string`: WMI BuildNumber "6002").
struct SourceEntry {
  std::string Name;
  Quantity Q = Quantity::Build;
  bool AsString = false;
};

/// A property the Windows Installer sets (VersionNT, WindowsBuild) or a
/// variable Burn sets (WindowsBuildNumber), and how it holds its quantity.
struct InstallerEntry {
  std::string Name;
  Quantity Q = Quantity::Build;
  enum Form : uint8_t {
    Value,            // the quantity itself
    NtVersion,        // Q is Major: major * 100 + minor (600)
    MajorMinorVersion // Q is Major: Burn's version vmajor.minor.0.0
  } F = Value;
};

/// A member of a structure other than OSVERSIONINFO.
struct StructMemberEntry {
  std::string Record, Name;
  Quantity Q = Quantity::Build;
};

/// A variable holding a quantity, with flag bits ORed above it.
struct VariableEntry {
  std::string Name;
  Quantity Q = Quantity::Build;
  uint64_t HighBits = 0;
};

/// An API's out-parameter that receives a quantity, with flag bits ORed
/// above it (RtlGetNtVersionNumbers' build).
struct OutParameterEntry {
  std::string Function;
  unsigned Argument = 0;
  Quantity Q = Quantity::Build;
  uint64_t HighBits = 0;
};

/// A fixed address that holds a quantity (KUSER_SHARED_DATA's NtBuildNumber
/// at 0x7FFE0260), read through a pointer made from the number.
struct AddressEntry {
  uint64_t Address = 0;
  std::string Name; // what is there, for the finding's provenance
  Quantity Q = Quantity::Build;
};

struct SourceTable {
  std::vector<SourceEntry> Registry, Wmi, VersionInfo, TaskSequenceVariables;
  std::vector<StructMemberEntry> StructMembers;
  std::vector<VariableEntry> Variables;
  std::vector<OutParameterEntry> OutParameters;
  std::vector<AddressEntry> Addresses;
  std::vector<InstallerEntry> MsiProperties, BurnVariables;
  std::vector<std::string> SystemBinaries; // lower case file names
  std::vector<std::string> RevisionWords;  // as written in the table

  /// A property of the Windows Installer (Burn: a variable of Burn's), by
  /// its exact name.
  const InstallerEntry *installerProperty(llvm::StringRef Name,
                                          bool Burn) const;
  /// A value under HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion.
  const SourceEntry *registryValue(llvm::StringRef Name) const;
  /// A property of Win32_OperatingSystem.
  const SourceEntry *wmiProperty(llvm::StringRef Name) const;
  /// A task sequence variable MDT's gather step sets (OSCurrentBuild).
  const SourceEntry *taskSequenceVariable(llvm::StringRef Name) const;
  /// A member of OSVERSIONINFO(EX).
  const SourceEntry *versionInfoMember(llvm::StringRef Name) const;
  /// A member of a record (exact case, as C spells it); the record matches
  /// when its name, without leading underscores, is or ends with the
  /// entry's (`_PEB`, `MY_PEB`).
  const StructMemberEntry *structMember(llvm::StringRef Record,
                                        llvm::StringRef Name) const;
  /// A variable by its exact name.
  const VariableEntry *variable(llvm::StringRef Name) const;
  /// The entry of a fixed address, if the table has one.
  const AddressEntry *address(uint64_t Address) const;
  /// A path (any directory, any case) whose file is a system binary.
  bool isSystemBinary(llvm::StringRef Path) const;
  /// A WQL text that quotes a system binary's path (`SELECT Version FROM
  /// CIM_DataFile WHERE Name='C:\\Windows\\System32\\ntoskrnl.exe'`).
  bool quotesSystemBinary(llvm::StringRef Text) const;
};

/// Parses a source table; errors name the file, line and column.
llvm::Expected<SourceTable> parseSourceTable(llvm::StringRef Yaml,
                                             llvm::StringRef FileName);

/// The table embedded in the binary from rules/sources.yaml.
const SourceTable &builtinSources();

/// HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion (or its WOW6432Node
/// twin), with or without the hive, any case, `/` or `\`.
bool isCurrentVersionKey(llvm::StringRef Path);

/// Evidence when the source is out of sight: what a variable, member,
/// parameter or function name says it holds (`osBuild`, `g_nBuild`,
/// `dwBuildNumber`, `$OSVersion`, `WinUBR`) -- the build, the revision, or
/// an OS version string -- or nothing, also for names of something else
/// (`buildLab`, `sdkBuild`, `toolVersion`, `$buildEnv`, `logPath`). Every
/// frontend asks this one place; a finding on such evidence is a warning.
std::optional<Quantity> quantityNamed(llvm::StringRef Name);

/// What `systeminfo` prints, as far as a version check reads it: the lines
/// "OS Name:" and "OS Version:" (`6.0.6002 Service Pack 2 Build 6002`, or
/// `10.0.19045 N/A Build 19045` without a service pack), in a list of
/// labelled lines (English output).
ExprPtr systeminfoOutput(std::string Provenance);

/// What a command line prints, if it is one of the system's version
/// commands: `cmd /c ver` (also `%comspec% /c ver`), `systeminfo` (also
/// `systeminfo.exe /fo list`, `cmd /c systeminfo`), `wmic os get
/// BuildNumber,Version /value` (Win32_OperatingSystem's properties, as
/// `/value` or `/format:list` lines, or one property's table); null for any
/// other.
ExprPtr commandOutput(llvm::StringRef Command);
/// Whether E holds what commandOutput() gives (a fix that wrote E's
/// expression twice would run the command twice).
bool readsCommandOutput(const Expr &E);

/// The prefilter's trigger words (lower case, no duplicates): the builds of
/// the bumps, the table's revision words and the user's source names.
std::vector<std::string> triggerWords(const ProfileSet &Profiles,
                                      llvm::ArrayRef<const Bump *> Bumps,
                                      llvm::ArrayRef<UserSource> User = {});

/// triggerWords of the built-in profiles' enabled bumps (what a run with no
/// options uses).
std::vector<std::string> defaultTriggerWords();

} // namespace verguard::core

#endif
