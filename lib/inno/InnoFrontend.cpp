//===- InnoFrontend.cpp - Inno Setup scripts (.iss) -----------------------===//
//
// Lowering of an Inno Setup script into guards. Sections first need [Code]
// (a `Check:` names its functions), so [Code] is lowered first: each
// routine once, in the order written (Pascal declares before use), its
// parameters symbolic (core Op::Param), giving a summary of its result and
// of its `var` parameters that each call instantiates (core::instantiate).
//
// Inno Setup's documented semantics (jrsoftware.org/ishelp):
//  - MinVersion / OnlyBelowVersion (topic_setup_minversion,
//    topic_setup_onlybelowversion, topic_buildnumnotes): `a,b` gives the
//    Windows 9x and NT versions, a single version is the NT one; a build
//    and an `spN` service pack may follow major.minor; a build or service
//    pack that is absent or 0 is not checked; a service pack is compared
//    only when the rest matches. MinVersion passes at or above its version;
//    OnlyBelowVersion passes strictly below it, `0` being no limit.
//  - GetWindowsVersion (topic_isxfunc_getwindowsversion): major in the top
//    8 bits, minor in the next 8, the build in the low 16.
//  - GetWindowsVersionString: "5.00.2195" on Windows 2000: the minor
//    version is written with two digits.
//  - GetWindowsVersionEx fills a TWindowsVersion record: Major, Minor,
//    Build, ServicePackMajor, ServicePackMinor, NTPlatform, ProductType.
//
//===----------------------------------------------------------------------===//
#include "inno/InnoFrontend.h"

#include "inno/Pascal.h"
#include "inno/Scanner.h"

#include "core/Flow.h"
#include "core/SourceTable.h"
#include "script/Spelling.h"

#include "llvm/ADT/StringExtras.h"

#include <map>
#include <set>

namespace verguard::inno {
namespace {
using namespace core;

using Vars = std::map<std::string, ExprPtr>;

struct Summary {
  ExprPtr Result;
  /// Per parameter: the value a `var`/`out` parameter holds at the end, or
  /// null (unchanged, or passed by value).
  std::vector<ExprPtr> Outs;
  const Routine *R = nullptr;
};

class Lowerer : public script::Speller {
public:
  Lowerer(llvm::StringRef Path, const script::DecodedText &Text,
          std::vector<Guard> &Guards, std::vector<Diagnostic> &Diags)
      : Speller(Path, Text), Path(Path), Text(Text), Src(Text.Utf8),
        Guards(Guards), Diags(Diags) {}

  void run() {
    Iss = scanIss(Src);
    for (const Problem &P : Iss.Problems)
      note(P.At, P.Message);
    for (auto [B, E] : Iss.Code)
      parseCode(Src, B, E, Prog);
    // Globals are unknown until assigned; constants are their values.
    for (auto &[Name, X] : Prog.Consts)
      Globals[Name] = constant(X);
    for (const Routine &R : Prog.Routines)
      routine(R);
    Function.clear();
    Scope = &Globals;
    for (const Entry &En : Iss.Entries)
      entry(En);
    for (const Problem &P : Prog.Problems)
      note(P.At, P.Message);
  }

private:
  llvm::StringRef Path;
  const script::DecodedText &Text;
  llvm::StringRef Src;
  std::vector<Guard> &Guards;
  std::vector<Diagnostic> &Diags;

  IssScript Iss;
  Program Prog;
  Vars Globals;
  Vars *Scope = &Globals;
  std::set<std::string> Locals; // names declared in the current routine
  std::map<std::string, Summary> Summaries;
  std::string Function;
  const Routine *Current = nullptr;
  /// Conditions already reported where they are written: a use elsewhere
  /// (a call of a function without arguments, a variable) adds nothing.
  /// Held, not only named: a freed node's address is reused by the next one,
  /// which then read as reported, depending on the allocator's timing.
  std::set<ExprPtr> Reported;
  std::set<uint32_t> EmittedAt;

  // --- positions and messages ----------------------------------------
  void note(uint32_t At, const std::string &Msg) {
    script::noteAt(Diags, Path, Text, At, Msg);
  }
  const PNode &node(uint32_t N) const { return Prog.Nodes[N]; }

  // --- guards -------------------------------------------------------------
  /// Cond without the conditions reported elsewhere (they read unknown).
  ExprPtr unreported(const ExprPtr &E) {
    if (!E)
      return E;
    if (Reported.count(E))
      return unknown();
    bool Changed = false;
    std::vector<ExprPtr> Kids;
    for (const ExprPtr &K : E->Kids) {
      Kids.push_back(unreported(K));
      Changed |= Kids.back() != K;
    }
    if (!Changed)
      return E;
    auto C = clone(*E);
    C->Kids = std::move(Kids);
    return C;
  }
  void markReported(const ExprPtr &E) {
    if (E && isBoolean(*E))
      Reported.insert(E);
  }
  void emitCondition(ExprPtr Cond, uint32_t B, uint32_t E) {
    if (!Cond)
      return;
    ExprPtr Own = unreported(Cond);
    markReported(Cond);
    if (!Own || !isBoolean(*Own) || !dependsOnVersion(*Own) || hasParam(*Own) ||
        EmittedAt.count(B))
      return;
    EmittedAt.insert(B);
    Guard G;
    G.Kind = GuardKind::Condition;
    G.Cond = Own;
    finish(G, B, E);
  }
  void finish(Guard &G, uint32_t B, uint32_t E) {
    G.Syntax = Dialect::Inno;
    G.Where = Text.span(Path, B, E);
    G.Function = Function;
    std::string T;
    for (char C : Src.slice(B, std::min<size_t>(E, B + 200)))
      if (C != '\r' && C != '\n')
        T += C;
    G.Text = llvm::StringRef(T).trim().str();
    Guards.push_back(std::move(G));
  }

  // --- sections -----------------------------------------------------------
  void entry(const Entry &En) {
    for (const Param &P : En.Params) {
      llvm::StringRef Name = P.Name;
      bool Min = Name.equals_insensitive("MinVersion");
      if (Min || Name.equals_insensitive("OnlyBelowVersion")) {
        versionLimit(P, Min);
      } else if (Name.equals_insensitive("Check") && !En.Directive) {
        if (!P.Raw) {
          note(P.VB, "a Check: with doubled quotes is not read");
          continue;
        }
        int64_t X = parseExpression(Src, P.VB, P.VE, Prog);
        if (X >= 0)
          emitCondition(lower(X, 0), P.VB, P.VE);
      }
    }
  }

  /// `MinVersion: 6.0.6002sp2`, `OnlyBelowVersion: 0,6.0.6003`,
  /// `MinVersion={#MinWin}` (an ISPP define's value, edited where it is
  /// defined).
  void versionLimit(const Param &Written, bool Min) {
    const Param *P = &Written;
    llvm::StringRef V = P->Value;
    if (V.starts_with("{#") && V.ends_with("}")) {
      auto It = Iss.Defines.find(V.drop_front(2).drop_back().trim().lower());
      if (It == Iss.Defines.end())
        return;
      P = &It->second;
      V = P->Value;
    }
    uint32_t Off = P->VB;
    size_t Comma = V.find(',');
    if (Comma != llvm::StringRef::npos) {
      Off += Comma + 1;
      V = V.drop_front(Comma + 1);
    }
    size_t Lead = V.size() - V.ltrim().size();
    Off += Lead;
    V = V.trim();
    // major.minor[.build][spN]
    int64_t Part[3] = {0, 0, 0};
    uint32_t BuildB = 0, BuildE = 0;
    int64_t SP = 0;
    size_t I = 0;
    int K = 0;
    for (; K < 3; ++K) {
      size_t B = I;
      while (I < V.size() && llvm::isDigit(V[I]))
        ++I;
      if (I == B || I - B > 9)
        break;
      V.slice(B, I).getAsInteger(10, Part[K]);
      if (K == 2) {
        BuildB = Off + B;
        BuildE = Off + I;
      }
      if (I < V.size() && V[I] == '.' && K < 2) {
        ++I;
        continue;
      }
      ++K;
      break;
    }
    llvm::StringRef Rest = V.drop_front(I);
    if (Rest.consume_front_insensitive("sp")) {
      if (Rest.getAsInteger(10, SP)) {
        note(Off, "cannot read the service pack of '" + V.str() + "'");
        return;
      }
      Rest = "";
    }
    if (K == 0 || !Rest.empty()) {
      note(Off, "cannot read the Windows version '" + V.str() + "'");
      return;
    }
    if (Part[0] == 0)
      return; // no limit (OnlyBelowVersion), or not on NT (MinVersion)
    std::string Prov = std::string(Min ? "MinVersion" : "OnlyBelowVersion") +
                       " (the running Windows version)";
    ExprPtr Major = quantity(Quantity::Major, Prov),
            Minor = quantity(Quantity::Minor, Prov),
            Build = quantity(Quantity::Build, Prov),
            SPMaj = quantity(Quantity::SPMajor, Prov);
    CmpOp Strict = Min ? CmpOp::GT : CmpOp::LT;
    CmpOp Last = Min ? CmpOp::GE : CmpOp::LT;
    auto C = [](CmpOp O, ExprPtr L, ExprPtr R) {
      return cmp(O, std::move(L), std::move(R), CmpMode::Int, Dialect::Inno);
    };
    // Lexicographic over (major, minor, [build], [service pack]); the last
    // part given decides at equality (inclusive for MinVersion, exclusive
    // for OnlyBelowVersion).
    std::vector<std::pair<ExprPtr, ExprPtr>> Parts{{Major, intConst(Part[0])},
                                                   {Minor, intConst(Part[1])}};
    if (Part[2] != 0)
      Parts.push_back({Build, intConst(Part[2], P->Raw ? spell(BuildB, BuildE)
                                                       : Spelling())});
    if (SP != 0)
      Parts.push_back({SPMaj, intConst(SP)});
    ExprPtr Cond = C(Last, Parts.back().first, Parts.back().second);
    for (size_t J = Parts.size() - 1; J-- > 0;)
      Cond = logicOr(
          C(Strict, Parts[J].first, Parts[J].second),
          logicAnd(C(CmpOp::EQ, Parts[J].first, Parts[J].second), Cond));
    emitCondition(Cond, Written.VB, Written.VE);
  }

  // --- [Code] ---------------------------------------------------------
  ExprPtr constant(uint32_t X) {
    ExprPtr V = lower(X, 0);
    return V;
  }

  void routine(const Routine &R) {
    if (R.Body < 0)
      return;
    Vars Frame;
    Locals.clear();
    for (size_t I = 0; I < R.Params.size(); ++I) {
      const Decl &D = R.Params[I];
      ExprPtr Named;
      if (auto Q = quantityNamed(D.Name))
        Named = quantity(*Q, "parameter '" + D.Name + "' (by its name)",
                         /*Inferred=*/true);
      Frame[D.Name] = param(I, Named);
      Locals.insert(D.Name);
    }
    for (const Decl &D : R.Locals) {
      Frame[D.Name] = unknown();
      Locals.insert(D.Name);
    }
    for (auto &[Name, X] : R.Consts)
      Frame[Name] = lower(X, 0);
    Locals.insert("result");
    Frame["result"] = unknown();
    std::vector<ExprPtr> Initial;
    for (const Decl &D : R.Params)
      Initial.push_back(Frame[D.Name]);
    Vars *Saved = Scope;
    Scope = &Frame;
    Function = Src.slice(R.NameB, R.NameE).str();
    Current = &R;
    stmt(R.Body, 0);
    Scope = Saved;
    Current = nullptr;
    Summary S;
    S.R = &R;
    S.Result = Frame["result"];
    for (size_t I = 0; I < R.Params.size(); ++I) {
      ExprPtr V = Frame[R.Params[I].Name];
      S.Outs.push_back(R.Params[I].ByRef && V != Initial[I] ? V : nullptr);
    }
    // A later declaration with a body replaces a forward one.
    Summaries[R.Name] = std::move(S);
    Locals.clear();
  }

  // Variables: a record's fields are `name.field`.
  std::optional<std::string> target(uint32_t N) {
    const PNode &X = node(N);
    if (X.K == NK::Ident)
      return X.Name;
    if (X.K == NK::Member) {
      if (auto Base = target(X.Kids[0]))
        return *Base + "." + X.Name;
    }
    return std::nullopt;
  }
  void assign(const std::string &Name, ExprPtr V) {
    std::string Key = Name;
    if (Current && Key == Current->Name)
      Key = "result"; // `IsOld := True` sets the function's result
    std::string Root = llvm::StringRef(Key).split('.').first.str();
    if (Scope != &Globals && Locals.count(Root)) {
      (*Scope)[Key] = std::move(V);
      return;
    }
    Globals[Key] = std::move(V);
  }
  ExprPtr read(const std::string &Key) {
    auto It = Scope->find(Key);
    if (It != Scope->end())
      return It->second;
    std::string Root = llvm::StringRef(Key).split('.').first.str();
    if (Scope != &Globals && Locals.count(Root))
      return unknown(); // a local's field never set
    It = Globals.find(Key);
    if (It != Globals.end())
      return It->second;
    return nullptr;
  }

  void stmt(uint32_t N, int Depth) {
    if (Depth > MaxDepth)
      return;
    const PNode &S = node(N);
    switch (S.K) {
    case NK::Block:
      for (uint32_t K : S.Kids)
        stmt(K, Depth + 1);
      break;
    case NK::Assign: {
      ExprPtr V = lower(S.Kids[1], 0);
      auto T = target(S.Kids[0]);
      if (V && isBoolean(*V))
        emitCondition(V, node(S.Kids[1]).B, node(S.Kids[1]).E);
      if (T)
        assign(*T, V ? V : unknown());
      break;
    }
    case NK::ExprStmt:
      lower(S.Kids[0], 0);
      break;
    case NK::If: {
      ExprPtr C = lower(S.Kids[0], 0);
      emitCondition(C, node(S.Kids[0]).B, node(S.Kids[0]).E);
      Vars Before = *Scope, G = Globals;
      stmt(S.Kids[1], Depth + 1);
      Vars Then = *Scope, GThen = Globals;
      *Scope = Before;
      Globals = G;
      if (S.Kids.size() > 2)
        stmt(S.Kids[2], Depth + 1);
      merge(C, Then, *Scope);
      if (Scope != &Globals)
        merge(C, GThen, Globals);
      break;
    }
    case NK::Case:
      caseStatement(S, Depth);
      break;
    case NK::While:
    case NK::Repeat: {
      bool W = S.K == NK::While;
      uint32_t CondN = W ? S.Kids[0] : (S.Kids.size() > 1 ? S.Kids[1] : 0);
      if (W || S.Kids.size() > 1)
        emitCondition(lower(CondN, 0), node(CondN).B, node(CondN).E);
      stmt(W ? S.Kids[1] : S.Kids[0], Depth + 1);
      break;
    }
    case NK::For:
      if (auto T = target(S.Kids[0]))
        assign(*T, unknown());
      stmt(S.Kids[3], Depth + 1);
      break;
    default:
      break;
    }
  }
  /// After an if: a variable the branches left different is Choose(C, ...).
  static void merge(const ExprPtr &C, const Vars &Then, Vars &Else) {
    for (auto &[K, V] : Then) {
      auto It = Else.find(K);
      ExprPtr E = It == Else.end() ? unknown() : It->second;
      if (E == V)
        continue;
      Else[K] = C ? nary(Op::Choose, {C, V, E}) : unknown();
    }
    for (auto &[K, V] : Else)
      if (!Then.count(K))
        V = unknown();
  }

  void caseStatement(const PNode &S, int Depth) {
    ExprPtr Subj = lower(S.Kids[0], 0);
    Guard G;
    G.Kind = GuardKind::Select;
    G.Subject = Subj;
    G.FirstMatchOnly = true;
    // Arms with the same statement are one outcome (`6002: Result :=
    // 'SP2'; 6003: Result := 'SP2';`), as PowerShell's switch clauses.
    std::map<std::string, size_t> ByBody;
    for (size_t I = 1; I < S.Kids.size(); ++I) {
      const PNode &A = node(S.Kids[I]);
      if (A.K != NK::CaseArm)
        continue;
      const PNode &Body = node(A.Kids[1]);
      std::string BodyText = script::normalizeSpace(Src.slice(Body.B, Body.E));
      Arm R;
      const PNode &Labels = node(A.Kids[0]);
      R.Label = spell(Labels.B, Labels.E);
      R.Indent = indentAt(Labels.B);
      for (uint32_t L : Labels.Kids) {
        const PNode &LN = node(L);
        auto Mode = [&](const ExprPtr &X) {
          return valueType(*X) == ValueType::Str ? CmpMode::Str : CmpMode::Int;
        };
        ExprPtr T;
        if (LN.K == NK::Range) {
          ExprPtr Lo = lower(LN.Kids[0], 0), Hi = lower(LN.Kids[1], 0);
          T = logicAnd(cmp(CmpOp::GE, subject(), Lo, Mode(Lo), Dialect::Inno),
                       cmp(CmpOp::LE, subject(), Hi, Mode(Hi), Dialect::Inno));
        } else {
          ExprPtr V = lower(L, 0);
          T = cmp(CmpOp::EQ, subject(), V, Mode(V), Dialect::Inno,
                  spell(LN.B, LN.E));
        }
        script::addArmTest(G, ByBody, BodyText, R, std::move(T));
      }
      stmt(A.Kids[1], Depth + 1);
    }
    if (S.Kids.size() > 1 && node(S.Kids.back()).ElseArm)
      stmt(S.Kids.back(), Depth + 1);
    if (Subj && dependsOnVersion(*Subj) && !hasParam(*Subj) &&
        !EmittedAt.count(S.B)) {
      EmittedAt.insert(S.B);
      const PNode &SubjN = node(S.Kids[0]);
      finish(G, S.B, SubjN.E);
    }
  }

  // --- expressions --------------------------------------------------------
  static CmpMode modeOf(const ExprPtr &L, const ExprPtr &R) {
    if (valueType(*L) == ValueType::Str || valueType(*R) == ValueType::Str)
      return CmpMode::Str;
    return CmpMode::Int;
  }
  static bool isBool(const ExprPtr &E) {
    return E && (isBoolean(*E) || valueType(*E) == ValueType::Bool);
  }
  static bool isStr(const ExprPtr &E) {
    return E && valueType(*E) == ValueType::Str;
  }
  ExprPtr respell(const ExprPtr &V, const PNode &Use) {
    if (!V || !V->isConst())
      return V;
    return respelled(*V, spell(Use.B, Use.E));
  }

  ExprPtr lower(uint32_t N, int Depth) {
    if (Depth > MaxDepth)
      return unknown();
    const PNode &X = node(N);
    switch (X.K) {
    case NK::Int:
      return intConst(X.Int, spell(X.B, X.E));
    case NK::Str:
      return strConst(X.Name, spell(X.B, X.E));
    case NK::Ident:
      return identifier(X, Depth);
    case NK::Member: {
      if (auto T = target(N))
        if (ExprPtr V = read(*T))
          return V;
      return unknown();
    }
    case NK::Call:
      return call(X, Depth);
    case NK::Unary: {
      ExprPtr A = lower(X.Kids[0], Depth + 1);
      if (X.Name == "not")
        return isBool(A) ? logicNot(A) : unary(Op::BitNot, A);
      if (X.Name == "-")
        return unary(Op::Neg, A);
      return A;
    }
    case NK::Binary:
      return binaryOp(X, Depth);
    default:
      return unknown();
    }
  }

  ExprPtr identifier(const PNode &X, int Depth) {
    const std::string &Name = X.Name;
    if (Name == "true" || Name == "false")
      return boolConst(Name == "true");
    if (Name == "hklm" || Name == "hkey_local_machine" || Name == "hklm32" ||
        Name == "hklm64" || Name == "hkey_local_machine_32" ||
        Name == "hkey_local_machine_64")
      return strConst("HKLM");
    if (ExprPtr V = read(Name))
      return respell(V, X);
    // A function called without parentheses.
    if (Summaries.count(Name) || isSourceFunction(Name))
      return callNamed(Name, X, {}, Depth);
    if (auto Q = quantityNamed(Name))
      return quantity(*Q, "'" + Name + "' (by its name)", /*Inferred=*/true);
    return unknown();
  }
  static bool isSourceFunction(llvm::StringRef N) {
    return N == "getwindowsversion" || N == "getwindowsversionstring";
  }

  ExprPtr binaryOp(const PNode &X, int Depth) {
    ExprPtr L = lower(X.Kids[0], Depth + 1), R = lower(X.Kids[1], Depth + 1);
    llvm::StringRef Op = X.Name;
    static const std::pair<const char *, CmpOp> Cmps[] = {
        {"=", CmpOp::EQ},  {"<>", CmpOp::NE}, {"<", CmpOp::LT},
        {"<=", CmpOp::LE}, {">", CmpOp::GT},  {">=", CmpOp::GE}};
    for (auto &[T, O] : Cmps)
      if (Op == T) {
        Spelling W = spell(X.B, X.E);
        W.OpSpan = Text.span(Path, X.OpB, X.OpE);
        return cmp(O, L, R, modeOf(L, R), Dialect::Inno, W);
      }
    if (Op == "and")
      return isBool(L) && isBool(R) ? logicAnd(L, R) : binary(Op::BitAnd, L, R);
    if (Op == "or")
      return isBool(L) && isBool(R) ? logicOr(L, R) : binary(Op::BitOr, L, R);
    if (Op == "xor")
      return binary(Op::BitXor, L, R);
    if (Op == "shl")
      return binary(Op::Shl, L, R);
    if (Op == "shr")
      return binary(Op::Shr, L, R);
    if (Op == "+")
      return isStr(L) || isStr(R) ? nary(Op::Concat, {L, R})
                                  : binary(Op::Add, L, R);
    if (Op == "-")
      return binary(Op::Sub, L, R);
    if (Op == "*")
      return binary(Op::Mul, L, R);
    if (Op == "div" || Op == "/")
      return binary(Op::Div, L, R);
    if (Op == "mod")
      return binary(Op::Mod, L, R);
    if (Op == "in")
      return membership(L, X.Kids[1], Depth);
    return unknown();
  }
  /// `B in [6000, 6001..6002]`.
  ExprPtr membership(const ExprPtr &L, uint32_t SetN, int Depth) {
    const PNode &S = node(SetN);
    if (S.K != NK::Set)
      return unknown();
    ExprPtr Any;
    for (uint32_t K : S.Kids) {
      const PNode &I = node(K);
      ExprPtr T;
      if (I.K == NK::Range) {
        ExprPtr Lo = lower(I.Kids[0], Depth + 1),
                Hi = lower(I.Kids[1], Depth + 1);
        T = logicAnd(cmp(CmpOp::GE, L, Lo, modeOf(L, Lo), Dialect::Inno),
                     cmp(CmpOp::LE, L, Hi, modeOf(L, Hi), Dialect::Inno));
      } else {
        ExprPtr V = lower(K, Depth + 1);
        T = cmp(CmpOp::EQ, L, V, modeOf(L, V), Dialect::Inno);
      }
      Any = Any ? logicOr(Any, T) : T;
    }
    return Any ? Any : boolConst(false);
  }

  ExprPtr call(const PNode &X, int Depth) {
    const PNode &Callee = node(X.Kids[0]);
    if (Callee.K != NK::Ident)
      return unknown();
    std::vector<uint32_t> Args(X.Kids.begin() + 1, X.Kids.end());
    return callNamed(Callee.Name, X, Args, Depth);
  }

  ExprPtr arg(const std::vector<uint32_t> &A, size_t I, int Depth) {
    return I < A.size() ? lower(A[I], Depth + 1) : unknown();
  }
  std::optional<std::string> constStr(const ExprPtr &E) {
    if (E && E->Kind == Op::StrConst)
      return E->Str;
    return std::nullopt;
  }

  ExprPtr callNamed(const std::string &Name, const PNode &X,
                    const std::vector<uint32_t> &A, int Depth) {
    auto Q = [&](Quantity K, const char *P) { return quantity(K, P); };
    if (Name == "getwindowsversionex") {
      // The record's fields are TWindowsVersion's in rules/sources.yaml;
      // NTPlatform is true on every Windows a profile describes.
      if (!A.empty())
        if (auto T = target(A[0])) {
          for (const StructMemberEntry &M : builtinSources().StructMembers)
            if (llvm::StringRef(M.Record).equals_insensitive("TWindowsVersion"))
              assign(*T + "." + llvm::StringRef(M.Name).lower(),
                     Q(M.Q, "GetWindowsVersionEx"));
          assign(*T + ".ntplatform", boolConst(true));
        }
      return unknown();
    }
    if (Name == "getwindowsversion") {
      const char *P = "GetWindowsVersion";
      return binary(
          Op::BitOr,
          binary(Op::BitOr,
                 binary(Op::Shl, Q(Quantity::Major, P), intConst(24)),
                 binary(Op::Shl, Q(Quantity::Minor, P), intConst(16))),
          Q(Quantity::Build, P));
    }
    if (Name == "getwindowsversionstring") {
      // "6.00.6002": the minor version with two digits.
      const char *P = "GetWindowsVersionString";
      ExprPtr Minor = Q(Quantity::Minor, P);
      ExprPtr MinorText = unary(Op::ToStr, Minor);
      return nary(
          Op::Concat,
          {unary(Op::ToStr, Q(Quantity::Major, P)), strConst("."),
           nary(Op::Choose,
                {cmp(CmpOp::LT, Minor, intConst(10)),
                 nary(Op::Concat, {strConst("0"), MinorText}), MinorText}),
           strConst("."), unary(Op::ToStr, Q(Quantity::Build, P))});
    }
    if (Name == "regquerystringvalue" || Name == "regquerydwordvalue") {
      if (A.size() >= 4) {
        auto Root = constStr(arg(A, 0, Depth)),
             Key = constStr(arg(A, 1, Depth)),
             Value = constStr(arg(A, 2, Depth));
        llvm::StringRef K = Key ? llvm::StringRef(*Key) : "";
        K.consume_front("\\");
        K.consume_back("\\");
        const SourceEntry *S =
            Root && *Root == "HKLM" && Value &&
                    K.equals_insensitive(
                        "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion")
                ? builtinSources().registryValue(*Value)
                : nullptr;
        if (auto T = target(A[3])) {
          if (S) {
            ExprPtr V = quantity(S->Q, "registry CurrentVersion\\" + S->Name);
            bool Str = Name == "regquerystringvalue";
            if (Str && !isStringQuantity(S->Q))
              V = unary(Op::ToStr, V);
            else if (!Str && isStringQuantity(S->Q))
              V = unknown(); // a REG_SZ read as a DWORD fails
            assign(*T, V);
          } else {
            assign(*T, unknown());
          }
        }
      }
      return unknown();
    }
    if (Name == "strtoint" || Name == "strtointdef")
      return unary(Op::ToInt, arg(A, 0, Depth));
    if (Name == "inttostr")
      return unary(Op::ToStr, arg(A, 0, Depth));
    if (Name == "pos" && A.size() == 2)
      return binary(Op::Add,
                    binary(Op::Find, arg(A, 1, Depth), arg(A, 0, Depth)),
                    intConst(1));
    if (Name == "copy" && A.size() >= 2) {
      ExprPtr S = arg(A, 0, Depth), I = arg(A, 1, Depth);
      ExprPtr Len = A.size() > 2 ? arg(A, 2, Depth) : intConst(-1);
      return nary(Op::Substr,
                  {S, binary(Op::Sub, I, intConst(1)), std::move(Len)});
    }
    if ((Name == "comparestr" || Name == "comparetext") && A.size() == 2) {
      auto C =
          clone(*binary(Op::StrCompare, arg(A, 0, Depth), arg(A, 1, Depth)));
      C->Int = -1;
      if (Name == "comparetext")
        C->Flags |= FlagCaseInsensitive;
      return C;
    }
    if (Name == "sametext" && A.size() == 2) {
      Spelling W = spell(X.B, X.E);
      return cmp(CmpOp::EQ, arg(A, 0, Depth), arg(A, 1, Depth), CmpMode::StrCI,
                 Dialect::Inno, W);
    }
    if (Name == "trim")
      return unary(Op::Trim, arg(A, 0, Depth));
    if (Name == "lowercase")
      return unary(Op::Lower, arg(A, 0, Depth));
    if (Name == "uppercase")
      return unary(Op::Upper, arg(A, 0, Depth));
    if (Name == "length")
      return unary(Op::Length, arg(A, 0, Depth));
    if (Name == "format" && A.size() == 2)
      return format(A, Depth);
    auto It = Summaries.find(Name);
    if (It == Summaries.end())
      return unknown();
    const Summary &S = It->second;
    std::vector<ExprPtr> Args;
    for (size_t I = 0; I < A.size(); ++I)
      Args.push_back(lower(A[I], Depth + 1));
    SourceSpan CallSpan = Text.span(Path, X.B, X.E);
    for (size_t I = 0; I < S.Outs.size() && I < A.size(); ++I)
      if (S.Outs[I])
        if (auto T = target(A[I]))
          assign(*T, instantiate(S.Outs[I], Args, {}, CallSpan));
    return instantiate(S.Result, Args, {}, CallSpan);
  }

  /// Format('%d.%d.%d', [Major, Minor, Build]): %d, %u, %s, %.2d.
  ExprPtr format(const std::vector<uint32_t> &A, int Depth) {
    auto Fmt = constStr(lower(A[0], Depth + 1));
    const PNode &List = node(A[1]);
    if (!Fmt || List.K != NK::Set)
      return unknown();
    std::vector<ExprPtr> Parts;
    size_t Next = 0;
    llvm::StringRef F = *Fmt;
    std::string Lit;
    for (size_t I = 0; I < F.size(); ++I) {
      if (F[I] != '%') {
        Lit += F[I];
        continue;
      }
      if (I + 1 < F.size() && F[I + 1] == '%') {
        Lit += '%';
        ++I;
        continue;
      }
      size_t J = I + 1;
      while (J < F.size() && (llvm::isDigit(F[J]) || F[J] == '.'))
        ++J;
      if (J >= F.size() || J > I + 1 || Next >= List.Kids.size())
        return unknown(); // widths and precisions are not followed
      char C = llvm::toLower(F[J]);
      ExprPtr V = lower(List.Kids[Next++], Depth + 1);
      if (C == 'd' || C == 'u')
        V = unary(Op::ToStr, V);
      else if (C != 's')
        return unknown();
      if (!Lit.empty())
        Parts.push_back(strConst(Lit));
      Lit.clear();
      Parts.push_back(V);
      I = J;
    }
    if (!Lit.empty())
      Parts.push_back(strConst(Lit));
    return nary(Op::Concat, std::move(Parts));
  }
};

} // namespace

void lowerFile(llvm::StringRef Path, const script::DecodedText &Text,
               const FrontendOptions &, std::vector<Guard> &Guards,
               std::vector<Diagnostic> &Diags) {
  Lowerer L(Path, Text, Guards, Diags);
  L.run();
}

} // namespace verguard::inno
