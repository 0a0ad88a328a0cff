//===- Lowering.cpp - JScript expressions to core values -----------------===//
//
// JScript 5.x (ES3) semantics. `==`/`!=` convert: a string compared with a
// number is read as a number (`"6002" == 6002` is true); `===`/`!==` do not
// (a string is never strictly equal to a number). `<`/`<=`/`>`/`>=` compare
// two strings character by character (`"10000" < "6002"` is true) and
// anything else as numbers. Number conversion is core's ToInt (a build's
// text is its number; a dotted version string is not a number in JScript,
// which ToInt reads as its leading integer: such comparisons are rare and
// equal to nothing either way).
//
//===----------------------------------------------------------------------===//
#include "core/Flow.h"
#include "core/SourceTable.h"
#include "jscript/Lowerer.h"
#include "script/Operators.h"

#include "llvm/ADT/StringExtras.h"

using namespace verguard::core;

namespace verguard::jscript {

ExprPtr Val::expr() const { return E ? E : unknown(); }

bool Val::related() const {
  if (Obj == ObjKind::Array)
    return llvm::any_of(Items, [](const Val &I) { return I.related(); });
  if (Obj == ObjKind::Object)
    return llvm::any_of(Props, [](auto &P) { return P.second.related(); });
  if (Obj == ObjKind::RegExp || Obj == ObjKind::Function)
    return false;
  return isObject() || (E && dependsOnVersion(*E));
}

script::Node Lowerer::unwrap(script::Node N) {
  while (typeOf(N) == "parenthesized_expression" &&
         script::namedChildCount(N) == 1)
    N = script::namedChild(N, 0);
  return N;
}

ExprPtr Lowerer::operand(const Val &V, script::Node N) const {
  return writtenAt(V.expr(), spell(N));
}

std::vector<script::Node> Lowerer::args(script::Node ArgList) const {
  std::vector<script::Node> R;
  for (script::Node K : namedKids(ArgList))
    R.push_back(K);
  return R;
}

Val Lowerer::identifier(llvm::StringRef Name) {
  for (auto F = Frames.rbegin(); F != Frames.rend(); ++F) {
    auto It = F->Vars.find(Name.str());
    if (It == F->Vars.end())
      continue;
    // A global declared (hoisted) but not assigned yet here: what the
    // learning walks saw assigned to it below.
    bool Hoisted = F == std::prev(Frames.rend()) && !It->second.E &&
                   !It->second.isObject();
    if (!Hoisted)
      return It->second;
  }
  auto It = FinalGlobals.find(Name.str());
  if (It != FinalGlobals.end())
    return It->second;
  if (Functions.count(Name.str())) {
    Val F = Val::obj(ObjKind::Function);
    F.Name = Name.str();
    return F;
  }
  if (Name == "undefined" || Name == "NaN")
    return Val::of(unknown());
  for (const UserSource &U : Opts.Sources)
    if ((U.Language.empty() || U.Language == "jscript") && U.Name == Name)
      return Val::of(quantity(U.Q, "user source " + U.Name));
  if (auto Q = inferFromName(Name))
    return Val::of(*Q);
  return {};
}

Val Lowerer::stringLiteral(script::Node N) {
  std::string S;
  for (script::Node K = script::firstChild(N); !script::isNull(K);
       K = script::nextSibling(K)) {
    llvm::StringRef T = typeOf(K);
    if (T == "string_fragment") {
      S += text(K).str();
    } else if (T == "escape_sequence") {
      llvm::StringRef Esc = text(K);
      if (Esc.size() < 2)
        continue;
      switch (Esc[1]) {
      case 'n':
        S += '\n';
        break;
      case 't':
        S += '\t';
        break;
      case 'r':
        S += '\r';
        break;
      case '\n':
      case '\r':
        break; // a line continuation
      default:
        if (Esc[1] == 'x' || Esc[1] == 'u' || llvm::isDigit(Esc[1]))
          S += Esc.str(); // kept as written: never a version's character
        else
          S += Esc[1];
      }
    }
  }
  return Val::of(strConst(S, spell(N)));
}

Val Lowerer::regexLiteral(script::Node N) {
  Val R = Val::obj(ObjKind::RegExp);
  // Spelled as written between the slashes: a fix widens it there.
  script::Node P = script::field(N, "pattern");
  R.E = strConst(text(P).str(), spell(P));
  R.IgnoreCase = text(script::field(N, "flags")).contains('i');
  return R;
}

ExprPtr asNumber(const ExprPtr &E) {
  if (valueType(*E) == ValueType::Str)
    return unary(Op::ToInt, E);
  return E;
}

ExprPtr asText(const ExprPtr &E) {
  if (valueType(*E) == ValueType::Int)
    return unary(Op::ToStr, E);
  return E;
}

namespace {

std::optional<CmpOp> cmpOp(llvm::StringRef Op) {
  if (Op == "===")
    return CmpOp::EQ;
  if (Op == "!==")
    return CmpOp::NE;
  return script::comparisonOp(Op);
}

} // namespace

bool Lowerer::consumes(script::Node N) const {
  static const llvm::StringRef Reads[] = {
      "ReadAll", "ReadLine", "Read",     "SkipLine", "Skip", "Exec",
      "Run",     "moveNext", "MoveNext", "shift",    "pop"};
  return !script::isNull(N) &&
         script::callsNamed(N, Src, "call_expression", "member_expression",
                            "property", Reads);
}

Val Lowerer::compare(llvm::StringRef Op, const Val &L, script::Node LN,
                     const Val &R, script::Node RN, script::Node Whole,
                     script::Node OpN) {
  auto O = cmpOp(Op);
  if (!O)
    return Val::of(unknown());
  bool Strict = Op.size() == 3;
  // `catalog[i].build === build`: a search of the literal for the build.
  if ((*O == CmpOp::EQ || *O == CmpOp::NE) &&
      (L.Obj == ObjKind::ArrayScan) != (R.Obj == ObjKind::ArrayScan)) {
    bool LS = L.Obj == ObjKind::ArrayScan;
    scanGuard(LS ? L : R, (LS ? R : L).expr(), Strict);
    return Val::of(unknown());
  }
  ExprPtr A = operand(L, LN), B = operand(R, RN);
  ValueType TA = valueType(*A), TB = valueType(*B);
  Spelling W = spell(Whole);
  W.OpSpan = span(OpN);
  bool Equality = *O == CmpOp::EQ || *O == CmpOp::NE;
  // A fix that joins a second test (`a == x || a == y`, a second
  // indexOf) writes the operands twice: not over a stream read or a
  // command run.
  if ((Equality || A->Kind == Op::Find || B->Kind == Op::Find) &&
      (consumes(LN) || consumes(RN)))
    W = {};
  if (Strict) {
    // `===`: values of two types are never equal.
    if (TA != ValueType::Unknown && TB != ValueType::Unknown && TA != TB)
      return Val::of(boolConst(*O == CmpOp::NE));
    CmpMode M = TA == ValueType::Str || TB == ValueType::Str ? CmpMode::Str
                                                             : CmpMode::Int;
    return Val::of(atom(cmp(*O, A, B, M, Dialect::JScript, W), Whole));
  }
  if (TA == ValueType::Str && TB == ValueType::Str)
    return Val::of(
        atom(cmp(*O, A, B, CmpMode::Str, Dialect::JScript, W), Whole));
  if (Equality && (TA == ValueType::Unknown || TB == ValueType::Unknown) &&
      (TA == ValueType::Str || TB == ValueType::Str))
    return Val::of(
        atom(cmp(*O, A, B, CmpMode::Str, Dialect::JScript, W), Whole));
  // A number on one side, or an order: both are numbers.
  auto Num = [&](const ExprPtr &X) {
    ExprPtr N = asNumber(X);
    if (N == X)
      return X;
    auto C = clone(*N);
    C->Written = X->Written; // the operand as written
    return ExprPtr(C);
  };
  return Val::of(
      atom(cmp(*O, Num(A), Num(B), CmpMode::Int, Dialect::JScript, W), Whole));
}

Val Lowerer::binaryExpr(script::Node N, int Depth) {
  script::Node LN = script::field(N, "left"), RN = script::field(N, "right");
  script::Node OpN = script::field(N, "operator");
  llvm::StringRef OpText = text(OpN).trim();
  if (OpText == "&&" || OpText == "||") {
    Val L = lower(LN, Depth + 1), R = lower(RN, Depth + 1);
    bool LB = L.E && isBoolean(*L.E), RB = R.E && isBoolean(*R.E);
    if (!LB && !RB && OpText == "||") {
      // `build || defaultBuild`: a value with a fallback.
      if (L.related())
        return L;
      if (R.related())
        return R;
    }
    ExprPtr LC = LB ? L.E : unknown(), RC = RB ? R.E : unknown();
    return Val::of(OpText == "||" ? logicOr(LC, RC) : logicAnd(LC, RC));
  }
  if (OpText == "in") {
    // `build in { 6001: 1, 6002: 1 }`: whether the table has the key, the
    // table's own guard (VG005) as TABLE[build] is.
    Val R = lower(RN, Depth + 1);
    if (R.Obj == ObjKind::Object && !script::isNull(R.Literal))
      tableGuard(R.Literal, lower(LN, Depth + 1).expr());
    return Val::of(unknown());
  }
  if (OpText == "instanceof")
    return Val::of(unknown());
  Val L = lower(LN, Depth + 1), R = lower(RN, Depth + 1);
  if (cmpOp(OpText))
    return compare(OpText, L, LN, R, RN, N, OpN);
  ExprPtr A = L.expr(), B = R.expr();
  ValueType TA = valueType(*A), TB = valueType(*B);
  if (OpText == "+" && (TA == ValueType::Str || TB == ValueType::Str)) {
    Val V = Val::of(
        nary(Op::Concat, {TA == ValueType::Int ? unary(Op::ToStr, A) : A,
                          TB == ValueType::Int ? unary(Op::ToStr, B) : B}));
    // A path: what is known of it (GetSpecialFolder(1) + "\\kernel32.dll").
    auto Part = [](const Val &X) {
      if (!X.Path.empty())
        return X.Path;
      return X.E && X.E->Kind == Op::StrConst ? X.E->Str : std::string();
    };
    V.Path = Part(L) + Part(R);
    return V;
  }
  if (TA == ValueType::Str || TB == ValueType::Str) {
    // Arithmetic other than + reads strings as numbers.
    A = asNumber(A);
    B = asNumber(B);
  }
  static const std::pair<const char *, Op> Ops[] = {
      {"+", Op::Add},    {"-", Op::Sub},    {"*", Op::Mul},
      {"%", Op::Mod},    {"&", Op::BitAnd}, {"|", Op::BitOr},
      {"^", Op::BitXor}, {"<<", Op::Shl},   {">>", Op::Shr}};
  for (auto &[T, K] : Ops)
    if (OpText == T)
      return Val::of(core::binary(K, A, B));
  return Val::of(unknown());
}

Val Lowerer::call(script::Node N, int Depth) {
  script::Node Fn = unwrap(script::field(N, "function"));
  std::vector<script::Node> ArgNodes = args(script::field(N, "arguments"));
  std::vector<Val> Args;
  for (script::Node A : ArgNodes)
    Args.push_back(lower(A, Depth + 1));
  if (typeOf(Fn) == "identifier") {
    llvm::StringRef Name = text(Fn);
    Val F = identifier(Name);
    if (F.Obj == ObjKind::Function)
      return callFunction(F.Name, N, Args, ArgNodes, Depth);
    if (auto S = globalCall(Name, N, Args, ArgNodes))
      return *S;
    return {};
  }
  if (typeOf(Fn) == "member_expression") {
    script::Node ObjN = script::field(Fn, "object");
    llvm::StringRef M = text(script::field(Fn, "property"));
    // WScript.CreateObject / WScript.GetObject.
    if (typeOf(ObjN) == "identifier" && text(ObjN) == "WScript" &&
        (M == "CreateObject" || M == "GetObject")) {
      if (M == "GetObject")
        return globalCall("GetObject", N, Args, ArgNodes).value_or(Val());
      return construct("ActiveXObject", Args);
    }
    // A Windows Installer custom action: `Session.Property("WindowsBuild")`
    // is the property's text.
    if (typeOf(ObjN) == "identifier" && text(ObjN) == "Session" &&
        M == "Property" && Args.size() == 1)
      if (Val S = identifier("Session"); !S.E && !S.isObject())
        if (auto P = constText(Args[0]))
          if (const core::InstallerEntry *E =
                  core::builtinSources().installerProperty(*P, /*Burn=*/false))
            return Val::of(unary(
                Op::ToStr, core::installerValue(*E, "property " + E->Name)));
    Val Obj = lower(ObjN, Depth + 1);
    // A method of the script's own constructor (`this.kernelRev()`).
    if (Obj.Obj == ObjKind::Instance) {
      std::string Key = Obj.Name + ".prototype." + M.str();
      if (Functions.count(Key))
        return callFunction(Key, N, Args, ArgNodes, Depth);
      return {};
    }
    if (Obj.Obj == ObjKind::Object) {
      auto P = Obj.Props.find(M.str());
      if (P != Obj.Props.end() && P->second.Obj == ObjKind::Function)
        return callFunction(P->second.Name, N, Args, ArgNodes, Depth);
    }
    return method(Obj, M, N, Args, ArgNodes, Depth);
  }
  return {};
}

Val Lowerer::callFunction(const std::string &Key, script::Node N,
                          const std::vector<Val> &Args,
                          const std::vector<script::Node> &ArgNodes,
                          int Depth) {
  auto F = Functions.find(Key);
  if (F == Functions.end())
    return {};
  noteCallerArguments(Key, Args, 0, &ArgNodes);
  const std::optional<Val> &FR = F->second.Return;
  bool Related = FR && (FR->related() || (FR->E && hasParam(*FR->E) &&
                                          FR->E->Kind != Op::Param));
  if (!Related) {
    // Nothing known without the arguments: the body with them (a path
    // whose file is named, `sysDir + "kernel32.dll"`, too).
    bool Constant = llvm::any_of(Args, [](const Val &A) {
      return A.isObject() ||
             (A.E && (A.E->isConst() || A.related() || core::constTail(*A.E)));
    });
    if (Constant && Instantiating < 3)
      if (auto R = instantiate(Key, N, Args, Depth))
        return *R;
    return {};
  }
  const Val &Ret = *FR;
  if (Ret.E && isBoolean(*Ret.E) && !hasParam(*Ret.E))
    return Val::of(unknown()); // a condition: reported where it is written
  // A record over the parameters (`return { rev: parseInt(parts[3], 10) }`
  // of the file version of `path`): its properties at this call.
  bool Props = llvm::any_of(Ret.Props, [](const auto &P) {
    return P.second.E && hasParam(*P.second.E);
  });
  if ((!Ret.E || !hasParam(*Ret.E)) && !Props)
    return Ret;
  std::vector<ExprPtr> Bound(F->second.Params.size());
  for (size_t I = 0; I < ArgNodes.size() && I < Bound.size(); ++I)
    Bound[I] = operand(Args[I], ArgNodes[I]);
  Val R = Ret;
  if (Ret.E && hasParam(*Ret.E))
    R.E = core::instantiate(Ret.E, Bound, {}, span(N));
  for (auto &[Name, P] : R.Props)
    if (P.E && hasParam(*P.E))
      P.E = core::instantiate(P.E, Bound, {}, span(N));
  return R;
}

std::optional<Val> Lowerer::instantiate(const std::string &Key,
                                        script::Node Call,
                                        const std::vector<Val> &Args,
                                        int Depth) {
  const Function &Fn = Functions[Key];
  if (script::isNull(Fn.Def) || Depth > script::MaxExprDepth / 2)
    return std::nullopt;
  std::string Memo = Key;
  for (const Val &A : Args)
    Memo += "\x1f" + (A.E ? toString(*A.E) : std::to_string(int(A.Obj)));
  auto Callee = [&] {
    Frame F;
    F.Func = true;
    F.Function = Key;
    for (size_t I = 0; I < Fn.Params.size(); ++I)
      F.Vars[Fn.Params[I]] = I < Args.size() ? Args[I] : Val();
    return F;
  };
  return instantiateBody(Memo, Key, Call, Callee, [&] {
    script::Node Body = script::field(Fn.Def, "body");
    if (typeOf(Body) == "statement_block") {
      hoist(Body);
      walkBlock(Body);
    } else {
      top().Return = lower(Body, Depth + 1); // an arrow's expression
    }
  });
}

Val Lowerer::lower(script::Node N, int Depth) {
  if (Depth > script::MaxExprDepth) {
    tooDeep(N);
    return {};
  }
  N = unwrap(N);
  llvm::StringRef T = typeOf(N);
  if (T == "number") {
    llvm::StringRef S = text(N);
    int64_t V;
    if (S.starts_with_insensitive("0x")) {
      if (S.drop_front(2).getAsInteger(16, V))
        return {};
    } else if (S.getAsInteger(10, V)) {
      return Val::of(unknown()); // a fraction or an exponent
    }
    return Val::of(intConst(V, spell(N)));
  }
  if (T == "string")
    return stringLiteral(N);
  if (T == "template_string") {
    std::vector<ExprPtr> Parts;
    for (script::Node K = script::firstChild(N); !script::isNull(K);
         K = script::nextSibling(K)) {
      if (typeOf(K) == "string_fragment")
        Parts.push_back(strConst(text(K).str()));
      else if (typeOf(K) == "template_substitution" &&
               script::namedChildCount(K) == 1) {
        ExprPtr X = lower(script::namedChild(K, 0), Depth + 1).expr();
        Parts.push_back(valueType(*X) == ValueType::Int ? unary(Op::ToStr, X)
                                                        : X);
      }
    }
    return Val::of(nary(Op::Concat, std::move(Parts)));
  }
  if (T == "true" || T == "false")
    return Val::of(boolConst(T == "true"));
  if (T == "null" || T == "undefined")
    return Val::of(unknown());
  if (T == "regex")
    return regexLiteral(N);
  if (T == "identifier")
    return identifier(text(N));
  if (T == "array") {
    Val V = Val::obj(ObjKind::Array);
    V.Literal = N;
    for (script::Node K : namedKids(N)) {
      Val I = lower(K, Depth + 1);
      if (!I.E && !I.isObject())
        I.E = unknown();
      V.Items.push_back(I);
    }
    return V;
  }
  if (T == "object") {
    Val V = Val::obj(ObjKind::Object);
    V.Literal = N;
    for (script::Node P : namedKids(N)) {
      if (typeOf(P) != "pair")
        continue;
      script::Node K = script::field(P, "key");
      std::string Key =
          typeOf(K) == "string" ? stringLiteral(K).E->Str : text(K).str();
      script::Node VN = script::field(P, "value");
      llvm::StringRef VT = typeOf(VN);
      if (VT == "function_expression" || VT == "arrow_function") {
        Val F = Val::obj(ObjKind::Function);
        F.Name = Key + "@" + std::to_string(script::startByte(VN));
        defineFunction(VN, F.Name);
        V.Props[Key] = F;
      } else {
        V.Props[Key] = lower(VN, Depth + 1);
      }
    }
    return V;
  }
  if (T == "function_expression" || T == "arrow_function") {
    Val F = Val::obj(ObjKind::Function);
    F.Name = "function@" + std::to_string(script::startByte(N));
    defineFunction(N, F.Name);
    return F;
  }
  if (T == "member_expression") {
    script::Node O = script::field(N, "object");
    llvm::StringRef P = text(script::field(N, "property"));
    for (const UserSource &U : Opts.Sources)
      if ((U.Language.empty() || U.Language == "jscript") &&
          U.Name == normalize(text(N)))
        return Val::of(quantity(U.Q, "user source " + U.Name));
    return member(lower(O, Depth + 1), P, N);
  }
  if (T == "subscript_expression") {
    Val Obj = lower(script::field(N, "object"), Depth + 1);
    Val I = lower(script::field(N, "index"), Depth + 1);
    if (Obj.Obj == ObjKind::Object && !script::isNull(Obj.Literal) &&
        !(I.E && I.E->Kind == Op::StrConst)) {
      // TABLE[build]: the table's own guard (VG005).
      tableGuard(Obj.Literal, I.expr());
      return {};
    }
    if (Obj.Obj == ObjKind::Object && I.E && I.E->Kind == Op::StrConst)
      return member(Obj, I.E->Str, N);
    // `catalog[i]` in a loop over the literal: any of its items.
    script::Node IN = unwrap(script::field(N, "index"));
    if (Obj.Obj == ObjKind::Array && !script::isNull(Obj.Literal) &&
        typeOf(IN) == "identifier" &&
        llvm::is_contained(LoopCounters, text(IN).str())) {
      Val S = Val::obj(ObjKind::ArrayScan);
      S.Literal = Obj.Literal;
      return S;
    }
    return item(Obj, I, N);
  }
  if (T == "call_expression")
    return call(N, Depth);
  if (T == "new_expression") {
    script::Node C = script::field(N, "constructor");
    std::vector<Val> Args;
    for (script::Node A : args(script::field(N, "arguments")))
      Args.push_back(lower(A, Depth + 1));
    if (typeOf(C) == "identifier") {
      // The script's own constructor: an instance of it.
      if (Val F = identifier(text(C));
          F.Obj == ObjKind::Function && Functions.count(text(C).str())) {
        noteCallerArguments(F.Name, Args);
        Val I = Val::obj(ObjKind::Instance);
        I.Name = F.Name;
        return I;
      }
      return construct(text(C), Args);
    }
    return {};
  }
  if (T == "this") {
    const std::string &Class = functionFrame().Class;
    if (Class.empty())
      return Val::of(unknown());
    Val I = Val::obj(ObjKind::Instance);
    I.Name = Class;
    return I;
  }
  if (T == "binary_expression")
    return binaryExpr(N, Depth);
  if (T == "unary_expression") {
    llvm::StringRef Op = text(script::field(N, "operator")).trim();
    script::Node AN = script::field(N, "argument");
    if (Op == "!")
      return Val::of(logicNot(lowerCond(AN, Depth + 1)));
    Val V = lower(AN, Depth + 1);
    if (!V.E)
      return {};
    if (Op == "-")
      return Val::of(unary(Op::Neg, asNumber(V.E)));
    if (Op == "+")
      return Val::of(asNumber(V.E)); // +x: ToNumber
    if (Op == "~")
      return Val::of(unary(Op::BitNot, asNumber(V.E)));
    return Val::of(unknown()); // typeof, void, delete
  }
  if (T == "ternary_expression") {
    Val A = lower(script::field(N, "consequence"), Depth + 1),
        B = lower(script::field(N, "alternative"), Depth + 1);
    ExprPtr C = lowerCond(script::field(N, "condition"), Depth + 1);
    if (!A.E && !B.E) {
      if (A.related())
        return A;
      return B.related() ? B : Val();
    }
    // `r ? parseInt(r, 10) : 0` of a read r: whether the read found the
    // value, its error value otherwise. The read is the value.
    if (C->Kind == Op::Unknown && A.E && B.E && dependsOnVersion(*A.E) &&
        core::isErrorDefault(*B.E)) {
      Val R = lower(script::field(N, "condition"), Depth + 1);
      if (R.E && dependsOnVersion(*R.E))
        return A;
    }
    return Val::of(nary(Op::Choose, {C, A.expr(), B.expr()}));
  }
  if (T == "assignment_expression") {
    if (definePrototype(script::field(N, "left"), script::field(N, "right")))
      return {};
    Val V = lower(script::field(N, "right"), Depth + 1);
    assign(script::field(N, "left"), V);
    return V;
  }
  if (T == "augmented_assignment_expression") {
    script::Node L = unwrap(script::field(N, "left"));
    if (typeOf(L) == "identifier")
      assign(L, Val::of(unknown()));
    return Val::of(unknown());
  }
  if (T == "sequence_expression") {
    Val Last;
    for (script::Node K : namedKids(N))
      Last = lower(K, Depth + 1);
    return Last;
  }
  return {};
}

ExprPtr Lowerer::lowerCond(script::Node N, int Depth) {
  Val V = lower(N, Depth);
  if (V.E && isBoolean(*V.E))
    return V.E;
  return unknown();
}

} // namespace verguard::jscript
