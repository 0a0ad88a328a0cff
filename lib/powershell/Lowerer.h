//===- Lowerer.h - PowerShell lowering state (internal) ---------*- C++ -*-===//
//
// The pieces of the PowerShell frontend share this class: Lowering.cpp turns
// expressions into values, Sources.cpp knows which values are OS version
// quantities, Guards.cpp builds core::Guards, PowerShellFrontend.cpp walks the
// statements (scopes, functions) and drives the rest.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_POWERSHELL_LOWERER_H
#define VERGUARD_POWERSHELL_LOWERER_H

#include "core/Finding.h"
#include "core/Flow.h"
#include "core/FrontendOptions.h"
#include "core/Guard.h"
#include "script/GuardSink.h"
#include "script/Text.h"
#include "script/TreeSitter.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace verguard::powershell {

/// The node's grammar type ("" for a null node).
inline llvm::StringRef typeOf(script::Node N) { return script::type(N); }

/// Named children without comments.
inline script::NodeList namedKids(script::Node N) {
  return script::namedChildren(
      N, [](script::Node K) { return script::type(K) == "comment"; });
}

/// Objects whose members are version quantities.
enum class ObjKind : uint8_t {
  None,              // a plain value (E) or nothing known
  OSVersion,         // System.OperatingSystem ([Environment]::OSVersion)
  WmiOS,             // a Win32_OperatingSystem instance (WMI/CIM)
  ComputerInfo,      // Get-ComputerInfo
  RegCurrentVersion, // Get-ItemProperty of HKLM\...\Windows NT\CurrentVersion
  RegKey,            // a RegistryKey for that key (GetValue)
  FileItem,          // Get-Item of a system binary (has .VersionInfo)
  FileVersionInfo,   // System.Diagnostics.FileVersionInfo of a system binary
  DataFile,          // a WMI CIM_DataFile instance of a system binary
  Hashtable,         // a hashtable literal (Hash)
  CompareTo,         // the result of A.CompareTo(B): Kids are CmpA/CmpB
  Matches,           // $Matches after a -match: CmpA is that Regex test
  TsEnvironment,     // Microsoft.SMS.TSEnvironment (task sequence variables)
};

/// A lowered PowerShell value.
struct Val {
  core::ExprPtr E; // scalar value; null for objects/nothing
  ObjKind Obj = ObjKind::None;
  bool Inferred = false;            // the object's provenance is inferred
  bool NotOs = false;               // known not to be about the OS
  bool FromVariable = false;        // read through a variable or function
  std::vector<core::ExprPtr> Items; // an array literal's elements
  bool IsList = false;
  script::Node Lit{};   // the string literal, if E is exactly one
  std::string PathText; // best-effort text of a string (paths)
  script::Node Hash{};  // Hashtable: the literal
  /// Hashtable: the version values of its named entries (lower-case name),
  /// read where the literal was written (a function's `[pscustomobject]@{
  /// Build = [int]$os.BuildNumber }` read by its callers).
  std::map<std::string, core::ExprPtr> Fields;
  core::ExprPtr CmpA, CmpB; // CompareTo operands
  core::CmpMode CmpM = core::CmpMode::Int;
  /// Select-String's output: the matching lines (E), and as a condition,
  /// whether any line matched.
  core::ExprPtr MatchTest;
  /// One line of E (a command's output a foreach reads line by line, not
  /// known which): `-match` on it searches E line by line.
  bool LineOf = false;
  /// What a loop outputs (`$records = foreach ($n in $names) { Get-Rec $n
  /// }`): every item is this value; a foreach over it, or `$_` of a
  /// pipeline it feeds, is one item.
  bool EachItem = false;
  /// Hashtable: an instance of this script's class (lower case), made by
  /// `[Cls]::new()`.
  std::string Class;

  static Val of(core::ExprPtr X) {
    Val V;
    V.E = std::move(X);
    return V;
  }
  bool isObject() const { return Obj != ObjKind::None; }
  /// V read through a variable or a call, with only what is written inside
  /// Range editable (nothing, for an empty range) and no syntax nodes.
  static Val spelledWithin(Val V, const core::SourceSpan &Range);
  /// One item of V, where V is a loop's output (EachItem); else V.
  friend Val oneItem(Val V) {
    V.EachItem = false;
    return V;
  }
  /// The value as an expression (unknown() if nothing is known).
  core::ExprPtr expr() const;
};

/// A variable scope: the script, a function, or a block binding `$_`.
struct Frame {
  enum Kind : uint8_t { Script, Func, Block } K = Script;
  std::string Function; // for Function frames
  std::map<std::string, Val> Vars;
  std::optional<Val> Output; // a function's first version-related output
  std::map<std::string, int64_t> RefParams; // [ref] parameter -> index
};

class Lowerer : public script::GuardSink {
public:
  Lowerer(llvm::StringRef Path, const script::DecodedText &Text,
          const core::FrontendOptions &Opts, std::vector<core::Guard> &Guards,
          std::vector<core::Diagnostic> &Diags);

  /// Runs both passes over the tree.
  void run(script::Node Root);
  /// Runs both passes without emitting anything (an imported script).
  void summarize(script::Node Root);
  /// V as a function's caller sees it: without sibling spellings that read
  /// the function's own variables (F's).
  static Val outOfFrame(Val V, const Frame &F);
  /// The state of one walk, cleared before it.
  void resetWalk();

  /// What a dot-sourced script or an imported module leaves to its caller:
  /// script-scope variables and functions, with nothing spelled in the
  /// other file (a fix never edits a file other than the guard's).
  struct Import {
    std::map<std::string, Val> Vars;
    /// The script variables it sets as `$global:X` (also in Vars).
    std::map<std::string, Val> Globals;
    std::map<std::string, Val> Functions;
    std::map<std::string, std::vector<std::string>> FunctionParams;
    /// Functions that hand a parameter to Get-WmiObject/Get-CimInstance of
    /// Win32_OperatingSystem as its -Filter or -Query: lower-case function
    /// name -> (parameter index, whether it is a whole query). The WQL a call
    /// passes there is the guard, at the call.
    std::map<std::string, std::pair<size_t, bool>> WqlParams;
    /// WqlParams for the argument Arg of a WMI command of the OS class.
    void noteWqlParam(script::Node Arg, bool IsQuery);
    std::map<std::string, std::map<int64_t, Val>> RefOutputs;
  };
  /// Parses and summarizes the project script File, whose bytes are Bytes
  /// (nothing emitted); null if it cannot be decoded or parsed.
  std::shared_ptr<const Import> summarizeFile(const std::string &File,
                                              llvm::StringRef Bytes);
  /// The value of `$global:Name` that another script of this folder sets (a
  /// runner sets `$global:OSVersion = ...` and runs the scripts that read
  /// it), or nullopt.
  std::optional<Val> siblingGlobal(const std::string &Name);
  bool SiblingsLoaded = false;
  std::map<std::string, Val> SiblingGlobals;
  /// Names this script sets as `$global:X`.
  std::set<std::string> GlobalNames;
  /// `. $PSScriptRoot\lib.ps1`, `. .\lib.ps1`, `Import-Module .\Mod.psm1`:
  /// analyzes the project file the command names and binds what it defines.
  /// DotSource: its script variables too (Import-Module: only $global:).
  void importScript(llvm::StringRef PathText, bool DotSource, script::Node Cmd);
  /// Receives each file imported (for the result cache), if set.
  std::vector<std::string> *Deps = nullptr;
  /// Files being imported by this file's chain of imports (cycles stop).
  std::vector<std::string> ImportChain;
  std::map<uint32_t, std::shared_ptr<const Import>> Imported; // by command
  /// Variables holding the script's folder (`$here = Split-Path -Parent
  /// $MyInvocation.MyCommand.Path`), as $PSScriptRoot does.
  std::set<std::string> ScriptRootVars;

  // --- text helpers ---------------------------------------------------
  llvm::StringRef text(script::Node N) const { return script::text(N, Src); }
  core::SourceSpan span(script::Node N) const;
  core::SourceSpan span(uint32_t B, uint32_t E) const;
  core::Spelling spell(script::Node N) const;
  core::Spelling spell(uint32_t B, uint32_t E) const;
  static std::string normalize(llvm::StringRef S);

  // --- Lowering.cpp ---------------------------------------------------
  Val lower(script::Node N, int Depth = 0);
  /// A boolean condition (non-version leaves become unknown()).
  core::ExprPtr lowerCond(script::Node N, int Depth = 0);
  /// The node skipping pass-through wrappers (parentheses, precedence).
  static script::Node unwrap(script::Node N);
  /// The value of a variable use (`$x`, `$script:x`, `$_`).
  Val variable(script::Node N);
  static std::string varName(llvm::StringRef Text);
  static std::string varScope(llvm::StringRef Text);
  Val lookup(const std::string &Name, const std::string &Scope);
  void bind(const std::string &Name, const std::string &Scope, Val V,
            bool Conditional);
  /// Pipes Input (or nothing) through one command.
  Val command(script::Node Cmd, const std::optional<Val> &Input, int Depth);
  /// A script block's single output with `$_` bound to Input.
  Val scriptBlockValue(script::Node Block, const Val &Input, int Depth);
  /// The output of the statements of List in the frame on top: assignments
  /// bind variables there. A script block's output is its last statement's;
  /// a function body's (FunctionBody) is what `return` gives or else its
  /// last version-related output.
  Val statementsOutput(script::Node List, bool FunctionBody, int Depth);
  core::ExprPtr asCond(const core::ExprPtr &E) const;
  Val castTo(llvm::StringRef Type, const Val &V);
  /// A class method's parameters, bound to what its calls pass.
  void bindMethodParams(script::Node List, script::Node Method);
  /// `[Class]::new(args)`: what the constructor's parameters are passed.
  void noteConstruction(llvm::StringRef Class,
                        const std::vector<core::ExprPtr> &Args);
  Val binaryOp(script::Node N, script::Node L, script::Node Op, script::Node R,
               int Depth);
  /// `FMT -f ARGS` with plain {N} items: the concatenation.
  Val format(const Val &Fmt, const Val &Args);
  /// `L -Op R` (Op without the dash and the c/i prefix).
  Val compare(const std::string &Op, bool CaseSensitive, const Val &L,
              script::Node LNode, const Val &R, script::Node RNode,
              core::Spelling W, uint32_t B = 0, uint32_t E = 0);
  /// True if [B, E) of the source sits directly inside `( ... )`.
  bool inParens(uint32_t B, uint32_t E) const;
  static bool isStringExpr(const core::ExprPtr &E);
  /// The value of a string literal without interpolation; Map (if given)
  /// receives, per byte of Out, its offset in the source (plus one entry for
  /// the end). False for interpolated strings.
  bool decodeLiteral(script::Node Lit, std::string &Out,
                     std::vector<uint32_t> *Map) const;
  /// An operand with its use-site spelling.
  core::ExprPtr operand(const Val &V, script::Node N) const;

  struct CmdArgs {
    std::string Name; // lower-case command name
    script::Node NameNode{};
    std::vector<std::pair<std::string, script::Node>> Named; // param -> value
    std::map<std::string, script::Node> ParamNodes; // param -> its token
    std::vector<std::string> Switches;
    std::vector<script::Node> Positional;
    const script::Node *
    named(llvm::StringRef Param,
          std::initializer_list<llvm::StringRef> Aliases = {}) const;
    bool hasSwitch(llvm::StringRef Param) const;
  };
  CmdArgs commandArgs(script::Node Cmd) const;
  /// Pester's `$os.BuildNumber | Should -Be '6002'`: the assertion is a
  /// guard at the command (a test suite run on the OS fails after a bump).
  void shouldAssertion(script::Node Cmd, const CmdArgs &A, const Val &Input,
                       int Depth);
  /// Splatting: each `@name` argument whose variable holds a hashtable
  /// literal passes its entries as named parameters (those not also given
  /// by name).
  void expandSplats(CmdArgs &A);
  /// The entries of a hashtable literal whose key is a string (`Build =`,
  /// `'Build' =`): that string and the entry's value, in order.
  std::vector<std::pair<std::string, script::Node>>
  namedEntries(script::Node Hash);
  /// The value of a command argument (barewords are strings).
  Val argValue(script::Node N, int Depth);
  /// `... | Select-Object Caption, @{ Name = 'Build'; Expression = {
  /// [int]$_.BuildNumber } }`: a record of the selected properties of In,
  /// when one of them is calculated (nullopt otherwise).
  std::optional<Val> selectedRecord(llvm::ArrayRef<script::Node> Props,
                                    const Val &In, int Depth);
  /// `$o | Add-Member -MemberType NoteProperty -Name Build -Value $b`: the
  /// variable's record gains the field.
  void addMember(const CmdArgs &A, script::Node Cmd, int Depth);
  /// `$o.Build = V` (also through Add-Member): the record in variable Var
  /// holds V as its field Member; `$this.Build = V` in a class's method
  /// sets the class's field.
  void setField(const std::string &Var, const std::string &Scope,
                llvm::StringRef Member, const Val &V);
  /// PowerShell classes: the fields their constructors and property
  /// defaults set (lower-case class -> lower-case field -> value), and the
  /// class being walked. `$this` and `[C]::new()` are records of them.
  std::map<std::string, std::map<std::string, core::ExprPtr>> ClassFields;
  std::string CurrentClass;
  /// A record of class C's fields, if C is a class of this script.
  std::optional<Val> classRecord(llvm::StringRef C);

  // --- Sources.cpp ----------------------------------------------------
  /// A command that produces a version source, or nullopt.
  std::optional<Val> sourceCommand(const CmdArgs &A, int Depth);
  /// `[Type]::Member` and `[Type]::Method(args)`.
  std::optional<Val> staticMember(llvm::StringRef Type, llvm::StringRef Member,
                                  script::Node Args, bool IsCall, int Depth);
  /// `obj.Member`.
  Val member(const Val &Obj, llvm::StringRef Name, llvm::StringRef ObjText,
             int Depth);
  /// `obj.Method(args)`.
  Val method(const Val &Obj, llvm::StringRef Name, script::Node ObjNode,
             script::Node Call, script::Node Args, int Depth);
  /// The argument expressions of an argument_list.
  static std::vector<script::Node> argNodes(script::Node Args);
  /// A quantity guessed from a variable or property name.
  std::optional<core::ExprPtr> inferFromName(llvm::StringRef Name) const;
  static bool isCurrentVersionKey(llvm::StringRef Path);
  static bool isSystemBinary(llvm::StringRef Path);
  core::ExprPtr registryValue(llvm::StringRef Name) const;
  /// [version] components of a version value.
  core::ExprPtr versionPart(const core::ExprPtr &V, llvm::StringRef Part,
                            llvm::StringRef ObjText) const;

  // --- Guards.cpp -----------------------------------------------------
  void conditionGuard(script::Node CondNode, script::Node Where);
  void conditionGuardExpr(core::ExprPtr Cond, script::Node Where);
  void switchGuard(script::Node Switch);
  /// Where-Object / ? / where: a filter over the pipeline input.
  void whereFilter(const CmdArgs &A, script::Node Cmd, const Val &Input,
                   int Depth);
  void tableGuard(const Val &Table, const core::ExprPtr &Key,
                  script::Node Site);
  void wqlGuard(script::Node StringNode, const Val &Str, bool IsQuery,
                bool ClassIsOS);
  void pendingTables();
  void buildTable(script::Node Hash, core::ExprPtr Key, script::Node Site);
  /// The condition of a script block's (last) statement with `$_` = Input.
  core::ExprPtr blockCond(script::Node Block, const Val &Input);
  std::vector<script::Node> switchBodies(script::Node Switch);
  void emit(core::Guard G, script::Node Site);
  std::string currentFunction() const override;
  bool versionCond(const core::ExprPtr &E) const;

  // --- PowerShellFrontend.cpp: the statement walk ----------------------
  void walk(script::Node Root);
  bool enter(script::Node N);
  void leave(script::Node N);
  void bindParams(script::Node ParamList);
  void assignment(script::Node N);
  /// What each pass of a foreach loop outputs (`$rows = foreach ...`).
  Val loopOutput(script::Node Loop);
  /// `$rows = foreach (...) {...}`: the loop's start -> the variable (name,
  /// scope) that gets its output when the walk leaves it.
  std::map<uint32_t, std::pair<std::string, std::string>> PendingLoops;
  void recordOutput(const Val &V);
  static bool isBranchBlock(llvm::StringRef ParentType);
  using GuardSink::cover;
  using GuardSink::covered;
  bool covered(script::Node N) const {
    return covered(script::startByte(N), script::endByte(N));
  }
  void cover(script::Node N) {
    cover(script::startByte(N), script::endByte(N));
  }

  // --- state ----------------------------------------------------------
  llvm::StringRef Path;
  const script::DecodedText &Text;
  llvm::StringRef Src;
  const core::FrontendOptions &Opts;
  std::vector<core::Diagnostic> &Diags;

  bool TooDeepNoted = false;
  /// An expression nested deeper than script::MaxExprDepth is not analyzed;
  /// say so once.
  void tooDeep(script::Node N);
  std::vector<Frame> Frames;
  std::map<std::string, Val> FinalScript; // script scope after pass 1
  std::map<std::string, Val> Functions;   // lower-case name -> output
  /// What the calls of each function pass for its parameters (the body is
  /// lowered with a parameter bound to the version value its calls agree
  /// on: `Pick ([Environment]::OSVersion.Version.Build)`).
  core::CallerArguments Callers;
  /// The record (a hashtable or [pscustomobject] with version fields) that
  /// every call of a function passes for a parameter (function, index);
  /// nullopt once two calls pass different ones.
  std::map<std::pair<std::string, size_t>, std::optional<Val>> CallerRecords;
  /// The instance (class, lower case) every call of the class's methods is
  /// made on, with its fields (`$rec.Build = [int]$os.BuildNumber` then
  /// `$rec.Label()`): `$this` in the methods; nullopt once two differ.
  std::map<std::string, std::optional<Val>> CallerThis;
  std::map<std::string, std::vector<std::string>> FunctionParams;
  /// Functions that hand a parameter to Get-WmiObject/Get-CimInstance of
  /// Win32_OperatingSystem as its -Filter or -Query: lower-case function
  /// name -> (parameter index, whether it is a whole query). The WQL a call
  /// passes there is the guard, at the call.
  std::map<std::string, std::pair<size_t, bool>> WqlParams;
  /// WqlParams for the argument Arg of a WMI command of the OS class.
  void noteWqlParam(script::Node Arg, bool IsQuery);
  /// Tests a command makes (Select-String): a guard where assigned.
  std::set<core::ExprPtr> CommandTests; // held: an address is not reused
  /// The last `-match` of a version value against a constant pattern: what
  /// `$Matches[N]` reads.
  core::ExprPtr LastMatch;
  /// What a function stores through its [ref] parameters (`$Out.Value =
  /// ...`): lower-case function name -> parameter index -> value.
  std::map<std::string, std::map<int64_t, Val>> RefOutputs;
  /// At a call of function Name, binds the variables passed as `[ref]$v`
  /// to what the function stores through them.
  struct CallArgs {
    std::vector<core::ExprPtr> Args;               // by parameter index
    std::vector<std::vector<core::ExprPtr>> Lists; // list arguments' items
    std::vector<script::Node> Nodes;               // argument nodes (or null)
  };
  /// The arguments of a call of the script's function Name, bound to its
  /// parameters by name or else by position.
  CallArgs callArgs(const std::string &Name, const CmdArgs &A, int Depth);
  /// The script's functions by lower-case name (their statements).
  std::map<std::string, script::Node> FunctionNodes;
  /// Functions being read at a call (recursion stops there).
  std::vector<std::string> Inlining;
  /// The output of function Name read again at one call, with its
  /// parameters bound to the call's arguments (Nodes): what a summary cannot
  /// say, such as a system binary named by a parameter
  /// (`Get-SystemFileVersion -Name 'ntoskrnl.exe'`). Nothing is emitted; what
  /// is spelled in the body is not this call's to edit.
  /// Piped: what the pipeline hands the call (`$os | Test-Sp2`), bound to
  /// the function's ValueFromPipeline parameter (PipelineParams) and `$_`.
  Val outputAtCall(const std::string &Name, const CallArgs &C, script::Node Cmd,
                   int Depth, const Val *Piped = nullptr);
  /// The parameter of each function that takes pipeline input.
  std::map<std::string, std::string> PipelineParams;
  void bindRefArguments(const std::string &Name, const CallArgs &C,
                        script::Node Cmd);
  /// `$_` bindings for script blocks / switch bodies, by node start byte.
  std::map<uint32_t, Val> BlockInputs;
  std::set<uint32_t> TablesGuarded; // hashtable literals with a guard
  std::vector<std::pair<script::Node, std::string>> Tables; // all bound tables
  /// Hashtable literals looked up by a key not known here (not a constant,
  /// not one of the table's own keys in a foreach over them), and those
  /// looked up at all: a table only ever read at its own or constant keys
  /// (a port map) is not inferred to be about the OS.
  std::set<uint32_t> TablesLookedUp, TablesLookedUpOpenly;
  void noteLookup(const Val &Table, const Val &Key, script::Node Access);
  void multipleAssignment(script::Node Targets, script::Node Value);
  /// [version]::new(6, 0, 6003) and New-Object Version 6, 0, 6003.
  Val versionOfParts(const std::vector<core::ExprPtr> &Parts);
  /// The version values of a hashtable literal's named entries, by
  /// lower-case name (Val::Fields).
  std::map<std::string, core::ExprPtr> recordFields(script::Node Hash,
                                                    int Depth);
  /// The value of the entry Key (case-insensitive) of a hashtable literal
  /// used as a record (`$facts.Build`, `$facts['Build']`), if it has one.
  std::optional<Val> hashEntry(script::Node Hash, llvm::StringRef Key,
                               int Depth);
  /// The key of a hashtable entry (its `key_expression`): a bare name is the
  /// string it spells.
  core::ExprPtr entryKey(script::Node KeyN);
  int BranchDepth = 0; // inside if/else/switch/try bodies
  bool InSwitchArm = false;
  llvm::StringRef Parent; // the type of the walked node's parent // lowering a
                          // switch arm's script block
  std::vector<std::pair<uint32_t, uint32_t>> PushedFrames; // node ranges
  /// The first pass's walk: enter()/leave() calls, each with the node the
  /// walk was inside (Parent is its type), as indices into the flat tree.
  struct Step {
    uint32_t N;
    uint32_t Parent; // script::FlatTree::None outside the root
    bool Leave;
  };
  std::vector<Step> Steps;
};

} // namespace verguard::powershell

#endif
