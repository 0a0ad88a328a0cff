//===- Flow.h - value rules every frontend shares ---------------*- C++ -*-===//
//
// What a value becomes when it flows: a function's summary instantiated at a
// call, a value exported to another file, a component of a dotted version
// string. The frontends lower syntax; these rules are the same in every
// language, so they are written once here.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_CORE_FLOW_H
#define VERGUARD_CORE_FLOW_H

#include "core/Expr.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace verguard::core {

struct InstallerEntry;

/// What a value is: the type its operation yields (a string quantity is a
/// string, a Split a list, a [version] a version, a comparison a boolean).
enum class ValueType : uint8_t { Unknown, Int, Str, Version, List, Bool };
ValueType valueType(const Expr &E);

/// A value a helper stores or returns when it fails (`return 0;`, `*build =
/// 0;` before the real assignment, `-1`, `false`, an empty string): not
/// evidence against the version value it gives otherwise.
bool isErrorDefault(const Expr &V);

/// The value of the Windows Installer property or Burn variable E (as its
/// table entry says: the quantity, VersionNT's major * 100 + minor, Burn's
/// dotted version), with provenance Prov.
ExprPtr installerValue(const InstallerEntry &E, const std::string &Prov);

/// A and B give the same known value on every built-in profile (a
/// helper's GetVersionEx build and its fallback HIWORD(GetVersion()); the
/// build two callers pass, spelled differently).
bool sameOnEveryProfile(const Expr &A, const Expr &B);

/// What the calls of each function of a file pass for its parameters when
/// that is a version value (`Pick(vi.dwBuildNumber)`,
/// `pick_msi(sys.getwindowsversion().build)`): the function's body is then
/// lowered with the parameter bound to it, so a check inside the helper
/// (`if b == 6002`) is judged with what its callers pass.
class CallerArguments {
public:
  /// A call of Function passes A for its parameter Index.
  void note(const std::string &Function, size_t Index, const ExprPtr &A);
  /// A call of Function passes a literal for Index (`_cv("BuildLabEx",
  /// "")` beside `_cv("CurrentBuildNumber", WINVER.build)`): the calls
  /// pass no one value there.
  void literal(const std::string &Function, size_t Index);
  /// What parameter Index of Function is bound to: what its calls pass,
  /// when those that pass a version value agree; null if none does. A
  /// condition over it (`IsSp2(b) => b == 6002`, every call passing the OS
  /// build) is then judged inside the function, where its literal and a
  /// fix are, not at each call.
  ExprPtr bound(const std::string &Function, size_t Index) const;

private:
  /// [function][parameter]: what the calls pass; null once two disagree.
  std::map<std::string, std::map<size_t, ExprPtr>> Passed;
};

/// The text of E if it is a constant string or a concatenation of them
/// (`Environment.SystemDirectory + "\\ntoskrnl.exe"`).
std::optional<std::string> constText(const Expr &E);
/// The same of a frontend's value (what has an ExprPtr E).
template <class ValT>
auto constText(const ValT &V) -> decltype(V.E, std::optional<std::string>()) {
  return V.E ? constText(*V.E) : std::nullopt;
}

/// The constant end of a text built by concatenation (`sysDir +
/// "kernel32.dll"`, `"\\" & host & "\admin$\System32\ntoskrnl.exe"`),
/// which names a path's file whatever comes before; the whole text of a
/// constant.
std::optional<std::string> constTail(const Expr &E);

/// Component Index (0-based) of a dotted version quantity Q ("6.0.6002",
/// "6.0.6002.24566", "6.0"): Major, Minor, Build, and for a file version the
/// Revision. Nullopt for any other quantity or index.
std::optional<Quantity> dottedComponent(Quantity Q, int64_t Index);
/// How many components the text of a dotted version quantity has (3 for
/// "6.0.6002", 4 for a file version or a .NET Version's "6.0.6002.131072");
/// nullopt for any other quantity.
std::optional<unsigned> dottedParts(Quantity Q);

/// `Split(<dotted version>, ".")(I)`, `$v.Split('.')[I]`: the component as
/// text (ToStr of its quantity), so that a build read this way is a build;
/// null if Split is not a split of a dotted version quantity on ".".
ExprPtr versionComponent(const Expr &Split, int64_t I);

/// A summary (a function's result or an output parameter, over Op::Param)
/// at one call: its parameters are the call's arguments (Lists: list
/// arguments, see substituteParams). What is spelled in the function's body
/// is shared by every call, so only what is written inside Call stays
/// editable. Components of version strings that arrived as arguments are
/// read as their quantities (versionComponent).
ExprPtr instantiate(const ExprPtr &Summary, const std::vector<ExprPtr> &Args,
                    const std::vector<std::vector<ExprPtr>> &Lists,
                    const SourceSpan &Call);

struct SourceEntry;

/// A source of rules/sources.yaml as a value: text holding a number is the
/// number turned into text (WMI's BuildNumber "6002"). Null for no entry.
ExprPtr sourceValue(const SourceEntry *E, std::string Provenance);

/// Member Part (Major, Minor, Build, Revision, MajorRevision,
/// MinorRevision) of a System.Version V (an Op::VersionOf): of
/// OSVersion.Version, Revision is the service pack (wServicePackMajor << 16
/// | wServicePackMinor), not the UBR; of a file version, the revision; of a
/// WMI-style "6.0.6002", -1 (not given). Null for another member or value.
ExprPtr versionMember(const Expr &V, llvm::StringRef Part);
/// A System.Version made of its parts (`new Version(v.Major, v.Minor,
/// v.Build)`, PowerShell's `New-Object System.Version -ArgumentList ...`):
/// the version of the parts' texts joined by dots (an integer as its
/// digits, a part not given unknown), whose parts versionMember() reads
/// back; null unless some part depends on the OS's version.
ExprPtr versionOfParts(llvm::ArrayRef<ExprPtr> Parts);

/// E as an operand written at W (a use of a variable or a constant): a
/// constant used by name (`SP2_BUILD`) is written where it is used, and
/// remembers where its value is written.
ExprPtr writtenAt(const ExprPtr &E, Spelling W);
/// A version written as a constant (`new Version(6, 0, 6003)`,
/// `[version]'6.0.6002'`): named elsewhere, it gets a "defined here" note.
bool constantVersion(const Expr &E);

/// What a name says its value holds (core::quantityNamed), as a quantity
/// inferred from it; null for a name that says nothing.
ExprPtr namedQuantity(llvm::StringRef Name);

/// E with every parameter unbound (a value leaving its function): what a
/// parameter's name says it holds, else unknown.
ExprPtr unbindParams(const ExprPtr &E);

/// A field of a system binary's VS_FIXEDFILEINFO (C's struct, pywin32's
/// GetFileVersionInfo dict): the value as an expression of quantities
/// (FileVersionLS = build << 16 | revision); null for another field.
ExprPtr fixedFileInfoField(llvm::StringRef Field,
                           const std::string &Provenance);

/// Capture group I of the regex test Test (`Op::Regex`: subject, pattern),
/// in Test's dialect and case rule; null for anything else.
ExprPtr regexGroup(const Expr &Test, int64_t I);
/// The capture group of Test that Key names: its number (`m.group(3)`) or
/// its name (`m.group("build")`, `$Matches['build']`) in the pattern (a
/// constant); null for anything else.
ExprPtr regexGroup(const Expr &Test, const Expr &Key);

/// The line of Text that starts with Prefix (without its line break), as a
/// capture of a regex search: what a loop over Text's lines that stops at
/// `line.startswith(Prefix)` holds (systeminfo's "OS Version:" line).
ExprPtr lineStartingWith(const ExprPtr &Text, llvm::StringRef Prefix);
/// The value of the first line of Text that reads `Key Sep value` (blanks
/// around the key and the separator; `OS Version:   6.0.6002 ...` of
/// systeminfo, `BuildNumber=6002` of wmic): the rest of that line, its
/// blanks removed if Trimmed (else from just after Sep).
ExprPtr keyedLineValue(const ExprPtr &Text, llvm::StringRef Key,
                       llvm::StringRef Sep, bool Trimmed);

/// Text in the composite format of .NET's string.Format and Python's
/// str.format ("{0}.{1}.{2}", "{}.{}"; `{{` and `}}` for braces) with the
/// texts Args: their concatenation, or null where a field has a format
/// spec, an alignment or a name, or names an argument that is not there.
ExprPtr braceFormat(llvm::StringRef Format, llvm::ArrayRef<ExprPtr> Args);

/// Two records' fields (name -> value) are the same: the same names, each
/// with the same value.
bool sameFields(const std::map<std::string, ExprPtr> &A,
                const std::map<std::string, ExprPtr> &B);

/// A value exported to another file (a dot-sourced script, a sibling
/// module): nothing in it is editable from there.
ExprPtr detached(const ExprPtr &E);

} // namespace verguard::core

#endif
