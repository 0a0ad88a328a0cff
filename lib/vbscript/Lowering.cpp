//===- Lowering.cpp -------------------------------------------------------===//
//
// One pass per procedure, in source order, over a flat statement list (the
// VBA grammar keeps `If`/`ElseIf`/`End If` as fragments): assignments update
// an environment of abstract values, guards are lowered where they stand.
// Procedures are run three times: twice to learn function results, class
// members and globals, and once more to emit the guards.
//
//===----------------------------------------------------------------------===//
#include "vbscript/Lowering.h"

#include "core/Evaluator.h"
#include "core/FileMemo.h"
#include "core/Flow.h"
#include "core/Siblings.h"
#include "core/SourceTable.h"
#include "script/Spelling.h"
#include "script/TreeSitter.h"
#include "script/Wql.h"
#include "vbscript/Sources.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"

#include <cstring>
#include <map>
#include <memory>
#include <set>

namespace verguard::vbscript {

using namespace core;
using script::field;

namespace {

/// A string constant built from literals, with the adapted position of each
/// of its bytes (so that WQL inside it can be spelled in the file).
struct Folded {
  std::string S;
  std::vector<uint32_t> Begin, End; // adapted offsets per byte
  std::vector<uint32_t> Lit;        // which literal each byte came from
};

/// What a RegExp or Dictionary object holds: set by statements, read by the
/// methods that test it. Shared by the copies of one object's value.
struct ObjState {
  ExprPtr Pattern;         // RegExp.Pattern
  bool IgnoreCase = false; // RegExp.IgnoreCase
  ExprPtr Subject;         // Matches/Match: the text Execute searched
  struct Entry {
    ExprPtr Key;
    std::string Value; // the item's text (entries with one value are one)
    script::Node Stmt; // the `.Add` statement
  };
  std::vector<Entry> Entries; // Dictionary.Add, in order
  /// A class instance's members that its methods set from their arguments
  /// (`k.Load path` → `Build = CLng(Split(GetFileVersion(path), ".")(2))`).
  std::map<std::string, ExprPtr> Members;
};

/// An abstract value: an expression over version quantities, or an object
/// that leads to one.
struct Val {
  ExprPtr E;
  ObjKind O = ObjKind::None;
  std::string Cls;                   // ClassInstance
  std::shared_ptr<const Folded> Str; // constant text with positions
  std::string Lits;                  // the literal text pieces it holds
  bool Hard = false;                 // literal, Const or statically typed
  std::string SrcText;               // text of a dotted version source
  std::shared_ptr<ObjState> State;   // RegExp, Dictionary
  /// A `For Each` variable over constants (`For Each x In Array(6001,
  /// 6002)`): one of these, so `x = b` is b's membership in them.
  std::vector<ExprPtr> OneOf;
  /// A padded buffer an API filled (RegQueryValueEx's lpData): cut at the
  /// length the API returned (`Left$(buf, cb - 1)`, `Left$(buf,
  /// InStr(buf, vbNullChar) - 1)`), it is the value.
  bool Padded = false;
  bool known() const { return E || O != ObjKind::None || !OneOf.empty(); }
};

bool is(script::Node N, llvm::StringRef T) {
  return !script::isNull(N) && script::type(N) == T;
}
llvm::StringRef typeOf(script::Node N) { return script::type(N); }
bool isTrivia(script::Node N) {
  llvm::StringRef T = typeOf(N);
  return T == "comment" || T == "newline" || T == "line_continuation";
}
script::NodeList namedKids(script::Node N) {
  return script::namedChildren(N, isTrivia);
}
bool isStringValued(const Expr &E) { return valueType(E) == ValueType::Str; }

/// K (a conversion) applied to each of V's items, folded to constants.
Val eachOf(const Val &V, Op K) {
  Val R;
  for (const ExprPtr &I : V.OneOf) {
    Value C = evaluate(*unary(K, I), builtinProfiles().Profiles.front());
    if (!C.known())
      return {};
    R.OneOf.push_back(C.K == Value::Str ? strConst(C.S) : intConst(C.I));
  }
  return R;
}

std::optional<int64_t> parseNumber(llvm::StringRef T) {
  T = T.trim();
  bool Neg = T.consume_front("-");
  if (!T.empty() && llvm::StringRef("%&!#@^$").contains(T.back()))
    T = T.drop_back();
  int64_t V;
  if (T.starts_with_insensitive("&h")) {
    if (T.drop_front(2).getAsInteger(16, V))
      return std::nullopt;
    // &H literals without a type suffix are 16- or 32-bit signed.
    if (V > 0x7FFFFFFF && V <= 0xFFFFFFFF)
      V = int64_t(int32_t(uint32_t(V)));
    return Neg ? -V : V;
  }
  if (T.starts_with_insensitive("&o")) {
    if (T.drop_front(2).getAsInteger(8, V))
      return std::nullopt;
    return Neg ? -V : V;
  }
  llvm::StringRef Int = T;
  size_t Dot = T.find('.');
  if (Dot != llvm::StringRef::npos) {
    // `6.0`: a Double with no fraction is still an integer value.
    llvm::StringRef Frac = T.substr(Dot + 1);
    if (!llvm::all_of(Frac, [](char C) { return C == '0'; }))
      return std::nullopt;
    Int = T.take_front(Dot);
  }
  if (Int.getAsInteger(10, V))
    return std::nullopt;
  return Neg ? -V : V;
}

std::string unquote(llvm::StringRef Lit) {
  if (Lit.size() >= 2 && Lit.front() == '"' && Lit.back() == '"')
    Lit = Lit.drop_front().drop_back();
  std::string R;
  for (size_t I = 0; I < Lit.size(); ++I) {
    R += Lit[I];
    if (Lit[I] == '"' && I + 1 < Lit.size() && Lit[I + 1] == '"')
      ++I;
  }
  return R;
}

std::string quote(llvm::StringRef S) {
  std::string R = "\"";
  for (char C : S) {
    R += C;
    if (C == '"')
      R += '"';
  }
  return R + "\"";
}

std::string collapse(llvm::StringRef S) {
  std::string R;
  bool Space = false;
  for (char C : S) {
    if (C == ' ' || C == '\t' || C == '\r' || C == '\n') {
      Space = true;
      continue;
    }
    if (C == '_' && Space) // a continuation
      continue;
    if (Space && !R.empty())
      R += ' ';
    Space = false;
    R += C;
  }
  return R;
}

std::optional<CmpOp> cmpOpOf(llvm::StringRef T) {
  if (T == "=")
    return CmpOp::EQ;
  if (T == "<>")
    return CmpOp::NE;
  if (T == "<")
    return CmpOp::LT;
  if (T == "<=")
    return CmpOp::LE;
  if (T == ">")
    return CmpOp::GT;
  if (T == ">=")
    return CmpOp::GE;
  return std::nullopt;
}

bool isHardType(llvm::StringRef T) {
  std::string L = T.lower();
  return L == "long" || L == "integer" || L == "string" || L == "byte" ||
         L == "double" || L == "single" || L == "currency" || L == "longlong" ||
         L == "longptr" || L == "boolean";
}

struct Proc {
  script::Node Node;
  std::string Name, Key, Cls;
  bool Main = false;
  /// The body's statement walk, recorded by the first pass for the others.
  mutable std::vector<script::Node> Walk;
};

class Lowerer {
public:
  Lowerer(const LoweringInput &In, std::vector<Guard> &Guards,
          std::vector<Diagnostic> &Diags)
      : In(In), Src(In.Code.Text), Guards(Guards), Diags(Diags) {}

  void run();
  /// Learns results, members and globals without emitting (a sibling).
  void summarize();

private:
  const LoweringInput &In;
  llvm::StringRef Src; // the adapted text that was parsed
  std::vector<Guard> &Guards;
  std::vector<Diagnostic> &Diags;

  bool CompareText = false;
  bool HasVersionApi = false;
  llvm::StringSet<> OsviTypes;
  /// Declare'd functions: VB name -> the API's name (its Alias), lower case.
  llvm::StringMap<std::string> Declared;
  /// The members of each OSVERSIONINFO(EX) Type, by position: GetVersionEx
  /// fills the structure by layout, whatever the program named its members
  /// (`dwVerMajor`, `OSVSize`).
  llvm::StringMap<std::vector<std::string>> OsviMembers;
  llvm::StringSet<> ClassNames;
  std::vector<Proc> Procs;
  llvm::StringMap<Val> Globals, Consts, FuncResults;
  /// What a procedure leaves in its ByRef parameters (VB's default):
  /// procedure key -> parameter index -> value (over Op::Param).
  llvm::StringMap<std::map<int64_t, Val>> OutParams;
  llvm::StringMap<llvm::StringMap<Val>> ClassVars;
  /// Method key -> member -> what the method stores there over its
  /// parameters (storeMember).
  llvm::StringMap<llvm::StringMap<Val>> MemberStores;
  llvm::StringSet<> HardFuncs, HardGlobals;

  // Per procedure.
  const Proc *Cur = nullptr;
  llvm::StringMap<Val> Locals;
  /// The procedure's parameters by name: read while nothing is known of
  /// them, each is Op::Param, so the procedure's result is a summary that a
  /// call instantiates with its arguments (bindArguments).
  llvm::StringMap<int64_t> ParamIndex;
  llvm::StringSet<> ByValParams;
  llvm::StringSet<> LocalNames, HardLocals;
  std::optional<Val> Result;
  /// Past the procedure's top-level `Exit Function`/`Exit Sub`: in an error
  /// handler (`On Error GoTo NotFound ... Exit Function ... NotFound:`).
  bool InHandler = false;
  std::vector<std::pair<uint32_t, Val>> With; // end byte, object
  bool Emit = false;
  std::set<std::pair<uint32_t, int>> Emitted;
  bool TooDeepNoted = false;

  /// An expression nested deeper than script::MaxExprDepth is not analyzed;
  /// say so once.
  void tooDeep(script::Node N) {
    if (!Emit || TooDeepNoted)
      return;
    TooDeepNoted = true;
    Diags.push_back(script::nestedTooDeep(In.Path, span(N)));
  }

  // --- positions and spellings ---------------------------------------------
  uint32_t srcBegin(script::Node N) const {
    return In.Code.Map.toSource(script::startByte(N));
  }
  uint32_t srcEnd(script::Node N) const {
    return In.Code.Map.toSourceEnd(script::endByte(N));
  }
  SourceSpan spanOf(uint32_t SB, uint32_t SE) const {
    return In.Text.span(In.Path, SB, std::max(SB, SE));
  }
  SourceSpan span(script::Node N) const {
    return spanOf(srcBegin(N), srcEnd(N));
  }
  std::string srcText(script::Node N) const {
    uint32_t B = srcBegin(N), E = srcEnd(N);
    if (E < B || E > In.Text.Utf8.size())
      return {};
    return In.Text.Utf8.substr(B, E - B);
  }
  std::string name(script::Node N) const { return text(N).str(); }
  llvm::StringRef text(script::Node N) const { return script::text(N, Src); }
  std::string key(script::Node N) const { return text(N).lower(); }
  /// The (keyword or operator) text between two nodes or offsets; keywords
  /// are hidden tokens in this grammar.
  std::string gap(uint32_t B, uint32_t E) const {
    if (E <= B || E > Src.size())
      return {};
    std::string R;
    for (char C : Src.slice(B, E))
      if (C != ' ' && C != '\t' && C != '\r' && C != '\n' && C != '_')
        R += llvm::toLower(C);
    return R;
  }
  Spelling spell(script::Node N) const {
    Spelling S;
    if (!In.Code.Map.contiguous(script::startByte(N), script::endByte(N)))
      return S;
    S.Span = span(N);
    S.Text = srcText(N);
    return S;
  }
  Spelling spellSpan(script::Node From, script::Node To) const {
    Spelling S;
    if (!In.Code.Map.contiguous(script::startByte(From), script::endByte(To)))
      return S;
    uint32_t B = srcBegin(From), E = srcEnd(To);
    S.Span = spanOf(B, E);
    S.Text = In.Text.Utf8.substr(B, E - B);
    return S;
  }

  // --- building values -----------------------------------------------------
  CmpMode mode() const {
    return CompareText ? CmpMode::VBVariantText : CmpMode::VBVariant;
  }
  Val exprVal(ExprPtr E) {
    Val V;
    V.E = std::move(E);
    return V;
  }
  Val objVal(ObjKind K) {
    Val V;
    V.O = K;
    if (K == ObjKind::RegExp || K == ObjKind::Dictionary ||
        K == ObjKind::ClassInstance)
      V.State = std::make_shared<ObjState>();
    return V;
  }
  /// `Me`, or a bare call of a method in its own class: the instance whose
  /// method runs, so what a called method sets is the caller's store.
  Val self() const {
    Val V;
    V.O = ObjKind::ClassInstance;
    V.Cls = Cur ? Cur->Cls : std::string();
    return V;
  }
  /// A member store over the method's parameters: each call sets it from
  /// its own arguments (applyMemberStores); the class's value stays unknown.
  void storeMember(const std::string &K, Val V) {
    // `m_Build = 0` in Class_Initialize: the member's start, not what the
    // class's methods (walked after it) learned it holds in an earlier pass.
    if (llvm::StringRef(Cur->Name).equals_insensitive("Class_Initialize") &&
        V.E && isErrorDefault(*V.E)) {
      auto Old = ClassVars[Cur->Cls].find(K);
      if (Old != ClassVars[Cur->Cls].end() && Old->second.E &&
          dependsOnVersion(*Old->second.E))
        return;
    }
    if (V.E && hasParam(*V.E)) {
      MemberStores[Cur->Key][K] = V;
      V = Val{};
    }
    ClassVars[Cur->Cls][K] = std::move(V);
  }
  /// After a call of method Key on R: the members the method sets from its
  /// parameters hold this call's arguments, on R's instance (or, for a call
  /// on the running instance, are the caller's own stores).
  void applyMemberStores(const Val &R, const std::string &Key,
                         const std::vector<ExprPtr> &ArgVals,
                         script::Node Call) {
    auto S = MemberStores.find(Key);
    if (S == MemberStores.end())
      return;
    for (const auto &[M, V] : S->second) {
      Val B = bindArguments(V, ArgVals, Call);
      if (R.State) {
        // What this call makes known (else the class's value stands).
        if (B.E && !hasParam(*B.E) &&
            (dependsOnVersion(*B.E) || B.E->isConst()))
          R.State->Members[M.str()] = B.E;
      } else if (Cur && !Cur->Cls.empty() && Cur->Cls == R.Cls) {
        storeMember(M.str(), B);
      }
    }
  }
  /// `.Execute(s)(0)` of a RegExp: its first match, or nothing known.
  Val firstMatch(const Val &Matches, const ExprPtr &Index) {
    if (Matches.O != ObjKind::Matches || !Index ||
        Index->Kind != Op::IntConst || Index->Int != 0)
      return {};
    Val V;
    V.O = ObjKind::Match;
    V.State = Matches.State;
    return V;
  }
  /// Capture group G (0: the whole match) of a Match.
  Val matchGroup(const Val &Match, int64_t G) {
    if (Match.O != ObjKind::Match || !Match.State || G < 0)
      return {};
    auto E = clone(
        *binary(Op::RegexGroup, Match.State->Subject, Match.State->Pattern));
    E->Int = G;
    E->Syntax = Dialect::VB;
    if (Match.State->IgnoreCase)
      E->Flags |= FlagCaseInsensitive;
    return exprVal(E);
  }
  /// A lookup of Key in a Dictionary: a table guard over its entries.
  void dictionaryLookup(const Val &Dict, const ExprPtr &Key, script::Node At);
  /// A procedure's result at one call: its parameters are the values of
  /// that call's arguments (Args, lowered once by the caller). What is
  /// spelled in the procedure's body is shared by every call, so only the
  /// call's own text stays editable.
  Val bindArguments(const Val &Summary, const std::vector<ExprPtr> &Args,
                    script::Node Call) {
    if (!Summary.E || !hasParam(*Summary.E))
      return Summary;
    Val R = Summary;
    R.E = instantiate(Summary.E, Args, {}, span(Call));
    return R;
  }
  /// Lowers each argument once: for the guards inside it (IIf) and for
  /// bindArguments.
  /// Callee, the key of the procedure called (or empty), learns what each
  /// of its parameters receives (noteArgument).
  std::vector<ExprPtr> argumentValues(const std::vector<script::Node> &Args,
                                      int D, llvm::StringRef Callee = {}) {
    std::vector<ExprPtr> V;
    for (size_t I = 0; I < Args.size(); ++I) {
      Val A = expr(Args[I], D + 1);
      if (!Callee.empty())
        noteArgument(Callee, I, A);
      // `strSys & "ntoskrnl.exe"` with strSys unknown, `"\\" & host &
      // "\admin$\System32\ntoskrnl.exe"` with host a parameter: what its
      // literals name is all a helper's GetFileVersion needs (as at a direct
      // call), the file's name.
      if (isSystemBinary(A.Lits) && (!A.E || !constText(*A.E)))
        A.E = strConst(A.Lits);
      V.push_back(A.E);
    }
    return V;
  }
  /// What each procedure's parameters receive as objects (a WMI instance,
  /// WScript.Shell, a class instance) at its calls: procedure key ->
  /// parameter index -> the object, or nothing once two calls disagree.
  /// `IsSp2(objOS)` then reads `os.BuildNumber` inside IsSp2 as
  /// Win32_OperatingSystem.BuildNumber.
  llvm::StringMap<std::map<int64_t, std::optional<Val>>> ParamObjects;
  /// The version values calls pass (core::CallerArguments), bound in the
  /// callee from the second pass on, but for a procedure whose first-pass
  /// result is a condition over its parameters (ReturnsCheck): each call
  /// judges that one.
  core::CallerArguments Callers;
  llvm::StringSet<> ReturnsCheck;
  int Pass = 0;
  /// A call of Callee passes A for its parameter I: a version value
  /// (Callers) or an object (ParamObjects).
  void noteArgument(llvm::StringRef Callee, size_t I, const Val &A) {
    Callers.note(Callee.str(), I, A.E);
    if (A.O == ObjKind::None || (A.State && A.O != ObjKind::ClassInstance))
      return; // a RegExp's or Dictionary's state is the caller's own
    Val Obj = A;
    Obj.State.reset(); // which instance differs per call
    auto [It, New] = ParamObjects[Callee].try_emplace(int64_t(I), Obj);
    if (!New && It->second &&
        (It->second->O != A.O || It->second->Cls != A.Cls ||
         It->second->Lits != A.Lits))
      It->second.reset();
  }
  /// The key of the procedure a call of K (lower case) names from here.
  std::string calleeKey(const std::string &K) const {
    if (Cur && !Cur->Cls.empty()) {
      std::string FK = Cur->Cls + "." + K;
      if (llvm::any_of(Procs, [&](const Proc &P) { return P.Key == FK; }))
        return FK;
    }
    return K;
  }
  /// After a call of a Declare'd registry API: `RegOpenKeyEx(HKLM, path,
  /// 0, KEY_READ, hKey)` opens path in hKey; `RegQueryValueEx(hKey, name, 0,
  /// 0, buf, cb)` fills buf with the value (the one a helper's caller
  /// names, for a parameter).
  void registryApiCall(const std::string &K,
                       const std::vector<script::Node> &Args,
                       const std::vector<ExprPtr> &ArgVals) {
    auto D = Declared.find(K);
    if (D == Declared.end())
      return;
    llvm::StringRef Api = D->second;
    Api.consume_back("a");
    Api.consume_back("w");
    auto Var = [&](size_t I) {
      return I < Args.size() && I < ArgVals.size() && is(Args[I], "identifier");
    };
    if (Api == "regopenkeyex" || Api == "regopenkey") {
      size_t Out = Api == "regopenkeyex" ? 4 : 2;
      if (Var(Out) && ArgVals[1] && ArgVals[1]->Kind == Op::StrConst) {
        Val H = objVal(ObjKind::RegHandle);
        H.Lits = ArgVals[1]->Str;
        assign(key(Args[Out]), H);
      }
      return;
    }
    if (Api != "regqueryvalueex" || !Var(4) || !is(Args[0], "identifier"))
      return;
    const Val *H = findVar(key(Args[0]));
    ExprPtr Name = ArgVals[1];
    if (!H || H->O != ObjKind::RegHandle || !Name)
      return;
    Val Buf;
    if (hasParam(*Name) || Name->Kind == Op::Param)
      Buf = exprVal(unary(Op::RegistryValueOf,
                          nary(Op::Concat, {strConst(H->Lits + "\\"), Name})));
    else if (Name->Kind != Op::StrConst)
      return;
    else if (auto SQ = registryValue(H->Lits, Name->Str))
      Buf = exprVal(sourceQuantity(*SQ, "registry " + Name->Str));
    else
      return;
    Buf.Padded = true;
    assign(key(Args[4]), Buf);
  }
  /// After a call of procedure Key: each variable passed to a ByRef
  /// parameter the procedure sets holds what it set, at this call.
  void bindOutArguments(llvm::StringRef Key,
                        const std::vector<script::Node> &Args,
                        const std::vector<ExprPtr> &ArgVals,
                        script::Node Call) {
    auto O = OutParams.find(Key);
    if (O == OutParams.end())
      return;
    for (const auto &[I, Out] : O->second) {
      if (I < 0 || size_t(I) >= Args.size() || !is(Args[I], "identifier"))
        continue;
      Val V = bindArguments(Out, ArgVals, Call);
      if (V.E && !hasParam(*V.E) && V.E->Kind != Op::Param)
        assign(key(Args[I]), V);
    }
  }
  /// A version source the user declared (`sources:` in .verguard.yaml, for
  /// vbscript or every language): a function, or `Object.Member`.
  std::optional<Val> userSource(llvm::StringRef Name) {
    for (const core::UserSource &U : In.Opts.Sources)
      if ((U.Language.empty() || U.Language == "vbscript") &&
          llvm::StringRef(U.Name).equals_insensitive(Name)) {
        Val V = exprVal(quantity(U.Q, "user source " + U.Name));
        V.Hard = true;
        return V;
      }
    return std::nullopt;
  }
  ExprPtr
  sourceQuantity(SourceQuantity SQ, std::string Prov, bool Inferred = false,
                 std::vector<std::pair<Quantity, std::string>> Sib = {}) {
    auto Q = clone(*quantity(SQ.Q, std::move(Prov), Inferred));
    Q->Siblings = std::move(Sib);
    if (SQ.AsString && !isStringQuantity(SQ.Q))
      return unary(Op::ToStr, Q);
    return Q;
  }
  ExprPtr orUnknown(const Val &V) { return V.E ? V.E : unknown(); }
  std::optional<std::string> constString(const Val &V) {
    if (V.Str)
      return V.Str->S;
    if (V.E && V.E->Kind == Op::StrConst)
      return V.E->Str;
    return std::nullopt;
  }
  std::optional<int64_t> constInt(const Val &V) {
    if (V.E && (V.E->Kind == Op::IntConst || V.E->Kind == Op::BoolConst))
      return V.E->Int;
    return std::nullopt;
  }

  // --- scopes ----------------------------------------------------------------
  Val *findVar(const std::string &K) {
    auto L = Locals.find(K);
    if (L != Locals.end())
      return &L->second;
    if (Cur && !Cur->Cls.empty()) {
      auto &CV = ClassVars[Cur->Cls];
      auto C = CV.find(K);
      if (C != CV.end())
        return &C->second;
    }
    auto G = Globals.find(K);
    if (G != Globals.end())
      return &G->second;
    return nullptr;
  }
  void assign(const std::string &K, Val V) {
    // Past a top-level `Exit Function` only an `On Error GoTo` handler
    // runs: what it sets (`result = ""`) is a failed read's fallback, and
    // a value read before stays the value.
    if (InHandler && Cur && !Cur->Main) {
      if (K == lowerName(Cur->Name) ? Result && Result->known()
                                    : findVar(K) && findVar(K)->known())
        return;
    }
    if (Cur && !Cur->Main && K == lowerName(Cur->Name)) {
      recordResult(std::move(V));
      return;
    }
    if (LocalNames.count(K) || Locals.count(K)) {
      Locals[K] = std::move(V);
      return;
    }
    if (Cur && !Cur->Cls.empty() && ClassVars[Cur->Cls].count(K)) {
      storeMember(K, std::move(V));
      return;
    }
    // A parameter means nothing outside its procedure's calls.
    if (V.E && hasParam(*V.E))
      V = Val{};
    if (Globals.count(K) || !Cur || Cur->Main) {
      Globals[K] = std::move(V);
      return;
    }
    Locals[K] = std::move(V);
  }
  static std::string lowerName(llvm::StringRef S) { return S.lower(); }
  /// The spelling of a WScript.Shell receiver for a fix that can stand
  /// where the value flows: a procedure's local (or a class member) is not
  /// in scope in its callers, so a fresh object is spelled instead.
  std::string portableReceiver(script::Node Recv) {
    std::string Spelled = srcText(Recv);
    if (!Cur || Cur->Main || !is(Recv, "identifier"))
      return Spelled;
    std::string K = key(Recv);
    bool Member = !Cur->Cls.empty() && ClassVars[Cur->Cls].count(K);
    if (Globals.count(K) && !Locals.count(K) && !LocalNames.count(K) && !Member)
      return Spelled;
    return "CreateObject(\"WScript.Shell\")";
  }
  void recordResult(Val V) {
    bool Dep = V.E && dependsOnVersion(*V.E);
    bool OldDep = Result && Result->E && dependsOnVersion(*Result->E);
    // `Else F = ""` after `F = fso.GetFileVersion(p)`: the failure value
    // does not replace the one the function gives otherwise.
    bool Default = V.E && isErrorDefault(*V.E) && V.O == ObjKind::None;
    bool OldReal = Result && Result->E && !isErrorDefault(*Result->E);
    if (Default && OldReal)
      return;
    // `Set F = Nothing` after `Set F = objOS`: the failure value does not
    // replace the object either.
    if (!V.known() && Result && Result->O != ObjKind::None)
      return;
    if (!Result || Dep || !OldDep || V.O != ObjKind::None)
      Result = std::move(V);
  }
  bool isHardName(const std::string &K) {
    if (HardLocals.count(K))
      return true;
    if (LocalNames.count(K))
      return false;
    return HardGlobals.count(K) > 0;
  }

  // --- expressions -----------------------------------------------------------
  Val expr(script::Node N, int D);
  Val identifier(script::Node N);
  Val member(script::Node N, int D);
  Val memberOf(const Val &R, script::Node Member, script::Node At, int D);
  Val call(script::Node N, int D);
  Val builtin(const std::string &F, script::Node N,
              const std::vector<script::Node> &Args, int D, bool &Handled);
  /// A call that only computes from its arguments (a string or conversion
  /// builtin, an array's element): evaluating it twice changes nothing.
  bool computesOnly(script::Node Call);
  Val method(const Val &R, script::Node RecvNode, const std::string &M,
             script::Node N, const std::vector<script::Node> &Args, int D);
  Val comparison(script::Node N, int D);
  Val binaryOp(script::Node N, int D);
  Val logic(bool IsAnd, script::Node L, script::Node R, int D);
  Val stringLiteral(script::Node N);
  ExprPtr asBool(const Val &V, script::Node N);
  std::vector<script::Node> arguments(script::Node ArgList);
  Val index(const Val &List, script::Node ListNode, script::Node IndexNode,
            int D);

  // --- statements and guards ---------------------------------------------
  void runProc(const Proc &P);
  /// What method or property Key of R's class gives on R, an instance
  /// whose members its own calls set (`os.Init 6, 0, build` then
  /// `os.VersionString`): the procedure run again with those members.
  Val instanceResult(const Val &R, const std::string &Key);
  int InstanceRuns = 0;
  bool statement(script::Node N);
  /// The head of the If whose branch N sits in (`If c Then` of a block,
  /// whose branches the grammar leaves as the statements after it, up to
  /// its end_if_fragment; or the single-line If around N), and whether N is
  /// in an Else or ElseIf branch of it. Null if none, in its procedure.
  static script::Node enclosingIf(script::Node N, bool &InElse) {
    InElse = false;
    for (script::Node X = N; !script::isNull(X); X = script::parent(X)) {
      llvm::StringRef XT = script::type(X);
      if (XT.ends_with("_declaration") || XT == "source_file")
        return {};
      if (XT == "single_line_if_statement" && X.I != N.I)
        return X;
      // The block Ifs that X follows: nested ones closed by their End If.
      std::vector<script::Node> Before;
      for (script::Node S = script::firstChild(script::parent(X));
           !script::isNull(S) && S.I != X.I; S = script::nextSibling(S))
        Before.push_back(S);
      int Depth = 0;
      for (auto It = Before.rbegin(); It != Before.rend(); ++It) {
        script::Node S = *It;
        llvm::StringRef T = script::type(S);
        if (T == "end_if_fragment") {
          ++Depth;
        } else if (T == "if_statement") {
          if (Depth == 0)
            return S;
          --Depth;
        } else if ((T == "else_fragment" || T == "elseif_fragment") &&
                   Depth == 0) {
          InElse = true;
        }
      }
    }
    return {};
  }
  /// Whether the If whose head is If tests Err (`If Err.Number <> 0
  /// Then v = vDefault`: its branch is a failed read's fallback).
  bool testsErr(script::Node If) const {
    std::string Head = llvm::StringRef(srcText(If)).lower();
    Head = Head.substr(0, Head.find("then"));
    llvm::StringRef H = Head;
    return H.contains("err.number") || H.contains("err <>") ||
           H.contains("err then");
  }
  /// Whether a build's sibling spelling in E names a local variable or a
  /// parameter of the procedure being walked.
  bool siblingNamesLocals(const core::Expr &E) {
    return core::anyNode(E, [&](const core::Expr &X) {
      for (const auto &[Q, T] : X.Siblings) {
        if (Q != Quantity::Build)
          continue;
        llvm::StringRef Rest = T;
        while (!Rest.empty()) {
          Rest = Rest.drop_until([](char C) { return llvm::isAlpha(C); });
          llvm::StringRef W = Rest.take_while(
              [](char C) { return llvm::isAlnum(C) || C == '_'; });
          Rest = Rest.drop_front(W.size());
          std::string K = W.lower();
          if (!K.empty() &&
              (LocalNames.count(K) || Locals.count(K) || ParamIndex.count(K)))
            return true;
        }
      }
      return false;
    });
  }
  void emitCondition(script::Node Cond, script::Node Where, ExprPtr C);
  /// After the emitting pass: the comparisons whose operand its siblings
  /// show to be an OS build, as guards.
  void siblingEvidence();
  /// A Dictionary entry set through its default property; false if Args
  /// is not such a store.
  bool dictionaryStore(Val *Dict, const std::vector<script::Node> &Args,
                       script::Node Stmt);
  /// The constants a `For Each` walks over, or none.
  std::vector<ExprPtr> constantItems(script::Node Coll);
  std::vector<ExprPtr> splitItems(const ExprPtr &E);
  SiblingBuilds Siblings; // comparisons held until the pass's end
  void condition(script::Node Cond, script::Node Where);
  void selectCase(script::Node N);
  void wql(const Val &Query, script::Node Call);
  void outParams(const std::string &M, const std::vector<script::Node> &Args,
                 int D);
  void declare(script::Node Decl, bool Module, const std::string &Cls);
  void collect();
  /// Procedures and module-level declarations (only the latter: again,
  /// once the classes of the other modules are known).
  void walkModule(bool DeclarationsOnly);

  // --- the other modules of a VBA project --------------------------------
  /// A class used here but defined elsewhere, or a call of a procedure
  /// defined elsewhere: the folder's other modules are summarized.
  bool NeedSiblings = false, SiblingsLoaded = false;
  void loadSiblings();
  /// True for a type name that is neither built in nor a class known here.
  bool unknownType(llvm::StringRef TypeName) const;

public:
  /// What this module leaves to the others of its project, with nothing
  /// spelled in this file (a fix never edits another file).
  struct Summary {
    llvm::StringSet<> ClassNames, HardFuncs;
    llvm::StringMap<Val> FuncResults, Globals, Consts;
    llvm::StringMap<llvm::StringMap<Val>> ClassVars, MemberStores;
    llvm::StringMap<std::map<int64_t, Val>> OutParams;
  };
  std::shared_ptr<const Summary> summary() const;
  void import(const Summary &S);
};

/// A value without spellings or positions in its file, nor object state.
Val detached(Val V) {
  if (V.E)
    V.E = core::detached(V.E);
  V.Str = nullptr;
  V.State = nullptr;
  return V;
}

std::shared_ptr<const Lowerer::Summary> Lowerer::summary() const {
  auto S = std::make_shared<Summary>();
  for (const auto &C : ClassNames)
    S->ClassNames.insert(C.first());
  for (const auto &F : FuncResults)
    S->FuncResults[F.first()] = detached(F.second);
  for (const auto &F : HardFuncs)
    S->HardFuncs.insert(F.first());
  for (const auto &C : ClassVars)
    for (const auto &V : C.second)
      S->ClassVars[C.first()][V.first()] = detached(V.second);
  for (const auto &P : OutParams)
    for (const auto &[I, V] : P.second)
      S->OutParams[P.first()][I] = detached(V);
  for (const auto &P : MemberStores)
    for (const auto &V : P.second)
      S->MemberStores[P.first()][V.first()] = detached(V.second);
  for (const auto &G : Globals)
    if (G.second.known())
      S->Globals[G.first()] = detached(G.second);
  for (const auto &C : Consts)
    S->Consts[C.first()] = detached(C.second);
  return S;
}

void Lowerer::import(const Summary &S) {
  for (const auto &C : S.ClassNames)
    ClassNames.insert(C.first());
  for (const auto &F : S.FuncResults)
    FuncResults.try_emplace(F.first(), F.second);
  for (const auto &F : S.HardFuncs)
    HardFuncs.insert(F.first());
  for (const auto &C : S.ClassVars) {
    auto &Into = ClassVars[C.first()];
    for (const auto &V : C.second)
      Into.try_emplace(V.first(), V.second);
  }
  for (const auto &P : S.OutParams)
    OutParams.try_emplace(P.first(), P.second);
  for (const auto &P : S.MemberStores)
    MemberStores.try_emplace(P.first(), P.second);
  for (const auto &G : S.Globals)
    Globals.try_emplace(G.first(), G.second);
  for (const auto &C : S.Consts)
    Consts.try_emplace(C.first(), C.second);
}

/// Summaries of the modules other files loaded, shared by the files of one
/// run: a folder of N modules is summarized once, not N times. Not kept when
/// the user's sources (which change results) are set.
std::shared_ptr<const Lowerer::Summary> cachedSummary(
    const std::string &Path, bool Cacheable,
    const std::function<std::shared_ptr<const Lowerer::Summary>()> &Make) {
  static core::FileMemo<Lowerer::Summary> Memo;
  return Memo.get(Path, Cacheable, Make);
}

void Lowerer::loadSiblings() {
  if (SiblingsLoaded || !In.ListSiblings || !In.ParseSibling)
    return;
  SiblingsLoaded = true;
  for (const std::string &F : In.ListSiblings()) {
    if (In.Deps)
      In.Deps->push_back(F);
    auto S = cachedSummary(F, In.Opts.Sources.empty(), [&] {
      std::shared_ptr<const Summary> Made;
      In.ParseSibling(F, [&](const LoweringInput &SubIn) {
        std::vector<Guard> NoGuards;
        std::vector<Diagnostic> NoDiags;
        Lowerer Sub(SubIn, NoGuards, NoDiags);
        Sub.summarize();
        Made = Sub.summary();
      });
      return Made;
    });
    if (S)
      import(*S);
  }
}

bool Lowerer::unknownType(llvm::StringRef TypeName) const {
  static const char *BuiltIn[] = {"object",
                                  "variant",
                                  "date",
                                  "collection",
                                  "dictionary",
                                  "any",
                                  "decimal",
                                  "worksheet",
                                  "workbook",
                                  "range",
                                  "control",
                                  "form",
                                  "recordset",
                                  "connection",
                                  "stdole.stdpicture",
                                  "new",
                                  "vbmsgboxresult",
                                  "regexp",
                                  "filesystemobject",
                                  "textstream",
                                  "file",
                                  "folder",
                                  "match",
                                  "matchcollection"};
  std::string L = TypeName.lower();
  if (L.empty() || isHardType(L) || OsviTypes.count(L) || ClassNames.count(L) ||
      L.find('.') != std::string::npos)
    return false;
  for (const char *B : BuiltIn)
    if (L == B)
      return false;
  return true;
}

// ---------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------

Val Lowerer::stringLiteral(script::Node N) {
  llvm::StringRef T = text(N);
  auto F = std::make_shared<Folded>();
  uint32_t Base = script::startByte(N);
  for (size_t I = 1; I + 1 < T.size(); ++I) {
    F->S += T[I];
    F->Begin.push_back(Base + I);
    size_t Len = (T[I] == '"' && I + 2 < T.size() && T[I + 1] == '"') ? 2 : 1;
    F->End.push_back(Base + I + Len);
    F->Lit.push_back(Base);
    I += Len - 1;
  }
  Val V;
  V.E = strConst(F->S, spell(N));
  V.Lits = F->S;
  V.Str = std::move(F);
  V.Hard = true;
  return V;
}

Val Lowerer::expr(script::Node N, int D) {
  if (script::isNull(N))
    return {};
  if (D > script::MaxExprDepth) {
    tooDeep(N);
    return {};
  }
  llvm::StringRef T = typeOf(N);
  if (T == "number_literal") {
    Val V;
    V.Hard = true;
    if (auto I = parseNumber(text(N)))
      V.E = intConst(*I, spell(N));
    return V;
  }
  if (T == "string_literal")
    return stringLiteral(N);
  if (T == "boolean_literal") {
    Val V = exprVal(boolConst(text(N).equals_insensitive("true")));
    V.Hard = true;
    return V;
  }
  if (T == "identifier")
    return identifier(N);
  if (T == "qualified_member_expression" || T == "implicit_member_expression")
    return member(N, D);
  if (T == "call_expression")
    return call(N, D);
  if (T == "parenthesized_expression" ||
      T == "parenthesized_condition_expression") {
    // Nested parentheses are unwrapped in a loop: they add no depth.
    while (T == "parenthesized_expression" ||
           T == "parenthesized_condition_expression") {
      auto K = namedKids(N);
      if (K.size() != 1)
        return {};
      N = K[0];
      T = typeOf(N);
    }
    return expr(N, D + 1);
  }
  if (T == "comparison_expression")
    return comparison(N, D);
  if (T == "binary_expression" || T == "condition_binary_expression" ||
      T == "logical_value_expression")
    return binaryOp(N, D);
  if (T == "unary_expression") {
    auto NK = namedKids(N);
    if (NK.size() != 1)
      return {};
    std::string OpText = gap(script::startByte(N), script::startByte(NK[0]));
    std::vector<script::Node> K = {N, NK[0]};
    Val V = expr(K[1], D + 1);
    if (OpText == "not") {
      if (V.E && isBoolean(*V.E))
        return exprVal(logicNot(V.E));
      if (V.E && V.E->Kind == Op::IntConst)
        return exprVal(unary(Op::BitNot, V.E));
      if (V.E && dependsOnVersion(*V.E))
        return exprVal(logicNot(asBool(V, K[1])));
      return {};
    }
    if (OpText == "-" && V.E) {
      if (V.E->Kind == Op::IntConst) {
        Val R = exprVal(intConst(-V.E->Int, spell(N)));
        R.Hard = V.Hard;
        return R;
      }
      return exprVal(unary(Op::Neg, V.E));
    }
    return OpText == "+" ? V : Val{};
  }
  if (T == "new_expression") {
    script::Node Ty = field(N, "type");
    std::string K = key(Ty);
    if (ClassNames.count(K)) {
      Val V = objVal(ObjKind::ClassInstance);
      V.Cls = K;
      return V;
    }
    if (K == "regexp" || K == "vbscript.regexp")
      return objVal(ObjKind::RegExp);
    if (K == "dictionary" || K == "scripting.dictionary")
      return objVal(ObjKind::Dictionary);
    NeedSiblings |= unknownType(K);
    return {};
  }
  if (T == "named_argument" || T == "byval_argument")
    return expr(field(N, "value"), D + 1);
  return {};
}

Val Lowerer::identifier(script::Node N) {
  std::string K = key(N);
  auto Respell = [&](Val V) {
    if (V.E && V.E->Kind == Op::IntConst) {
      V.E = respelled(*V.E, spell(N));
    } else if (V.E && V.E->Kind == Op::StrConst) {
      auto C = clone(*V.E);
      C->Written = {};
      V.E = C;
    }
    return V;
  };
  if (Val *V = findVar(K)) {
    if (V->known()) {
      Val R = Respell(*V);
      R.Hard = isHardName(K);
      return R;
    }
  } else {
    auto C = Consts.find(K);
    if (C != Consts.end()) {
      Val R = Respell(C->second);
      R.Hard = true;
      return R;
    }
    // A call without parentheses: a function or a property of this class.
    if (auto U = userSource(name(N)))
      return *U;
    std::string FK = Cur && !Cur->Cls.empty() ? Cur->Cls + "." + K : K;
    auto F = FuncResults.find(FK);
    if (F == FuncResults.end())
      F = FuncResults.find(K);
    if (F != FuncResults.end() && (!Cur || F->first() != Cur->Key)) {
      Val R = F->second;
      if (R.E && isBoolean(*R.E) && dependsOnVersion(*R.E))
        return {}; // its guard is reported inside the function
      R.Hard = HardFuncs.count(F->first()) > 0;
      return R;
    }
    // The string constants of VBScript and VBA.
    static const std::pair<const char *, const char *> VbStrings[] = {
        {"vbcrlf", "\r\n"}, {"vbnewline", "\r\n"}, {"vbcr", "\r"},
        {"vblf", "\n"},     {"vbtab", "\t"},       {"vbnullstring", ""}};
    for (const auto &[Name, Value] : VbStrings)
      if (K == Name) {
        Val R = exprVal(strConst(Value));
        R.Hard = true;
        return R;
      }
    if (K == "vbtextcompare" || K == "vbbinarycompare" ||
        K == "hkey_local_machine" || K == "hklm") {
      int64_t V = K == "vbtextcompare"     ? 1
                  : K == "vbbinarycompare" ? 0
                                           : int64_t(int32_t(0x80000002u));
      Val R = exprVal(intConst(V));
      R.Hard = true;
      return R;
    }
  }
  // A name this file does not define: a constant or a global of another
  // module of the folder, perhaps.
  if (!Emit && !findVar(K) && !LocalNames.count(K) && !ParamIndex.count(K))
    NeedSiblings = true;
  // A variable whose source is unknown but whose name says it holds the
  // build number (a parameter, a global set elsewhere).
  ExprPtr Named;
  if (auto Q = quantityNamed(K))
    Named = quantity(*Q, "a variable named " + name(N), /*Inferred=*/true);
  // A parameter: its call's argument; inside the procedure, what its name
  // says, if anything.
  auto P = ParamIndex.find(K);
  if (P != ParamIndex.end() && LocalNames.count(K))
    return exprVal(param(P->second, Named));
  return Named ? exprVal(Named) : Val{};
}

Val Lowerer::member(script::Node N, int D) {
  script::Node M = field(N, "member");
  Val R;
  if (is(N, "implicit_member_expression")) {
    if (!With.empty())
      R = With.back().second;
  } else {
    script::Node Recv = field(N, "receiver");
    if (is(Recv, "identifier") && key(Recv) == "me" && Cur &&
        !Cur->Cls.empty()) {
      R = self();
    } else {
      if (auto U = userSource(srcText(Recv) + "." + name(M)))
        return *U;
      R = expr(Recv, D + 1);
    }
  }
  return memberOf(R, M, N, D);
}

Val Lowerer::memberOf(const Val &R, script::Node Member, script::Node At,
                      int D) {
  std::string M = key(Member);
  switch (R.O) {
  case ObjKind::FileInstance:
    if (M == "version")
      return exprVal(quantity(Quantity::FileVersion,
                              "CIM_DataFile.Version of a system binary"));
    return {};
  case ObjKind::OsInstance:
    if (auto SQ = wmiOsProperty(M))
      return exprVal(
          sourceQuantity(*SQ, "Win32_OperatingSystem." + name(Member)));
    return {};
  case ObjKind::Exec:
    if (M == "stdout") {
      Val V = objVal(ObjKind::ExecStdOut);
      V.Lits = R.Lits; // the command
      return V;
    }
    return {};
  case ObjKind::ExecStdOut:
    if (M == "readall" || M == "readline")
      if (ExprPtr Out = core::commandOutput(R.Lits))
        return exprVal(Out);
    return {};
  case ObjKind::Osvi:
    if (auto SQ = osviMemberAt(OsviMembers.lookup(R.Cls), M)) {
      Val V = exprVal(
          sourceQuantity(*SQ, "OSVERSIONINFO." + name(Member), !HasVersionApi));
      V.Hard = true; // a typed member
      return V;
    }
    return {};
  case ObjKind::OsCollection:
    return {};
  case ObjKind::Match:
    if (M == "value")
      return matchGroup(R, 0);
    return {};
  case ObjKind::ClassInstance: {
    if (R.State) {
      auto I = R.State->Members.find(M);
      if (I != R.State->Members.end())
        return exprVal(I->second);
    }
    auto F = FuncResults.find(R.Cls + "." + M);
    // A property whose condition is not reported inside (the members it
    // reads are this instance's): its value here.
    bool Reported = F != FuncResults.end() && F->second.E &&
                    isBoolean(*F->second.E) && dependsOnVersion(*F->second.E);
    if (Reported)
      return {};
    if (Val V = instanceResult(R, R.Cls + "." + M); V.known())
      return V;
    if (F != FuncResults.end())
      return F->second;
    auto &CV = ClassVars[R.Cls];
    auto C = CV.find(M);
    if (C != CV.end())
      return C->second;
    return {};
  }
  case ObjKind::None:
    if (!R.E) {
      // An object verguard cannot follow, with a member only the version
      // sources have.
      if (M == "buildnumber" || M == "csdversion" ||
          M == "servicepackmajorversion")
        return exprVal(sourceQuantity(*wmiOsProperty(M),
                                      "a member named " + name(Member),
                                      /*Inferred=*/true));
      if (M == "dwbuildnumber")
        return exprVal(sourceQuantity(*osviMember(M),
                                      "a member named " + name(Member),
                                      /*Inferred=*/true));
    }
    return {};
  default:
    return {};
  }
}

std::vector<script::Node> Lowerer::arguments(script::Node ArgList) {
  std::vector<script::Node> R;
  if (script::isNull(ArgList))
    return R;
  for (script::Node K : namedKids(ArgList))
    R.push_back(K);
  return R;
}

Val Lowerer::index(const Val &List, script::Node ListNode,
                   script::Node IndexNode, int D) {
  Val I = expr(IndexNode, D + 1);
  if (List.O == ObjKind::Matches)
    return firstMatch(List, I.E);
  if (!List.E || !I.E)
    return {};
  const Expr &L = *List.E;
  auto N = constInt(I);
  // Split(<dotted version>, ".")(n): a component of the version.
  if (L.Kind == Op::Split && N && L.Kids.size() == 2 &&
      L.Kids[1]->Kind == Op::StrConst && L.Kids[1]->Str == ".") {
    const Expr *Src = L.Kids[0].get();
    if (Src->Kind == Op::Quantity) {
      if (auto C = dottedComponent(Src->Q, *N)) {
        std::vector<std::pair<Quantity, std::string>> Sib;
        // The build beside the revision: BuildLabEx starts with it.
        if (*C == Quantity::Revision)
          Sib.push_back(
              {Quantity::Build,
               "CLng(" + srcText(ListNode) +
                   (Src->Q == Quantity::BuildLabEx ? "(0))" : "(2))")});
        return exprVal(sourceQuantity(SourceQuantity{*C, true}, Src->Provenance,
                                      hasInferredQuantity(*Src),
                                      std::move(Sib)));
      }
    }
  }
  if (L.Kind == Op::Split || (List.E && isStringValued(L)))
    return exprVal(binary(Op::Index, List.E, I.E));
  return {};
}

Val Lowerer::call(script::Node N, int D) {
  script::Node F = field(N, "function");
  auto Args = arguments(field(N, "arguments"));
  if (is(F, "identifier")) {
    std::string K = key(F);
    if (auto U = userSource(name(F))) {
      for (script::Node A : Args)
        expr(A, D + 1);
      return *U;
    }
    // An array of constants: its items (`builds(i)` is one of them).
    if (K == "array" && !findVar(K)) {
      Val V;
      V.OneOf = constantItems(N);
      if (!V.OneOf.empty())
        return V;
    }
    bool Handled = false;
    Val V = builtin(K, N, Args, D, Handled);
    if (Handled)
      return V;
    // An array variable: `parts(2)`.
    if (Val *Var = findVar(K)) {
      if (!Var->OneOf.empty() && Args.size() == 1) {
        Val I = expr(Args[0], D + 1);
        if (I.E && I.E->Kind == Op::IntConst)
          return I.E->Int >= 0 && size_t(I.E->Int) < Var->OneOf.size()
                     ? exprVal(Var->OneOf[I.E->Int])
                     : Val{};
        Val One;
        One.OneOf = Var->OneOf;
        return One;
      }
      if ((Var->E || Var->O == ObjKind::Matches) && Args.size() == 1)
        return index(*Var, F, Args[0], D);
      if (Var->O == ObjKind::Dictionary && Args.size() == 1) {
        Val Dict = *Var;
        dictionaryLookup(Dict, expr(Args[0], D + 1).E, N);
        return {};
      }
    }
    std::string FK = Cur && !Cur->Cls.empty() ? Cur->Cls + "." + K : K;
    auto Fn = FuncResults.find(FK);
    if (Fn == FuncResults.end())
      Fn = FuncResults.find(K);
    std::vector<ExprPtr> ArgVals = argumentValues(Args, D, calleeKey(K));
    if (isVersionApi(K))
      return {};
    registryApiCall(K, Args, ArgVals);
    bindOutArguments(OutParams.count(FK) ? llvm::StringRef(FK)
                                         : llvm::StringRef(K),
                     Args, ArgVals, N);
    applyMemberStores(self(), FK, ArgVals, N);
    if (Fn == FuncResults.end() && !Emit &&
        llvm::none_of(Procs, [&](const Proc &P) {
          return llvm::StringRef(P.Name).equals_insensitive(K);
        }))
      NeedSiblings = true;
    if (Fn != FuncResults.end()) {
      Val R = bindArguments(Fn->second, ArgVals, N);
      if (R.E && isBoolean(*R.E) && dependsOnVersion(*R.E) &&
          !hasParam(*Fn->second.E))
        return {}; // its guard is reported inside the function
      R.Hard = HardFuncs.count(Fn->first()) > 0;
      return R;
    }
    return {};
  }
  if (is(F, "qualified_member_expression") ||
      is(F, "implicit_member_expression")) {
    script::Node Recv = field(F, "receiver");
    Val R;
    if (is(F, "implicit_member_expression")) {
      if (!With.empty())
        R = With.back().second;
    } else if (is(Recv, "identifier") && key(Recv) == "me" && Cur &&
               !Cur->Cls.empty()) {
      R = self();
    } else {
      if (auto U = userSource(srcText(Recv) + "." + name(field(F, "member"))))
        return *U;
      R = expr(Recv, D + 1);
    }
    return method(R, Recv, key(field(F, "member")), N, Args, D);
  }
  if (is(F, "call_expression") && Args.size() == 1) {
    Val L = call(F, D + 1);
    return index(L, F, Args[0], D);
  }
  return {};
}

Val Lowerer::builtin(const std::string &Name, script::Node N,
                     const std::vector<script::Node> &Args, int D,
                     bool &Handled) {
  Handled = true;
  // VBA's `Left$`, `Mid$`, `Trim$` ... return a String instead of a
  // Variant: the same text.
  llvm::StringRef F = llvm::StringRef(Name);
  if (F.size() > 1)
    F.consume_back("$");
  auto A = [&](size_t I) {
    return I < Args.size() ? expr(Args[I], D + 1) : Val{};
  };
  auto CIFromArg = [&](const Val &V) {
    if (auto M = constInt(V))
      return *M == 1;
    return CompareText;
  };
  auto Str = [&](Op K, std::vector<ExprPtr> Kids, bool CI = false) {
    for (const ExprPtr &E : Kids)
      if (!E)
        return Val{};
    auto E = clone(*nary(K, std::move(Kids)));
    if (CI)
      E->Flags |= FlagCaseInsensitive;
    return exprVal(E);
  };
  if (F == "left" && Args.size() == 2) {
    Val S = A(0);
    if (S.Padded && !is(Args[1], "number_literal")) {
      A(1);
      S.Padded = false;
      return S;
    }
    return Str(Op::Substr, {S.E, intConst(0), A(1).E});
  }
  if (F == "right" && Args.size() == 2)
    return Str(Op::Right, {A(0).E, A(1).E});
  if (F == "mid" && (Args.size() == 2 || Args.size() == 3)) {
    Val S = A(0), St = A(1);
    ExprPtr Start;
    if (auto I = constInt(St))
      Start = intConst(*I - 1);
    else if (St.E)
      Start = binary(Op::Sub, St.E, intConst(1));
    ExprPtr Len = Args.size() == 3 ? A(2).E : intConst(-1);
    return Str(Op::Substr, {S.E, Start, Len});
  }
  if (F == "instr" && Args.size() >= 2) {
    size_t First = Args.size() >= 3 ? 1 : 0;
    if (Args.size() == 3) {
      // InStr(start, s, t) or, rarely, InStr(s, t, compare)? Only the former
      // is valid VB.
      First = 1;
    }
    Val S = A(First), T = A(First + 1);
    bool CI = Args.size() == 4 ? CIFromArg(A(3)) : CompareText;
    Val R = Str(Op::Find, {S.E, T.E}, CI);
    if (!R.E)
      return {};
    return exprVal(binary(Op::Add, R.E, intConst(1)));
  }
  if (F == "instrrev" && Args.size() >= 2) {
    Val S = A(0), T = A(1);
    bool CI = Args.size() == 4 ? CIFromArg(A(3)) : CompareText;
    Val R = Str(Op::Find, {S.E, T.E}, CI);
    if (!R.E)
      return {};
    auto E = clone(*R.E);
    E->Flags |= FlagReverse;
    return exprVal(binary(Op::Add, E, intConst(1)));
  }
  if (F == "strcomp" && Args.size() >= 2) {
    bool CI = Args.size() >= 3 ? CIFromArg(A(2)) : CompareText;
    return Str(Op::StrCompare, {A(0).E, A(1).E}, CI);
  }
  if (F == "lcase" && Args.size() == 1)
    return Str(Op::Lower, {A(0).E});
  // Replace(expression, find, replace[, start[, count[, compare]]]): the
  // common three-argument form.
  if ((F == "replace" || F == "replace$") && Args.size() == 3)
    return Str(Op::Replace, {A(0).E, A(1).E, A(2).E}, CompareText);
  if (F == "ucase" && Args.size() == 1)
    return Str(Op::Upper, {A(0).E});
  if ((F == "trim" || F == "ltrim" || F == "rtrim") && Args.size() == 1)
    return Str(Op::Trim, {A(0).E});
  if ((F == "cint" || F == "clng" || F == "int" || F == "fix" || F == "cdbl" ||
       F == "csng" || F == "val" || F == "ccur" || F == "cbyte" ||
       F == "clnglng") &&
      Args.size() == 1) {
    Val V = A(0);
    if (!V.OneOf.empty()) // CLng(x) of `For Each x In Split(...)`
      return eachOf(V, Op::ToInt);
    if (!V.E)
      return {};
    if (V.E->Kind == Op::IntConst)
      return V;
    return exprVal(unary(Op::ToInt, V.E));
  }
  if ((F == "cstr" || F == "str") && Args.size() == 1) {
    Val V = A(0);
    if (!V.OneOf.empty())
      return eachOf(V, Op::ToStr);
    if (!V.E)
      return {};
    return exprVal(unary(Op::ToStr, V.E));
  }
  if (F == "len" && Args.size() == 1)
    return Str(Op::Length, {A(0).E});
  if (F == "split" && !Args.empty()) {
    Val S = A(0);
    ExprPtr Sep = Args.size() >= 2 ? A(1).E : strConst(" ");
    Val R = Str(Op::Split, {S.E, Sep});
    return R;
  }
  if (F == "iif" && Args.size() == 3) {
    condition(Args[0], N);
    A(1);
    A(2);
    return {};
  }
  if (F == "getobject" && !Args.empty()) {
    Val M = A(0);
    return objVal(classifyMoniker(M.Lits));
  }
  if (F == "createobject" && !Args.empty()) {
    Val P = A(0);
    return objVal(classifyProgId(P.Lits));
  }
  Handled = false;
  return {};
}

bool Lowerer::computesOnly(script::Node Call) {
  script::Node F = field(Call, "function");
  if (is(F, "call_expression")) // an element of a call's result
    return computesOnly(F);
  if (!is(F, "identifier"))
    return false;
  std::string K = key(F);
  // The builtins above that only compute from their arguments.
  static const llvm::StringSet<> Computing = {
      "left",  "right",   "mid",     "instr",    "instrrev", "strcomp",
      "lcase", "lcase$",  "replace", "replace$", "ucase",    "ucase$",
      "trim",  "ltrim",   "rtrim",   "trim$",    "cint",     "clng",
      "int",   "fix",     "cdbl",    "csng",     "val",      "ccur",
      "cbyte", "clnglng", "cstr",    "str",      "len",      "split"};
  return Computing.contains(K) || findVar(K); // or an array's element
}

Val Lowerer::method(const Val &R, script::Node RecvNode, const std::string &M,
                    script::Node N, const std::vector<script::Node> &Args,
                    int D) {
  auto A = [&](size_t I) {
    return I < Args.size() ? expr(Args[I], D + 1) : Val{};
  };
  if (M == "createobject" && !Args.empty())
    return objVal(classifyProgId(A(0).Lits));
  if (M == "getobject" && !Args.empty())
    return objVal(classifyMoniker(A(0).Lits));
  // A Windows Installer custom action: `Session.Property("WindowsBuild")`
  // is the property's text.
  if (M == "property" && Args.size() == 1 && R.O == ObjKind::None && !R.E &&
      is(RecvNode, "identifier") && key(RecvNode) == "session")
    if (const core::InstallerEntry *E =
            core::builtinSources().installerProperty(unquote(text(Args[0])),
                                                     /*Burn=*/false)) {
      return exprVal(
          unary(Op::ToStr, core::installerValue(*E, "property " + E->Name)));
    }
  // MDT's task sequence variables: `oEnvironment.Item("OSCurrentBuild")`
  // of ZTIUtility's global (declared in another script).
  if (M == "item" && Args.size() == 1 && R.O == ObjKind::None && !R.E &&
      is(RecvNode, "identifier") && key(RecvNode) == "oenvironment")
    if (const core::SourceEntry *E =
            core::builtinSources().taskSequenceVariable(unquote(text(Args[0]))))
      return exprVal(core::sourceValue(E, "task sequence variable " + E->Name));
  // A global object set in another script (ZTIUtility's oFSO and oShell):
  // GetFileVersion is the FileSystemObject's, RegRead the shell's.
  ObjKind K = R.O;
  if (K == ObjKind::None && !R.E && is(RecvNode, "identifier"))
    K = M == "getfileversion" ? ObjKind::Fso
        : M == "regread"      ? ObjKind::Shell
                              : K;
  switch (K) {
  case ObjKind::WmiService:
    if ((M == "execquery" || M == "execquery_") && !Args.empty()) {
      Val Q = A(0);
      wql(Q, N);
      std::string L = llvm::StringRef(Q.Lits).lower();
      if (llvm::StringRef(L).contains("win32_operatingsystem"))
        return objVal(ObjKind::OsCollection);
      // `Select Version from CIM_DataFile Where Name='...\ntoskrnl.exe'`
      if (llvm::StringRef(L).contains("cim_datafile") &&
          core::builtinSources().quotesSystemBinary(L))
        return objVal(ObjKind::FileCollection);
      // A query of another class (`FROM Win32_BIOS`).
      if (llvm::StringRef(L).contains("from "))
        return objVal(ObjKind::OtherWmi);
      return {};
    }
    if ((M == "instancesof" || M == "get") && !Args.empty())
      return objVal(classifyWmiPath(A(0).Lits));
    return {};
  case ObjKind::Locator:
    if (M == "connectserver") {
      for (size_t I = 0; I < Args.size(); ++I)
        A(I);
      return objVal(ObjKind::WmiService);
    }
    return {};
  case ObjKind::OsCollection:
    if (M == "itemindex" || M == "item")
      return objVal(ObjKind::OsInstance);
    return {};
  case ObjKind::Shell:
    if (M == "regread" && !Args.empty()) {
      Val P = A(0);
      // `RegRead(NTKEY & name)` in a helper: the value its call names.
      if (P.E && hasParam(*P.E))
        return exprVal(unary(Op::RegistryValueOf, P.E));
      llvm::StringRef Path = P.Lits;
      size_t Slash = Path.rfind('\\');
      if (Slash == llvm::StringRef::npos)
        return {};
      llvm::StringRef Key = Path.take_front(Slash),
                      Value = Path.substr(Slash + 1);
      auto SQ = registryValue(Key, Value);
      if (!SQ)
        return {};
      std::vector<std::pair<Quantity, std::string>> Sib;
      if (SQ->Q == Quantity::Revision && !script::isNull(RecvNode))
        Sib.push_back({Quantity::Build,
                       "CLng(" + portableReceiver(RecvNode) + ".RegRead(" +
                           quote(Key.str() + "\\CurrentBuildNumber") + "))"});
      return exprVal(sourceQuantity(*SQ, "registry " + Value.str(), false,
                                    std::move(Sib)));
    }
    if (M == "expandenvironmentstrings" && !Args.empty()) {
      // `%SystemRoot%\System32\ntoskrnl.exe`: still a path to that file.
      Val P;
      P.E = unknown();
      P.Lits = A(0).Lits;
      return P;
    }
    if (M == "exec" && !Args.empty()) {
      if (!core::commandOutput(A(0).Lits))
        return {};
      Val V = objVal(ObjKind::Exec);
      V.Lits = A(0).Lits; // the command, for what StdOut prints
      return V;
    }
    return {};
  case ObjKind::Fso:
    if (M == "buildpath" && Args.size() == 2) {
      Val P;
      P.E = unknown();
      Val Name = A(1);
      P.Lits = A(0).Lits + "\\" + Name.Lits;
      // A file named by a parameter: known at each call.
      if (Name.E && hasParam(*Name.E))
        P.E = nary(Op::Concat, {strConst(A(0).Lits + "\\"), Name.E});
      return P;
    }
    if (M == "getspecialfolder" && Args.size() == 1) {
      // 0: the Windows folder, 1: System32, 2: the temporary folder.
      Val P;
      P.E = unknown();
      auto F = constInt(A(0));
      P.Lits = !F        ? ""
               : *F == 0 ? "%windir%"
               : *F == 1 ? "%windir%\\System32"
                         : "";
      return P;
    }
    if (M == "getfileversion" && !Args.empty()) {
      Val P = A(0);
      if (P.E && hasParam(*P.E) && !isSystemBinary(P.Lits))
        return exprVal(unary(Op::FileVersionOf, P.E));
      if (!isSystemBinary(P.Lits))
        return {};
      return exprVal(
          quantity(Quantity::FileVersion, "the file version of " + P.Lits));
    }
    return {};
  case ObjKind::ExecStdOut:
    if (M == "readall" || M == "readline")
      if (ExprPtr Out = core::commandOutput(R.Lits))
        return exprVal(Out);
    return {};
  case ObjKind::Exec:
    return {};
  case ObjKind::RegProv:
    outParams(M, Args, D);
    return {};
  case ObjKind::RegExp:
    // A helper given both its pattern and its text (`RegexTest(pattern,
    // text)`) is judged at each call; one with its own pattern, where its
    // callers' text binds it.
    if (M == "test" && Args.size() == 1 && R.State && R.State->Pattern &&
        (R.State->Pattern->Kind == Op::StrConst ||
         R.State->Pattern->Kind == Op::Param)) {
      Val S = expr(Args[0], D + 1);
      bool Given = R.State->Pattern->Kind == Op::Param;
      if (!S.E || !(dependsOnVersion(*S.E) || (Given && hasParam(*S.E))))
        return {};
      ExprPtr Subject = isStringValued(*S.E) ? S.E : unary(Op::ToStr, S.E);
      auto E = clone(*binary(Op::Regex, Subject, R.State->Pattern));
      E->Syntax = Dialect::VB;
      if (R.State->IgnoreCase)
        E->Flags |= FlagCaseInsensitive;
      return exprVal(E);
    }
    if (M == "execute" && Args.size() == 1 && R.State && R.State->Pattern &&
        R.State->Pattern->Kind == Op::StrConst) {
      Val S = expr(Args[0], D + 1);
      if (!S.E || !dependsOnVersion(*S.E))
        return {};
      Val V;
      V.O = ObjKind::Matches;
      V.State = std::make_shared<ObjState>(*R.State);
      V.State->Subject = isStringValued(*S.E) ? S.E : unary(Op::ToStr, S.E);
      return V;
    }
    for (script::Node Arg : Args)
      expr(Arg, D + 1);
    return {};
  case ObjKind::Matches:
    if (M == "item" && Args.size() == 1)
      return firstMatch(R, expr(Args[0], D + 1).E);
    return {};
  case ObjKind::Match:
    if (M == "submatches" && Args.size() == 1) {
      ExprPtr I = expr(Args[0], D + 1).E;
      if (I && I->Kind == Op::IntConst)
        return matchGroup(R, I->Int + 1);
    }
    if (M == "value" && Args.empty())
      return matchGroup(R, 0);
    return {};
  case ObjKind::Dictionary:
    if (M == "add" && Args.size() == 2 && R.State) {
      Val K = expr(Args[0], D + 1);
      if (K.E && K.E->isConst())
        R.State->Entries.push_back({K.E, collapse(srcText(Args[1])), N});
      return {};
    }
    if ((M == "exists" || M == "item") && Args.size() == 1 && R.State) {
      Val K = expr(Args[0], D + 1);
      dictionaryLookup(R, K.E, N);
      return {};
    }
    for (script::Node Arg : Args)
      expr(Arg, D + 1);
    return {};
  case ObjKind::ClassInstance: {
    std::vector<ExprPtr> ArgVals = argumentValues(Args, D, R.Cls + "." + M);
    applyMemberStores(R, R.Cls + "." + M, ArgVals, N);
    auto F = FuncResults.find(R.Cls + "." + M);
    bool Reported = F != FuncResults.end() && F->second.E &&
                    isBoolean(*F->second.E) && dependsOnVersion(*F->second.E) &&
                    !hasParam(*F->second.E);
    // A condition over what every call passes is reported inside the
    // method; else the method's value at this call (on this instance).
    if (Reported)
      return {};
    if (Val V = instanceResult(R, R.Cls + "." + M); V.known())
      return bindArguments(V, ArgVals, N);
    if (F != FuncResults.end())
      return bindArguments(F->second, ArgVals, N);
    return {};
  }
  default:
    for (script::Node Arg : Args)
      expr(Arg, D + 1);
    return {};
  }
}

void Lowerer::outParams(const std::string &M,
                        const std::vector<script::Node> &Args, int D) {
  bool Str = M == "getstringvalue" || M == "getexpandedstringvalue";
  bool Dw = M == "getdwordvalue" || M == "getqwordvalue";
  if ((!Str && !Dw) || Args.size() < 4)
    return;
  Val Key = expr(Args[1], D + 1), Name = expr(Args[2], D + 1);
  auto SQ = registryValue(Key.Lits, Name.Lits);
  script::Node Out = Args[3];
  if (!SQ || !is(Out, "identifier"))
    return;
  if (Dw)
    SQ->AsString = false;
  assign(key(Out), exprVal(sourceQuantity(*SQ, "registry " + Name.Lits +
                                                   " (StdRegProv)")));
}

bool Lowerer::dictionaryStore(Val *Dict, const std::vector<script::Node> &Args,
                              script::Node Stmt) {
  // `kb("6002") = "SP2"` and `kb.Item("6002") = "SP2"` read as a call with a
  // comparison: a Dictionary entry set by its default property.
  if (!Dict || Dict->O != ObjKind::Dictionary || !Dict->State ||
      Args.size() != 1)
    return false;
  script::Node A = Args[0];
  while (!is(A, "comparison_expression") && namedKids(A).size() == 1)
    A = namedKids(A)[0];
  if (!is(A, "comparison_expression") ||
      text(field(A, "operator")).trim() != "=")
    return false;
  script::Node KeyN = field(A, "left");
  while (is(KeyN, "parenthesized_expression") && namedKids(KeyN).size() == 1)
    KeyN = namedKids(KeyN)[0];
  Val Key = expr(KeyN, 1);
  if (Key.E && Key.E->isConst())
    Dict->State->Entries.push_back(
        {Key.E, collapse(srcText(field(A, "right"))), Stmt});
  return true;
}

std::vector<ExprPtr> Lowerer::constantItems(script::Node Coll) {
  // Array(6001, 6002), or Split("6001,6002", ",") of a constant.
  std::vector<ExprPtr> Items;
  if (!is(Coll, "call_expression") ||
      !is(field(Coll, "function"), "identifier"))
    return Items;
  std::string F = key(field(Coll, "function"));
  auto Args = arguments(field(Coll, "arguments"));
  if (F == "array") {
    for (script::Node A : Args) {
      Val V = expr(A, 1);
      if (!V.E || !V.E->isConst())
        return {};
      Items.push_back(V.E);
    }
  } else if (F == "split" && !Args.empty() && Args.size() <= 2) {
    return splitItems(expr(Coll, 1).E);
  }
  return Items;
}

std::vector<ExprPtr> Lowerer::splitItems(const ExprPtr &E) {
  // Split("6001,6002", ","): its items, written here or in a variable.
  std::vector<ExprPtr> Items;
  if (!E || E->Kind != Op::Split || E->Kids.size() != 2 || !E->Kids[0] ||
      !E->Kids[1] || E->Kids[0]->Kind != Op::StrConst ||
      E->Kids[1]->Kind != Op::StrConst || E->Kids[1]->Str.empty())
    return Items;
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  llvm::StringRef(E->Kids[0]->Str).split(Parts, E->Kids[1]->Str);
  for (llvm::StringRef P : Parts)
    Items.push_back(strConst(P.str()));
  return Items;
}

Val Lowerer::comparison(script::Node N, int D) {
  script::Node L = field(N, "left"), O = field(N, "operator"),
               R = field(N, "right");
  Val A = expr(L, D + 1), B = expr(R, D + 1);
  std::string OpText = text(O).lower();
  Spelling W = spell(N);
  // Function and method calls: a fix must not evaluate them twice.
  for (script::Node C : script::nodesOf(N, {"call_expression"}))
    if (!computesOnly(C))
      W.Calls.push_back(span(C));
  if (OpText == "like") {
    auto E = clone(*binary(Op::Like, orUnknown(A), orUnknown(B)));
    E->Syntax = Dialect::VB;
    if (CompareText)
      E->Flags |= FlagCaseInsensitive;
    E->Written = W;
    E->Written.OpSpan = span(O);
    return exprVal(E);
  }
  auto C = cmpOpOf(OpText);
  if (!C)
    return exprVal(unknown()); // `Is`
  // `For Each x In Array(6001, 6002): If x = b`: b is one of them.
  if (*C == CmpOp::EQ && A.OneOf.empty() != B.OneOf.empty()) {
    const Val &Items = A.OneOf.empty() ? B : A;
    const Val &Other = A.OneOf.empty() ? A : B;
    std::vector<ExprPtr> Kids{orUnknown(Other)};
    Kids.insert(Kids.end(), Items.OneOf.begin(), Items.OneOf.end());
    auto E = clone(*nary(Op::Element, Kids));
    E->Mode = mode();
    E->Syntax = Dialect::VB;
    E->Written = W;
    return exprVal(E);
  }
  // A value not known (a parameter, an unknown call) keeps its text: the
  // builds it is compared with may tell what it is (core::SiblingBuilds).
  auto Side = [&](const Val &V, script::Node X) {
    ExprPtr E = orUnknown(V);
    if (opaqueValue(*E) && !E->Written.valid())
      return writtenAt(E, spell(X));
    return E;
  };
  auto E = clone(*cmp(*C, Side(A, L), Side(B, R), mode(), Dialect::VB, W));
  if (E->Written.valid())
    E->Written.OpSpan = span(O);
  if (A.Hard)
    E->Flags |= FlagLhsLiteral;
  if (B.Hard)
    E->Flags |= FlagRhsLiteral;
  return exprVal(E);
}

ExprPtr Lowerer::asBool(const Val &V, script::Node N) {
  if (!V.E)
    return unknown();
  if (isBoolean(*V.E))
    return V.E;
  if (dependsOnVersion(*V.E)) {
    // VB tests a number for truth: nonzero.
    auto E =
        clone(*cmp(CmpOp::NE, V.E, intConst(0), mode(), Dialect::VB, spell(N)));
    E->Flags |= FlagRhsLiteral;
    return E;
  }
  return unknown();
}

Val Lowerer::logic(bool IsAnd, script::Node L, script::Node R, int D) {
  Val A = expr(L, D + 1), B = expr(R, D + 1);
  bool BA = A.E && isBoolean(*A.E), BB = B.E && isBoolean(*B.E);
  if (BA || BB) {
    ExprPtr X = asBool(A, L), Y = asBool(B, R);
    return exprVal(IsAnd ? logicAnd(X, Y) : logicOr(X, Y));
  }
  if (A.E && B.E)
    return exprVal(binary(IsAnd ? Op::BitAnd : Op::BitOr, A.E, B.E));
  return {};
}

Val Lowerer::binaryOp(script::Node N, int D) {
  auto NK = namedKids(N);
  if (NK.size() != 2)
    return {};
  std::string OpText = gap(script::endByte(NK[0]), script::startByte(NK[1]));
  std::vector<script::Node> K = {NK[0], N, NK[1]};
  if (OpText == "and" || OpText == "or")
    return logic(OpText == "and", K[0], K[2], D);
  if (OpText == "xor" || OpText == "eqv" || OpText == "imp") {
    expr(K[0], D + 1);
    expr(K[2], D + 1);
    return {};
  }
  Val A = expr(K[0], D + 1), B = expr(K[2], D + 1);
  bool Concat =
      OpText == "&" || (OpText == "+" && ((A.E && isStringValued(*A.E)) ||
                                          (B.E && isStringValued(*B.E))));
  if (Concat) {
    Val R;
    R.Lits = A.Lits + B.Lits;
    if (A.Str && B.Str) {
      auto F = std::make_shared<Folded>(*A.Str);
      F->S += B.Str->S;
      F->Begin.insert(F->Begin.end(), B.Str->Begin.begin(), B.Str->Begin.end());
      F->End.insert(F->End.end(), B.Str->End.begin(), B.Str->End.end());
      F->Lit.insert(F->Lit.end(), B.Str->Lit.begin(), B.Str->Lit.end());
      R.Str = std::move(F);
    }
    // `m_Major & "." & ... & m_Revision` with the revision not known: still
    // known to start with the version (Like "6.0.6002.*").
    if (A.E && (B.E || dependsOnVersion(*A.E)))
      R.E = nary(Op::Concat, {A.E, B.E ? B.E : unknown()});
    return R;
  }
  if (!A.E || !B.E)
    return {};
  Op K2 = OpText == "+"                       ? Op::Add
          : OpText == "-"                     ? Op::Sub
          : OpText == "*"                     ? Op::Mul
          : (OpText == "/" || OpText == "\\") ? Op::Div
          : OpText == "mod"                   ? Op::Mod
                                              : Op::Unknown;
  if (K2 == Op::Unknown)
    return {};
  auto ToNum = [](ExprPtr E) {
    return isStringValued(*E) ? unary(Op::ToInt, E) : E;
  };
  return exprVal(binary(K2, ToNum(A.E), ToNum(B.E)));
}

// ---------------------------------------------------------------------------
// Guards
// ---------------------------------------------------------------------------

void Lowerer::dictionaryLookup(const Val &Dict, const ExprPtr &Key,
                               script::Node At) {
  if (!Emit || !Dict.State || Dict.State->Entries.empty() || !Key ||
      !dependsOnVersion(*Key))
    return;
  const auto &Entries = Dict.State->Entries;
  script::Node First = Entries.front().Stmt, Last = Entries.back().Stmt;
  if (!Emitted.insert({script::startByte(First), 2}).second)
    return;
  // A Dictionary compares keys by their type: a string key never matches a
  // number. Keys of the lookup's type only.
  bool StrKey = isStringValued(*Key);
  Guard G;
  G.Kind = GuardKind::Table;
  G.Subject = Key;
  G.FirstMatchOnly = true;
  G.Syntax = Dialect::VB;
  std::map<std::string, size_t> ByValue;
  for (const ObjState::Entry &En : Entries) {
    if ((En.Key->Kind == Op::StrConst) != StrKey)
      continue;
    ExprPtr Test = cmp(CmpOp::EQ, subject(), En.Key,
                       StrKey ? CmpMode::Str : CmpMode::Int, Dialect::VB);
    Arm A;
    A.Label = spell(En.Stmt);
    uint32_t B = srcBegin(En.Stmt);
    A.Indent = In.Text.line(In.Text.lineCol(B).first)
                   .take_while([](char Ch) { return Ch == ' ' || Ch == '\t'; })
                   .str();
    script::addArmTest(G, ByValue, En.Value, std::move(A), std::move(Test));
  }
  if (G.Arms.empty())
    return;
  G.Where = spanOf(srcBegin(First), srcEnd(Last));
  G.Function = Cur && !Cur->Main ? Cur->Name : "";
  G.Text = "Dictionary " + collapse(srcText(First)) + " ... lookup " +
           collapse(srcText(At));
  Guards.push_back(std::move(G));
}

void Lowerer::emitCondition(script::Node Cond, script::Node Where, ExprPtr C) {
  if (!Emit || !C || !isBoolean(*C))
    return;
  // Perhaps an OS build after all, by the builds it is compared with
  // (core::SiblingBuilds): placed now, judged after the walk.
  std::string Function = Cur && !Cur->Main ? Cur->Name : "";
  bool Sibling = !dependsOnVersion(*C);
  if (Sibling && !Siblings.note(*C, Function))
    return;
  if (!Emitted.insert({script::startByte(Cond), 0}).second)
    return;
  Guard G;
  G.Kind = GuardKind::Condition;
  G.Cond = std::move(C);
  G.Syntax = Dialect::VB;
  G.Where = span(Where);
  G.Function = std::move(Function);
  G.Text = collapse(srcText(Cond));
  if (Sibling)
    Siblings.hold(std::move(G));
  else
    Guards.push_back(std::move(G));
}

void Lowerer::siblingEvidence() {
  Siblings.release([&](Guard G, uint32_t) { Guards.push_back(std::move(G)); });
}

void Lowerer::condition(script::Node Cond, script::Node Where) {
  if (script::isNull(Cond))
    return;
  Val V = expr(Cond, 0);
  if (!V.E)
    return;
  if (dependsOnVersion(*V.E))
    emitCondition(Cond, Where, asBool(V, Cond));
  else if (comparesOpaqueWithInt(*V.E))
    emitCondition(Cond, Where, V.E); // its siblings may tell
}

void Lowerer::selectCase(script::Node N) {
  script::Node ValueNode = field(N, "value");
  Val S = expr(ValueNode, 0);
  bool SelectTrue = S.E && S.E->Kind == Op::BoolConst && S.E->Int == 1;
  Guard G;
  G.Kind = GuardKind::Select;
  G.FirstMatchOnly = true;
  G.Syntax = Dialect::VB;
  G.Subject = S.E ? S.E : unknown();
  bool Dep = S.E && dependsOnVersion(*S.E);
  for (script::Node Clause : namedKids(N)) {
    if (!is(Clause, "case_clause"))
      continue;
    std::vector<script::Node> Items;
    for (script::Node K : namedKids(Clause))
      if (is(K, "case_expression"))
        Items.push_back(K);
    if (Items.empty())
      continue; // Case Else: the default
    Arm A;
    A.Label = spellSpan(Clause, Items.back());
    {
      uint32_t B = srcBegin(Clause);
      uint32_t LS = B;
      while (LS > 0 && In.Text.Utf8[LS - 1] != '\n')
        --LS;
      llvm::StringRef Pre = llvm::StringRef(In.Text.Utf8).slice(LS, B);
      A.Indent =
          Pre.take_while([](char C) { return C == ' ' || C == '\t'; }).str();
    }
    for (script::Node Item : Items) {
      auto K = namedKids(Item);
      Spelling W = spell(Item);
      ExprPtr Test;
      auto Cmp = [&](CmpOp O, const Val &V, script::Node OpNode) {
        auto E =
            clone(*cmp(O, subject(), orUnknown(V), mode(), Dialect::VB, W));
        if (!script::isNull(OpNode) && E->Written.valid())
          E->Written.OpSpan = span(OpNode);
        if (V.Hard)
          E->Flags |= FlagRhsLiteral;
        if (S.Hard)
          E->Flags |= FlagLhsLiteral;
        return E;
      };
      std::string Lead =
          K.size() == 1 ? gap(script::startByte(Item), script::startByte(K[0]))
                        : "";
      if (K.size() == 1 && llvm::StringRef(Lead).starts_with("is")) {
        auto O = cmpOpOf(llvm::StringRef(Lead).drop_front(2));
        Val V = expr(K[0], 0);
        if (O) {
          auto C = Cmp(*O, V, script::Node{});
          if (C->Written.valid()) {
            // The operator sits between `Is` and the value.
            uint32_t OB = script::startByte(Item), OE = script::startByte(K[0]);
            while (OB < OE && !llvm::StringRef("<>=").contains(Src[OB]))
              ++OB;
            while (OE > OB && !llvm::StringRef("<>=").contains(Src[OE - 1]))
              --OE;
            C->Written.OpSpan =
                spanOf(In.Code.Map.toSource(OB), In.Code.Map.toSourceEnd(OE));
          }
          Test = C;
        } else {
          Test = unknown();
        }
      } else if (K.size() == 2) {
        Val Lo = expr(K[0], 0), Hi = expr(K[1], 0);
        auto Both = clone(*logicAnd(Cmp(CmpOp::GE, Lo, script::Node{}),
                                    Cmp(CmpOp::LE, Hi, script::Node{})));
        Both->Written = W;
        Test = Both;
      } else if (K.size() == 1) {
        Val V = expr(K[0], 0);
        if (SelectTrue)
          Test = asBool(V, K[0]);
        else
          Test = Cmp(CmpOp::EQ, V, script::Node{});
      } else {
        Test = unknown();
      }
      if (dependsOnVersion(*Test))
        Dep = true;
      A.Tests.push_back(Test);
    }
    G.Arms.push_back(std::move(A));
  }
  // A Select on a value not followed: its cases may say it is a build.
  if (!Emit || (!Dep && !inferSwitchOnBuilds(G, srcText(ValueNode))))
    return;
  if (!Emitted.insert({script::startByte(N), 1}).second)
    return;
  G.Where = span(N);
  G.Function = Cur && !Cur->Main ? Cur->Name : "";
  G.Text = "Select Case " + collapse(srcText(ValueNode));
  Guards.push_back(std::move(G));
}

void Lowerer::wql(const Val &Query, script::Node Call) {
  if (!Emit || !Query.Str)
    return;
  std::shared_ptr<const Folded> F = Query.Str;
  llvm::StringRef Q = F->S;
  // Only Win32_OperatingSystem has version properties.
  std::string L = Q.lower();
  size_t From = llvm::StringRef(L).find(" from ");
  if (From == std::string::npos)
    return;
  llvm::StringRef Cls = llvm::StringRef(L).substr(From + 6).ltrim();
  if (!Cls.starts_with("win32_operatingsystem"))
    return;
  script::WqlPropertyFn Prop = [](llvm::StringRef Name) -> ExprPtr {
    auto SQ = wmiOsProperty(Name);
    if (!SQ)
      return nullptr;
    auto Q = quantity(SQ->Q, "Win32_OperatingSystem." + Name.str());
    return SQ->AsString && !isStringQuantity(SQ->Q) ? unary(Op::ToStr, Q) : Q;
  };
  script::WqlSpanFn SpanFn = [&](uint32_t B,
                                 uint32_t E) -> std::optional<SourceSpan> {
    if (E <= B || E > F->S.size() || F->Lit[B] != F->Lit[E - 1])
      return std::nullopt;
    uint32_t AB = F->Begin[B], AE = F->End[E - 1];
    if (!In.Code.Map.contiguous(AB, AE))
      return std::nullopt;
    return spanOf(In.Code.Map.toSource(AB), In.Code.Map.toSourceEnd(AE));
  };
  auto Parsed = script::parseWqlQuery(Q, Prop, SpanFn);
  if (!Parsed || !Parsed->Where || !dependsOnVersion(*Parsed->Where))
    return;
  if (!Emitted.insert({script::startByte(Call), 2}).second)
    return;
  Guard G;
  G.Kind = GuardKind::Condition;
  G.Cond = Parsed->Where;
  G.Syntax = Dialect::VB;
  G.Where = span(Call);
  G.Function = Cur && !Cur->Main ? Cur->Name : "";
  G.Text = collapse(Q.substr(Parsed->WhereBegin));
  Guards.push_back(std::move(G));
}

// ---------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------

void Lowerer::declare(script::Node Decl, bool Module, const std::string &Cls) {
  for (script::Node D : namedKids(Decl)) {
    if (!is(D, "variable_declarator") && !is(D, "const_declarator"))
      continue;
    script::Node NameNode = field(D, "name");
    std::string K = key(NameNode);
    if (!K.empty() && llvm::StringRef("%&!#@$").contains(K.back()))
      K.pop_back();
    script::Node Ty = field(D, "type");
    std::string TypeName = script::isNull(Ty) ? "" : key(field(Ty, "type"));
    bool Hard = isHardType(TypeName);
    Val V;
    if (OsviTypes.count(TypeName)) {
      V = objVal(ObjKind::Osvi);
      V.Cls = TypeName;
    }
    if (ClassNames.count(TypeName)) {
      // `Dim info As New COsInfo` (or As COsInfo, Set later).
      V = objVal(ObjKind::ClassInstance);
      V.Cls = TypeName;
    } else if (unknownType(TypeName)) {
      NeedSiblings = true;
    }
    if (is(D, "const_declarator")) {
      script::Node Init = field(D, "initializer");
      Val C = expr(field(Init, "value"), 0);
      C.Hard = true;
      if (Module || !Cur)
        Consts[K] = C;
      else {
        Locals[K] = C;
        LocalNames.insert(K);
        HardLocals.insert(K);
      }
      continue;
    }
    if (!Cls.empty()) {
      auto &CV = ClassVars[Cls];
      if (!CV.count(K) || V.known())
        CV[K] = V;
      continue;
    }
    if (Module) {
      if (!Globals.count(K) || V.known())
        Globals[K] = V;
      if (Hard)
        HardGlobals.insert(K);
    } else {
      LocalNames.insert(K);
      Locals[K] = V;
      if (Hard)
        HardLocals.insert(K);
    }
  }
}

bool Lowerer::statement(script::Node N) {
  while (!With.empty() && With.back().first <= script::startByte(N))
    With.pop_back();
  llvm::StringRef T = typeOf(N);
  if (isTrivia(N))
    return false;
  if (T == "exit_statement" && Cur && !Cur->Main) {
    script::Node Body = field(Cur->Node, "body");
    if (!script::isNull(Body) &&
        script::startByte(script::parent(N)) == script::startByte(Body) &&
        typeOf(script::parent(N)) == typeOf(Body) &&
        Src.slice(script::startByte(Body), script::startByte(N))
            .contains_insensitive("on error goto"))
      InHandler = true;
  }
  if (T == "assignment_statement" || T == "set_statement") {
    script::Node L = field(N, "left"), R = field(N, "right");
    Val V = expr(R, 0);
    if (V.E && isBoolean(*V.E) && dependsOnVersion(*V.E)) {
      // A boolean assignment is a guard; its variable is then opaque, so
      // that the same test is not reported again where it is used. Not one
      // that reads the procedure's parameters: each call judges its own
      // arguments.
      emitCondition(R, N, V.E);
      if (!hasParam(*V.E))
        V = Val{};
    }
    if (is(L, "identifier")) {
      // `If sUbr = "" Then sUbr = 0` after a read that may fail: the
      // default of a failed read, not what the variable holds; in an `If
      // Err.Number <> 0` any value is that default, and a read a helper's
      // arguments choose (`RegRead(sKey & "\" & sName)`) is a source too,
      // once a call binds them. (The branch is looked for only over a
      // variable that holds a source: it scans the statements before.)
      if (Val *Old = findVar(key(L));
          Old && Old->E && (dependsOnVersion(*Old->E) || hasParam(*Old->E))) {
        bool InElse;
        script::Node If = enclosingIf(N, InElse);
        bool ErrBranch = !script::isNull(If) && !InElse && testsErr(If);
        bool Default = V.E && isErrorDefault(*V.E) && !script::isNull(If) &&
                       dependsOnVersion(*Old->E);
        if (Default || ErrBranch)
          return false;
      }
      assign(key(L), V);
    } else if (is(L, "qualified_member_expression") &&
               is(field(L, "receiver"), "identifier") &&
               key(field(L, "receiver")) == "me" && Cur && !Cur->Cls.empty())
      storeMember(key(field(L, "member")), V);
    else if (is(L, "qualified_member_expression") &&
             is(field(L, "receiver"), "identifier")) {
      // `re.Pattern = "..."`, `re.IgnoreCase = True`
      Val *Obj = findVar(key(field(L, "receiver")));
      std::string M = key(field(L, "member"));
      if (Obj && Obj->State && Obj->O == ObjKind::RegExp) {
        if (M == "pattern")
          Obj->State->Pattern = V.E;
        else if (M == "ignorecase")
          Obj->State->IgnoreCase = constInt(V).value_or(0) != 0;
      }
    } else if (is(L, "call_expression"))
      expr(L, 0);
    return false;
  }
  if (T == "call_statement") {
    script::Node Callee = field(N, "callee");
    auto Args = arguments(field(N, "arguments"));
    if (is(Callee, "identifier")) {
      std::string K = key(Callee);
      if (dictionaryStore(findVar(K), Args, N))
        return false;
      bool Handled = false;
      builtin(K, Callee, Args, 0, Handled);
      if (!Handled) {
        std::vector<ExprPtr> ArgVals = argumentValues(Args, 0, calleeKey(K));
        registryApiCall(K, Args, ArgVals);
        std::string FK = Cur && !Cur->Cls.empty() ? Cur->Cls + "." + K : K;
        bindOutArguments(OutParams.count(FK) ? llvm::StringRef(FK)
                                             : llvm::StringRef(K),
                         Args, ArgVals, N);
        applyMemberStores(self(), FK, ArgVals, N);
      }
    } else if (is(Callee, "qualified_member_expression") &&
               is(field(Callee, "receiver"), "identifier") &&
               key(field(Callee, "member")) == "item" &&
               dictionaryStore(findVar(key(field(Callee, "receiver"))), Args,
                               N)) {
      return false;
    } else if (is(Callee, "qualified_member_expression") ||
               is(Callee, "implicit_member_expression")) {
      script::Node Recv = field(Callee, "receiver");
      Val R;
      if (is(Callee, "implicit_member_expression")) {
        if (!With.empty())
          R = With.back().second;
      } else {
        R = expr(Recv, 0);
      }
      method(R, Recv, key(field(Callee, "member")), N, Args, 0);
    } else {
      expr(Callee, 0);
      for (script::Node A : Args)
        expr(A, 0);
    }
    return false;
  }
  if (T == "expression_statement") {
    for (script::Node K : namedKids(N))
      expr(K, 0);
    return false;
  }
  if (T == "if_statement" || T == "elseif_fragment") {
    condition(field(N, "condition"), N);
    return false;
  }
  if (T == "single_line_if_statement") {
    condition(field(N, "condition"), field(N, "condition"));
    return true;
  }
  if (T == "while_statement") {
    condition(field(N, "condition"), field(N, "condition"));
    return true;
  }
  if (T == "do_condition") {
    condition(field(N, "condition"), N);
    return false;
  }
  if (T == "select_statement") {
    selectCase(N);
    return true;
  }
  if (T == "for_each_statement") {
    script::Node Coll = field(N, "collection");
    Val C = expr(Coll, 0);
    script::Node Var = field(N, "variable");
    if (is(Var, "identifier")) {
      Val Item = C.O == ObjKind::OsCollection ? objVal(ObjKind::OsInstance)
                 : C.O == ObjKind::FileCollection
                     ? objVal(ObjKind::FileInstance)
                 : C.O == ObjKind::OtherWmi ? objVal(ObjKind::OtherWmi)
                                            : Val{};
      // Over constants: `Array(...)` and a variable holding one were
      // lowered to their items already; `Split` of a constant is read here.
      Item.OneOf = C.OneOf.empty() ? constantItems(Coll) : C.OneOf;
      if (Item.OneOf.empty())
        Item.OneOf = splitItems(C.E);
      assign(key(Var), Item);
    }
    return true;
  }
  if (T == "with_statement") {
    Val V = expr(field(N, "value"), 0);
    With.push_back({script::endByte(N), V});
    return true;
  }
  if (T == "variable_declaration" || T == "const_declaration") {
    declare(N, Cur && Cur->Main, "");
    return false;
  }
  if (T.ends_with("_expression") || T.ends_with("_literal") ||
      T == "identifier" || T == "argument_list" ||
      T == "unparenthesized_argument_list" || T == "case_expression")
    return false;
  return true; // blocks, loops, ERROR nodes: look inside
}

Val Lowerer::instanceResult(const Val &R, const std::string &Key) {
  if (!R.State || R.State->Members.empty() || InstanceRuns > 0)
    return {};
  const Proc *P = nullptr;
  for (const Proc &X : Procs)
    if (X.Key == Key)
      P = &X;
  if (!P)
    return {};
  // Everything a run changes, restored after it.
  struct Saved {
    const Proc *Cur;
    llvm::StringMap<Val> Locals, ClassVars, MemberStores;
    llvm::StringMap<int64_t> ParamIndex;
    llvm::StringSet<> ByValParams, LocalNames, HardLocals;
    std::optional<Val> Result, FuncResult;
    std::optional<std::map<int64_t, Val>> Out;
    bool InHandler, Emit;
    std::vector<std::pair<uint32_t, Val>> With;
  } S{Cur,        Locals,       ClassVars[R.Cls], MemberStores[Key],
      ParamIndex, ByValParams,  LocalNames,       HardLocals,
      Result,     std::nullopt, std::nullopt,     InHandler,
      Emit,       With};
  if (auto F = FuncResults.find(Key); F != FuncResults.end())
    S.FuncResult = F->second;
  if (auto O = OutParams.find(Key); O != OutParams.end())
    S.Out = O->second;
  for (const auto &[M, E] : R.State->Members)
    ClassVars[R.Cls][M] = exprVal(E);
  Emit = false;
  ++InstanceRuns;
  FuncResults.erase(Key);
  runProc(*P);
  --InstanceRuns;
  Val Out;
  if (auto F = FuncResults.find(Key); F != FuncResults.end())
    Out = F->second;
  // Restore.
  Cur = S.Cur;
  Locals = std::move(S.Locals);
  ClassVars[R.Cls] = std::move(S.ClassVars);
  MemberStores[Key] = std::move(S.MemberStores);
  ParamIndex = std::move(S.ParamIndex);
  ByValParams = std::move(S.ByValParams);
  LocalNames = std::move(S.LocalNames);
  HardLocals = std::move(S.HardLocals);
  Result = std::move(S.Result);
  InHandler = S.InHandler;
  Emit = S.Emit;
  With = std::move(S.With);
  if (S.FuncResult)
    FuncResults[Key] = *S.FuncResult;
  else
    FuncResults.erase(Key);
  if (S.Out)
    OutParams[Key] = *S.Out;
  else
    OutParams.erase(Key);
  return Out;
}

void Lowerer::runProc(const Proc &P) {
  Cur = &P;
  Locals.clear();
  LocalNames.clear();
  HardLocals.clear();
  Result.reset();
  InHandler = false;
  With.clear();
  ParamIndex.clear();
  ByValParams.clear();
  script::Node Params = field(P.Node, "parameters");
  if (!script::isNull(Params))
    for (script::Node Par : namedKids(Params))
      if (is(Par, "parameter")) {
        std::string K = key(field(Par, "name"));
        if (!P.Main)
          ParamIndex[K] = ParamIndex.size();
        if (is(field(Par, "passing_mode"), "byval_modifier"))
          ByValParams.insert(K);
        LocalNames.insert(K);
        Locals[K] = Val{};
        auto PO = ParamObjects.find(P.Key);
        if (PO != ParamObjects.end()) {
          auto O = PO->second.find(ParamIndex.lookup(K));
          if (O != PO->second.end() && O->second && !P.Main)
            Locals[K] = *O->second;
        }
        if (!P.Main && Pass > 0 && !ReturnsCheck.count(P.Key) &&
            !Locals[K].known())
          if (ExprPtr A = Callers.bound(P.Key, ParamIndex.lookup(K)))
            Locals[K] = exprVal(keepSpellingsWithin(A, span(P.Node)));
        script::Node Ty = field(Par, "type");
        if (!script::isNull(Ty)) {
          std::string TN = key(field(Ty, "type"));
          if (OsviTypes.count(TN)) {
            Locals[K] = objVal(ObjKind::Osvi);
            Locals[K].Cls = TN;
          }
          if (isHardType(TN))
            HardLocals.insert(K);
        }
      }
  script::Node Body = field(P.Node, "body");
  if (!script::isNull(Body))
    script::walk(Body, [&](script::Node N) { return statement(N); }, P.Walk);
  if (!P.Main && Result) {
    // A fix at a call may only write names the caller sees: the spelling
    // of the build next to a revision (`CLng(aParts(2))`) that names the
    // procedure's locals or parameters is dropped.
    Val R = *Result;
    if (R.E && siblingNamesLocals(*R.E))
      R.E = core::respellSiblings(R.E, Quantity::Build, std::nullopt);
    FuncResults[P.Key] = R;
  }
  if (!P.Main)
    for (const auto &PI : ParamIndex) {
      auto L = Locals.find(PI.first());
      // A version value, or one over the parameters a call binds (`result
      // = sh.RegRead(REG_CV & valueName)`).
      if (ByValParams.count(PI.first()) || L == Locals.end() || !L->second.E ||
          !(dependsOnVersion(*L->second.E) || hasParam(*L->second.E)) ||
          L->second.E->Kind == Op::Param)
        continue;
      OutParams[P.Key][PI.second] = L->second;
    }
  Cur = nullptr;
}

void Lowerer::collect() {
  script::Node Root = In.Root;
  for (const ClassRange &C : In.Code.Classes)
    ClassNames.insert(llvm::StringRef(C.Name).lower());
  // Types, declares and options first: declarations depend on them.
  script::walk(Root, [&](script::Node N) {
    llvm::StringRef T = typeOf(N);
    if (T == "type_declaration") {
      std::vector<std::string> Members;
      bool Osvi = false;
      for (script::Node M : namedKids(N))
        if (is(M, "type_member")) {
          Members.push_back(key(field(M, "name")));
          if (Members.back() == "dwbuildnumber")
            Osvi = true;
        }
      if (Osvi) {
        OsviTypes.insert(key(field(N, "name")));
        OsviMembers[key(field(N, "name"))] = std::move(Members);
      }
      return false;
    }
    if (T == "declare_function_statement" || T == "declare_sub_statement") {
      std::string Name = key(field(N, "name"));
      script::Node Alias = field(N, "alias");
      Declared[Name] = script::isNull(Alias)
                           ? Name
                           : llvm::StringRef(unquote(text(Alias))).lower();
      if (isVersionApi(Name) ||
          (!script::isNull(Alias) && isVersionApi(unquote(text(Alias)))))
        HasVersionApi = true;
      return false;
    }
    if (T == "option_statement") {
      if (llvm::StringRef(text(N).lower()).contains("text"))
        CompareText = true;
      return false;
    }
    return !(T.ends_with("_declaration") || T.ends_with("_statement"));
  });
  walkModule(/*DeclarationsOnly=*/false);
}

void Lowerer::walkModule(bool DeclarationsOnly) {
  auto ClassAt = [&](uint32_t Byte) -> std::string {
    for (const ClassRange &C : In.Code.Classes)
      if (Byte >= C.Begin && Byte < C.End)
        return llvm::StringRef(C.Name).lower();
    return "";
  };
  // Procedures and module-level declarations.
  script::walk(In.Root, [&](script::Node N) {
    llvm::StringRef T = typeOf(N);
    if (DeclarationsOnly && T.ends_with("_declaration") &&
        T != "variable_declaration" && T != "const_declaration")
      return false;
    if (T == "sub_declaration" || T == "function_declaration" ||
        T == "property_get_declaration" || T == "property_let_declaration" ||
        T == "property_set_declaration") {
      Proc P;
      P.Node = N;
      P.Name = name(field(N, "name"));
      P.Cls = ClassAt(script::startByte(N));
      P.Main = llvm::StringRef(P.Name).starts_with(SyntheticMain);
      std::string K = llvm::StringRef(P.Name).lower();
      P.Key = P.Cls.empty() ? K : P.Cls + "." + K;
      script::Node Ty = field(N, "type");
      if (!script::isNull(Ty) && isHardType(key(field(Ty, "type"))))
        HardFuncs.insert(P.Key);
      // Property Let/Set must not hide the Get's result.
      if (T == "property_let_declaration" || T == "property_set_declaration")
        P.Key += "#set";
      Procs.push_back(P);
      return false;
    }
    if (T == "variable_declaration" || T == "const_declaration") {
      declare(N, true, ClassAt(script::startByte(N)));
      return false;
    }
    return T == "source_file" || T == "ERROR" || T == "preprocessor_if" ||
           T == "preprocessor_block" || T == "preprocessor_elseif" ||
           T == "preprocessor_else";
  });
}

void Lowerer::run() {
  collect();
  // A .wsf job's `<object id="oShell" progid="WScript.Shell"/>`.
  for (const auto &[Id, ProgId] : In.Objects)
    if (ObjKind K = classifyProgId(ProgId); K != ObjKind::None)
      Globals[lowerName(Id)] = objVal(K);
  if (NeedSiblings) {
    loadSiblings();
    walkModule(/*DeclarationsOnly=*/true);
  }
  std::vector<const Proc *> Order;
  for (const Proc &P : Procs)
    if (!P.Cls.empty() &&
        llvm::StringRef(P.Name).equals_insensitive("Class_Initialize"))
      Order.push_back(&P);
  for (const Proc &P : Procs)
    if (P.Main)
      Order.push_back(&P);
  // Class_Terminate last: what it releases (`Set mKnown = Nothing`) is
  // gone only once the object is.
  auto Is = [](const Proc &P, llvm::StringRef Name) {
    return !P.Cls.empty() && llvm::StringRef(P.Name).equals_insensitive(Name);
  };
  for (const Proc &P : Procs)
    if (!P.Main && !Is(P, "Class_Initialize") && !Is(P, "Class_Terminate"))
      Order.push_back(&P);
  for (const Proc &P : Procs)
    if (Is(P, "Class_Terminate"))
      Order.push_back(&P);
  for (Pass = 0; Pass < 3; ++Pass) {
    if (NeedSiblings)
      loadSiblings();
    Emit = Pass == 2;
    for (const Proc *P : Order)
      runProc(*P);
    if (Pass == 0)
      for (const auto &F : FuncResults)
        if (F.second.E && isBoolean(*F.second.E) && hasParam(*F.second.E))
          ReturnsCheck.insert(F.first());
  }
  siblingEvidence();
}

void Lowerer::summarize() {
  collect();
  for (int Pass = 0; Pass < 2; ++Pass)
    for (const Proc &P : Procs)
      runProc(P);
}

} // namespace

void lowerTree(const LoweringInput &In, std::vector<Guard> &Guards,
               std::vector<Diagnostic> &Diags) {
  Lowerer L(In, Guards, Diags);
  L.run();
}

} // namespace verguard::vbscript
