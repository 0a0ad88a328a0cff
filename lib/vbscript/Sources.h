//===- Sources.h - where VBScript and VBA read the OS version ---*- C++ -*-===//
//
// Pure tables: which WMI properties, registry values, structure members,
// COM monikers and file paths are OS version sources, and what they hold.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_VBSCRIPT_SOURCES_H
#define VERGUARD_VBSCRIPT_SOURCES_H

#include "core/Flow.h"
#include "core/Quantity.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace verguard::vbscript {

/// A quantity as a source delivers it. AsString: the source returns the
/// number as text (WMI BuildNumber, the registry's CurrentBuildNumber).
struct SourceQuantity {
  core::Quantity Q;
  bool AsString = false;
};

/// A property of a Win32_OperatingSystem instance.
std::optional<SourceQuantity> wmiOsProperty(llvm::StringRef Name);
/// A value under HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion; Key is
/// the key path (any hive prefix), Value the value name.
std::optional<SourceQuantity> registryValue(llvm::StringRef Key,
                                            llvm::StringRef Value);
/// True if Key names the CurrentVersion key.
bool isCurrentVersionKey(llvm::StringRef Key);
/// A member of OSVERSIONINFO(EX) / RTL_OSVERSIONINFOW.
std::optional<SourceQuantity> osviMember(llvm::StringRef Name);

/// The member Name of a Type declared for GetVersionEx with the members
/// Members (lowercase, in order): by its name, else by its position in
/// OSVERSIONINFOEX (GetVersionEx fills the structure by layout).
std::optional<SourceQuantity> osviMemberAt(llvm::ArrayRef<std::string> Members,
                                           llvm::StringRef Name);
/// A Declare'd API that fills an OSVERSIONINFO.
bool isVersionApi(llvm::StringRef Name);
/// A path of an OS binary whose file version is the OS version.
bool isSystemBinary(llvm::StringRef Path);

/// What a COM object is, for the objects that lead to version sources.
enum class ObjKind : uint8_t {
  None,
  WmiService,   // SWbemServices
  OsCollection, // ExecQuery/InstancesOf of Win32_OperatingSystem
  OsInstance,   // one Win32_OperatingSystem
  Locator,      // WbemScripting.SWbemLocator
  Shell,        // WScript.Shell
  Fso,          // Scripting.FileSystemObject
  Exec,         // WshScriptExec of `cmd /c ver`
  ExecStdOut,   // its StdOut
  RegProv,      // StdRegProv
  Osvi,         // a variable of an OSVERSIONINFO user type
  ClassInstance,
  FileCollection, // CIM_DataFile instances of a system binary
  FileInstance,   // one of them (its Version is the binary's)
  RegExp,         // VBScript.RegExp / New RegExp
  Dictionary,     // Scripting.Dictionary
  Matches,        // RegExp.Execute's MatchCollection
  Match,          // one Match of it (the first)
  OtherWmi,       // instances of another WMI class (Win32_BIOS ...), or one:
                  // its BuildNumber or Version is not the OS's
  RegHandle,      // a key RegOpenKeyEx opened (a Declare'd API): Lits is
                  // its path
};

/// GetObject's moniker: "winmgmts:..." (service, StdRegProv, or the
/// Win32_OperatingSystem=@ instance).
ObjKind classifyMoniker(llvm::StringRef Moniker);
/// CreateObject's ProgID.
ObjKind classifyProgId(llvm::StringRef ProgId);
/// The WMI object path passed to SWbemServices.Get / InstancesOf.
ObjKind classifyWmiPath(llvm::StringRef Path);

} // namespace verguard::vbscript

#endif
