//===- Lowerer.h - C# lowering state (internal) -----------------*- C++ -*-===//
//
// Lowering.cpp turns expressions into values with C#'s semantics (int and
// string never compare: that does not compile; `==` on strings is ordinal;
// System.Version compares component by component, a missing component
// before 0), Sources.cpp knows which values are OS version quantities, and
// CSharpFrontend.cpp walks declarations and statements and builds guards.
// The walks, the condition scan and the guards' bookkeeping are
// script::Lowerer's; this says what C#'s nodes are.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_CSHARP_LOWERER_H
#define VERGUARD_CSHARP_LOWERER_H

#include "core/Finding.h"
#include "core/Flow.h"
#include "core/FrontendOptions.h"
#include "core/Guard.h"
#include "script/Lowerer.h"
#include "script/Spelling.h"
#include "script/Text.h"
#include "script/TreeSitter.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace verguard::csharp {

inline llvm::StringRef typeOf(script::Node N) { return script::type(N); }
inline script::NodeList namedKids(script::Node N) {
  return script::namedKidsNoComments(N);
}

/// Objects whose members, items or methods are version quantities.
enum class ObjKind : uint8_t {
  None,        // a plain value (E) or nothing known
  OSVersion,   // Environment.OSVersion (an OperatingSystem)
  WmiSearcher, // new ManagementObjectSearcher(... Win32_OperatingSystem)
  WmiList,     // searcher.Get()
  WmiOS,       // one Win32_OperatingSystem ManagementObject
  HKLM,        // Registry.LocalMachine
  RegKey,      // HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion
  FileInfo,    // FileVersionInfo of a system binary
  VerInfo,     // an OSVERSIONINFO(EX) struct filled by the system
  List,        // an array, List<T> or HashSet<T> of items (Items)
  Dict,        // a Dictionary initializer (DictNode)
  Class,       // a class named by its name (static members), Name
  Instance,    // `this` or an instance of class Name
  CompareTo,   // a.CompareTo(b): CmpA, CmpB under CmpM
  CondMask,    // a VerSetConditionMask chain: Conds
  NtStatus,    // RtlVerifyVersionInfo's NTSTATUS: 0 exactly when CmpA holds
  Process,     // a ProcessStartInfo or Process of a command (Name: its
               // command line), and its StandardOutput: ReadToEnd() is
  ProcessOut,  // what the command prints
  Match,       // Regex.Match(input, pattern): E, the test
  MatchGroups, // its .Groups: E, the test
  Regex,       // new Regex(pattern[, options]): E, its test of an unknown
  MsiSession,  // a custom action's Session (DTF, WiX): session["VersionNT"]
};

/// One VerSetConditionMask(mask, Type, Condition) call of a chain.
struct MaskCond {
  int64_t Type = 0, Condition = 0;
  script::Node Call{}, CondArg{}; // CondArg: the condition as written
  bool Rewritable = false; // another VER_* condition can be written there
};

struct Val {
  core::ExprPtr E; // scalar value; null for objects/nothing
  ObjKind Obj = ObjKind::None;
  std::vector<core::ExprPtr> Items; // List
  script::Node DictNode{};          // Dict
  std::string Name;                 // Class, Instance
  core::ExprPtr CmpA, CmpB;         // CompareTo
  core::CmpMode CmpM = core::CmpMode::Int;
  /// VerInfo: the members the program set (`dwBuildNumber = 6002`), for
  /// a struct passed to VerifyVersionInfo rather than filled by the system.
  std::map<std::string, core::ExprPtr> Fields;
  std::vector<MaskCond> Conds; // CondMask
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
  /// Says something about the OS version.
  bool related() const {
    return isObject() || (E && core::dependsOnVersion(*E));
  }
  /// Says something about the OS version or depends on a parameter (what a
  /// method's summary keeps).
  bool carries() const;
  core::ExprPtr expr() const;
};

/// Two objects calls pass for one parameter are the same kind of object.
inline bool sameCallerObject(const Val &A, const Val &B) {
  return A.Obj == B.Obj && A.Name == B.Name;
}

struct Frame {
  bool Func = false;
  bool Ctor = false; // a constructor's body
  size_t Arity = 0;  // its parameters (Ctor)
  std::string Function, Class;
  std::map<std::string, Val> Vars;
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
  /// A lambda's test (`x => x == b`) of each item of a list of literals:
  /// whether any holds (Every: all), or nullopt if it is not one.
  std::optional<core::ExprPtr> overItems(const Val &List, script::Node Lambda,
                                         bool Every, script::Node Call,
                                         int Depth);
  static script::Node unwrap(script::Node N);
  Val identifier(llvm::StringRef Name);
  Val compare(llvm::StringRef Op, const Val &L, script::Node LN, const Val &R,
              script::Node RN, script::Node Whole, script::Node OpN);
  Val binaryOp(script::Node N, int Depth);
  /// `Assert.Equal(6002, v.Build)` and the like: a guard on the host the
  /// test runs on.
  void assertion(llvm::StringRef Name, script::Node Call,
                 const std::vector<Val> &Args,
                 const std::vector<script::Node> &ArgNodes);
  Val call(script::Node N, int Depth);
  Val callFunction(const std::string &Key, script::Node Call,
                   const std::vector<Val> &Args,
                   const std::vector<script::Node> &ArgNodes, int Depth);
  /// The memo of a body walked with Args bound at Call (instantiateBody).
  std::string memoKey(const std::string &Key, script::Node Call,
                      const std::vector<Val> &Args) const;
  Val stringLiteral(script::Node N, int Depth);
  /// V written as text (an interpolation's or string.Format's argument): an
  /// int as its digits, a Version as its dotted text; unknown for others.
  static core::ExprPtr asText(const Val &V);
  /// A pattern (`6002`, `>= 6000 and <= 6002`, `not 6003`) tested on S.
  /// Obj: an object subject (`snap is { Build: <= 6002 }`), whose
  /// properties a property pattern reads.
  /// The members that the arguments of a creation (type, argument count)
  /// become: a positional record's parameters (`record R(int Build)`), the
  /// members a constructor stores its parameters in (`Build = build;`),
  /// "" for a parameter stored nowhere.
  std::map<std::pair<std::string, size_t>, std::vector<std::string>> Positional;
  /// What a constructor (type, parameter count) stores in a member from
  /// its parameters, over Op::Param (`BuildNumber = int.Parse(build)`):
  /// instantiated at each creation.
  std::map<std::pair<std::string, size_t>, std::map<std::string, core::ExprPtr>>
      CtorStores;
  core::ExprPtr pattern(script::Node P, const core::ExprPtr &S, int Depth,
                        const Val *Obj = nullptr);
  /// tree-sitter-c-sharp reads `x is 6002 && y` as `x is (6002 && y)`, but
  /// C# binds a pattern tighter than `&& || == != & | ^ ??`: `(x is 6002)
  /// && y`. The constant of a pattern: E, or the first operand of such an
  /// operator that E is.
  script::Node patternConstant(script::Node E) const;
  /// The expression a pattern's last constant swallowed (`6002 && y`), or
  /// the null node.
  script::Node swallowed(script::Node P) const;
  bool swallows(script::Node E) const;
  /// Nodes whose value is given while an expression around them is lowered
  /// (the `is` test standing for the first operand of what it swallowed).
  std::vector<std::pair<uint32_t, Val>> Standing;
  core::ExprPtr operand(const Val &V, script::Node N) const;
  /// `Environment.OSVersion`, `System.Environment.OSVersion` -> the dotted
  /// name without `System.`/`global::`, or "" for anything else.
  std::string dottedName(script::Node N) const;
  /// The argument expressions of an argument_list (modifiers dropped).
  std::vector<script::Node> args(script::Node ArgList) const;
  std::vector<Val> lowerArgs(const std::vector<script::Node> &Nodes, int Depth);

  // --- Sources.cpp ----------------------------------------------------
  std::optional<Val> staticMember(const std::string &Dotted);
  std::optional<Val> sourceCall(const std::string &Name, script::Node Call,
                                const std::vector<Val> &Args,
                                const std::vector<script::Node> &ArgNodes);
  Val creation(llvm::StringRef Type, script::Node N,
               const std::vector<Val> &Args,
               const std::vector<script::Node> &ArgNodes, int Depth);
  Val member(const Val &Obj, llvm::StringRef Name, script::Node N);
  Val method(const Val &Obj, script::Node ObjN, llvm::StringRef Name,
             script::Node Call, const std::vector<Val> &Args,
             const std::vector<script::Node> &ArgNodes, int Depth);
  Val item(const Val &Obj, const Val &Index, script::Node N);
  std::optional<core::ExprPtr> inferFromName(llvm::StringRef Name) const;
  /// N reads a stream or an iterator on (`ReadToEnd()`, `MoveNext()`): a
  /// fix must not write it twice.
  bool consumes(script::Node N) const;
  /// Group I of a Regex.Match's Test, as text.
  static core::ExprPtr regexGroup(const core::ExprPtr &Test, int64_t I);
  /// The WHERE clause of Query, the text of the argument Lit.
  void wqlGuard(script::Node Lit, llvm::StringRef Query);
  std::vector<llvm::StringRef> stringLiteralTypes() const override {
    return {"string_literal", "verbatim_string_literal"};
  }
  void literalQuery(script::Node Lit) override;
  /// A regex test of Call: IsMatch's result, or Match's object (IsMatch
  /// false).
  Val regexCall(core::ExprPtr Test, script::Node Call, bool IsMatch);
  /// A VER_* constant of winnt.h by its name, where the code uses one it
  /// declares out of sight.
  static std::optional<int64_t> verConstant(llvm::StringRef Name);

  // --- VerifyVersionInfo.cpp --------------------------------------------
  /// VerSetConditionMask(Mask, Type, Condition): Mask's chain, one longer.
  Val conditionMask(script::Node Call, const std::vector<Val> &Args,
                    const std::vector<script::Node> &Nodes);
  /// VerifyVersionInfo(ref info, typeMask, conditionMask): what it tests.
  core::ExprPtr verifyVersionInfo(const std::vector<Val> &Args);
  /// `{ dwBuildNumber = 6002, ... }` of an OSVERSIONINFOEX creation.
  void structFields(script::Node Init, Val &Info);

  // --- CSharpFrontend.cpp: declarations, statements, guards -------------
  void declarations(script::Node List, const std::string &Class);
  void defineMethod(script::Node Def, const std::string &Class);
  void walkBody(script::Node Body);
  void statement(script::Node S);
  void declare(script::Node VarDecl);
  /// The local variable or parameter Name of the current method, if any.
  Val *variable(llvm::StringRef Name);
  void assign(script::Node Target, const Val &V);
  /// Stores V in member K unless it says less than what K holds.
  /// What a source known by its name alone is (`build` parameter) gives
  /// way to a value from a source.
  void storeMember(const std::string &K, const Val &V);
  static bool inferredOnly(const Val &V);
  /// A parameter or variable declared with a class's type (`HostProfile
  /// host`): an instance of it, whose members are the class's.
  std::optional<Val> typedInstance(script::Node Type);
  /// Whether the class around N writes a Windows release's version
  /// (`new Version(6, 0, 6002)`, "6.0.6002"): evidence that the System.Version
  /// its extension methods take is the OS's.
  bool classHoldsWindowsVersion(script::Node N);
  std::map<uint32_t, bool> WindowsVersionClasses; // by the class's start
  void switchGuard(script::Node Switch, script::Node Value,
                   llvm::ArrayRef<script::Node> Sections, bool Expression);

  // --- state ----------------------------------------------------------
  struct Function {
    std::vector<std::string> Params;
    std::vector<bool> ByRef; // out/ref parameters
    bool Extension = false;  // `this` first parameter
    std::optional<Val> Return;
    std::map<size_t, Val> Outs; // what out/ref parameters receive
    std::string Class;
    script::Node Def{};
  };
  std::map<std::string, Function> Functions; // "M" and "Class.M"
  /// A constructor's `Member = parameter;` and `this.Member = parameter;`.
  void constructorStores(script::Node Def, const Function &Fn);
  // --- Imports.cpp: what other files of the project declare -----------
  /// What a file declares, for the files that use it: members, classes and
  /// method summaries, without positions in it (core::detached).
  struct Summary {
    std::map<std::string, Val> Members;
    std::set<std::string> Classes;
    std::map<std::string, Function> Functions;
    decltype(Lowerer::Positional) Positional;
    decltype(Lowerer::CtorStores) CtorStores;
    std::vector<std::string> Files; // it and the files it read in turn
  };
  /// Reads what the other files of the project that declare the type Name
  /// (or the parts of a partial class) leave to this one; true if that
  /// added anything. Each name is looked for once.
  bool importDeclaring(llvm::StringRef Name);
  /// A shallow summary's lowerer: it reads no other file.
  bool ImportsNothing = false;
  std::shared_ptr<const Summary> summary() const;
  void import(const Summary &S);

  std::vector<std::string> *Deps = nullptr; // files read for this one
  std::set<std::string> ImportTried;
  /// Fields, constants and properties: "Name" and "Class.Name".
  std::map<std::string, Val> Members;
  std::map<std::string, script::Node> Properties; // getter bodies
  std::set<std::string> Classes;
  std::set<std::string> Partial; // classes declared `partial` here
  std::set<std::string> Interfaces;
  /// The classes of this file that name a type in their base list.
  std::map<std::string, std::set<std::string>> Implementers;

protected:
  // --- the script::Lowerer skeleton: C#'s node kinds --------------------
  void walk(script::Node Root) override { declarations(Root, ""); }
  bool isScope(llvm::StringRef Type) const override;
  bool isCondition(script::Node N) override;
  script::Node ternaryCondition(script::Node N) const override;
  /// `{ 6002, "SP2" }` and `[6002] = "SP2"` of a Dictionary initializer.
  bool tableEntry(script::Node Entry, script::Node &Key,
                  script::Node &Value) override;
  core::ExprPtr entryTest(script::Node KeyN,
                          const core::ExprPtr &Subject) override;
};

using core::unbindParams;

} // namespace verguard::csharp

#endif
