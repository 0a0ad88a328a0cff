//===- Lowering.cpp - PowerShell expressions to guard expressions --------===//
//
// Models the parts of PowerShell's semantics that decide a version check:
// the left operand's type governs a comparison, -c forms are case-sensitive,
// -like/-match/-in/-contains, casts, -split/.Split, .Substring, string
// expansion, pipelines and variables.
//
//===----------------------------------------------------------------------===//
#include "powershell/Lowerer.h"
#include "script/Wql.h"

#include "core/Flow.h"
#include "core/Siblings.h"
#include "core/SourceTable.h"

#include "llvm/ADT/StringExtras.h"

using namespace verguard::core;

namespace verguard::powershell {

namespace {

bool isStop(llvm::StringRef T) {
  return T == "string_literal" || T == "integer_literal" ||
         T == "real_literal" || T == "variable" || T == "type_literal" ||
         T == "command" || T == "hash_literal_expression" ||
         T == "script_block_expression" || T == "generic_token" ||
         T == "command_name" || T == "member_name" || T == "simple_name" ||
         T == "ERROR";
}

using Ty = core::ValueType;
Ty tyOf(const ExprPtr &E) { return E ? valueType(*E) : Ty::Unknown; }

/// Decodes a regex separator for -split when it is a plain string.
std::optional<std::string> plainRegex(llvm::StringRef R) {
  std::string Out;
  for (size_t I = 0; I < R.size(); ++I) {
    char C = R[I];
    if (C == '\\' && I + 1 < R.size() && !llvm::isAlnum(R[I + 1])) {
      Out += R[++I];
      continue;
    }
    if (llvm::StringRef(".^$|?*+()[]{}\\").contains(C))
      return std::nullopt;
    Out += C;
  }
  if (Out.empty())
    return std::nullopt;
  return Out;
}

} // namespace

/// The statements of the script block of N (a script block expression or a
/// function): N > script_block > script_block_body > statement_list.
static script::Node statementListOf(script::Node N, llvm::StringRef Src) {
  script::Node SB{};
  for (script::Node K : namedKids(N))
    if (typeOf(K) == "script_block")
      SB = K;
  if (script::isNull(SB))
    return {};
  script::Node Body = script::field(SB, "script_block_body");
  if (script::isNull(Body))
    return {};
  script::Node List = script::field(Body, "statement_list");
  script::Node Named = script::field(Body, "named_block_list");
  if (!script::isNull(List) || script::isNull(Named))
    return List;
  // An advanced function's `begin {} process {} end {}`: what it outputs
  // per input comes from `process`, else from `end`.
  script::Node Out{};
  for (llvm::StringRef Want : {"process", "end"})
    for (script::Node B : namedKids(Named)) {
      script::Node Name{};
      for (script::Node K : namedKids(B))
        if (typeOf(K) == "block_name")
          Name = K;
      if (script::isNull(Out) && !script::isNull(Name) &&
          script::text(Name, Src).equals_insensitive(Want))
        for (script::Node K : namedKids(B))
          if (typeOf(K) == "statement_block")
            Out = script::field(K, "statement_list");
    }
  return Out;
}

Val Val::spelledWithin(Val V, const SourceSpan &Range) {
  // Nothing kept (a value for another file): its constants are noted where
  // they are written.
  bool Note = !Range.valid();
  if (V.E)
    V.E = keepSpellingsWithin(V.E, Range, Note);
  for (ExprPtr &X : V.Items)
    if (X)
      X = keepSpellingsWithin(X, Range, Note);
  V.Lit = {};
  V.Hash = {};
  V.FromVariable = true;
  return V;
}

ExprPtr Val::expr() const { return E ? E : unknown(); }

bool Lowerer::isStringExpr(const ExprPtr &E) { return tyOf(E) == Ty::Str; }

script::Node Lowerer::unwrap(script::Node N) {
  // Every step goes down to a child: this ends, however deep the nesting.
  while (!script::isNull(N)) {
    llvm::StringRef T = typeOf(N);
    if (T == "parenthesized_expression" || T == "sub_expression" ||
        T == "array_expression") {
      auto Kids = namedKids(N);
      if (Kids.size() != 1)
        return N;
      script::Node K = Kids[0];
      if (typeOf(K) == "statement_list") {
        auto S = namedKids(K);
        if (S.size() != 1)
          return N;
        K = S[0];
      }
      N = K;
      continue;
    }
    if (T == "pipeline" || T == "pipeline_chain") {
      auto Kids = namedKids(N);
      if (Kids.size() != 1 || script::childCount(N) != Kids.size())
        return N;
      N = Kids[0];
      continue;
    }
    if (isStop(T))
      return N;
    if (script::childCount(N) == 1 && script::isNamed(script::child(N, 0))) {
      N = script::child(N, 0);
      continue;
    }
    return N;
  }
  return N;
}

std::string Lowerer::varName(llvm::StringRef T) {
  T = T.trim();
  if (T.starts_with("$") || T.starts_with("@"))
    T = T.drop_front();
  if (T.starts_with("{") && T.ends_with("}"))
    T = T.drop_front().drop_back();
  size_t Colon = T.find(':');
  if (Colon != llvm::StringRef::npos)
    T = T.drop_front(Colon + 1);
  return T.lower();
}

std::string Lowerer::varScope(llvm::StringRef T) {
  T = T.trim();
  if (T.starts_with("$") || T.starts_with("@"))
    T = T.drop_front();
  if (T.starts_with("{"))
    T = T.drop_front();
  size_t Colon = T.find(':');
  if (Colon == llvm::StringRef::npos)
    return "";
  return T.take_front(Colon).lower();
}

Val Lowerer::lookup(const std::string &Name, const std::string &Scope) {
  bool InFunction = false;
  for (const Frame &F : Frames)
    if (F.K == Frame::Func)
      InFunction = true;
  if (Scope == "script" || Scope == "global") {
    auto It = Frames.front().Vars.find(Name);
    if (It != Frames.front().Vars.end())
      return It->second;
    auto Jt = FinalScript.find(Name);
    if (InFunction && Jt != FinalScript.end())
      return Jt->second;
    if (Scope == "global")
      if (auto G = siblingGlobal(Name))
        return *G;
    return {};
  }
  for (auto F = Frames.rbegin(); F != Frames.rend(); ++F) {
    auto It = F->Vars.find(Name);
    if (It != F->Vars.end())
      return It->second;
  }
  auto Jt = FinalScript.find(Name);
  if (InFunction && Jt != FinalScript.end())
    return Jt->second;
  if (Jt == FinalScript.end())
    if (auto G = siblingGlobal(Name))
      return *G;
  Val None;
  None.Obj = ObjKind::None;
  None.NotOs = false;
  None.FromVariable = false;
  None.PathText = "";
  None.E = nullptr;
  return None;
}

static bool versionRelated(const Val &V) {
  if (V.Obj != ObjKind::None && V.Obj != ObjKind::Hashtable)
    return true;
  return V.E && dependsOnVersion(*V.E);
}

void Lowerer::bind(const std::string &Name, const std::string &Scope, Val V,
                   bool Conditional) {
  if (Name.empty() || Scope == "env")
    return;
  Frame *Target = &Frames.front();
  if (Scope == "global")
    GlobalNames.insert(Name);
  if (Scope != "script" && Scope != "global")
    for (auto F = Frames.rbegin(); F != Frames.rend(); ++F)
      if (F->K != Frame::Block || F->Vars.count(Name)) {
        Target = &*F;
        break;
      }
  auto It = Target->Vars.find(Name);
  if (It != Target->Vars.end() && Conditional && versionRelated(It->second) &&
      !versionRelated(V))
    return;
  if (V.Obj == ObjKind::Hashtable && !script::isNull(V.Hash))
    Tables.push_back({V.Hash, Name});
  // A parameter means nothing outside its function's calls.
  if (Target->K != Frame::Func && V.E && hasParam(*V.E))
    V = Val();
  Target->Vars[Name] = std::move(V);
}

Val Lowerer::variable(script::Node N) {
  llvm::StringRef T = text(N);
  std::string Name = varName(T), Scope = varScope(T);
  if (Name == "true" || Name == "false")
    return Val::of(boolConst(Name == "true"));
  if (Name == "null")
    return {};
  // `$this` in a class's method: a record of the class's fields, or the
  // instance every call of its methods is made on.
  if (Name == "this" && !CurrentClass.empty()) {
    auto I = CallerThis.find(llvm::StringRef(CurrentClass).lower());
    if (I != CallerThis.end() && I->second && !I->second->Fields.empty())
      return *I->second;
    return *classRecord(CurrentClass);
  }
  if (Name == "psversiontable" || Name == "host" || Name == "pshome" ||
      Name == "executioncontext") {
    Val V;
    V.NotOs = true;
    return V;
  }
  if (Scope == "env") {
    Val V;
    V.PathText = T.str();
    return V;
  }
  if (Name == "psitem")
    Name = "_";
  if (Name == "matches" && Scope.empty() && LastMatch) {
    Val M;
    M.Obj = ObjKind::Matches;
    M.CmpA = LastMatch;
    return M;
  }
  Val V = lookup(Name, Scope);
  V.FromVariable = true;
  if (V.E && !V.isObject() && isBoolean(*V.E) && V.E->Kind != Op::BoolConst)
    return {}; // a condition reported where it was computed
  // A number or text set elsewhere (`$script:Sp2Build = 6002`, in this
  // script or one it dot-sources) is written here by name; where its value
  // is written is a note.
  if (V.E && !V.isObject() && V.E->isConst() && V.E->Kind != Op::BoolConst)
    V.E = writtenAt(V.E, spell(N));
  if (versionRelated(V) || V.NotOs || V.IsList || V.Obj == ObjKind::Hashtable ||
      (V.E && V.E->isConst()) || !V.PathText.empty())
    return V;
  if (auto Q = inferFromName(Name)) {
    Val I = Val::of(*Q);
    I.FromVariable = true;
    I.Inferred = true;
    return I;
  }
  return V;
}

ExprPtr Lowerer::asCond(const ExprPtr &E) const {
  if (!E)
    return unknown();
  if (E->isLogic())
    return E;
  if (isBoolean(*E) && (versionCond(E) || comparesOpaqueWithInt(*E)))
    return E;
  return unknown();
}

ExprPtr Lowerer::operand(const Val &V, script::Node N) const {
  // An unknown operand keeps its text too: its siblings may tell what it
  // is (core::SiblingBuilds).
  ExprPtr E = V.expr();
  if (E->isConst())
    return E;
  auto C = clone(*E);
  C->Written = spell(N);
  return C;
}

static bool parseInt(llvm::StringRef T, int64_t &V) {
  T = T.trim();
  if (T.ends_with_insensitive("l") && !T.starts_with_insensitive("0x"))
    T = T.drop_back();
  if (T.starts_with_insensitive("0x"))
    return !T.drop_front(2).getAsInteger(16, V);
  return !T.getAsInteger(10, V);
}

bool Lowerer::decodeLiteral(script::Node Lit, std::string &Out,
                            std::vector<uint32_t> *Map) const {
  Out.clear();
  if (Map)
    Map->clear();
  auto Kids = namedKids(Lit);
  if (Kids.size() != 1)
    return false;
  script::Node K = Kids[0];
  llvm::StringRef T = typeOf(K);
  uint32_t Base = script::startByte(K);
  llvm::StringRef S = text(K);
  auto Push = [&](char C, uint32_t At) {
    Out += C;
    if (Map)
      Map->push_back(At);
  };
  if (T == "verbatim_string_characters") {
    if (S.size() < 2)
      return false;
    for (size_t I = 1; I + 1 < S.size(); ++I) {
      if (S[I] == '\'' && I + 2 < S.size() && S[I + 1] == '\'') {
        Push('\'', Base + I);
        ++I;
        continue;
      }
      Push(S[I], Base + I);
    }
    if (Map)
      Map->push_back(Base + S.size() - 1);
    return true;
  }
  bool Here = T == "verbatim_here_string_characters" ||
              T == "expandable_here_string_literal";
  bool Expandable =
      T == "expandable_string_literal" || T == "expandable_here_string_literal";
  if (Expandable && script::namedChildCount(K) > 0)
    return false; // interpolation
  size_t B = 1, E = S.size() - 1;
  if (Here) {
    size_t NL = S.find('\n');
    if (NL == llvm::StringRef::npos || S.size() < 4)
      return false;
    B = NL + 1;
    E = S.size() - 2;
    if (E > B && S[E - 1] == '\n')
      --E;
    if (E > B && S[E - 1] == '\r')
      --E;
  }
  if (E < B)
    return false;
  for (size_t I = B; I < E; ++I) {
    char C = S[I];
    if (Expandable && C == '`' && I + 1 < E) {
      char N = S[++I];
      char R = N == 'n'   ? '\n'
               : N == 't' ? '\t'
               : N == 'r' ? '\r'
               : N == '0' ? '\0'
               : N == 'a' ? '\a'
               : N == 'b' ? '\b'
               : N == 'f' ? '\f'
               : N == 'v' ? '\v'
                          : N;
      Push(R, Base + I - 1);
      continue;
    }
    if (!Here && C == S[0] && I + 1 < E && S[I + 1] == C) {
      Push(C, Base + I);
      ++I;
      continue;
    }
    Push(C, Base + I);
  }
  if (Map)
    Map->push_back(Base + E);
  return true;
}

void Lowerer::tooDeep(script::Node N) {
  if (!Emit || TooDeepNoted)
    return;
  TooDeepNoted = true;
  Diags.push_back(script::nestedTooDeep(Path, span(N)));
}

Val Lowerer::lower(script::Node N, int Depth) {
  if (script::isNull(N))
    return {};
  if (Depth > script::MaxExprDepth) {
    tooDeep(N);
    return {};
  }
  N = unwrap(N);
  llvm::StringRef T = typeOf(N);
  uint32_t Count = script::childCount(N);

  if (T == "integer_literal") {
    int64_t V;
    if (!parseInt(text(N), V))
      return {};
    return Val::of(intConst(V, spell(N)));
  }
  if (T == "string_literal") {
    Val V;
    std::string S;
    if (decodeLiteral(N, S, nullptr)) {
      V.E = strConst(S, spell(N));
      V.Lit = N;
      V.PathText = S;
      return V;
    }
    // An expandable string with interpolation: a concatenation.
    auto Kids = namedKids(N);
    if (Kids.size() != 1)
      return {};
    script::Node K = Kids[0];
    llvm::StringRef Raw = text(K);
    uint32_t Base = script::startByte(K);
    bool Here = typeOf(K) == "expandable_here_string_literal";
    size_t B = 1, E = Raw.size() - 1;
    if (Here) {
      B = Raw.find('\n') + 1;
      E = Raw.size() - 2;
    }
    std::vector<ExprPtr> Parts;
    std::string Lit;
    std::string PathText;
    size_t At = B;
    auto FlushText = [&](size_t Upto) {
      for (size_t I = At; I < Upto && I < E; ++I) {
        char C = Raw[I];
        if (C == '`' && I + 1 < Upto) {
          char Nx = Raw[++I];
          Lit += Nx == 'n' ? '\n' : Nx == 't' ? '\t' : Nx;
          continue;
        }
        Lit += C;
      }
      PathText += Raw.slice(At, std::min(Upto, E)).str();
    };
    for (script::Node Sub : namedKids(K)) {
      uint32_t SB = script::startByte(Sub) - Base,
               SE = script::endByte(Sub) - Base;
      FlushText(SB);
      if (!Lit.empty())
        Parts.push_back(strConst(Lit));
      Lit.clear();
      Val SV =
          typeOf(Sub) == "variable" ? variable(Sub) : lower(Sub, Depth + 1);
      ExprPtr SE2 = SV.expr();
      if (tyOf(SE2) == Ty::Int)
        SE2 = unary(Op::ToStr, SE2);
      else if (tyOf(SE2) == Ty::Version)
        SE2 = unary(Op::ToStr, SE2);
      Parts.push_back(SE2);
      PathText += SV.PathText.empty() ? text(Sub).str() : SV.PathText;
      At = SE;
    }
    FlushText(E);
    if (!Lit.empty())
      Parts.push_back(strConst(Lit));
    V.E = Parts.size() == 1 ? Parts[0] : nary(Op::Concat, Parts);
    V.PathText = PathText;
    return V;
  }
  if (T == "variable")
    return variable(N);
  if (T == "real_literal" || T == "script_block_expression" ||
      T == "type_literal")
    return {};
  if (T == "hash_literal_expression") {
    Val V;
    V.Obj = ObjKind::Hashtable;
    V.Hash = N;
    V.Fields = recordFields(N, Depth);
    return V;
  }
  if (T == "command")
    return command(N, std::nullopt, Depth + 1);
  if (T == "pipeline") {
    auto Kids = namedKids(N);
    if (!Kids.empty() && typeOf(Kids[0]) == "assignment_expression") {
      script::Node Value = script::field(Kids[0], "value");
      return lower(Value, Depth + 1);
    }
    return {};
  }
  if (T == "pipeline_chain") {
    Val Cur;
    bool First = true;
    for (script::Node K : namedKids(N)) {
      llvm::StringRef KT = typeOf(K);
      if (KT == "redirections" || KT == "redirection")
        continue;
      if (First) {
        Cur = KT == "command" ? command(K, std::nullopt, Depth + 1)
                              : lower(K, Depth + 1);
        First = false;
      } else if (KT == "command") {
        Cur = command(K, Cur, Depth + 1);
      } else {
        Cur = {};
      }
    }
    return Cur;
  }
  if (T == "array_literal_expression") {
    Val V;
    V.IsList = true;
    for (script::Node K : namedKids(N))
      V.Items.push_back(lower(K, Depth + 1).expr());
    return V;
  }
  if (T == "member_access") {
    script::Node Obj = script::child(N, 0);
    script::Node Dot = script::child(N, 1);
    script::Node Name = script::child(N, Count - 1);
    std::string Member = text(Name).str();
    if (typeOf(Name) == "member_name") {
      auto MK = namedKids(Name);
      if (MK.size() == 1 && typeOf(MK[0]) != "simple_name") {
        Val M = lower(MK[0], Depth + 1);
        if (!M.E || M.E->Kind != Op::StrConst)
          return {};
        Member = M.E->Str;
      }
    }
    if (typeOf(Obj) == "type_literal" && text(Dot) == "::") {
      std::string Ty = text(Obj).trim("[] ").str();
      if (auto V = staticMember(Ty, Member, script::Node{}, false, Depth + 1))
        return *V;
      return {};
    }
    Val O = lower(Obj, Depth + 1);
    return member(O, Member, text(Obj), Depth + 1);
  }
  if (T == "invokation_expression") {
    script::Node Obj = script::child(N, 0);
    script::Node Dot = script::child(N, 1);
    script::Node Name{}, Args{};
    for (uint32_t I = 2; I < Count; ++I) {
      script::Node K = script::child(N, I);
      if (typeOf(K) == "member_name")
        Name = K;
      else if (typeOf(K) == "argument_list")
        Args = K;
    }
    if (script::isNull(Name))
      return {};
    std::string Member = text(Name).str();
    if (typeOf(Obj) == "type_literal" && text(Dot) == "::") {
      std::string Ty = text(Obj).trim("[] ").str();
      if (auto V = staticMember(Ty, Member, Args, true, Depth + 1))
        return *V;
      return {};
    }
    Val O = lower(Obj, Depth + 1);
    return method(O, Member, Obj, N, Args, Depth + 1);
  }
  if (T == "element_access") {
    auto Kids = namedKids(N);
    if (Kids.size() != 2)
      return {};
    Val O = lower(Kids[0], Depth + 1);
    Val I = lower(Kids[1], Depth + 1);
    if (O.Obj == ObjKind::Hashtable) {
      // `$facts['Build']`: a record's field.
      if (ExprPtr K = I.expr();
          K && K->Kind == Op::StrConst && !script::isNull(O.Hash))
        if (auto V = hashEntry(O.Hash, K->Str, Depth); V && versionRelated(*V))
          return *V;
      noteLookup(O, I, N);
      tableGuard(O, operand(I, Kids[1]), N);
      return {};
    }
    ExprPtr IE = I.expr();
    // `$Matches[3]` after `$ver -match 'Version (\d+)\.(\d+)\.(\d+)'`.
    if (O.Obj == ObjKind::Matches) { // `$Matches['build']` too
      ExprPtr G = core::regexGroup(*O.CmpA, *IE);
      return G ? Val::of(G) : Val();
    }
    if (O.IsList) {
      if (IE->Kind == Op::IntConst && IE->Int >= 0 &&
          IE->Int < (int64_t)O.Items.size())
        return Val::of(O.Items[IE->Int]);
      return {};
    }
    ExprPtr OE = O.expr();
    Ty OT = tyOf(OE);
    if (tyOf(IE) != Ty::Int)
      return {};
    if (OT == Ty::List && IE->Kind == Op::IntConst)
      if (ExprPtr P = versionComponent(*OE, IE->Int))
        return Val::of(P);
    if (OT == Ty::List || OT == Ty::Version)
      return Val::of(binary(Op::Index, OE, IE));
    if (OT == Ty::Str && IE->Kind == Op::IntConst && IE->Int >= 0)
      return Val::of(nary(Op::Substr, {OE, IE, intConst(1)}));
    return {};
  }
  if (T == "cast_expression") {
    script::Node TyN = script::child(N, 0);
    script::Node Arg = script::child(N, Count - 1);
    std::string Ty = text(TyN).trim("[] ").lower();
    Val V = lower(Arg, Depth + 1);
    return castTo(Ty, V);
  }
  if (T == "expression_with_unary_operator") {
    script::Node OpN = script::child(N, 0);
    script::Node Arg = script::child(N, Count - 1);
    std::string OpS = text(OpN).lower();
    if (typeOf(OpN) == "cast_expression")
      return lower(OpN, Depth + 1);
    if (OpS == "-not" || OpS == "!")
      return Val::of(logicNot(lowerCond(Arg, Depth + 1)));
    if (OpS == "-" || OpS == "+") {
      Val V = lower(Arg, Depth + 1);
      ExprPtr E = V.expr();
      if (OpS == "+")
        return V;
      if (E->Kind == Op::IntConst)
        return Val::of(intConst(-E->Int, spell(N)));
      if (tyOf(E) == Ty::Int)
        return Val::of(unary(Op::Neg, E));
      return {};
    }
    if (OpS == ",") {
      Val V;
      V.IsList = true;
      V.Items.push_back(lower(Arg, Depth + 1).expr());
      return V;
    }
    return {};
  }
  if (Count == 3) {
    script::Node L = script::child(N, 0), OpN = script::child(N, 1),
                 R = script::child(N, 2);
    if (T == "comparison_expression")
      return binaryOp(N, L, OpN, R, Depth + 1);
    if (T == "format_expression")
      return format(lower(L, Depth + 1), lower(R, Depth + 1));
    if (T == "logical_expression")
      return Val::of(lowerCond(N, Depth));
    std::string OpS = text(OpN).lower();
    if (T == "additive_expression" || T == "multiplicative_expression" ||
        T == "bitwise_expression") {
      ExprPtr A = lower(L, Depth + 1).expr(), B = lower(R, Depth + 1).expr();
      Ty TA = tyOf(A), TB = tyOf(B);
      if (OpS == "+" && TA == Ty::Str)
        return Val::of(
            nary(Op::Concat, {A, TB == Ty::Int ? unary(Op::ToStr, B) : B}));
      if (TA != Ty::Int)
        return {};
      if (TB == Ty::Str)
        B = unary(Op::ToInt, B);
      else if (TB != Ty::Int)
        return {};
      static const std::pair<const char *, Op> Ops[] = {
          {"+", Op::Add},      {"-", Op::Sub},        {"*", Op::Mul},
          {"/", Op::Div},      {"%", Op::Mod},        {"-band", Op::BitAnd},
          {"-bor", Op::BitOr}, {"-bxor", Op::BitXor}, {"-shl", Op::Shl},
          {"-shr", Op::Shr}};
      for (auto &[S, K] : Ops)
        if (OpS == S)
          return Val::of(binary(K, A, B));
      return {};
    }
  }
  return {};
}

Val Lowerer::castTo(llvm::StringRef TyName, const Val &V) {
  ExprPtr E = V.expr();
  // A function's parameter ([int]$Limit): the argument of each call.
  if (E->Kind == Op::Param)
    return V;
  llvm::StringRef TN = TyName.trim();
  TN.consume_front("system.");
  static const char *Ints[] = {"int",    "int32",  "int64", "long",
                               "uint32", "uint64", "int16", "uint16",
                               "uint",   "ulong",  "short", "ushort"};
  for (const char *I : Ints)
    if (TN == I) {
      auto K = tyOf(E);
      if (K == Ty::Int)
        return Val::of(E);
      if (K == Ty::Str)
        return Val::of(unary(Op::ToInt, E));
      if (E->Kind == Op::Unknown && V.Obj == ObjKind::None)
        return V;
      return {};
    }
  if (TN == "string") {
    if (V.Obj == ObjKind::OSVersion)
      return Val::of(V.expr());
    auto K = tyOf(E);
    if (K == Ty::Int || K == Ty::Version)
      return Val::of(unary(Op::ToStr, E));
    if (V.IsList)
      return {};
    Val R = V;
    R.Obj = ObjKind::None;
    return R;
  }
  if (TN == "version") {
    if (tyOf(E) == Ty::Version)
      return Val::of(E);
    if (E->Kind == Op::Unknown)
      return {};
    return Val::of(unary(Op::VersionOf, E));
  }
  if (TN == "double" || TN == "decimal" || TN == "float" || TN == "single" ||
      TN == "bool" || TN == "boolean" || TN == "char" || TN == "byte" ||
      TN == "datetime" || TN == "wmi" || TN == "wmiclass" || TN == "xml" ||
      TN == "adsi" || TN == "scriptblock" || TN == "regex" || TN == "void")
    return {};
  return V; // [ordered], [array], [string[]], [object], ...
}

Val Lowerer::format(const Val &Fmt, const Val &Args) {
  // `'{0}.{1}.{2}' -f $v.Major, $v.Minor, $v.Build`: only plain {N} items;
  // a format specification or alignment is not followed.
  ExprPtr F = Fmt.expr();
  if (F->Kind != Op::StrConst)
    return {};
  std::vector<ExprPtr> Items =
      Args.IsList ? Args.Items : std::vector<ExprPtr>{Args.expr()};
  std::vector<ExprPtr> Parts;
  std::string Lit;
  llvm::StringRef S = F->Str;
  bool Versioned = false;
  for (size_t I = 0; I < S.size(); ++I) {
    char C = S[I];
    if ((C == '{' || C == '}') && I + 1 < S.size() && S[I + 1] == C) {
      Lit += C;
      ++I;
      continue;
    }
    if (C != '{') {
      Lit += C;
      continue;
    }
    size_t Close = S.find('}', I);
    unsigned N = 0;
    if (Close == llvm::StringRef::npos ||
        S.slice(I + 1, Close).getAsInteger(10, N) || N >= Items.size())
      return {};
    if (!Lit.empty())
      Parts.push_back(strConst(Lit));
    Lit.clear();
    const ExprPtr &X = Items[N];
    Versioned |= dependsOnVersion(*X);
    Parts.push_back(tyOf(X) == Ty::Str ? X : unary(Op::ToStr, X));
    I = Close;
  }
  if (!Lit.empty())
    Parts.push_back(strConst(Lit));
  if (!Versioned || Parts.empty())
    return {};
  return Val::of(nary(Op::Concat, Parts));
}

Val Lowerer::binaryOp(script::Node N, script::Node L, script::Node OpN,
                      script::Node R, int Depth) {
  std::string OpS = text(OpN).trim().lower();
  if (!llvm::StringRef(OpS).starts_with("-"))
    return {};
  OpS = OpS.substr(1);
  static const char *Known[] = {
      "eq",      "ne",    "gt",       "ge", "lt",    "le",       "like",
      "notlike", "match", "notmatch", "in", "notin", "contains", "notcontains",
      "split",   "join",  "replace",  "is", "isnot", "as"};
  auto IsKnown = [&](llvm::StringRef S) {
    for (const char *K : Known)
      if (S == K)
        return true;
    return false;
  };
  bool CS = false;
  if (!IsKnown(OpS) && OpS.size() > 1 && (OpS[0] == 'c' || OpS[0] == 'i') &&
      IsKnown(OpS.substr(1))) {
    CS = OpS[0] == 'c';
    OpS = OpS.substr(1);
  }
  if (!IsKnown(OpS))
    return {};
  Val LV = lower(L, Depth + 1);
  if (OpS == "as") {
    script::Node RT = unwrap(R);
    if (typeOf(RT) == "type_literal")
      return castTo(text(RT).trim("[] ").lower(), LV);
    return {};
  }
  if (OpS == "join") {
    // `($v.Major, $v.Minor, $v.Build) -join '.'`
    ExprPtr Sep = lower(R, Depth + 1).expr();
    // `(cmd /c ver) -join ' '`: the command's lines, joined.
    if (!LV.IsList && LV.E && Sep->Kind == Op::StrConst &&
        core::readsCommandOutput(*LV.E))
      return Val::of(nary(
          Op::Replace, {nary(Op::Replace, {LV.E, strConst("\r"), strConst("")}),
                        strConst("\n"), Sep}));
    if (!LV.IsList || LV.Items.empty() || Sep->Kind != Op::StrConst)
      return {};
    std::vector<ExprPtr> Parts;
    for (const ExprPtr &X : LV.Items) {
      if (!Parts.empty())
        Parts.push_back(strConst(Sep->Str));
      Parts.push_back(tyOf(X) == Ty::Str ? X : unary(Op::ToStr, X));
    }
    return Val::of(nary(Op::Concat, Parts));
  }
  if (OpS == "replace") {
    // `$v -replace '\.', ''` with a plain pattern and replacement (no
    // captures): a literal replacement, case-insensitive unless -creplace.
    Val With = lower(R, Depth + 1);
    std::vector<ExprPtr> Args =
        With.IsList ? With.Items : std::vector<ExprPtr>{With.expr()};
    if (Args.size() == 1)
      Args.push_back(strConst(""));
    ExprPtr S = LV.expr();
    if (Args.size() != 2 || Args[0]->Kind != Op::StrConst ||
        Args[1]->Kind != Op::StrConst ||
        Args[1]->Str.find('$') != std::string::npos || !dependsOnVersion(*S))
      return {};
    // A plain pattern is a literal replacement; any other a regex one
    // (`-replace '^6\.0\.', ''`).
    auto From = plainRegex(Args[0]->Str);
    if (tyOf(S) != Ty::Str)
      S = unary(Op::ToStr, S);
    auto E = clone(*nary(Op::Replace,
                         {S, strConst(From ? *From : Args[0]->Str), Args[1]}));
    if (!From)
      E->Flags |= FlagRegexPattern;
    if (!CS)
      E->Flags |= FlagCaseInsensitive;
    return Val::of(E);
  }
  if (OpS == "is" || OpS == "isnot")
    return {};
  Val RV = lower(R, Depth + 1);
  Spelling W = spell(N);
  W.OpSpan = span(OpN);
  // Commands and method calls: a fix must not run them twice.
  for (script::Node C :
       script::nodesOf(N, {"command", "invokation_expression"}))
    W.Calls.push_back(span(C));
  return compare(OpS, CS, LV, L, RV, R, W, script::startByte(N),
                 script::endByte(N));
}

bool Lowerer::inParens(uint32_t B, uint32_t E) const {
  if (E <= B || E > Src.size())
    return false;
  while (B > 0 && (Src[B - 1] == ' ' || Src[B - 1] == '\t'))
    --B;
  while (E < Src.size() && (Src[E] == ' ' || Src[E] == '\t'))
    ++E;
  return B > 0 && Src[B - 1] == '(' && E < Src.size() && Src[E] == ')';
}

Val Lowerer::compare(const std::string &OpS, bool CS, const Val &LV,
                     script::Node L, const Val &RVIn, script::Node R,
                     Spelling W, uint32_t AB, uint32_t AE) {
  Val RV = RVIn;
  bool Paren = inParens(AB, AE);
  // PowerShell converts the right operand to the left one's type, so a
  // [version] cast of a literal on the right compares like the literal.
  if (RV.E && RV.E->Kind == Op::VersionOf && !RV.E->Kids.empty() &&
      RV.E->Kids[0]->Kind == Op::StrConst && RV.E->Kids[0]->Written.valid())
    RV = Val::of(RV.E->Kids[0]);
  CmpMode Mode = CS ? CmpMode::PowerShellCS : CmpMode::PowerShell;
  if (OpS == "split") {
    ExprPtr RE = RV.expr();
    if (RE->Kind != Op::StrConst)
      return {};
    auto Sep = plainRegex(RE->Str);
    if (!Sep)
      return {};
    ExprPtr LE = LV.expr();
    if (tyOf(LE) == Ty::Int)
      LE = unary(Op::ToStr, LE);
    if (tyOf(LE) != Ty::Str && !dependsOnVersion(*LE))
      return {};
    return Val::of(binary(Op::Split, LE, strConst(*Sep)));
  }
  if (OpS == "eq" || OpS == "ne" || OpS == "gt" || OpS == "ge" || OpS == "lt" ||
      OpS == "le") {
    CmpOp C = OpS == "eq"   ? CmpOp::EQ
              : OpS == "ne" ? CmpOp::NE
              : OpS == "gt" ? CmpOp::GT
              : OpS == "ge" ? CmpOp::GE
              : OpS == "lt" ? CmpOp::LT
                            : CmpOp::LE;
    if (LV.Obj == ObjKind::CompareTo) {
      ExprPtr K = RVIn.expr();
      if (K->Kind != Op::IntConst)
        return {};
      // Which of -1, 0, 1 satisfy `c OP K`?
      bool Sat[3];
      for (int I = 0; I < 3; ++I) {
        int64_t X = I - 1;
        switch (C) {
        case CmpOp::EQ:
          Sat[I] = X == K->Int;
          break;
        case CmpOp::NE:
          Sat[I] = X != K->Int;
          break;
        case CmpOp::LT:
          Sat[I] = X < K->Int;
          break;
        case CmpOp::LE:
          Sat[I] = X <= K->Int;
          break;
        case CmpOp::GT:
          Sat[I] = X > K->Int;
          break;
        case CmpOp::GE:
          Sat[I] = X >= K->Int;
          break;
        }
      }
      std::optional<CmpOp> Eq;
      if (Sat[0] && !Sat[1] && !Sat[2])
        Eq = CmpOp::LT;
      else if (!Sat[0] && Sat[1] && !Sat[2])
        Eq = CmpOp::EQ;
      else if (!Sat[0] && !Sat[1] && Sat[2])
        Eq = CmpOp::GT;
      else if (Sat[0] && Sat[1] && !Sat[2])
        Eq = CmpOp::LE;
      else if (!Sat[0] && Sat[1] && Sat[2])
        Eq = CmpOp::GE;
      else if (Sat[0] && !Sat[1] && Sat[2])
        Eq = CmpOp::NE;
      if (!Eq || K->Int != 0)
        W.OpSpan = {}; // the operator cannot be rewritten alone
      if (!Eq)
        return {};
      auto X =
          clone(*cmp(*Eq, LV.CmpA, LV.CmpB, LV.CmpM, Dialect::PowerShell, W));
      if (Paren)
        X->Flags |= FlagParenthesized;
      return Val::of(X);
    }
    if (LV.IsList || RV.IsList)
      return {}; // a collection on the left filters; on the right: no match
    ExprPtr A = operand(LV, L), B = operand(RV, R);
    auto X = clone(*cmp(C, A, B, Mode, Dialect::PowerShell, W));
    if (Paren)
      X->Flags |= FlagParenthesized;
    return Val::of(X);
  }
  if (OpS == "like" || OpS == "notlike" || OpS == "match" ||
      OpS == "notmatch") {
    if (LV.IsList)
      return {};
    ExprPtr A = operand(LV, L), B = operand(RV, R);
    if (tyOf(A) == Ty::Int || tyOf(A) == Ty::Version)
      A = unary(Op::ToStr, A);
    bool Like = OpS == "like" || OpS == "notlike";
    auto E = clone(*binary(Like ? Op::Like : Op::Regex, A, B));
    E->Syntax = Dialect::PowerShell;
    E->Written = W;
    if (Paren)
      E->Flags |= FlagParenthesized;
    if (!CS)
      E->Flags |= FlagCaseInsensitive;
    if (LV.LineOf && !Like)
      E->Flags |= FlagLines;
    bool Neg = OpS == "notlike" || OpS == "notmatch";
    if (OpS == "match" && B->Kind == Op::StrConst && dependsOnVersion(*A))
      LastMatch = E;
    if (Neg) {
      E->Flags |= FlagNegated;
      return Val::of(logicNot(E));
    }
    return Val::of(E);
  }
  // Containment.
  bool In = OpS == "in" || OpS == "notin";
  const Val &Item = In ? LV : RV;
  const Val &List = In ? RV : LV;
  script::Node ItemNode = In ? L : R;
  if (Item.IsList)
    return {};
  std::vector<ExprPtr> Kids{operand(Item, ItemNode)};
  if (List.IsList) {
    for (const ExprPtr &X : List.Items)
      Kids.push_back(X);
  } else {
    Kids.push_back(operand(List, In ? R : L));
  }
  auto E = clone(*nary(Op::Element, Kids));
  E->Mode = Mode;
  E->Syntax = Dialect::PowerShell;
  E->Written = W;
  if (Paren)
    E->Flags |= FlagParenthesized;
  if (OpS == "notin" || OpS == "notcontains") {
    E->Flags |= FlagNegated;
    return Val::of(logicNot(E));
  }
  return Val::of(E);
}

ExprPtr Lowerer::lowerCond(script::Node N, int Depth) {
  if (script::isNull(N))
    return unknown();
  if (Depth > script::MaxExprDepth) {
    tooDeep(N);
    return unknown();
  }
  N = unwrap(N);
  llvm::StringRef T = typeOf(N);
  if (T == "logical_expression" && script::childCount(N) == 3) {
    std::string OpS = text(script::child(N, 1)).lower();
    ExprPtr A = lowerCond(script::child(N, 0), Depth + 1);
    ExprPtr B = lowerCond(script::child(N, 2), Depth + 1);
    if (OpS == "-and")
      return logicAnd(A, B);
    if (OpS == "-or")
      return logicOr(A, B);
    return unknown();
  }
  if (T == "expression_with_unary_operator" && script::childCount(N) == 2) {
    std::string OpS = text(script::child(N, 0)).lower();
    if (OpS == "-not" || OpS == "!")
      return logicNot(lowerCond(script::child(N, 1), Depth + 1));
  }
  Val V = lower(N, Depth + 1);
  return asCond(V.MatchTest ? V.MatchTest : V.E);
}

// --- commands and pipelines ---------------------------------------------

const script::Node *
Lowerer::CmdArgs::named(llvm::StringRef Param,
                        std::initializer_list<llvm::StringRef> Aliases) const {
  for (const auto &[P, V] : Named) {
    llvm::StringRef Given = P;
    if (Given.empty())
      continue;
    if (Param.starts_with_insensitive(Given) && Given.size() >= 2)
      return &V;
    for (llvm::StringRef A : Aliases)
      if (Given.equals_insensitive(A))
        return &V;
  }
  return nullptr;
}

bool Lowerer::CmdArgs::hasSwitch(llvm::StringRef Param) const {
  for (const std::string &S : Switches)
    if (llvm::StringRef(Param).starts_with_insensitive(S) && S.size() >= 2)
      return true;
  return false;
}

Lowerer::CmdArgs Lowerer::commandArgs(script::Node Cmd) const {
  CmdArgs A;
  script::Node Name = script::field(Cmd, "command_name");
  if (script::isNull(Name))
    return A;
  A.NameNode = Name;
  A.Name = text(Name).trim().lower();
  script::Node Elems = script::field(Cmd, "command_elements");
  if (script::isNull(Elems))
    return A;
  static const char *Switches[] = {"force",
                                   "recurse",
                                   "asjob",
                                   "list",
                                   "amended",
                                   "directread",
                                   "enableallprivileges",
                                   "shallow",
                                   "keyonly",
                                   "unique",
                                   "wait",
                                   "passthru",
                                   "raw",
                                   "verbose",
                                   "debug",
                                   "whatif",
                                   "confirm",
                                   "casesensitive",
                                   "simplematch",
                                   "quiet",
                                   "allmatches",
                                   "notmatch",
                                   "not",
                                   "ascii",
                                   "descending",
                                   "leaf",
                                   "container"};
  auto IsSwitch = [&](llvm::StringRef P) {
    for (const char *S : Switches)
      if (P.equals_insensitive(S))
        return true;
    return false;
  };
  std::vector<script::Node> Items;
  for (script::Node K : namedKids(Elems)) {
    llvm::StringRef T = typeOf(K);
    if (T == "command_argument_sep" || T == "redirection" ||
        T == "stop_parsing")
      continue;
    Items.push_back(K);
  }
  for (size_t I = 0; I < Items.size(); ++I) {
    script::Node K = Items[I];
    if (typeOf(K) == "command_parameter") {
      llvm::StringRef P = text(K).trim();
      P.consume_front("-");
      bool Colon = P.consume_back(":");
      A.ParamNodes[P.lower()] = K;
      bool NextIsParam =
          I + 1 >= Items.size() || typeOf(Items[I + 1]) == "command_parameter";
      if (!Colon && (IsSwitch(P) || NextIsParam)) {
        A.Switches.push_back(P.lower());
        continue;
      }
      if (I + 1 < Items.size()) {
        A.Named.push_back({P.lower(), Items[I + 1]});
        ++I;
      }
      continue;
    }
    A.Positional.push_back(K);
  }
  return A;
}

void Lowerer::expandSplats(CmdArgs &A) {
  for (size_t I = 0; I < A.Positional.size();) {
    script::Node U = unwrap(A.Positional[I]);
    if (typeOf(U) != "variable" || !text(U).trim().starts_with("@")) {
      ++I;
      continue;
    }
    Val H = variable(U);
    if (H.Obj != ObjKind::Hashtable || script::isNull(H.Hash)) {
      ++I; // an array splatted: its items stay positional, unknown
      continue;
    }
    for (const auto &[Name, Value] : namedEntries(H.Hash)) {
      std::string P = llvm::StringRef(Name).lower();
      if (!A.named(P))
        A.Named.push_back({P, Value});
    }
    A.Positional.erase(A.Positional.begin() + I);
  }
}

Val Lowerer::argValue(script::Node N, int Depth) {
  if (typeOf(N) == "generic_token") {
    Val V;
    llvm::StringRef T = text(N);
    V.E = strConst(T.str(), spell(N));
    V.PathText = T.str();
    return V;
  }
  script::Node U = unwrap(N);
  if (typeOf(U) == "generic_token")
    return argValue(U, Depth);
  return lower(N, Depth + 1);
}

Val Lowerer::scriptBlockValue(script::Node Block, const Val &Input, int Depth) {
  script::Node B = unwrap(Block);
  if (typeOf(B) != "script_block_expression")
    return {};
  BlockInputs[script::startByte(B)] = Input;
  script::Node List = statementListOf(B, Src);
  if (script::isNull(List))
    return {};
  Frame F;
  F.K = Frame::Block;
  F.Vars["_"] = oneItem(Input);
  Frames.push_back(std::move(F));
  Val Out = statementsOutput(List, /*FunctionBody=*/false, Depth);
  Frames.pop_back();
  return Out;
}

std::optional<Val> Lowerer::selectedRecord(llvm::ArrayRef<script::Node> Props,
                                           const Val &In, int Depth) {
  // `Caption, @{...}` is one array argument, which the grammar splits at
  // its commas: the items of -Property and the positional arguments.
  script::NodeList Items;
  for (script::Node P : Props) {
    script::Node L = unwrap(P);
    if (typeOf(L) == "array_literal_expression")
      for (script::Node K : namedKids(L))
        Items.push_back(K);
    else
      Items.push_back(L);
  }
  // Only a calculated property makes a new record: plain names keep the
  // input's members as they are.
  if (llvm::none_of(Items, [](script::Node I) {
        return typeOf(unwrap(I)) == "hash_literal_expression";
      }))
    return std::nullopt;
  Val R;
  R.Obj = ObjKind::Hashtable;
  auto Keep = [&](llvm::StringRef Name, const Val &X) {
    if (X.E && dependsOnVersion(*X.E))
      R.Fields[Name.lower()] = X.E;
  };
  for (script::Node I : Items) {
    script::Node U = unwrap(I);
    if (typeOf(U) != "hash_literal_expression") {
      Val Name = argValue(I, Depth + 1);
      if (Name.E && Name.E->Kind == Op::StrConst)
        Keep(Name.E->Str, member(In, Name.E->Str, "$_", Depth + 1));
      continue;
    }
    // @{ Name = 'Build'; Expression = { [int]$_.BuildNumber } }, also
    // N/L/Label and E, or an expression that names a property.
    std::string Name;
    script::Node Expr;
    for (const auto &[K, V] : namedEntries(U)) {
      llvm::StringRef Key(K);
      if (Key.equals_insensitive("name") || Key.equals_insensitive("n") ||
          Key.equals_insensitive("label") || Key.equals_insensitive("l")) {
        Val X = argValue(V, Depth + 1);
        if (X.E && X.E->Kind == Op::StrConst)
          Name = X.E->Str;
      } else if (Key.equals_insensitive("expression") ||
                 Key.equals_insensitive("e")) {
        Expr = V;
      }
    }
    if (Name.empty() || script::isNull(Expr))
      continue;
    if (typeOf(unwrap(Expr)) == "script_block_expression") {
      Keep(Name, scriptBlockValue(Expr, In, Depth + 1));
    } else {
      Val Prop = argValue(Expr, Depth + 1);
      if (Prop.E && Prop.E->Kind == Op::StrConst)
        Keep(Name, member(In, Prop.E->Str, "$_", Depth + 1));
    }
  }
  return R;
}

void Lowerer::addMember(const CmdArgs &A, script::Node Cmd, int Depth) {
  // The object: -InputObject $o, or the variable piped in (`$o | Add-Member
  // ...`).
  script::Node Target;
  if (const script::Node *I = A.named("inputobject"))
    Target = unwrap(*I);
  else if (script::Node Chain = script::parent(Cmd);
           typeOf(Chain) == "pipeline_chain") {
    auto Kids = namedKids(Chain);
    if (Kids.size() == 2 &&
        script::startByte(Kids[1]) == script::startByte(Cmd))
      Target = unwrap(Kids[0]);
  }
  if (typeOf(Target) != "variable")
    return;
  // -MemberType NoteProperty -Name X -Value V, `Add-Member NoteProperty X V`,
  // -NotePropertyName X -NotePropertyValue V.
  const script::Node *NameN = A.named("name");
  const script::Node *ValueN = A.named("value");
  if (!NameN)
    NameN = A.named("notepropertyname");
  if (!ValueN)
    ValueN = A.named("notepropertyvalue");
  size_t Next = 0;
  const script::Node *Kind = A.named("membertype");
  if (!Kind && !A.named("notepropertyname") && !A.Positional.empty())
    Kind = &A.Positional[Next++];
  bool ScriptProperty = false;
  if (Kind) {
    Val K = argValue(*Kind, Depth + 1);
    if (!K.E || K.E->Kind != Op::StrConst)
      return;
    ScriptProperty =
        llvm::StringRef(K.E->Str).equals_insensitive("scriptproperty");
    if (!ScriptProperty &&
        !llvm::StringRef(K.E->Str).equals_insensitive("noteproperty"))
      return;
  }
  if (!NameN && Next < A.Positional.size())
    NameN = &A.Positional[Next++];
  if (!ValueN && Next < A.Positional.size())
    ValueN = &A.Positional[Next++];
  if (!NameN || !ValueN)
    return;
  Val Name = argValue(*NameN, Depth + 1);
  if (!Name.E || Name.E->Kind != Op::StrConst)
    return;
  llvm::StringRef T = text(Target);
  // A ScriptProperty's value is what its script block outputs.
  Val X = ScriptProperty ? scriptBlockValue(*ValueN, Val(), Depth + 1)
                         : argValue(*ValueN, Depth + 1);
  setField(varName(T), varScope(T), Name.E->Str, X);
}

void Lowerer::setField(const std::string &Var, const std::string &Scope,
                       llvm::StringRef Member, const Val &X) {
  std::string Key = Member.lower();
  bool Related = X.E && dependsOnVersion(*X.E);
  if (Var == "this" && !CurrentClass.empty()) {
    auto &Fields = ClassFields[CurrentClass];
    // A constructor's value is not forgotten for a later reset.
    if (Related)
      Fields[Key] = X.E;
    return;
  }
  Val O = lookup(Var, Scope);
  // A WMI instance or another known object keeps its own members.
  if (O.isObject() && O.Obj != ObjKind::Hashtable)
    return;
  O.Obj = ObjKind::Hashtable;
  O.E = nullptr;
  if (Related)
    O.Fields[Key] = X.E;
  else
    O.Fields.erase(Key);
  bind(Var, Scope, std::move(O), BranchDepth > 0);
}

std::optional<Val> Lowerer::classRecord(llvm::StringRef C) {
  auto It = ClassFields.find(C.trim("[] ").lower());
  if (It == ClassFields.end())
    return std::nullopt;
  Val R;
  R.Obj = ObjKind::Hashtable;
  R.Fields = It->second;
  R.Class = It->first;
  return R;
}

Val Lowerer::statementsOutput(script::Node List, bool FunctionBody, int Depth) {
  Val Out;
  for (script::Node S : namedKids(List)) {
    llvm::StringRef T = typeOf(S);
    if (FunctionBody && T == "flow_control_statement") {
      // `return X`
      script::Node X = script::namedChild(S, 0);
      if (text(S).trim().lower().rfind("return", 0) == 0 && !script::isNull(X))
        Out = lower(X, Depth + 1);
      break;
    }
    if (T != "pipeline")
      continue;
    auto Kids = namedKids(S);
    if (!Kids.empty() && typeOf(Kids[0]) == "assignment_expression") {
      script::Node Var = unwrap(script::namedChild(Kids[0], 0));
      if (typeOf(Var) == "variable")
        Frames.back().Vars[varName(text(Var))] =
            lower(script::field(Kids[0], "value"), Depth + 1);
      continue;
    }
    Val V = lower(S, Depth + 1);
    if (!FunctionBody || versionRelated(V))
      Out = V;
  }
  return Out;
}

void Lowerer::shouldAssertion(script::Node Cmd, const CmdArgs &A,
                              const Val &Input, int Depth) {
  // Pester's assertions, `-Be` (Pester 4 and 5) or `Be` (Pester 3), each the
  // PowerShell operator it applies to the value piped in, or a test of it.
  static const std::pair<const char *, const char *> Ops[] = {
      {"be", "eq"},
      {"beexactly", "ceq"},
      {"begreaterthan", "gt"},
      {"begreaterorequal", "ge"},
      {"belessthan", "lt"},
      {"belessorequal", "le"},
      {"match", "match"},
      {"matchexactly", "cmatch"},
      {"belike", "like"},
      {"belikeexactly", "clike"},
      {"bein", "in"}};
  std::string Op;
  script::Node Expected{};
  bool Not = A.hasSwitch("not"), Truth = false, Want = true;
  for (const auto &[Name, PsOp] : Ops) {
    if (const script::Node *X = A.named(Name)) {
      Op = PsOp;
      Expected = *X;
    } else if (A.hasSwitch(Name) && !A.Positional.empty()) {
      Op = PsOp; // `Should -Be` whose value is positional
      Expected = A.Positional.back();
    }
  }
  if (Op.empty() && (A.hasSwitch("betrue") || A.hasSwitch("befalse"))) {
    Truth = true;
    Want = A.hasSwitch("betrue");
  }
  // Pester 3: `Should Be 6002`, `Should Not Be 6002`.
  if (Op.empty() && !Truth && !A.Positional.empty()) {
    size_t I = 0;
    std::string W = text(A.Positional[I]).lower();
    if (W == "not" && A.Positional.size() > 1) {
      Not = true;
      W = text(A.Positional[++I]).lower();
    }
    if (W == "betrue" || W == "befalse") {
      Truth = true;
      Want = W == "betrue";
    } else if (I + 1 < A.Positional.size()) {
      for (const auto &[Name, PsOp] : Ops)
        if (W == Name)
          Op = PsOp;
      Expected = A.Positional[I + 1];
    }
  }
  if (!Input.E || (Op.empty() && !Truth))
    return;
  ExprPtr Test;
  if (Truth) {
    if (!isBoolean(*Input.E))
      return;
    Test = Want ? Input.E : logicNot(Input.E);
  } else {
    if (script::isNull(Expected))
      return;
    bool CS = Op[0] == 'c' && Op != "contains";
    std::string PsOp = CS ? Op.substr(1) : Op;
    Val RV = lower(Expected, Depth + 1);
    // Only a pattern can be edited into one that takes both builds:
    // `Should -Be '6002', '6003'` compares with an array.
    if (PsOp != "match" && PsOp != "like")
      RV = Val::spelledWithin(std::move(RV), SourceSpan{});
    // The value piped in is the left operand (`-in`: the collection is the
    // right one).
    Val R = compare(PsOp, CS, Input, script::Node{}, RV, Expected, Spelling(),
                    0, 0);
    if (!R.E)
      return;
    Test = R.E;
  }
  if (Not)
    Test = logicNot(Test);
  // Reported as the whole pipeline: `$os.BuildNumber | Should -Be '6002'`.
  script::Node Where = script::parent(Cmd);
  if (script::isNull(Where) || typeOf(Where) != "pipeline_chain")
    Where = Cmd;
  conditionGuardExpr(Test, Where);
}

Val Lowerer::command(script::Node Cmd, const std::optional<Val> &Input,
                     int Depth) {
  if (Depth > 64)
    return {};
  CmdArgs A = commandArgs(Cmd);
  if (A.Name.empty())
    return {};
  expandSplats(A);
  const std::string &N = A.Name;
  // `.` (dot-sourcing) or `&` (call) before the command, or nothing.
  llvm::StringRef Invoke =
      script::childCount(Cmd) > 0 &&
              typeOf(script::child(Cmd, 0)) == "command_invokation_operator"
          ? text(script::child(Cmd, 0))
          : llvm::StringRef();
  if (Invoke == ".") {
    importScript(text(A.NameNode), /*DotSource=*/true, Cmd);
    return {};
  }
  // `& .\Init.ps1`, `& "$PSScriptRoot\Init.ps1"`, `.\Init.ps1`: a project
  // script run as a command leaves its $global: variables.
  bool RunsScript = llvm::StringRef(N).trim("\"'").ends_with(".ps1");
  if (RunsScript || Invoke == "&") {
    importScript(text(A.NameNode), /*DotSource=*/false, Cmd);
    if (RunsScript)
      return {};
  }
  if (N == "import-module" || N == "ipmo") {
    const script::Node *M = A.named("name");
    if (M || !A.Positional.empty())
      importScript(text(M ? *M : A.Positional[0]), /*DotSource=*/false, Cmd);
    return {};
  }
  if (N == "where-object" || N == "where" || N == "?") {
    whereFilter(A, Cmd, Input ? *Input : Val(), Depth);
    return Input ? *Input : Val();
  }
  if (N == "foreach-object" || N == "foreach" || N == "%") {
    Val In = Input ? *Input : Val();
    const script::Node *Blk = A.named("process");
    script::Node Block =
        Blk ? *Blk : (A.Positional.empty() ? script::Node{} : A.Positional[0]);
    if (const script::Node *M = A.named("membername"))
      Block = *M;
    if (script::isNull(Block))
      return {};
    script::Node U = unwrap(Block);
    if (typeOf(U) == "script_block_expression")
      return scriptBlockValue(U, In, Depth + 1);
    Val Name = argValue(Block, Depth + 1);
    if (Name.E && Name.E->Kind == Op::StrConst)
      return member(In, Name.E->Str, "$_", Depth + 1);
    return {};
  }
  if (N == "select-object" || N == "select") {
    Val In = Input ? *Input : Val();
    if (const script::Node *X = A.named("expandproperty")) {
      Val Name = argValue(*X, Depth + 1);
      if (Name.E && Name.E->Kind == Op::StrConst)
        return member(In, Name.E->Str, "$_", Depth + 1);
      return {};
    }
    std::vector<script::Node> Props = A.Positional;
    if (const script::Node *P = A.named("property"))
      Props.insert(Props.begin(), *P);
    if (auto R = selectedRecord(Props, In, Depth + 1))
      return *R;
    return In;
  }
  if (N == "add-member") {
    addMember(A, Cmd, Depth + 1);
    return {};
  }
  if ((N == "select-string" || N == "sls") && Input) {
    // `... | Select-String PATTERN [-Quiet]`: true (or a match) when a line
    // of the input matches; a regex unless -SimpleMatch.
    const script::Node *P = A.named("pattern");
    script::Node PN = P                       ? *P
                      : !A.Positional.empty() ? A.Positional[0]
                                              : script::Node{};
    ExprPtr In = Input->expr();
    if (script::isNull(PN) || !dependsOnVersion(*In))
      return {};
    Val PV = argValue(PN, Depth + 1);
    if (!PV.E || PV.E->Kind != Op::StrConst)
      return {};
    if (tyOf(In) == Ty::Int || tyOf(In) == Ty::Version)
      In = unary(Op::ToStr, In);
    bool Simple = A.hasSwitch("simplematch");
    auto E =
        clone(*binary(Simple ? Op::Contains : Op::Regex, In, operand(PV, PN)));
    E->Syntax = Dialect::PowerShell;
    if (!A.hasSwitch("casesensitive"))
      E->Flags |= FlagCaseInsensitive;
    ExprPtr R = A.hasSwitch("notmatch") ? logicNot(E) : ExprPtr(E);
    if (A.hasSwitch("quiet")) {
      CommandTests.insert(R);
      return Val::of(R);
    }
    Val Lines = *Input;
    Lines.MatchTest = R;
    return Lines;
  }
  if (N == "should" && Input) {
    shouldAssertion(Cmd, A, *Input, Depth);
    return {};
  }
  if (N == "sort-object" || N == "sort" || N == "out-string" ||
      N == "select-string" || N == "sls" || N == "findstr" ||
      N == "findstr.exe" || N == "tee-object" || N == "get-unique" ||
      N == "write-output" || N == "echo" || N == "write" ||
      N == "out-default") {
    if (Input)
      return *Input;
    if ((N == "write-output" || N == "echo" || N == "write") &&
        !A.Positional.empty())
      return argValue(A.Positional[0], Depth + 1);
    return {};
  }
  if (auto S = sourceCommand(A, Depth + 1))
    return *S;
  // `Get-OsByFilter -Filter "BuildNumber='6002'"` of a helper that passes
  // it to Get-WmiObject Win32_OperatingSystem: the WQL is the guard here.
  // What a call of a function of the project passes is noted whatever its
  // output is used for (a switch inside reads the object every call
  // passes); the arguments are read once.
  std::optional<CallArgs> C;
  if (FunctionNodes.count(N))
    C = callArgs(N, A, Depth);
  if (auto W = WqlParams.find(N); W != WqlParams.end() && Emit) {
    if (!C)
      C = callArgs(N, A, Depth);
    if (W->second.first < C->Nodes.size() &&
        !script::isNull(C->Nodes[W->second.first])) {
      script::Node Arg = C->Nodes[W->second.first];
      Val Q = argValue(Arg, Depth + 1);
      // A whole query names its class: only Win32_OperatingSystem's.
      bool IsOS = !W->second.second;
      if (!IsOS && Q.E && Q.E->Kind == Op::StrConst)
        IsOS = script::queriesOs(Q.E->Str);
      wqlGuard(Arg, Q, W->second.second, IsOS);
    }
  }
  auto F = Functions.find(N);
  if (F != Functions.end()) {
    Val V = F->second;
    V.FromVariable = true;
    bool Refs = RefOutputs.count(N);
    if (!C)
      C = callArgs(N, A, Depth);
    if (Refs || (V.E && hasParam(*V.E))) {
      if (Refs)
        bindRefArguments(N, *C, Cmd);
      // The function's output as a function of its parameters: this call's
      // arguments. What is spelled in the function's body is shared by every
      // call: no fix edits it here.
      if (V.E && hasParam(*V.E)) {
        V.E = instantiate(V.E, C->Args, C->Lists, span(Cmd));
        return V;
      }
    }
    if (V.E && !V.isObject() && isBoolean(*V.E))
      return {};
    if (!versionRelated(V) && FunctionNodes.count(N) &&
        (!A.Positional.empty() || !A.Named.empty() || Input)) {
      Val I = outputAtCall(N, *C, Cmd, Depth, Input ? &*Input : nullptr);
      if (versionRelated(I))
        return I;
    }
    return V;
  }
  return {};
}

Val Lowerer::outputAtCall(const std::string &Name, const CallArgs &C,
                          script::Node Cmd, int Depth, const Val *Piped) {
  constexpr size_t MaxInline = 3;
  if (Inlining.size() >= MaxInline ||
      std::find(Inlining.begin(), Inlining.end(), Name) != Inlining.end())
    return {};
  script::Node List = statementListOf(FunctionNodes[Name], Src);
  auto PIt = FunctionParams.find(Name);
  if (script::isNull(List) || PIt == FunctionParams.end())
    return {};
  Frame F;
  F.K = Frame::Func;
  F.Function = Name;
  for (size_t I = 0; I < PIt->second.size() && I < C.Nodes.size(); ++I)
    if (!script::isNull(C.Nodes[I]))
      F.Vars[PIt->second[I]] = argValue(C.Nodes[I], Depth + 1);
  if (Piped) {
    F.Vars["_"] = oneItem(*Piped);
    auto P = PipelineParams.find(Name);
    if (P != PipelineParams.end() && !F.Vars.count(P->second))
      F.Vars[P->second] = *Piped;
  }
  bool WasEmit = Emit;
  Emit = false;
  Inlining.push_back(Name);
  Frames.push_back(std::move(F));
  Val Out = outOfFrame(statementsOutput(List, /*FunctionBody=*/true, Depth),
                       Frames.back());
  Frames.pop_back();
  Inlining.pop_back();
  Emit = WasEmit;
  return Val::spelledWithin(std::move(Out), span(Cmd));
}

Lowerer::CallArgs Lowerer::callArgs(const std::string &Name, const CmdArgs &A,
                                    int Depth) {
  CallArgs C;
  size_t Pos = 0;
  for (const std::string &P : FunctionParams[Name]) {
    const script::Node *X = A.named(P);
    script::Node Arg = X                           ? *X
                       : Pos < A.Positional.size() ? A.Positional[Pos++]
                                                   : script::Node{};
    Val AV = script::isNull(Arg) ? Val() : argValue(Arg, Depth + 1);
    if (Inlining.empty()) {
      Callers.note(Name, C.Args.size(), AV.E);
      auto [It, New] = CallerRecords.try_emplace({Name, C.Args.size()}, AV);
      // A record with version fields, or a source object (`-OperatingSystem
      // $os` of Get-CimInstance Win32_OperatingSystem) every call passes.
      bool Source = AV.isObject() && AV.Obj != ObjKind::Hashtable &&
                    AV.Obj != ObjKind::CompareTo && AV.Obj != ObjKind::Matches;
      if ((AV.Fields.empty() && !Source) ||
          (!New && It->second &&
           (It->second->Obj != AV.Obj ||
            !core::sameFields(It->second->Fields, AV.Fields))))
        It->second.reset();
    }
    C.Args.push_back(AV.E);
    C.Lists.push_back(AV.IsList ? AV.Items : std::vector<ExprPtr>{});
    C.Nodes.push_back(Arg);
  }
  return C;
}

void Lowerer::bindRefArguments(const std::string &Name, const CallArgs &C,
                               script::Node Cmd) {
  for (const auto &[Index, Out] : RefOutputs[Name]) {
    if (Index < 0 || size_t(Index) >= C.Nodes.size() ||
        script::isNull(C.Nodes[Index]))
      continue;
    // `([ref]$v)`: the cast's operand is the variable the function sets.
    script::Node Arg = unwrap(C.Nodes[Index]);
    if (typeOf(Arg) != "cast_expression" ||
        !text(script::child(Arg, 0)).trim("[] ").equals_insensitive("ref"))
      continue;
    script::Node Var = unwrap(script::child(Arg, script::childCount(Arg) - 1));
    if (typeOf(Var) != "variable")
      continue;
    Val V = Out;
    V.FromVariable = true;
    if (V.E)
      V.E = instantiate(V.E, C.Args, C.Lists, span(Cmd));
    bind(varName(text(Var)), varScope(text(Var)), V, BranchDepth > 0);
  }
}

} // namespace verguard::powershell
