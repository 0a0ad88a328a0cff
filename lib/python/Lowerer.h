//===- Lowerer.h - Python lowering state (internal) -------------*- C++ -*-===//
//
// Lowering.cpp turns expressions into values (with Python 3's semantics:
// `"6002" == 6002` is False, `"6002" < 6002` raises), Sources.cpp knows
// which values are OS version quantities, PythonFrontend.cpp walks the
// statements (module, functions, classes) and builds the guards. The walks,
// the condition scan and the guards' bookkeeping are script::Lowerer's;
// this says what Python's nodes are.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_PYTHON_LOWERER_H
#define VERGUARD_PYTHON_LOWERER_H

#include "core/Finding.h"
#include "core/Flow.h"
#include "core/FrontendOptions.h"
#include "core/Guard.h"
#include "core/SourceTable.h"
#include "script/Lowerer.h"
#include "script/Spelling.h"
#include "script/Text.h"
#include "script/TreeSitter.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace verguard::python {

inline llvm::StringRef typeOf(script::Node N) { return script::type(N); }
/// A comment or a `\` line continuation: extras that may stand between
/// any two tokens, and are neither operands nor statements.
inline bool isExtra(script::Node N) {
  llvm::StringRef T = script::type(N);
  return T == "comment" || T == "line_continuation";
}
inline script::NodeList namedKids(script::Node N) {
  return script::namedChildren(N, isExtra);
}

/// Objects whose members or items are version quantities.
enum class ObjKind : uint8_t {
  None,       // a plain value (E) or nothing known
  WinVer,     // sys.getwindowsversion(): a struct sequence
  Win32Ver,   // platform.win32_ver(): (release, version, csd, ptype)
  Uname,      // platform.uname(): (system, node, release, version, ...)
  Platform,   // platform.platform(): "Windows-2008Server-6.0.6002-SP2"
  WmiConn,    // wmi.WMI(), a COM SWbemServices
  WmiLocator, // Dispatch("WbemScripting.SWbemLocator")
  WmiOSList,  // wmi.WMI().Win32_OperatingSystem()
  WmiOS,      // one Win32_OperatingSystem instance
  DataFiles,  // wmi.WMI().CIM_DataFile(Name=<a system binary's path>)
  DataFile,   // one of them: its Version is the binary's file version
  RegKey,     // winreg key of HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion
  HKLM,    // winreg.HKEY_LOCAL_MACHINE, getattr(winreg, "HKEY_LOCAL_MACHINE")
  Tuple,   // a tuple/list literal or a tuple result (Items)
  Dict,    // a dict literal (DictNode)
  Self,    // `self` in a method of class Name
  Pattern, // re.compile(pattern): E is the pattern
  Match,   // re.search(...)'s result: E whether it matched; its Regex
           // test also gives .group(n)
  RecordType, // collections.namedtuple(...): Items, its fields' names
  Process,    // subprocess.run/Popen (Name) of a command: E its output
  Pipe,       // a Popen's .stdout: E what .read() gives
  /// A line of a text (E) that a loop reads line by line, not known which;
  /// its key and value around a separator (Sep: `line.partition(":")`,
  /// `line.split("=", 1)`), Trimmed once `.strip()`ped. A dict whose items
  /// are set from them (`facts[key.strip()] = value.strip()`) is keyed
  /// lines (Val::Lines).
  TextLine,
  LineKey,
  LineValue,
};

enum class PyType : uint8_t { Unknown, Int, Str, Bool };

struct Val {
  core::ExprPtr E; // scalar value; null for objects/nothing
  ObjKind Obj = ObjKind::None;
  std::vector<Val> Items; // Tuple
  script::Node DictNode{};
  /// A dict literal's values under constant string keys, lowered where it
  /// is written (`{"build": os.BuildNumber}` returned by a helper).
  std::map<std::string, core::ExprPtr> Fields;
  std::string Name; // Self: the class; Process: the call
  /// A dict filled from the lines of a text: the text; LineKey and
  /// LineValue: the separator, and whether the value was `.strip()`ped.
  core::ExprPtr Lines;
  std::string Sep;
  bool Trimmed = false;
  static Val of(core::ExprPtr X) {
    Val V;
    V.E = std::move(X);
    return V;
  }
  static Val obj(ObjKind K) {
    Val V;
    V.Obj = K;
    return V;
  }
  bool isObject() const { return Obj != ObjKind::None; }
  core::ExprPtr expr() const;
  /// Says something about the OS version.
  bool related() const {
    return isObject() || (E && core::dependsOnVersion(*E));
  }
};

/// Two objects calls pass for one parameter are the same one: of one kind
/// (a WMI connection, a registry key) and not a literal.
/// A string built from text and values (an f-string, `%` or str.format):
/// literal text gathered in Cur, each value written as its text (an int as
/// its decimal digits).
struct FormattedText {
  std::vector<core::ExprPtr> Parts;
  std::string Cur;
  void value(core::ExprPtr X);
  core::ExprPtr concat();
  /// X as the text formatting writes: an int as its decimal digits.
  static core::ExprPtr text(const core::ExprPtr &X);
};

inline bool sameCallerObject(const Val &A, const Val &B) {
  return A.Obj == B.Obj && A.Items.empty() && B.Items.empty() &&
         script::startByte(A.DictNode) == script::startByte(B.DictNode) &&
         core::sameFields(A.Fields, B.Fields) && A.Lines == B.Lines &&
         A.Sep == B.Sep;
}

/// Field Key of a record (a dict, a namedtuple's instance) holds X if that
/// is a version value (detached: read wherever the record goes), else is
/// not known.
inline void setField(Val &Record, const std::string &Key,
                     const core::ExprPtr &X) {
  if (X && core::dependsOnVersion(*X))
    Record.Fields[Key] = core::detached(X);
  else
    Record.Fields.erase(Key);
}

struct Frame {
  bool Func = false;
  std::string Function, Class;
  std::map<std::string, Val> Vars;
  /// `global HOST_BUILD` in a function: its assignments are the module's.
  std::set<std::string> Globals;
  std::optional<Val> Return; // the first version-related return
};

class Lowerer : public script::Lowerer<Val, Frame> {
public:
  Lowerer(llvm::StringRef Path, const script::DecodedText &Text,
          llvm::StringRef Src, const core::FrontendOptions &Opts,
          std::vector<core::Guard> &Guards,
          std::vector<core::Diagnostic> &Diags);

  // --- Lowering.cpp ---------------------------------------------------
  Val lower(script::Node N, int Depth = 0);
  core::ExprPtr lowerCond(script::Node N, int Depth = 0) override;
  /// `lambda: os_build() == 6002`: its body, parameters unknown.
  void scanScope(script::Node N) override;
  static script::Node unwrap(script::Node N);
  Val identifier(llvm::StringRef Name);
  /// `X in range(a, b)` (step 1): a <= X < b, its bounds editable; null
  /// for anything else on the right.
  core::ExprPtr rangeTest(const Val &L, script::Node LN, script::Node RN);
  /// InChain: one pair of a chain of more than two operands (`a <= b <=
  /// c`).
  Val compare(llvm::StringRef Op, const Val &L, script::Node LN, const Val &R,
              script::Node RN, uint32_t B, uint32_t E, script::Node OpN,
              bool InChain);
  Val comparison(script::Node N, int Depth);
  Val binaryOp(script::Node N, int Depth);
  Val subscript(script::Node N, int Depth);
  Val call(script::Node N, int Depth);
  /// The function's body walked again with the call's arguments bound (a
  /// helper whose source is chosen by an argument: a registry value name,
  /// a key path), nothing emitted; its return, or nothing.
  std::optional<Val> instantiate(const std::string &Key, script::Node Call,
                                 const std::vector<Val> &Args, size_t Skip,
                                 int Depth);
  Val stringLiteral(script::Node N, int Depth);
  /// V, written N, runs a command (`run("cmd /c ver")`, `p.stdout.read()`
  /// of a command's pipe): a fix must not write N twice.
  bool rerunsCommand(const Val &V, script::Node N) const;
  /// The value with the use-site spelling (for a fix to write it again).
  core::ExprPtr operand(const Val &V, script::Node N) const;
  /// The dotted name of a callee with import aliases resolved
  /// (`platform.version`, `winreg.QueryValueEx`), or "".
  std::string dottedName(script::Node N) const;
  std::vector<script::Node> args(script::Node ArgList) const;
  script::Node keywordArg(script::Node ArgList, llvm::StringRef Name) const;

  // --- Sources.cpp ----------------------------------------------------
  /// A call of a module function that is a version source, or nullopt.
  std::optional<Val> sourceCall(const std::string &Name, script::Node Call,
                                const std::vector<Val> &Args,
                                const std::vector<script::Node> &ArgNodes);
  Val member(const Val &Obj, llvm::StringRef Name, script::Node N);
  /// The keyword arguments of `Win32_OperatingSystem(BuildNumber="6002")`:
  /// a guard on what they select.
  void wmiKeywordFilter(script::Node Call, int Depth);
  Val method(const Val &Obj, llvm::StringRef Name, script::Node Call,
             const std::vector<Val> &Args,
             const std::vector<script::Node> &ArgNodes, int Depth);
  Val item(const Val &Obj, const Val &Index, script::Node N);
  /// A dict's value under a constant string key, or a lookup in it as a
  /// table (tableGuard).
  Val lookup(const Val &Dict, const Val &Key);
  /// `for line in out.splitlines():` whose body first tests
  /// `line.startswith("OS Version:")`: the line of the text it is after.
  std::optional<core::ExprPtr> lineOfLoop(script::Node For);
  /// The text whose lines `for line in T.splitlines():` (or `.split("\n")`)
  /// reads, if it says something about the OS; else null.
  core::ExprPtr linesOfLoop(script::Node For);
  /// The WHERE clause of a plain WQL literal (`conn.query("SELECT ...")`).
  /// Query: the argument's value (a constant's literal written elsewhere).
  void wqlGuard(script::Node Lit, const core::ExprPtr &Query = nullptr);
  std::vector<llvm::StringRef> stringLiteralTypes() const override {
    return {"string"};
  }
  void literalQuery(script::Node Lit) override;
  /// The items of a sequence: a tuple or list, or the split of a dotted
  /// version on "." (`platform.version().split(".")`: its components as
  /// text); not a Tuple if unknown.
  Val elements(const Val &Seq) const;
  /// `[int(p) for p in v.split(".")]`, `(... for ...)`: the body's value for
  /// each item of a known sequence (one `for`, no `if`).
  Val comprehension(script::Node N, int Depth);
  std::optional<core::ExprPtr> inferFromName(llvm::StringRef Name) const;
  static bool isCurrentVersionKey(llvm::StringRef Path) {
    return core::isCurrentVersionKey(Path);
  }

  // --- PythonFrontend.cpp: statements and guards -----------------------
  void walkBlock(script::Node Block);
  void statement(script::Node S);
  /// Class is taken by value: callers pass a frame's, and this pushes frames.
  void defineFunction(script::Node Def, std::string Class);
  void bindTarget(script::Node Target, const Val &V);
  void assign(const std::string &Name, const Val &V);
  void matchGuard(script::Node Match);

  // --- Imports.cpp: the project's modules ------------------------------
  /// What a module of the project leaves to the files importing it: its
  /// module-level values and its functions' results (with how many
  /// parameters), detached.
  struct Module {
    std::map<std::string, Val> Vars;
    std::map<std::string, std::pair<Val, size_t>> Functions;
  };
  /// The module Dotted (`pkg.osinfo`, `.osinfo`) of the project, read once
  /// per run; null if the project has no such file.
  const Module *module(const std::string &Dotted);
  std::shared_ptr<const Module> readModule(const std::string &File);
  std::pair<const Module *, std::string>
  moduleAndName(const std::string &Dotted);
  /// `pkg.osinfo.BUILD` (an imported name with its module) as the module
  /// left it, if a project module did.
  std::optional<Val> importedValue(const std::string &Dotted);
  /// A call of `pkg.osinfo.os_build` with these arguments, if a project
  /// module's function returns something about the OS.
  std::optional<Val> importedCall(const std::string &Dotted, script::Node Call,
                                  const std::vector<Val> &Args,
                                  const std::vector<script::Node> &ArgNodes);
  std::map<std::string, std::shared_ptr<const Module>> Modules; // this file's
  std::vector<std::string> ImportChain; // the files importing this one
  std::vector<std::string> *Deps = nullptr;

  // --- state ----------------------------------------------------------
  std::map<std::string, std::string> Aliases; // import name -> dotted name
  struct Function {
    std::vector<std::string> Params;
    std::optional<Val> Return;
    bool Method = false; // the first parameter is self
    std::string Class;
    script::Node Def{}; // the function_definition
  };
  std::map<std::string, Function> Functions; // "f" or "Class.f"
  std::map<std::string, std::map<std::string, Val>> ClassAttrs;
  std::set<std::string> Classes;
  /// The fields of a @dataclass or a typing.NamedTuple class, in order: its
  /// constructor's positional parameters.
  std::map<std::string, std::vector<std::string>> DataFields;
  /// An attribute of class Class set to V (`self.build = ...`, a
  /// dataclass's constructor argument): a value about the OS is kept,
  /// anything else only until one is known.
  void storeAttribute(const std::string &Class, const std::string &Attr,
                      const Val &V);
  /// `Cls(a, b, build=c)` of a dataclass: its fields take the arguments.
  void construct(const std::string &Class, script::Node ArgList,
                 const std::vector<script::Node> &ArgNodes,
                 const std::vector<Val> &Args, int Depth);

protected:
  // --- the script::Lowerer skeleton: Python's node kinds ----------------
  void walk(script::Node Root) override { walkBlock(Root); }
  bool isScope(llvm::StringRef Type) const override;
  bool isCondition(script::Node N) override;
  script::Node ternaryCondition(script::Node N) const override;
  core::ExprPtr entryTest(script::Node KeyN,
                          const core::ExprPtr &Subject) override;
};

/// The static type of a value, as far as Python's rules can tell.
PyType typeOfExpr(const core::Expr &E);

} // namespace verguard::python

#endif
