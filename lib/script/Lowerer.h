//===- Lowerer.h - the skeleton every script lowerer shares -----*- C++ -*-===//
//
// A tree-sitter frontend that lowers a script (Python, WSH JScript, C#) walks
// its file three times: two walks learn what globals and functions hold (a
// function may use a global bound below it), the third emits the guards. The
// walks, the guards' bookkeeping (where a guard was emitted, which ranges a
// condition already covers, the iterative scan of an expression for
// conditions, table guards, a function body walked again with a call's
// arguments) are the same in every language and live here. A language
// supplies only its syntax: which node kinds are functions or blocks (the
// scan leaves them to the statement walk), which are conditions, how a
// condition or a table entry is lowered, and its Val and Frame types.
//
// ScriptLowerer is the part that does not depend on the language's values;
// Lowerer<Val, Frame> adds the frames, the instances and the three walks.
// lowerTree() parses a file and runs a language's lowerer on it.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_SCRIPT_LOWERER_H
#define VERGUARD_SCRIPT_LOWERER_H

#include "core/Expr.h"
#include "core/Finding.h"
#include "core/Flow.h"
#include "core/FrontendOptions.h"
#include "core/Guard.h"
#include "script/GuardSink.h"
#include "script/Spelling.h"
#include "script/Text.h"
#include "script/TreeSitter.h"

#include "llvm/ADT/STLExtras.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace verguard::script {

class ScriptLowerer : public Speller, public GuardSink {
public:
  /// Src is the code that was parsed: Text's own, or a copy of the same
  /// length with other markup blanked. Blanks are the characters a guard's
  /// text folds into a space besides white space (Python's `\`).
  ScriptLowerer(llvm::StringRef Path, const DecodedText &Text,
                llvm::StringRef Src, const core::FrontendOptions &Opts,
                std::vector<core::Guard> &Guards,
                std::vector<core::Diagnostic> &Diags, core::Dialect Syntax,
                llvm::StringRef Blanks = "");
  virtual ~ScriptLowerer() = default;

  llvm::StringRef text(Node N) const { return script::text(N, Src); }
  /// S with its blanks folded: a guard's text.
  std::string normalize(llvm::StringRef S) const {
    return normalizeSpace(S, Blanks);
  }

  /// E, an atom written as N, marked FlagParenthesized if N's text sits in
  /// parentheses of its own (`if (x == 6002)`): a fix that joins two tests
  /// there needs no more.
  core::ExprPtr atom(core::ExprPtr E, Node N) const;

  /// Adds G once per Site (GuardSink::emitAt).
  void emit(core::Guard G, Node Site) { emitAt(std::move(G), startByte(Site)); }
  /// The condition CondNode as a guard if it depends on the OS version; its
  /// range is covered either way (scanGuards does not report it again).
  void conditionGuard(Node CondNode);
  /// Every condition in the expression Root not yet covered: the tree is
  /// walked with a stack (no recursion), functions and blocks left out.
  void scanGuards(Node Root);
  /// A table (a literal whose entries map keys to values) looked up with
  /// Key, as a guard with one arm per distinct value.
  void tableGuard(Node Table, const core::ExprPtr &Key);
  /// The WHERE clause of the WQL query Q over Win32_OperatingSystem as a
  /// guard at Lit, Q written plainly (no escapes) from byte Base of the
  /// literal Lit; without Base (a query put together from constants), a
  /// guard with no text to edit.
  void wqlLiteralGuard(llvm::StringRef Q, std::optional<uint32_t> Base,
                       Node Lit);
  /// Notes, once per file, an expression nested past script::MaxExprDepth.
  void tooDeep(Node N);
  /// Marks N's range as one a condition or a subject already stands for.
  using GuardSink::cover;
  void cover(Node N) { cover(startByte(N), endByte(N)); }

  /// Notes what a call of function Key passes for its parameter I, if it
  /// is a version value (`pick_msi(sys.getwindowsversion().build)`).
  void noteCallerArgument(const std::string &Key, size_t I,
                          const core::ExprPtr &A);
  /// A call of function Key passes a literal for parameter I.
  void noteLiteralArgument(const std::string &Key, size_t I) {
    Callers.literal(Key, I);
  }
  /// A literal argument (a string, a number, None/null): not a value that
  /// a parameter could share with other calls' version values.
  static bool isLiteral(Node N) {
    llvm::StringRef T = type(N);
    return T == "string" || T == "string_literal" || T == "integer" ||
           T == "integer_literal" || T == "number" || T == "none" ||
           T == "null" || T == "null_literal" || T == "float" ||
           T == "verbatim_string_literal";
  }
  /// What parameter I of function Key (defined at Def) is bound to while
  /// its body is walked: what its calls pass, when those that pass a
  /// version value agree, with no spelling outside Def; null if none does.
  core::ExprPtr callerArgument(const std::string &Key, size_t I,
                               Node Def) const;

  /// A statement walk one level deeper while it lives: statements nest
  /// (blocks in blocks) only so deep, and the walk recurses.
  class Nest {
  public:
    explicit Nest(ScriptLowerer &L) : L(L) { ++L.StatementDepth; }
    ~Nest() { --L.StatementDepth; }
    Nest(const Nest &) = delete;
    Nest &operator=(const Nest &) = delete;
    /// Past the limit: the statement is left out (and noted: tooDeep).
    bool pastLimit() const { return L.StatementDepth > MaxNesting; }
    static constexpr int MaxNesting = 200;

  private:
    ScriptLowerer &L;
  };

  // --- what the language says ------------------------------------------
  /// A condition as a boolean expression.
  virtual core::ExprPtr lowerCond(Node N, int Depth = 0) = 0;

protected:
  /// A function, class or block kind: its statements are walked on their
  /// own, so scanGuards does not enter it.
  virtual bool isScope(llvm::StringRef Type) const = 0;
  /// A scope scanGuards met inside an expression (a Python lambda) that
  /// no statement walk reaches: the language scans it with its parameters
  /// bound, if it can.
  virtual void scanScope(Node) {}
  /// N is a condition reported whole (a comparison, a negation, a
  /// predicate call).
  virtual bool isCondition(Node N) = 0;
  /// The condition of a conditional expression N (`a if c else b`,
  /// `c ? a : b`), or a null node.
  virtual Node ternaryCondition(Node N) const = 0;
  /// The node a condition is reported at (JScript drops parentheses).
  virtual Node conditionSite(Node N) const { return N; }
  /// The language's string literal Lit as a WQL query, if it is one the
  /// walk did not report already: a query on Win32_OperatingSystem kept in
  /// a constant and run out of sight (a helper's parameter, another
  /// file's method) still filters on the OS's version.
  virtual void literalQuery(Node Lit) {}
  /// The node types of the language's string literals (literalQuery).
  virtual std::vector<llvm::StringRef> stringLiteralTypes() const { return {}; }
  /// literalQuery() on each string literal of Root naming the class.
  void literalQueries(Node Root) {
    std::vector<llvm::StringRef> Types = stringLiteralTypes();
    if (Types.empty() || !Src.contains_insensitive("win32_operatingsystem"))
      return;
    for (Node S : nodesOf(Root, Types))
      if (text(S).contains_insensitive("win32_operatingsystem") &&
          text(S).contains_insensitive("where"))
        literalQuery(S);
  }
  /// The entry Entry of a table as its key and value nodes, or false. By
  /// default a `pair` with `key` and `value` fields (Python's dict,
  /// JavaScript's object literal).
  virtual bool tableEntry(Node Entry, Node &Key, Node &Value);
  /// The test of a table entry whose key is written KeyN, on the table's
  /// subject Subject (unknown where the key is not a constant).
  virtual core::ExprPtr entryTest(Node KeyN, const core::ExprPtr &Subject) {
    return core::unknown();
  }
  /// What a table is looked up with, given the key's value (JScript's
  /// property names are strings).
  virtual core::ExprPtr tableSubject(const core::ExprPtr &Key) const {
    return Key;
  }

public:
  // --- state ----------------------------------------------------------
  llvm::StringRef Path;
  const DecodedText &Text;
  llvm::StringRef Src;
  const core::FrontendOptions &Opts;
  std::vector<core::Diagnostic> &Diags;

  bool TooDeepNoted = false;
  int StatementDepth = 0; // Nest

private:
  llvm::StringRef Blanks;
  core::CallerArguments Callers;
};

/// The names (nodes of IdentType) that Update steps: the operands of `++`
/// and `--` and the targets of assignments in it (`i++`, `i += 2`, `$i++`),
/// not what it only reads or calls (`e.moveNext()`).
inline std::vector<Node> steppedNames(Node Update, llvm::StringRef IdentType) {
  static const llvm::StringRef Stepping[] = {"update_expression",
                                             "assignment_expression",
                                             "augmented_assignment_expression",
                                             "postfix_unary_expression",
                                             "prefix_unary_expression",
                                             "post_increment_expression",
                                             "post_decrement_expression",
                                             "pre_increment_expression",
                                             "pre_decrement_expression"};
  std::vector<Node> Out, Work{Update};
  while (!Work.empty()) {
    Node X = Work.back();
    Work.pop_back();
    if (isNull(X))
      continue;
    if (llvm::is_contained(Stepping, type(X))) {
      Node T = field(X, "argument");
      if (isNull(T))
        T = field(X, "left");
      if (isNull(T) && namedChildCount(X))
        T = namedChild(X, 0);
      // Down through wrappers (PowerShell's left_assignment_expression,
      // unary_expression) to the name.
      while (!isNull(T) && type(T) != IdentType && namedChildCount(T) == 1)
        T = namedChild(T, 0);
      if (!isNull(T) && type(T) == IdentType)
        Out.push_back(T);
    }
    for (Node K : namedKidsNoComments(X))
      Work.push_back(K);
  }
  return Out;
}

/// The frames, function instances and walks of a lowerer whose values are
/// ValT (with an expression E, isObject() and related(): says something
/// about the OS) and whose frames are FrameT (Func, Function, Vars: a map
/// from names to ValT, Return: std::optional<ValT>).
template <class ValT, class FrameT> class Lowerer : public ScriptLowerer {
public:
  using ScriptLowerer::ScriptLowerer;
  using Vars = decltype(FrameT::Vars);

  /// The two learning walks and the emitting one over the file.
  void run(Node Root) {
    learn(Root);
    reset();
    Emit = true;
    walk(Root);
    literalQueries(Root);
    emitSiblingEvidence();
  }
  /// The two learning walks alone (a file read for what it declares).
  void learn(Node Root) {
    for (int Pass = 0; Pass < 2; ++Pass) {
      reset();
      walk(Root);
      FinalGlobals = Frames.front().Vars;
    }
  }

  std::string currentFunction() const override {
    for (auto F = Frames.rbegin(); F != Frames.rend(); ++F)
      if (F->Func)
        return F->Function;
    return "";
  }
  FrameT &top() { return Frames.back(); }
  /// The innermost function's frame, else the global one.
  FrameT &functionFrame() {
    for (auto F = Frames.rbegin(); F != Frames.rend(); ++F)
      if (F->Func)
        return *F;
    return Frames.front();
  }
  /// A C-style loop's update (`i++`, `i += 2`): the names it steps hold
  /// no one value in the body, not their first: unknown from here, where
  /// they are bound (else in the frame on top).
  void forgetStepped(Node Update, llvm::StringRef IdentType) {
    for (Node X : steppedNames(Update, IdentType)) {
      std::string Name = text(X).str();
      auto F = llvm::find_if(llvm::reverse(Frames), [&](const FrameT &Fr) {
        return Fr.Vars.count(Name) != 0;
      });
      FrameT &Where = F != llvm::reverse(Frames).end() ? *F : Frames.back();
      Where.Vars[Name] = ValT::of(core::unknown());
    }
  }
  bool inFunction(const std::string &Key) const {
    return llvm::any_of(Frames,
                        [&](const FrameT &F) { return F.Function == Key; });
  }

  /// Notes what this call of function Key passes for its parameters (Args
  /// from parameter Skip on; noteCallerArgument); nothing while a body is
  /// walked again for one call (instantiateBody).
  void noteCallerArguments(const std::string &Key,
                           const std::vector<ValT> &Args, size_t Skip = 0,
                           const std::vector<Node> *ArgNodes = nullptr) {
    if (Instantiating)
      return;
    for (size_t I = 0; I < Args.size(); ++I) {
      if (ArgNodes && I < ArgNodes->size() && isLiteral((*ArgNodes)[I]))
        noteLiteralArgument(Key, I + Skip);
      noteCallerArgument(Key, I + Skip, Args[I].E);
      // An object: kept while every call passes the same one (as the
      // language's sameCallerObject says).
      auto [It, New] = CallerObjects.try_emplace({Key, I + Skip}, Args[I]);
      if (!Args[I].isObject() ||
          (!New && It->second && !sameCallerObject(*It->second, Args[I])))
        It->second.reset();
    }
  }
  /// The object every call of function Key passes for parameter I (a WMI
  /// connection handed to a helper), or null.
  const ValT *callerObject(const std::string &Key, size_t I) const {
    auto It = CallerObjects.find({Key, I});
    return It == CallerObjects.end() || !It->second ? nullptr : &*It->second;
  }
  std::map<std::pair<std::string, size_t>, std::optional<ValT>> CallerObjects;

  /// A `return V` in the innermost function: its return is the first that
  /// says something about the OS; one that only hands a parameter back
  /// (`return default`) gives way to it.
  void noteReturn(const ValT &V) {
    FrameT &F = functionFrame();
    if (!F.Func)
      return;
    bool Related = V.related() || (V.E && core::hasParam(*V.E));
    if (Related && (!F.Return || (!F.Return->related() && V.related())))
      F.Return = V;
    // A helper that names a file or a key (`KernelPath()`): its text, until
    // a return says something about the OS.
    else if (!F.Return && V.E && V.E->Kind == core::Op::StrConst &&
             !V.E->Str.empty())
      F.Return = V;
  }

  /// A function body walked again with a call's arguments bound (a helper
  /// whose source an argument chooses), nothing emitted, memoized by Memo
  /// (the function and its arguments) within a budget of bodies per file:
  /// its return as written at Call, or nothing. Callee() makes the frame of
  /// function Key with the arguments bound; Body() walks the body in it.
  template <class MakeFrame, class WalkBody>
  std::optional<ValT> instantiateBody(const std::string &Memo,
                                      const std::string &Key, Node Call,
                                      MakeFrame Callee, WalkBody Body) {
    auto Known = Instances.find(Memo);
    if (Known != Instances.end())
      return atCall(Known->second, Call);
    if (InstanceBudget <= 0)
      return std::nullopt;
    --InstanceBudget;
    if (inFunction(Key))
      return std::nullopt; // recursion
    FrameT F = Callee();
    bool SavedEmit = Emit;
    size_t SavedCovered = Covered.size();
    Emit = false;
    ++Instantiating;
    Frames.push_back(std::move(F));
    Body();
    std::optional<ValT> R = Frames.back().Return;
    Frames.pop_back();
    --Instantiating;
    Emit = SavedEmit;
    Covered.resize(SavedCovered);
    if (R && !R->related())
      R.reset();
    if (R && R->E)
      R->E = core::unbindParams(R->E);
    Instances[Memo] = R;
    return atCall(R, Call);
  }

  std::vector<FrameT> Frames;
  /// The globals after a learning walk (a use above a binding sees it).
  Vars FinalGlobals;
  std::map<std::string, std::optional<ValT>> Instances;
  int InstanceBudget = 256;

protected:
  /// One walk over the file's statements.
  virtual void walk(Node Root) = 0;

private:
  void reset() {
    Frames.clear();
    Frames.emplace_back();
    Covered.clear();
    Instances.clear();
    InstanceBudget = 256;
  }
  /// An instance's return with only the call's own spellings kept.
  std::optional<ValT> atCall(std::optional<ValT> R, Node Call) const {
    if (R && R->E)
      R->E = core::keepSpellingsWithin(R->E, span(Call));
    return R;
  }
};

/// Parses Src (Text's code, or a copy of it with other markup blanked) with
/// Language, notes parse trouble in Diags and runs the lowerer L over it,
/// after Prepare(L) (what the language's lowerer needs besides); nothing for
/// a file with no code.
template <class L, class PrepareFn>
void lowerTree(const TSLanguage *Language, llvm::StringRef Path,
               const DecodedText &Text, llvm::StringRef Src,
               const core::FrontendOptions &Opts,
               std::vector<core::Guard> &Guards,
               std::vector<core::Diagnostic> &Diags, PrepareFn Prepare) {
  if (Src.trim().empty())
    return;
  ParsedFile P = parseNoting(Language, Path, Text, Opts.TimeoutMs, Diags, Src);
  if (!P.Tree)
    return;
  L Lowering(Path, Text, Src, Opts, Guards, Diags);
  Prepare(Lowering);
  Lowering.run(P.root());
}
template <class L>
void lowerTree(const TSLanguage *Language, llvm::StringRef Path,
               const DecodedText &Text, llvm::StringRef Src,
               const core::FrontendOptions &Opts,
               std::vector<core::Guard> &Guards,
               std::vector<core::Diagnostic> &Diags) {
  lowerTree<L>(Language, Path, Text, Src, Opts, Guards, Diags, [](L &) {});
}

} // namespace verguard::script

#endif
