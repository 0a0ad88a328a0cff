//===- Lowerer.h - JScript lowering state (internal) ------------*- C++ -*-===//
//
// Lowering.cpp turns expressions into values with JScript's (ES3) rules:
// `==` converts a string compared with a number (`"6002" == 6002` is true),
// `===` and `switch` do not, `<` between two strings is lexicographic.
// Sources.cpp follows the WSH objects (WMI through GetObject/ExecQuery and
// Enumerator, WScript.Shell.RegRead, FileSystemObject.GetFileVersion) to the
// version quantities of rules/sources.yaml. JScriptFrontend.cpp walks the
// statements (functions hoisted, `var` function-scoped) and emits guards.
// The walks, the condition scan and the guards' bookkeeping are
// script::Lowerer's; this says what JScript's nodes are.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_JSCRIPT_LOWERER_H
#define VERGUARD_JSCRIPT_LOWERER_H

#include "core/Finding.h"
#include "core/Flow.h"
#include "core/FrontendOptions.h"
#include "core/Guard.h"
#include "script/Lowerer.h"
#include "script/Spelling.h"
#include "script/Text.h"
#include "script/TreeSitter.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace verguard::jscript {

inline llvm::StringRef typeOf(script::Node N) { return script::type(N); }
inline script::NodeList namedKids(script::Node N) {
  return script::namedKidsNoComments(N);
}

/// Objects that lead to version quantities, and JScript's own containers.
enum class ObjKind : uint8_t {
  None,
  WmiService,     // GetObject("winmgmts:...")
  Locator,        // WbemScripting.SWbemLocator
  OsCollection,   // ExecQuery("... FROM Win32_OperatingSystem")
  OsEnumerator,   // new Enumerator(<OsCollection>)
  OsInstance,     // one Win32_OperatingSystem
  FileCollection, // ExecQuery("... FROM CIM_DataFile WHERE Name='<system
                  // binary>'"), its enumerator and one of its instances:
  FileEnumerator, // .Version is the binary's file version
  FileInstance,
  Shell,      // WScript.Shell
  Fso,        // Scripting.FileSystemObject
  Exec,       // WshScriptExec of `cmd /c ver` (Shell.Exec)
  ExecStdOut, // its StdOut: ReadAll() is the output of `ver`
  Array,      // [a, b], "a.b".split(".") known item by item (Items)
  Object,     // an object literal / an object with properties (Props)
  RegExp,     // /re/flags or new RegExp("re", "flags"): E is the pattern
  Function,   // a function expression bound to a name (Name)
  OtherWmi,   // instances of another WMI class (Win32_BIOS ...), their
              // enumerator or one of them: not the OS
  Instance,   // `this` in a constructor or a prototype method, or `new X()`
              // of the script's own constructor X (Name)
  ArrayScan,  // `list[i]` of an array literal (Literal) with an index not
              // known (a loop's): any of its items; Name: the property read
              // of each (`catalog[i].build`), or ""
};

struct Val {
  core::ExprPtr E; // scalar value; null for objects/nothing
  ObjKind Obj = ObjKind::None;
  std::vector<Val> Items;           // Array
  std::map<std::string, Val> Props; // Object
  script::Node Literal{}; // Object, Array, ArrayScan: the literal (a table)
  std::string Name;       // Function: its key; Instance: its constructor
  std::string Path;       // a file path as far as it is known (GetFileVersion);
                          // Exec and its StdOut: the command line
  bool IgnoreCase = false; // RegExp
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
  bool related() const;
};

/// Two objects calls pass for one parameter are the same one: of one kind,
/// and a record from the same literal (`var osv = osVersionInfo()` passed
/// to each helper).
inline bool sameCallerObject(const Val &A, const Val &B) {
  return A.Obj == B.Obj && A.Name == B.Name &&
         script::isNull(A.Literal) == script::isNull(B.Literal) &&
         (script::isNull(A.Literal) ||
          script::startByte(A.Literal) == script::startByte(B.Literal));
}

struct Frame {
  bool Func = false;
  std::string Function;
  /// The constructor whose instance `this` is here (a named function, or
  /// the X of `X.prototype.m = function ...`), or "".
  std::string Class;
  std::map<std::string, Val> Vars;
  std::optional<Val> Return; // the first version-related return
};

class Lowerer : public script::Lowerer<Val, Frame> {
public:
  /// Code: the file's text with everything but its JScript blanked.
  Lowerer(llvm::StringRef Path, const script::DecodedText &Text,
          llvm::StringRef Code, const core::FrontendOptions &Opts,
          std::vector<core::Guard> &Guards,
          std::vector<core::Diagnostic> &Diags);

  // --- Lowering.cpp ---------------------------------------------------
  Val lower(script::Node N, int Depth = 0);
  core::ExprPtr lowerCond(script::Node N, int Depth = 0) override;
  static script::Node unwrap(script::Node N);
  Val identifier(llvm::StringRef Name);
  Val binaryExpr(script::Node N, int Depth);
  /// N reads a stream or runs a command (`ex.StdOut.ReadAll()`,
  /// `sh.Exec(...)`, `e.moveNext()`): a fix must not write it twice.
  bool consumes(script::Node N) const;
  Val compare(llvm::StringRef Op, const Val &L, script::Node LN, const Val &R,
              script::Node RN, script::Node Whole, script::Node OpN);
  Val call(script::Node N, int Depth);
  Val callFunction(const std::string &Key, script::Node Call,
                   const std::vector<Val> &Args,
                   const std::vector<script::Node> &ArgNodes, int Depth);
  std::optional<Val> instantiate(const std::string &Key, script::Node Call,
                                 const std::vector<Val> &Args, int Depth);
  Val stringLiteral(script::Node N);
  Val regexLiteral(script::Node N);
  core::ExprPtr operand(const Val &V, script::Node N) const;
  std::vector<script::Node> args(script::Node ArgList) const;

  // --- Sources.cpp ----------------------------------------------------
  /// A call of a global function (GetObject, parseInt, Number, String...).
  std::optional<Val> globalCall(llvm::StringRef Name, script::Node Call,
                                const std::vector<Val> &Args,
                                const std::vector<script::Node> &ArgNodes);
  /// `new X(...)`: ActiveXObject, Enumerator, RegExp.
  Val construct(llvm::StringRef Name, const std::vector<Val> &Args);
  Val member(const Val &Obj, llvm::StringRef Name, script::Node N);
  Val method(const Val &Obj, llvm::StringRef Name, script::Node Call,
             const std::vector<Val> &Args,
             const std::vector<script::Node> &ArgNodes, int Depth);
  Val item(const Val &Obj, const Val &Index, script::Node N);
  std::optional<core::ExprPtr> inferFromName(llvm::StringRef Name) const;
  void wql(const Val &Query, script::Node QueryNode, script::Node Call);
  std::vector<llvm::StringRef> stringLiteralTypes() const override {
    return {"string"};
  }
  void literalQuery(script::Node Lit) override;

  // --- JScriptFrontend.cpp: statements and guards ----------------------
  void walkBlock(script::Node Block);
  void statement(script::Node S);
  void hoist(script::Node Block);
  /// Class: the constructor `this` belongs to in it ("": none).
  void defineFunction(script::Node Def, const std::string &Key,
                      const std::string &Class = "");
  /// `X.prototype.m = function ...` (Def the function), or `X.prototype =
  /// {m: function ...}`: X's methods, called on its instances.
  bool definePrototype(script::Node Target, script::Node Value);
  void declare(const std::string &Name, const Val &V);
  void assign(script::Node Target, const Val &V);
  void switchGuard(script::Node Switch);

  // --- state ----------------------------------------------------------
  struct Function {
    std::vector<std::string> Params;
    std::optional<Val> Return;
    script::Node Def{};
  };
  std::map<std::string, Function> Functions;
  /// What the methods of a constructor set on `this` (`this.kernel = ...`):
  /// a value about the OS is kept, anything else only until one is known.
  std::map<std::string, std::map<std::string, Val>> InstanceProps;
  /// While a search of an array literal is the table guard: the property
  /// of its items that is the key ("" for the items themselves), and
  /// whether the search compares with === (Scanning: one is under way).
  bool Scanning = false, ScanStrict = false;
  /// The counters of the `for` loops the walk is in (`i` of `i++`).
  std::vector<std::string> LoopCounters;
  std::string ScanField;
  /// `list[i].build === build` (Scan the ArrayScan side, Key the other):
  /// the search of the literal as a table guard (VG005).
  void scanGuard(const Val &Scan, const core::ExprPtr &Key, bool Strict);

protected:
  // --- the script::Lowerer skeleton: JScript's node kinds ---------------
  void walk(script::Node Root) override {
    hoist(Root);
    walkBlock(Root);
  }
  bool isScope(llvm::StringRef Type) const override;
  bool isCondition(script::Node N) override;
  script::Node ternaryCondition(script::Node N) const override;
  script::Node conditionSite(script::Node N) const override {
    return unwrap(N);
  }
  bool tableEntry(script::Node Entry, script::Node &Key,
                  script::Node &Value) override;
  core::ExprPtr entryTest(script::Node KeyN,
                          const core::ExprPtr &Subject) override;
  core::ExprPtr tableSubject(const core::ExprPtr &Key) const override;
};

/// A value read as a number (ToNumber of a string) / as text (a number's
/// decimal text).
core::ExprPtr asNumber(const core::ExprPtr &E);
core::ExprPtr asText(const core::ExprPtr &E);

} // namespace verguard::jscript

#endif
