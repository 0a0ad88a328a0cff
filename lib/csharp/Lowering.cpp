//===- Lowering.cpp - C# expressions to core values -----------------------===//
//
// C#'s rules: an int never compares with a string (it does not compile), so
// such a comparison says nothing; `==` on strings is ordinal and
// case-sensitive; System.Version overloads `==` and the relational
// operators and compares component by component (a component not given is
// -1, so `new Version(6, 0, 6002) < OSVersion.Version` on SP2).
//
//===----------------------------------------------------------------------===//
#include "core/Flow.h"
#include "csharp/Lowerer.h"
#include "script/Operators.h"

#include "llvm/ADT/StringExtras.h"

using namespace verguard::core;

namespace verguard::csharp {

ExprPtr Val::expr() const { return E ? E : unknown(); }

bool Val::carries() const {
  return isObject() || (E && (dependsOnVersion(*E) || hasParam(*E)));
}

script::Node Lowerer::unwrap(script::Node N) {
  while ((typeOf(N) == "parenthesized_expression" ||
          typeOf(N) == "checked_expression") &&
         script::namedChildCount(N) == 1)
    N = script::namedChild(N, 0);
  return N;
}

ExprPtr Lowerer::operand(const Val &V, script::Node N) const {
  return spelledAt(V.expr(), N);
}

std::vector<script::Node> Lowerer::args(script::Node ArgList) const {
  std::vector<script::Node> R;
  for (script::Node A : namedKids(ArgList)) {
    if (typeOf(A) != "argument")
      continue;
    // `name: value`: the value is the last named child.
    auto K = namedKids(A);
    if (!K.empty())
      R.push_back(K.back());
  }
  return R;
}

std::vector<Val> Lowerer::lowerArgs(const std::vector<script::Node> &Nodes,
                                    int Depth) {
  std::vector<Val> R;
  for (script::Node A : Nodes)
    R.push_back(typeOf(A) == "declaration_expression" ? Val()
                                                      : lower(A, Depth + 1));
  return R;
}

std::string Lowerer::dottedName(script::Node N) const {
  N = unwrap(N);
  std::vector<llvm::StringRef> Parts;
  while (typeOf(N) == "member_access_expression" ||
         typeOf(N) == "qualified_name") {
    script::Node Name =
        script::field(N, typeOf(N) == "qualified_name" ? "name" : "name");
    Parts.push_back(text(Name));
    N = script::field(N, typeOf(N) == "qualified_name" ? "qualifier"
                                                       : "expression");
  }
  llvm::StringRef Head;
  if (typeOf(N) == "identifier" || typeOf(N) == "predefined_type")
    Head = text(N);
  else if (typeOf(N) == "alias_qualified_name")
    Head = text(script::field(N, "name"));
  else
    return "";
  // A local variable shadows a type name.
  for (auto F = Frames.rbegin(); F != Frames.rend(); ++F)
    if (F->Vars.count(Head.str()))
      return "";
  std::string R = Head.str();
  for (auto P = Parts.rbegin(); P != Parts.rend(); ++P)
    R += "." + P->str();
  llvm::StringRef S = R;
  S.consume_front("System.");
  S.consume_front("Microsoft.Win32.");
  S.consume_front("Diagnostics.");
  S.consume_front("Management.");
  S.consume_front("Runtime.InteropServices.");
  S.consume_front("Text.RegularExpressions.");
  return S.str();
}

Val Lowerer::identifier(llvm::StringRef Name) {
  for (auto F = Frames.rbegin(); F != Frames.rend(); ++F) {
    auto It = F->Vars.find(Name.str());
    if (It != F->Vars.end())
      return It->second;
  }
  std::string Cls = Frames.empty() ? "" : Frames.back().Class;
  auto M = Members.find(Cls + "." + Name.str());
  if (M == Members.end())
    M = Members.find(Name.str());
  if (M != Members.end())
    return M->second;
  if (Classes.count(Name.str())) {
    Val V = Val::obj(ObjKind::Class);
    V.Name = Name.str();
    return V;
  }
  // A type of another file, or a member of this class's other parts.
  if (importDeclaring(Name) || (Partial.count(Cls) && importDeclaring(Cls)))
    return identifier(Name);
  if (auto K = verConstant(Name))
    return Val::of(intConst(*K));
  if (auto Q = inferFromName(Name))
    return Val::of(*Q);
  return {};
}

ExprPtr Lowerer::asText(const Val &V) {
  ExprPtr E = V.expr();
  ValueType ET = valueType(*E);
  if (ET == ValueType::Int)
    return unary(Op::ToStr, E);
  if (ET == ValueType::Version && E->Kind == Op::VersionOf && !E->Kids.empty())
    return E->Kids[0];
  return ET == ValueType::Str ? E : unknown();
}

Val Lowerer::stringLiteral(script::Node N, int Depth) {
  llvm::StringRef T = typeOf(N);
  llvm::StringRef Whole = text(N);
  if (T == "verbatim_string_literal") {
    // @"..." with "" for a quote.
    llvm::StringRef In = Whole.drop_front(2).drop_back(1);
    std::string S;
    for (size_t I = 0; I < In.size(); ++I) {
      S += In[I];
      if (In[I] == '"' && I + 1 < In.size() && In[I + 1] == '"')
        ++I;
    }
    return Val::of(strConst(S, spell(N)));
  }
  if (T == "raw_string_literal") {
    std::string S;
    for (script::Node K : namedKids(N))
      if (typeOf(K) == "raw_string_content")
        S += text(K).str();
    return Val::of(strConst(S, spell(N)));
  }
  bool Interp = T == "interpolated_string_expression";
  bool Verbatim = Interp && Whole.take_front(3).contains('@');
  std::vector<ExprPtr> Parts;
  std::string Cur;
  bool Interpolated = false;
  for (script::Node K = script::firstChild(N); !script::isNull(K);
       K = script::nextSibling(K)) {
    llvm::StringRef KT = typeOf(K);
    if (KT == "string_literal_content" || KT == "string_content") {
      llvm::StringRef C = text(K);
      if (Verbatim)
        Cur += C.str();
      else
        Cur += C.str();
    } else if (KT == "escape_sequence") {
      llvm::StringRef Esc = text(K);
      if (Esc.size() < 2)
        Cur += Esc.str();
      else if (Esc == "{{" || Esc == "}}")
        Cur += Esc[0];
      else if (Esc[1] == 'n')
        Cur += '\n';
      else if (Esc[1] == 't')
        Cur += '\t';
      else if (Esc[1] == 'r')
        Cur += '\r';
      else if (Esc[1] == '0')
        Cur += '\0';
      else if (Esc[1] == '\\' || Esc[1] == '\'' || Esc[1] == '"')
        Cur += Esc[1];
      else
        Cur += Esc.str();
    } else if (KT == "interpolation") {
      Interpolated = true;
      if (!Cur.empty())
        Parts.push_back(strConst(Cur));
      Cur.clear();
      script::Node X{};
      bool Formatted = false;
      for (script::Node C : namedKids(K)) {
        llvm::StringRef CT = typeOf(C);
        if (CT == "interpolation_format_clause" ||
            CT == "interpolation_alignment_clause")
          Formatted = true;
        else if (CT != "interpolation_brace" && script::isNull(X))
          X = C;
      }
      if (Formatted || script::isNull(X)) {
        Parts.push_back(unknown());
        continue;
      }
      Parts.push_back(asText(lower(X, Depth + 1)));
    }
  }
  if (!Interpolated)
    return Val::of(strConst(Cur, spell(N)));
  if (!Cur.empty())
    Parts.push_back(strConst(Cur));
  return Val::of(nary(Op::Concat, std::move(Parts)));
}

namespace {

/// `x.CompareTo(y) OP k`: the comparison of x and y it stands for.
std::optional<CmpOp> compareToResult(CmpOp O, int64_t K) {
  if (K == 0)
    return O;
  if ((K == -1 && O == CmpOp::EQ) || (K == 1 && O == CmpOp::NE))
    return K == -1 ? CmpOp::LT : std::optional<CmpOp>();
  if (K == 1 && O == CmpOp::EQ)
    return CmpOp::GT;
  if (K == -1 && O == CmpOp::GT)
    return CmpOp::GE;
  if (K == 1 && O == CmpOp::LT)
    return CmpOp::LE;
  return std::nullopt;
}

} // namespace

Val Lowerer::compare(llvm::StringRef OpText, const Val &L, script::Node LN,
                     const Val &R, script::Node RN, script::Node Whole,
                     script::Node OpN) {
  auto O = script::comparisonOp(OpText.trim());
  if (!O)
    return Val::of(unknown());
  Spelling W = spell(Whole);
  W.OpSpan = span(OpN);
  // a.CompareTo(b) < 0
  for (int Side = 0; Side < 2; ++Side) {
    const Val &C = Side ? R : L;
    const Val &K = Side ? L : R;
    if (C.Obj != ObjKind::CompareTo || !K.E || K.E->Kind != Op::IntConst)
      continue;
    auto Res = compareToResult(Side ? swapped(*O) : *O, K.E->Int);
    if (!Res)
      return Val::of(unknown());
    return Val::of(cmp(*Res, C.CmpA, C.CmpB, C.CmpM, Dialect::CSharp, W));
  }
  // RtlVerifyVersionInfo(...) == 0 (STATUS_SUCCESS): the test holds.
  for (int Side = 0; Side < 2; ++Side) {
    const Val &C = Side ? R : L;
    const Val &K = Side ? L : R;
    if (C.Obj != ObjKind::NtStatus)
      continue;
    if (!C.CmpA || !isBoolean(*C.CmpA) || !K.E || K.E->Kind != Op::IntConst ||
        K.E->Int != 0)
      return Val::of(unknown());
    CmpOp Res = Side ? swapped(*O) : *O;
    if (Res == CmpOp::EQ || Res == CmpOp::GE) // == 0, NT_SUCCESS's >= 0
      return Val::of(C.CmpA);
    if (Res == CmpOp::NE || Res == CmpOp::LT)
      return Val::of(logicNot(C.CmpA));
    return Val::of(unknown());
  }
  if (L.isObject() || R.isObject())
    return Val::of(unknown());
  ExprPtr A = operand(L, LN), B = operand(R, RN);
  ValueType TA = valueType(*A), TB = valueType(*B);
  if (TA == ValueType::Version || TB == ValueType::Version) {
    // Version == null, Version == string: not a version comparison.
    if ((TA != ValueType::Version && TA != ValueType::Unknown) ||
        (TB != ValueType::Version && TB != ValueType::Unknown))
      return Val::of(unknown());
    return Val::of(
        atom(cmp(*O, A, B, CmpMode::Version, Dialect::CSharp, W), Whole));
  }
  if (TA != ValueType::Unknown && TB != ValueType::Unknown && TA != TB)
    return Val::of(unknown()); // does not compile
  if (TA == ValueType::Str || TB == ValueType::Str) {
    if (*O != CmpOp::EQ && *O != CmpOp::NE)
      return Val::of(unknown()); // strings have no < in C#
    return Val::of(
        atom(cmp(*O, A, B, CmpMode::Str, Dialect::CSharp, W), Whole));
  }
  return Val::of(atom(cmp(*O, A, B, CmpMode::Int, Dialect::CSharp, W), Whole));
}

Val Lowerer::binaryOp(script::Node N, int Depth) {
  script::Node LN = script::field(N, "left"), RN = script::field(N, "right");
  script::Node OpN = script::field(N, "operator");
  llvm::StringRef OpText = text(OpN).trim();
  if (OpText == "&&" || OpText == "||") {
    ExprPtr L = lowerCond(LN, Depth + 1), R = lowerCond(RN, Depth + 1);
    return Val::of(OpText == "&&" ? logicAnd(L, R) : logicOr(L, R));
  }
  if ((OpText == "==" || OpText == "!=") &&
      typeOf(unwrap(LN)) == "tuple_expression" &&
      typeOf(unwrap(RN)) == "tuple_expression") {
    // `(v.Major, v.Build) == (6, 6002)`: element by element. Each element's
    // test is written as the whole comparison (its constant in it): a fix
    // joins a second whole comparison, `... || (v.Major, v.Build) == (6,
    // 6003)`, which says the same as the element's test joined with its
    // twin, the other elements being the same in both.
    auto LA = namedKids(unwrap(LN)), RA = namedKids(unwrap(RN));
    if (LA.size() != RA.size() || LA.size() < 2)
      return Val::of(unknown());
    Spelling Whole = spell(N);
    ExprPtr R;
    for (size_t I = 0; I < LA.size(); ++I) {
      auto LK = namedKids(LA[I]), RK = namedKids(RA[I]);
      ExprPtr X = unknown();
      if (LK.size() == 1 && RK.size() == 1) {
        Val A = lower(LK[0], Depth + 1), B = lower(RK[0], Depth + 1);
        if (!A.isObject() && !B.isObject()) {
          ExprPtr EA = operand(A, LK[0]), EB = operand(B, RK[0]);
          ValueType TA = valueType(*EA), TB = valueType(*EB);
          if ((TA == ValueType::Int || TA == ValueType::Unknown) &&
              (TB == ValueType::Int || TB == ValueType::Unknown))
            X = atom(cmp(OpText == "==" ? CmpOp::EQ : CmpOp::NE, EA, EB,
                         CmpMode::Int, Dialect::CSharp, Whole),
                     N);
        }
      }
      R = !R ? X : OpText == "==" ? logicAnd(R, X) : logicOr(R, X);
    }
    return Val::of(R);
  }
  if (OpText == "??") {
    Val L = lower(LN, Depth + 1);
    if (L.carries())
      return L;
    return lower(RN, Depth + 1);
  }
  Val L = lower(LN, Depth + 1), R = lower(RN, Depth + 1);
  if (script::comparisonOp(OpText))
    return compare(OpText, L, LN, R, RN, N, OpN);
  if (L.isObject() || R.isObject())
    return {};
  ExprPtr A = L.expr(), B = R.expr();
  ValueType TA = valueType(*A), TB = valueType(*B);
  if (OpText == "+" && (TA == ValueType::Str || TB == ValueType::Str)) {
    auto AsText = [](ExprPtr X) {
      ValueType T = valueType(*X);
      if (T == ValueType::Int)
        return unary(Op::ToStr, X);
      if (T == ValueType::Version && X->Kind == Op::VersionOf &&
          !X->Kids.empty())
        return X->Kids[0];
      return T == ValueType::Str ? X : unknown();
    };
    return Val::of(nary(Op::Concat, {AsText(A), AsText(B)}));
  }
  if (TA == ValueType::Str || TB == ValueType::Str ||
      TA == ValueType::Version || TB == ValueType::Version)
    return Val::of(unknown());
  static const std::pair<const char *, Op> Ops[] = {
      {"+", Op::Add},  {"-", Op::Sub},    {"*", Op::Mul},   {"/", Op::Div},
      {"%", Op::Mod},  {"&", Op::BitAnd}, {"|", Op::BitOr}, {"^", Op::BitXor},
      {"<<", Op::Shl}, {">>", Op::Shr}};
  for (auto &[T, K] : Ops)
    if (OpText == T)
      return Val::of(binary(K, A, B));
  return Val::of(unknown());
}

ExprPtr Lowerer::pattern(script::Node P, const ExprPtr &S, int Depth,
                         const Val *Obj) {
  if (Depth > script::MaxExprDepth)
    return unknown();
  llvm::StringRef T = typeOf(P);
  auto Const = [&](script::Node X, CmpOp O) -> ExprPtr {
    if (!S) // an object's subject is only read through its properties
      return unknown();
    Val V = lower(X, Depth + 1);
    if (!V.E || !V.E->isConst())
      return unknown();
    ExprPtr C = operand(V, X);
    ValueType TS = valueType(*S), TC = valueType(*C);
    if (TS != ValueType::Unknown && TS != TC)
      return boolConst(false);
    // Written as a pattern (`6002`, `< 6002`); the `is` test or switch arm
    // around a lone constant pattern is written whole instead.
    auto R =
        clone(*cmp(O, S, C, TC == ValueType::Str ? CmpMode::Str : CmpMode::Int,
                   Dialect::CSharpPattern));
    R->Written = X.I == namedKids(P).back().I ? spell(P)
                                              : spell(startByte(P), endByte(X));
    return R;
  };
  if (T == "constant_pattern") {
    auto K = namedKids(P);
    return K.empty() ? unknown() : Const(patternConstant(K[0]), CmpOp::EQ);
  }
  if (T == "relational_pattern") {
    auto K = namedKids(P);
    if (K.empty())
      return unknown();
    llvm::StringRef Op = text(P).take_until(
        [](char C) { return C != '<' && C != '>' && C != '=' && C != '!'; });
    auto O = script::comparisonOp(Op.trim());
    return O ? Const(patternConstant(K[0]), *O) : unknown();
  }
  if (T == "and_pattern" || T == "or_pattern") {
    ExprPtr L = pattern(script::field(P, "left"), S, Depth + 1, Obj),
            R = pattern(script::field(P, "right"), S, Depth + 1, Obj);
    return T == "and_pattern" ? logicAnd(L, R) : logicOr(L, R);
  }
  if (T == "negated_pattern") {
    auto K = namedKids(P);
    return K.empty() ? unknown() : logicNot(pattern(K[0], S, Depth + 1, Obj));
  }
  if (T == "recursive_pattern") {
    // `v is { Major: 6, Build: <= 6002 }`: each property of a version
    // tested by its pattern; any other property, or subject, is unknown.
    ExprPtr R;
    for (script::Node C : namedKids(P)) {
      if (typeOf(C) != "property_pattern_clause")
        continue;
      for (script::Node Sub : namedKids(C)) {
        if (typeOf(Sub) != "subpattern")
          continue;
        auto K = namedKids(Sub);
        ExprPtr M;
        if (K.size() == 2 && typeOf(K[0]) == "identifier")
          M = Obj ? member(*Obj, text(K[0]), K[0]).E
                  : versionMember(*S, text(K[0]));
        ExprPtr X = M ? pattern(K[1], M, Depth + 1) : unknown();
        R = R ? logicAnd(R, X) : X;
      }
    }
    return R ? R : unknown();
  }
  if (T == "parenthesized_pattern") {
    auto K = namedKids(P);
    return K.empty() ? unknown() : pattern(K[0], S, Depth + 1, Obj);
  }
  // An object's subject is only read through its properties.
  if (Obj)
    return unknown();
  if (T == "integer_literal" || T == "string_literal" ||
      T == "member_access_expression" || T == "identifier")
    return Const(P, CmpOp::EQ);
  if (T == "declaration_pattern" || T == "var_pattern") {
    // `key.GetValue("UBR") is int ubr`: ubr holds the subject from here on
    // (whether the test holds is not known).
    script::Node Name = script::field(P, "name");
    if (script::isNull(Name)) {
      auto K = namedKids(P);
      Name = K.empty() ? script::Node{} : K.back();
    }
    if (!script::isNull(Name) && typeOf(Name) == "identifier")
      assign(Name, Val::of(S));
  }
  return unknown(); // type, property patterns; whether a declaration holds
}

namespace {
/// An operator C# binds looser than a pattern.
bool loosensPattern(llvm::StringRef Op) {
  return Op == "&&" || Op == "||" || Op == "==" || Op == "!=" || Op == "&" ||
         Op == "|" || Op == "^" || Op == "??";
}
} // namespace

bool Lowerer::swallows(script::Node E) const {
  return !script::isNull(E) && typeOf(E) == "binary_expression" &&
         loosensPattern(text(script::field(E, "operator")).trim());
}

script::Node Lowerer::patternConstant(script::Node E) const {
  while (swallows(E))
    E = script::field(E, "left");
  return E;
}

script::Node Lowerer::swallowed(script::Node P) const {
  while (!script::isNull(P)) {
    llvm::StringRef T = typeOf(P);
    if (T == "or_pattern" || T == "and_pattern") {
      P = script::field(P, "right");
    } else if (T == "negated_pattern" || T == "constant_pattern" ||
               T == "relational_pattern") {
      auto K = namedKids(P);
      if (K.empty())
        return {};
      if (T != "negated_pattern")
        return swallows(K[0]) ? K[0] : script::Node();
      P = K[0];
    } else {
      return {};
    }
  }
  return {};
}

Val Lowerer::lower(script::Node N, int Depth) {
  if (Depth > script::MaxExprDepth) {
    tooDeep(N);
    return {};
  }
  N = unwrap(N);
  for (const auto &[I, V] : Standing)
    if (N.I == I)
      return V;
  llvm::StringRef T = typeOf(N);
  if (T == "integer_literal") {
    std::string S = text(N).str();
    llvm::erase(S, '_');
    llvm::StringRef R = S;
    R = R.rtrim("uUlL");
    unsigned Radix = 10;
    if (R.consume_front_insensitive("0x"))
      Radix = 16;
    else if (R.consume_front_insensitive("0b"))
      Radix = 2;
    uint64_t V;
    if (R.getAsInteger(Radix, V))
      return {};
    return Val::of(intConst(int64_t(V), spell(N)));
  }
  if (T == "string_literal" || T == "verbatim_string_literal" ||
      T == "raw_string_literal" || T == "interpolated_string_expression")
    return stringLiteral(N, Depth);
  if (T == "boolean_literal")
    return Val::of(boolConst(text(N) == "true"));
  if (T == "identifier")
    return identifier(text(N));
  if (T == "this_expression" || T == "this") {
    Val V = Val::obj(ObjKind::Instance);
    V.Name = Frames.empty() ? "" : Frames.back().Class;
    return V;
  }
  if (T == "member_access_expression") {
    std::string Dotted = dottedName(N);
    if (!Dotted.empty())
      if (auto V = staticMember(Dotted))
        return *V;
    script::Node O = script::field(N, "expression");
    llvm::StringRef Name = text(script::field(N, "name"));
    return member(lower(O, Depth + 1), Name, N);
  }
  if (T == "conditional_access_expression") {
    // a?.b: the member of a (null aside).
    script::Node O = script::field(N, "condition");
    Val Obj = lower(O, Depth + 1);
    for (script::Node K : namedKids(N)) {
      if (typeOf(K) == "member_binding_expression")
        return member(Obj, text(script::field(K, "name")), N);
      // a?["BuildNumber"]: the item of a.
      if (typeOf(K) == "element_binding_expression") {
        auto A = args(K);
        if (A.size() != 1)
          return {};
        return item(Obj, lower(A[0], Depth + 1), N);
      }
    }
    return {};
  }
  if (T == "element_access_expression") {
    Val Obj = lower(script::field(N, "expression"), Depth + 1);
    auto A = args(script::field(N, "subscript"));
    if (A.size() != 1)
      return {};
    Val I = lower(A[0], Depth + 1);
    if (Obj.Obj == ObjKind::Dict) {
      tableGuard(Obj.DictNode, operand(I, A[0]));
      return {};
    }
    return item(Obj, I, N);
  }
  if (T == "invocation_expression")
    return call(N, Depth);
  if (T == "object_creation_expression" ||
      T == "implicit_object_creation_expression") {
    script::Node Ty = script::field(N, "type");
    std::string TyName;
    if (!script::isNull(Ty)) {
      TyName = text(Ty).str();
      if (typeOf(Ty) == "generic_name")
        for (script::Node K : namedKids(Ty))
          if (typeOf(K) == "identifier") {
            TyName = text(K).str();
            break;
          }
    }
    script::Node AL = script::field(N, "arguments");
    if (script::isNull(AL))
      for (script::Node K : namedKids(N))
        if (typeOf(K) == "argument_list")
          AL = K;
    std::vector<script::Node> AN = args(AL);
    std::vector<Val> AV = lowerArgs(AN, Depth);
    return creation(llvm::StringRef(TyName).rsplit('.').second.empty()
                        ? llvm::StringRef(TyName)
                        : llvm::StringRef(TyName).rsplit('.').second,
                    N, AV, AN, Depth);
  }
  if (T == "array_creation_expression" ||
      T == "implicit_array_creation_expression" ||
      T == "initializer_expression" || T == "collection_expression" ||
      T == "stackalloc_expression") {
    script::Node Init = N;
    if (T != "initializer_expression" && T != "collection_expression") {
      Init = {};
      for (script::Node K : namedKids(N))
        if (typeOf(K) == "initializer_expression")
          Init = K;
      if (script::isNull(Init))
        return {};
    }
    Val V = Val::obj(ObjKind::List);
    for (script::Node K : namedKids(Init)) {
      script::Node X = K;
      if (typeOf(X) == "collection_element")
        X = namedKids(X).empty() ? X : namedKids(X)[0];
      if (typeOf(X) == "expression_element")
        X = namedKids(X).empty() ? X : namedKids(X)[0];
      V.Items.push_back(lower(X, Depth + 1).expr());
    }
    return V;
  }
  if (T == "binary_expression")
    return binaryOp(N, Depth);
  if (T == "prefix_unary_expression") {
    auto K = namedKids(N);
    if (K.empty())
      return {};
    llvm::StringRef Op = text(N).take_front(1);
    if (Op == "!")
      return Val::of(logicNot(lowerCond(K[0], Depth + 1)));
    Val V = lower(K[0], Depth + 1);
    if (!V.E)
      return V;
    if (Op == "-")
      return Val::of(unary(Op::Neg, V.E));
    if (Op == "~")
      return Val::of(unary(Op::BitNot, V.E));
    return V;
  }
  if (T == "postfix_unary_expression") {
    // x! (null-forgiving); x++ and x-- change it.
    auto K = namedKids(N);
    if (!K.empty() && text(N).ends_with("!"))
      return lower(K[0], Depth + 1);
    return {};
  }
  if (T == "cast_expression" || T == "as_expression") {
    // `(string)key.GetValue(...)`, or `key.GetValue(...) as string` (null
    // where the cast would throw: unknown all the same).
    bool As = T == "as_expression";
    Val V = lower(script::field(N, As ? "left" : "value"), Depth + 1);
    llvm::StringRef Ty =
        text(script::field(N, As ? "right" : "type")).rtrim('?').trim();
    if (!V.E)
      return V;
    ValueType VT = valueType(*V.E);
    if (Ty == "int" || Ty == "uint" || Ty == "long" || Ty == "ulong" ||
        Ty == "short" || Ty == "ushort" || Ty == "Int32" || Ty == "UInt32")
      return VT == ValueType::Str ? Val::of(unknown()) : V; // unboxing a string
    if (Ty == "string" || Ty == "String")
      return VT == ValueType::Int ? Val::of(unknown()) : V;
    return V;
  }
  if (T == "conditional_expression") {
    // The test first: a pattern in it declares what the arms read.
    script::Node CN = unwrap(script::field(N, "condition"));
    ExprPtr C = lowerCond(CN, Depth + 1);
    // `ubr == null ? 0 : (int)ubr`: whether the read found the value.
    if (typeOf(CN) == "binary_expression" &&
        (typeOf(unwrap(script::field(CN, "left"))) == "null_literal" ||
         typeOf(unwrap(script::field(CN, "right"))) == "null_literal"))
      C = unknown();
    Val A = lower(script::field(N, "consequence"), Depth + 1),
        B = lower(script::field(N, "alternative"), Depth + 1);
    if (!A.E && !B.E)
      return {};
    // `raw == null ? null : Convert.ToString(raw)`: null is the fallback.
    auto IsNull = [&](const char *F) {
      return typeOf(unwrap(script::field(N, F))) == "null_literal";
    };
    if (C->Kind == Op::Unknown && IsNull("consequence") && B.E &&
        dependsOnVersion(*B.E))
      return B;
    if (C->Kind == Op::Unknown && IsNull("alternative") && A.E &&
        dependsOnVersion(*A.E))
      return A;
    // `o is int i ? i : 0`, `key != null ? (int)key.GetValue("UBR") : 0`:
    // on an unknown test, the error value is the read's fallback.
    if (C->Kind == Op::Unknown && A.E && B.E) {
      if (dependsOnVersion(*A.E) && isErrorDefault(*B.E))
        return A;
      if (dependsOnVersion(*B.E) && isErrorDefault(*A.E))
        return B;
    }
    return Val::of(nary(Op::Choose, {C, A.expr(), B.expr()}));
  }
  if (T == "is_pattern_expression") {
    script::Node XN = script::field(N, "expression");
    Val X = lower(XN, Depth + 1);
    script::Node P = script::field(N, "pattern");
    // `this is { Major: 6, Build: 6002 }`: the object's properties.
    if (X.isObject())
      return Val::of(pattern(P, nullptr, Depth, &X));
    if (!X.E)
      return Val::of(unknown());
    ExprPtr R = pattern(P, operand(X, XN), Depth);
    script::Node Rest = swallowed(P);
    if (R->Kind == Op::Cmp) {
      // `x is 6002` reads as `x == 6002`: the whole test is the
      // comparison's text; a relational pattern keeps only its constant's.
      auto C = clone(*R);
      C->Syntax = Dialect::CSharp;
      C->Written = typeOf(P) != "constant_pattern" ? Spelling()
                   : script::isNull(Rest)
                       ? spell(N)
                       : spell(startByte(N), endByte(patternConstant(Rest)));
      R = script::isNull(Rest) ? atom(C, N) : ExprPtr(C);
    }
    if (script::isNull(Rest))
      return Val::of(R);
    // `x is 6002 && y`: the test stands for the first operand.
    Standing.push_back({patternConstant(Rest).I, Val::of(R)});
    Val V = lower(Rest, Depth + 1);
    Standing.pop_back();
    return V;
  }
  if (T == "await_expression" || T == "ref_expression") {
    auto K = namedKids(N);
    return K.empty() ? Val() : lower(K[0], Depth + 1);
  }
  if (T == "switch_expression") {
    auto K = namedKids(N);
    if (!K.empty()) {
      script::NodeList Arms;
      for (script::Node A : K)
        if (typeOf(A) == "switch_expression_arm")
          Arms.push_back(A);
      switchGuard(N, K[0], Arms, /*Expression=*/true);
    }
    return Val::of(unknown());
  }
  return {};
}

ExprPtr Lowerer::lowerCond(script::Node N, int Depth) {
  Val V = lower(N, Depth);
  if (V.E && isBoolean(*V.E))
    return V.E;
  return unknown();
}

namespace {
/// E without its source spellings: a test written once in a lambda's body
/// but evaluated for each item has no text a fix could rewrite for one.
ExprPtr unspelled(const ExprPtr &E) {
  if (!E)
    return E;
  auto C = clone(*E);
  C->Written = Spelling();
  for (ExprPtr &K : C->Kids)
    K = unspelled(K);
  return C;
}
} // namespace

std::optional<ExprPtr> Lowerer::overItems(const Val &List, script::Node Lambda,
                                          bool Every, script::Node Call,
                                          int Depth) {
  script::Node L = unwrap(Lambda);
  if (List.Obj != ObjKind::List || List.Items.empty() ||
      typeOf(L) != "lambda_expression")
    return std::nullopt;
  script::Node P = script::field(L, "parameters"), B = script::field(L, "body");
  std::string Name;
  if (typeOf(P) == "implicit_parameter") {
    Name = text(P).str();
  } else if (typeOf(P) == "parameter_list") {
    auto Ps = namedKids(P);
    if (Ps.size() == 1)
      Name = text(script::field(Ps[0], "name")).str();
  }
  if (Name.empty() || script::isNull(B) || typeOf(B) == "block")
    return std::nullopt;
  // `x => x == b` of Any or Exists: whether b is one of the items, as
  // Contains(b) (its fix lists the build after the bump).
  script::Node U = unwrap(B);
  if (!Every && typeOf(U) == "binary_expression" &&
      text(script::field(U, "operator")).trim() == "==") {
    script::Node Lhs = unwrap(script::field(U, "left")),
                 Rhs = unwrap(script::field(U, "right"));
    script::Node Other = text(Lhs) == Name   ? Rhs
                         : text(Rhs) == Name ? Lhs
                                             : script::Node{};
    if (!script::isNull(Other) && text(Other) != Name) {
      Val X = lower(Other, Depth + 1);
      if (X.E && !X.isObject()) {
        std::vector<ExprPtr> Kids{operand(X, Other)};
        Kids.insert(Kids.end(), List.Items.begin(), List.Items.end());
        auto E = clone(*nary(Op::Element, std::move(Kids)));
        E->Cmp = CmpOp::EQ;
        E->Syntax = Dialect::CSharp;
        E->Written = spell(Call);
        return ExprPtr(E);
      }
    }
  }
  auto &Vars = top().Vars;
  std::optional<Val> Saved;
  if (auto It = Vars.find(Name); It != Vars.end())
    Saved = It->second;
  std::vector<ExprPtr> Tests;
  for (const ExprPtr &I : List.Items) {
    Vars[Name] = Val::of(I);
    Tests.push_back(lowerCond(B, Depth + 1));
  }
  if (Saved)
    Vars[Name] = *Saved;
  else
    Vars.erase(Name);
  for (ExprPtr &T : Tests)
    T = unspelled(T);
  return Tests.size() == 1 ? Tests[0]
                           : nary(Every ? Op::And : Op::Or, std::move(Tests));
}

void Lowerer::assertion(llvm::StringRef Name, script::Node Call,
                        const std::vector<Val> &Args,
                        const std::vector<script::Node> &ArgNodes) {
  // xUnit's and NUnit's assertions on the host they run on: a test that
  // fails after the bump, as an `if` would flip. The expected value comes
  // first (`Assert.Equal(6002, v.Build)`, `Assert.StartsWith("6.0.6002.",
  // kernel)`); InRange(actual, low, high). No fix: the call has no place
  // for a second test.
  if (!Emit || Instantiating || Args.size() < 2)
    return;
  for (size_t I = 0; I < Args.size(); ++I)
    if (Args[I].isObject() || !Args[I].E)
      return;
  auto Arg = [&](size_t I) { return operand(Args[I], ArgNodes[I]); };
  auto Mode = [&](const ExprPtr &A, const ExprPtr &B) {
    return valueType(*A) == ValueType::Str || valueType(*B) == ValueType::Str
               ? CmpMode::Str
               : CmpMode::Int;
  };
  ExprPtr Test;
  if (Name == "Equal" || Name == "AreEqual" || Name == "NotEqual" ||
      Name == "AreNotEqual") {
    bool Not = Name.contains("Not");
    Test = cmp(Not ? CmpOp::NE : CmpOp::EQ, Arg(1), Arg(0),
               Mode(Arg(0), Arg(1)), Dialect::CSharp);
  } else if (Name == "StartsWith" || Name == "EndsWith" ||
             (Name == "Contains" && valueType(*Arg(1)) == ValueType::Str)) {
    Op K = Name == "StartsWith" ? Op::StartsWith
           : Name == "EndsWith" ? Op::EndsWith
                                : Op::Contains;
    Test = binary(K, Arg(1), Arg(0));
  } else if (Name == "Matches" && valueType(*Arg(1)) == ValueType::Str) {
    Test = binary(Op::Regex, Arg(1), Arg(0));
  } else if (Name == "InRange" && Args.size() == 3) {
    Test = logicAnd(cmp(CmpOp::GE, Arg(0), Arg(1)),
                    cmp(CmpOp::LE, Arg(0), Arg(2)));
  }
  if (!Test || !dependsOnVersion(*Test))
    return;
  emitCondition(Test, span(Call), normalize(text(Call)),
                script::startByte(Call));
}

Val Lowerer::call(script::Node N, int Depth) {
  script::Node Fn = unwrap(script::field(N, "function"));
  std::vector<script::Node> ArgNodes = args(script::field(N, "arguments"));
  std::vector<Val> Args = lowerArgs(ArgNodes, Depth);
  std::string Name = dottedName(Fn);
  if (!Name.empty())
    if (auto S = sourceCall(Name, N, Args, ArgNodes))
      return *S;
  // Array's helpers over a list of literals: `Array.IndexOf(builds, b)` is
  // the index of the first item equal to b, else -1; `Array.Exists(builds,
  // x => ...)` and `Array.TrueForAll` test each item.
  llvm::StringRef Static = llvm::StringRef(Name);
  Static.consume_front("System.");
  if (Static == "Array.IndexOf" && Args.size() == 2 &&
      Args[0].Obj == ObjKind::List && Args[1].E) {
    ExprPtr X = operand(Args[1], ArgNodes[1]), E = intConst(-1);
    for (size_t I = Args[0].Items.size(); I-- > 0;)
      E = nary(Op::Choose, {cmp(CmpOp::EQ, X, Args[0].Items[I], CmpMode::Int,
                                Dialect::CSharp),
                            intConst(int64_t(I)), E});
    return Val::of(E);
  }
  if (auto [Cls, Method] = Static.rsplit('.');
      !Method.empty() &&
      llvm::is_contained(
          {"Assert", "StringAssert", "ClassicAssert"},
          Cls.rsplit('.').second.empty() ? Cls : Cls.rsplit('.').second))
    assertion(Method, N, Args, ArgNodes);
  if ((Static == "Array.Exists" || Static == "Array.TrueForAll") &&
      Args.size() == 2)
    if (auto T = overItems(Args[0], ArgNodes[1], Static == "Array.TrueForAll",
                           N, Depth))
      return Val::of(atom(*T, N));
  if (typeOf(Fn) == "generic_name")
    Fn = script::namedChild(Fn, 0);
  if (typeOf(Fn) == "identifier") {
    std::string Cls = Frames.empty() ? "" : Frames.back().Class;
    if (!Functions.count(Cls + "." + text(Fn).str()) &&
        !Functions.count(text(Fn).str()) && Partial.count(Cls))
      importDeclaring(Cls); // a method of another part of the class
    std::string Key = Functions.count(Cls + "." + text(Fn).str())
                          ? Cls + "." + text(Fn).str()
                          : text(Fn).str();
    return callFunction(Key, N, Args, ArgNodes, Depth);
  }
  script::Node ObjN{};
  llvm::StringRef M;
  if (typeOf(Fn) == "member_access_expression") {
    ObjN = script::field(Fn, "expression");
    script::Node MN = script::field(Fn, "name");
    if (typeOf(MN) == "generic_name")
      MN = script::namedChild(MN, 0);
    M = text(MN);
  } else if (typeOf(Fn) == "conditional_access_expression") {
    ObjN = script::field(Fn, "condition");
    for (script::Node K : namedKids(Fn))
      if (typeOf(K) == "member_binding_expression")
        M = text(script::field(K, "name"));
  }
  if (script::isNull(ObjN) || M.empty())
    return {};
  Val Obj = lower(ObjN, Depth + 1);
  if (Obj.Obj == ObjKind::Class || Obj.Obj == ObjKind::Instance) {
    std::string Key = Obj.Name + "." + M.str();
    if (!Functions.count(Key) && Partial.count(Obj.Name))
      importDeclaring(Obj.Name);
    return callFunction(Functions.count(Key) ? Key : M.str(), N, Args, ArgNodes,
                        Depth);
  }
  // LINQ's and List<T>'s tests of each item of a list of literals.
  if ((M == "Any" || M == "All" || M == "Exists" || M == "TrueForAll") &&
      Args.size() == 1)
    if (auto T = overItems(Obj, ArgNodes[0], M == "All" || M == "TrueForAll", N,
                           Depth))
      return Val::of(atom(*T, N));
  if (Obj.Obj == ObjKind::Regex && Obj.E && (M == "IsMatch" || M == "Match") &&
      !Args.empty() && Args[0].E) {
    auto R = clone(*Obj.E);
    R->Kids[0] = Args[0].E;
    return regexCall(std::move(R), N, M == "IsMatch");
  }
  Val R = method(Obj, ObjN, M, N, Args, ArgNodes, Depth);
  if (R.E || R.isObject())
    return R;
  // An extension method: the object is its first argument.
  auto F = Functions.find(M.str());
  if (F != Functions.end() && F->second.Extension) {
    std::vector<Val> All{Obj};
    std::vector<script::Node> AllN{ObjN};
    All.insert(All.end(), Args.begin(), Args.end());
    AllN.insert(AllN.end(), ArgNodes.begin(), ArgNodes.end());
    return callFunction(M.str(), N, All, AllN, Depth);
  }
  return R;
}

namespace {
/// What an argument is, as far as a method's body can tell it apart.
std::string describe(const Val &V) {
  std::string S = std::to_string(int(V.Obj)) + ":" + V.Name + ":" +
                  (V.E ? toString(*V.E) : "") + ":" +
                  std::to_string(script::startByte(V.DictNode));
  for (const ExprPtr &I : V.Items)
    S += "," + (I ? toString(*I) : "");
  for (const auto &[F, X] : V.Fields)
    S += ";" + F + "=" + (X ? toString(*X) : "");
  for (const MaskCond &C : V.Conds)
    S += "|" + std::to_string(C.Type) + "/" + std::to_string(C.Condition) +
         "@" + std::to_string(script::startByte(C.Call));
  if (V.CmpA && V.CmpB)
    S += "<" + toString(*V.CmpA) + "?" + toString(*V.CmpB);
  return S;
}
} // namespace

std::string Lowerer::memoKey(const std::string &Key, script::Node Call,
                             const std::vector<Val> &Args) const {
  // Per call: what the body returns keeps the call's own spellings.
  std::string M = Key + "@" + std::to_string(script::startByte(Call));
  for (const Val &A : Args)
    M += "\x1f" + describe(A);
  return M;
}

Val Lowerer::callFunction(const std::string &Key, script::Node Call,
                          const std::vector<Val> &Args,
                          const std::vector<script::Node> &ArgNodes,
                          int Depth) {
  auto F = Functions.find(Key);
  if (F == Functions.end())
    return {};
  const Function &Fn = F->second;
  noteCallerArguments(Key, Args, 0, &ArgNodes);
  // An object passed in (an OSVersion, a registry key, a WMI object): the
  // body walked again with it bound, nothing emitted, up to three deep.
  // A version value passed in (`Check(Environment.OSVersion.Version)`) too:
  // a method returning a condition over it is judged at this call.
  // An instance whose properties are those every instance of its class
  // has (`host` of `new HostProfile(...)` passed to a method taking a
  // `HostProfile`) tells the body nothing it does not know: its tests are
  // reported where they are written, not again at each call.
  auto Typical = [&](const Val &A) {
    return A.Obj == ObjKind::Instance &&
           llvm::all_of(A.Fields, [&](const auto &F) {
             auto M = Members.find(A.Name + "." + F.first);
             return M != Members.end() && M->second.E && F.second &&
                    toString(*M->second.E) == toString(*F.second);
           });
  };
  bool Objects = llvm::any_of(Args, [&](const Val &A) {
    return (A.isObject() && !Typical(A)) || (A.E && dependsOnVersion(*A.E));
  });
  // A helper whose source its argument names (`ReadNt("UBR")` reading
  // `key.GetValue(valueName)`): walked again with the text bound.
  if (!Objects && (!Fn.Return || !Fn.Return->related()))
    Objects = llvm::any_of(
        Args, [](const Val &A) { return A.E && A.E->Kind == Op::StrConst; });
  // A condition over what every call passes, judged inside the method
  // (where its literal and a fix are): not again at each call.
  if (Fn.Return && Fn.Return->E && isBoolean(*Fn.Return->E) &&
      !hasParam(*Fn.Return->E) && dependsOnVersion(*Fn.Return->E))
    return Val::of(unknown());
  if (Objects && !script::isNull(Fn.Def) && Instantiating < 3 &&
      Depth < script::MaxExprDepth / 2) {
    auto Callee = [&] {
      Frame Fr;
      Fr.Func = true;
      Fr.Function = Key;
      Fr.Class = Fn.Class;
      for (size_t I = 0; I < Fn.Params.size() && I < Args.size(); ++I)
        Fr.Vars[Fn.Params[I]] = Args[I];
      return Fr;
    };
    auto Body = [&] {
      script::Node B = script::field(Fn.Def, "body");
      if (!script::isNull(B))
        walkBody(B);
    };
    if (auto R =
            instantiateBody(memoKey(Key, Call, Args), Key, Call, Callee, Body))
      return *R;
  }
  std::vector<ExprPtr> Bound(Fn.Params.size());
  for (size_t I = 0; I < ArgNodes.size() && I < Bound.size(); ++I)
    if (!Args[I].isObject())
      Bound[I] = operand(Args[I], ArgNodes[I]);
  for (size_t I = 0; I < Bound.size(); ++I)
    if (!Bound[I])
      Bound[I] = param(I);
  // out/ref arguments receive what the method writes to them.
  for (auto &[I, Out] : Fn.Outs) {
    if (I >= ArgNodes.size())
      continue;
    script::Node A = ArgNodes[I];
    script::Node Target = A;
    if (typeOf(A) == "declaration_expression")
      Target = script::field(A, "name");
    Val V = Out;
    if (V.E)
      V.E = keepSpellingsWithin(instantiate(V.E, Bound, {}, span(Call)),
                                span(Call));
    assign(Target, V);
  }
  if (!Fn.Return)
    return {};
  Val R = *Fn.Return;
  if (R.isObject())
    return R;
  if (!R.E || (isBoolean(*R.E) && !hasParam(*R.E)))
    return Val::of(unknown()); // a condition: reported where it is written
  if (!hasParam(*R.E))
    return R;
  // Objects passed in (an OSVersion, a registry key): the body walked
  // again is out of reach here; values go through the summary.
  R.E = instantiate(R.E, Bound, {}, span(Call));
  return R;
}

} // namespace verguard::csharp
