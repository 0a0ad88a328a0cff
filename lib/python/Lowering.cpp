//===- Lowering.cpp - Python expressions to core values ------------------===//
//
// Python 3's comparison rules: int and str are never equal (`"6002" ==
// 6002` is False, `!=` True), and ordering them raises TypeError (unknown).
// Tuples compare element by element, a shorter prefix first.
//
//===----------------------------------------------------------------------===//
#include "core/Flow.h"
#include "python/Lowerer.h"
#include "script/Operators.h"
#include "script/Wql.h"

#include "llvm/ADT/StringExtras.h"

#include <functional>

using namespace verguard::core;

namespace verguard::python {

ExprPtr Val::expr() const { return E ? E : unknown(); }

PyType typeOfExpr(const Expr &E) {
  switch (valueType(E)) {
  case ValueType::Int:
    return PyType::Int;
  case ValueType::Str:
    return PyType::Str;
  case ValueType::Bool:
    return PyType::Bool;
  default:
    return PyType::Unknown;
  }
}

void FormattedText::value(ExprPtr X) {
  if (!Cur.empty())
    Parts.push_back(strConst(Cur));
  Cur.clear();
  Parts.push_back(text(X));
}

ExprPtr FormattedText::text(const ExprPtr &X) {
  return X && typeOfExpr(*X) == PyType::Int ? unary(Op::ToStr, X) : X;
}

ExprPtr FormattedText::concat() {
  if (!Cur.empty())
    Parts.push_back(strConst(Cur));
  Cur.clear();
  return nary(Op::Concat, std::move(Parts));
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
    if (typeOf(K) != "keyword_argument")
      R.push_back(K);
  return R;
}

script::Node Lowerer::keywordArg(script::Node ArgList,
                                 llvm::StringRef Name) const {
  for (script::Node K : namedKids(ArgList))
    if (typeOf(K) == "keyword_argument" &&
        text(script::field(K, "name")) == Name)
      return script::field(K, "value");
  return {};
}

std::string Lowerer::dottedName(script::Node N) const {
  N = unwrap(N);
  std::vector<llvm::StringRef> Parts;
  while (typeOf(N) == "attribute") {
    Parts.push_back(text(script::field(N, "attribute")));
    N = script::field(N, "object");
  }
  if (typeOf(N) != "identifier")
    return "";
  std::string Head = text(N).str();
  // A local variable shadows a module name.
  for (auto F = Frames.rbegin(); F != Frames.rend(); ++F)
    if (F->Vars.count(Head))
      return "";
  auto A = Aliases.find(Head);
  std::string R = A != Aliases.end() ? A->second : Head;
  if (R == "_winreg")
    R = "winreg";
  for (auto P = Parts.rbegin(); P != Parts.rend(); ++P)
    R += "." + P->str();
  return R;
}

Val Lowerer::identifier(llvm::StringRef Name) {
  for (auto F = Frames.rbegin(); F != Frames.rend(); ++F) {
    auto It = F->Vars.find(Name.str());
    if (It != F->Vars.end())
      return It->second;
  }
  auto It = FinalGlobals.find(Name.str());
  if (It != FinalGlobals.end())
    return It->second;
  auto A = Aliases.find(Name.str());
  if (A != Aliases.end() && A->second == "winreg.HKEY_LOCAL_MACHINE")
    return Val::obj(ObjKind::HKLM);
  if (A != Aliases.end())
    if (auto V = importedValue(A->second)) // `from pkg.osinfo import BUILD`
      return *V;
  // A class by its name (`Platform.SP2_BUILD`, an IntEnum's member): its
  // class attributes.
  if (Classes.count(Name.str())) {
    Val C = Val::obj(ObjKind::Self);
    C.Name = Name.str();
    return C;
  }
  if (Name == "True")
    return Val::of(boolConst(true));
  if (Name == "False")
    return Val::of(boolConst(false));
  if (auto Q = inferFromName(Name))
    return Val::of(*Q);
  return {};
}

Val Lowerer::stringLiteral(script::Node N, int Depth) {
  // The prefix: r/R keeps backslashes, f/F interpolates.
  script::Node Start = script::child(N, 0);
  llvm::StringRef Prefix =
      text(Start).take_while([](char C) { return C != '\'' && C != '"'; });
  bool Raw = Prefix.contains_insensitive('r');
  FormattedText F;
  std::string &Cur = F.Cur;
  bool Interpolated = false;
  for (script::Node K = script::firstChild(N); !script::isNull(K);
       K = script::nextSibling(K)) {
    llvm::StringRef T = typeOf(K);
    if (T == "string_content") {
      // Escapes are children of the content: copy around them.
      uint32_t At = script::startByte(K);
      for (script::Node X = script::firstChild(K); !script::isNull(X);
           X = script::nextSibling(X)) {
        Cur += Src.slice(At, script::startByte(X)).str();
        llvm::StringRef Esc = text(X);
        if (Raw || typeOf(X) != "escape_sequence" || Esc.size() < 2)
          Cur += Esc.str();
        else if (Esc[1] == 'n')
          Cur += '\n';
        else if (Esc[1] == 't')
          Cur += '\t';
        else if (Esc[1] == '\\' || Esc[1] == '\'' || Esc[1] == '"')
          Cur += Esc[1];
        else
          Cur += Esc.str();
        At = script::endByte(X);
      }
      Cur += Src.slice(At, script::endByte(K)).str();
    } else if (T == "interpolation") {
      Interpolated = true;
      script::Node X = script::field(K, "expression");
      F.value(script::isNull(script::field(K, "format_specifier"))
                  ? lower(X, Depth + 1).expr()
                  : unknown());
    }
  }
  if (!Interpolated)
    return Val::of(strConst(Cur, spell(N)));
  return Val::of(F.concat());
}

namespace {

std::optional<CmpOp> cmpOp(llvm::StringRef Op) {
  return Op == "<>" ? CmpOp::NE : script::comparisonOp(Op);
}

/// The items a value has as a sequence: a tuple's, or a struct sequence's.
std::optional<std::vector<ExprPtr>> sequenceItems(const Val &V) {
  std::vector<ExprPtr> R;
  if (V.Obj == ObjKind::Tuple) {
    for (const Val &I : V.Items)
      R.push_back(I.expr());
    return R;
  }
  if (V.Obj == ObjKind::WinVer) {
    R = {quantity(Quantity::Major, "sys.getwindowsversion()[0]"),
         quantity(Quantity::Minor, "sys.getwindowsversion()[1]"),
         quantity(Quantity::Build, "sys.getwindowsversion()[2]"), unknown(),
         quantity(Quantity::CSDVersion, "sys.getwindowsversion()[4]")};
    return R;
  }
  return std::nullopt;
}

/// Tuple comparison, element by element; the first difference decides and
/// a tuple that is a prefix of the other is the smaller. An equality's
/// element tests are written as the whole comparison W (a fix joins a
/// second whole comparison, the same as joining the element's test with
/// its twin); an order's are not written.
ExprPtr tupleCompare(CmpOp O, const std::vector<ExprPtr> &A,
                     const std::vector<ExprPtr> &B, const Spelling &W) {
  size_t N = std::min(A.size(), B.size());
  Spelling Whole = O == CmpOp::EQ || O == CmpOp::NE ? W : Spelling();
  auto Typed = [&](CmpOp O, const ExprPtr &X, const ExprPtr &Y) -> ExprPtr {
    PyType TX = typeOfExpr(*X), TY = typeOfExpr(*Y);
    CmpMode M =
        TX == PyType::Str || TY == PyType::Str ? CmpMode::Str : CmpMode::Int;
    if (TX != PyType::Unknown && TY != PyType::Unknown && TX != TY &&
        !(TX == PyType::Bool || TY == PyType::Bool))
      return O == CmpOp::EQ   ? boolConst(false)
             : O == CmpOp::NE ? boolConst(true)
                              : unknown();
    return cmp(O, X, Y, M, Dialect::Python, Whole);
  };
  if (O == CmpOp::EQ || O == CmpOp::NE) {
    if (A.size() != B.size())
      return boolConst(O == CmpOp::NE);
    // Equal if every item is; unequal if any item is (each element's test
    // is then the comparison's own operator, as its text says).
    ExprPtr R;
    for (size_t I = 0; I < N; ++I) {
      ExprPtr T = Typed(O, A[I], B[I]);
      R = !R ? T : O == CmpOp::EQ ? logicAnd(R, T) : logicOr(R, T);
    }
    return R ? R : boolConst(O == CmpOp::EQ);
  }
  // The tail decides by length when every item is equal.
  int LenCmp = A.size() < B.size() ? -1 : (A.size() > B.size() ? 1 : 0);
  bool Tail = O == CmpOp::LT   ? LenCmp < 0
              : O == CmpOp::LE ? LenCmp <= 0
              : O == CmpOp::GT ? LenCmp > 0
                               : LenCmp >= 0;
  ExprPtr R = boolConst(Tail);
  CmpOp Strict = O == CmpOp::LE ? CmpOp::LT : O == CmpOp::GE ? CmpOp::GT : O;
  for (size_t I = N; I-- > 0;) {
    if (I + 1 == N && A.size() == B.size()) {
      R = Typed(O, A[I], B[I]); // the last pair: the operator itself
      continue;
    }
    R = logicOr(Typed(Strict, A[I], B[I]),
                logicAnd(Typed(CmpOp::EQ, A[I], B[I]), R));
  }
  return R;
}

} // namespace

ExprPtr Lowerer::rangeTest(const Val &L, script::Node LN, script::Node RN) {
  RN = unwrap(RN);
  if (typeOf(RN) != "call" || text(script::field(RN, "function")) != "range")
    return nullptr;
  std::vector<script::Node> A = args(script::field(RN, "arguments"));
  if (A.empty() || A.size() > 3)
    return nullptr;
  std::vector<ExprPtr> Bounds;
  for (script::Node X : A) {
    ExprPtr V = operand(lower(X, 1), X);
    if (V->Kind != Op::IntConst)
      return nullptr;
    Bounds.push_back(V);
  }
  if (A.size() == 3 && Bounds[2]->Int != 1)
    return nullptr; // a step: not a range of every integer
  ExprPtr X = operand(L, LN);
  if (typeOfExpr(*X) == PyType::Str)
    return boolConst(false); // a str is in no range
  // `b in range(6000, 6003)`: 6000 <= b < 6003; each bound editable.
  ExprPtr Lo = A.size() == 1 ? intConst(0) : Bounds[0];
  ExprPtr Hi = A.size() == 1 ? Bounds[0] : Bounds[1];
  return logicAnd(
      cmp(CmpOp::GE, X, Lo, CmpMode::Int, Dialect::Python, Spelling()),
      cmp(CmpOp::LT, X, Hi, CmpMode::Int, Dialect::Python, Spelling()));
}

Val Lowerer::compare(llvm::StringRef OpText, const Val &L, script::Node LN,
                     const Val &R, script::Node RN, uint32_t B, uint32_t E,
                     script::Node OpN, bool InChain) {
  std::string Op = normalize(OpText);
  if (Op == "in" || Op == "not in") {
    bool Neg = Op == "not in";
    ExprPtr Res;
    if (R.Obj == ObjKind::Dict) {
      // `build in TABLE`: the table's own guard (VG005).
      tableGuard(R.DictNode, L.expr());
      return Val::of(unknown());
    }
    if (R.Obj == ObjKind::Tuple) {
      std::vector<ExprPtr> Kids{operand(L, LN)};
      for (const Val &I : R.Items)
        Kids.push_back(I.expr());
      auto N = clone(*nary(Op::Element, std::move(Kids)));
      N->Cmp = CmpOp::EQ;
      // `str(v.build) in ("6001", "6002")`: strings compared as strings.
      if (N->Kids[0] && typeOfExpr(*N->Kids[0]) == PyType::Str)
        N->Mode = CmpMode::Str;
      N->Syntax = Dialect::Python;
      N->Written = spell(B, E);
      Res = N;
    } else if (ExprPtr InRange = rangeTest(L, LN, RN)) {
      Res = InRange;
    } else if (R.Obj == ObjKind::Platform ||
               (R.E && typeOfExpr(*R.E) == PyType::Str)) {
      // `"6.0.6002" in platform.platform()`: the version is what the
      // platform string holds of the build.
      ExprPtr Hay = R.Obj == ObjKind::Platform
                        ? quantity(Quantity::Version, "platform.platform()")
                        : operand(R, RN);
      auto N = clone(*binary(Op::Contains, Hay, operand(L, LN)));
      N->Syntax = Dialect::Python;
      // A fix writes the test twice (`a in s or b in s`): not where s runs
      // a command (`"6.0.6002" in run("cmd /c ver")`).
      if (!rerunsCommand(R, RN))
        N->Written = spell(B, E);
      Res = N;
    } else {
      return Val::of(unknown());
    }
    if (Neg) {
      auto N = clone(*logicNot(Res));
      N->Flags |= FlagNegated;
      N->Written = spell(B, E);
      return Val::of(N);
    }
    return Val::of(Res);
  }
  // `re.match(...) is not None`: whether the pattern matched.
  if ((Op == "is" || Op == "is not") && typeOf(unwrap(RN)) == "none" &&
      L.Obj == ObjKind::Match && L.E && L.E->Kind == Op::Regex)
    return Val::of(Op == "is" ? logicNot(L.E) : L.E);
  auto O = cmpOp(Op);
  if (!O)
    return Val::of(unknown()); // is, is not
  auto LI = sequenceItems(L), RI = sequenceItems(R);
  if (LI && RI)
    return Val::of(tupleCompare(*O, *LI, *RI, spell(B, E)));
  if (LI || RI)
    return Val::of(*O == CmpOp::EQ   ? boolConst(false)
                   : *O == CmpOp::NE ? boolConst(true)
                                     : unknown());
  ExprPtr A = operand(L, LN), C = operand(R, RN);
  PyType TA = typeOfExpr(*A), TC = typeOfExpr(*C);
  if (TA == PyType::Bool)
    TA = PyType::Int;
  if (TC == PyType::Bool)
    TC = PyType::Int;
  if (TA != PyType::Unknown && TC != PyType::Unknown && TA != TC)
    return Val::of(*O == CmpOp::EQ   ? boolConst(false)
                   : *O == CmpOp::NE ? boolConst(true)
                                     : unknown()); // TypeError
  CmpMode M =
      valueType(*A) == ValueType::Version && valueType(*C) == ValueType::Version
          ? CmpMode::Version
      : TA == PyType::Str || TC == PyType::Str ? CmpMode::Str
                                               : CmpMode::Int;
  Spelling W = spell(B, E);
  W.OpSpan = span(OpN);
  // A second find() joined by a fix would run the command again.
  auto FindReruns = [&](const ExprPtr &X, script::Node N) {
    script::Node Fn = script::field(unwrap(N), "function");
    return X->Kind == Op::Find && !X->Kids.empty() && X->Kids[0] &&
           typeOf(Fn) == "attribute" &&
           rerunsCommand(Val::of(X->Kids[0]), script::field(Fn, "object"));
  };
  if (FindReruns(A, LN) || FindReruns(C, RN))
    W = {};
  // A fix joins a second version comparison with `or`, which a chain
  // (`Version(a) <= Version(v) <= Version(b)`) cannot take.
  if (M == CmpMode::Version && InChain) {
    W.Span = SourceSpan();
    W.OpSpan = SourceSpan();
  }
  return Val::of(cmp(*O, A, C, M, Dialect::Python, W));
}

Val Lowerer::comparison(script::Node N, int Depth) {
  // a < b < c is (a < b) and (b < c); operators are the unnamed children
  // between the operands (`not in`, `is not` are two tokens).
  std::vector<script::Node> Operands;
  std::vector<std::pair<uint32_t, uint32_t>> Ops;
  for (script::Node K = script::firstChild(N); !script::isNull(K);
       K = script::nextSibling(K)) {
    if (isExtra(K))
      continue;
    if (script::isNamed(K)) {
      Operands.push_back(K);
      continue;
    }
    if (Ops.size() + 1 == Operands.size())
      Ops.push_back({script::startByte(K), script::endByte(K)});
    else if (!Ops.empty())
      Ops.back().second = script::endByte(K);
  }
  if (Operands.size() < 2 || Ops.size() + 1 != Operands.size())
    return Val::of(unknown());
  ExprPtr R;
  Val Prev = lower(Operands[0], Depth + 1);
  for (size_t I = 0; I < Ops.size(); ++I) {
    Val Next = lower(Operands[I + 1], Depth + 1);
    script::Node OpN{};
    for (script::Node K = script::firstChild(N); !script::isNull(K);
         K = script::nextSibling(K))
      if (script::startByte(K) == Ops[I].first)
        OpN = K;
    uint32_t B = script::startByte(Operands[I]),
             E = script::endByte(Operands[I + 1]);
    Val C = compare(Src.slice(Ops[I].first, Ops[I].second), Prev, Operands[I],
                    Next, Operands[I + 1], B, E, OpN, Ops.size() > 1);
    if (Ops[I].second - Ops[I].first > 3 && C.E && C.E->Kind == Op::Cmp) {
      // `<>` is two characters; a two-token operator has no OpSpan edit.
    }
    R = R ? logicAnd(R, C.expr()) : C.expr();
    Prev = std::move(Next);
  }
  return Val::of(R);
}

Val Lowerer::binaryOp(script::Node N, int Depth) {
  script::Node LN = script::field(N, "left"), RN = script::field(N, "right");
  llvm::StringRef OpText = text(script::field(N, "operator")).trim();
  Val L = lower(LN, Depth + 1), R = lower(RN, Depth + 1);
  ExprPtr A = L.expr(), B = R.expr();
  PyType TA = typeOfExpr(*A), TB = typeOfExpr(*B);
  if (OpText == "+" && (TA == PyType::Str || TB == PyType::Str))
    return Val::of(nary(Op::Concat, {A, B}));
  if (OpText == "%" && TA == PyType::Str && A->Kind == Op::StrConst) {
    // "%d.%d.%d" % (major, minor, build): plain %d/%s/%i items.
    std::vector<Val> Items =
        R.Obj == ObjKind::Tuple ? R.Items : std::vector<Val>{R};
    FormattedText Out;
    llvm::StringRef F = A->Str;
    size_t Next = 0;
    for (size_t I = 0; I < F.size(); ++I) {
      if (F[I] != '%' || I + 1 >= F.size()) {
        Out.Cur += F[I];
        continue;
      }
      char C = F[++I];
      if (C == '%') {
        Out.Cur += '%';
        continue;
      }
      if ((C != 'd' && C != 's' && C != 'i') || Next >= Items.size())
        return Val::of(unknown());
      Out.value(Items[Next++].expr());
    }
    return Val::of(Out.concat());
  }
  if (TA == PyType::Str || TB == PyType::Str)
    return Val::of(unknown());
  static const std::pair<const char *, Op> Ops[] = {
      {"+", Op::Add},  {"-", Op::Sub},    {"*", Op::Mul},   {"//", Op::Div},
      {"%", Op::Mod},  {"&", Op::BitAnd}, {"|", Op::BitOr}, {"^", Op::BitXor},
      {"<<", Op::Shl}, {">>", Op::Shr}};
  for (auto &[T, K] : Ops)
    if (OpText == T)
      return Val::of(binary(K, A, B));
  return Val::of(unknown());
}

Val Lowerer::subscript(script::Node N, int Depth) {
  Val Obj = lower(script::field(N, "value"), Depth + 1);
  script::Node Sub = script::field(N, "subscript");
  if (typeOf(Sub) == "slice") {
    // [a:b] on a tuple or a string; steps are not followed.
    std::optional<int64_t> From, To;
    bool Second = false, Plain = true;
    for (script::Node K = script::firstChild(Sub); !script::isNull(K);
         K = script::nextSibling(K)) {
      if (isExtra(K))
        continue;
      if (!script::isNamed(K)) {
        if (text(K) == ":") {
          if (Second)
            Plain = false; // a step
          Second = true;
        }
        continue;
      }
      Val V = lower(K, Depth + 1);
      if (!V.E || V.E->Kind != Op::IntConst) {
        Plain = false;
        continue;
      }
      (Second ? To : From) = V.E->Int;
    }
    if (!Plain)
      return {};
    int64_t F = From.value_or(0);
    if (F < 0)
      return {};
    if (auto Items = [&]() -> std::optional<std::vector<Val>> {
          if (Obj.Obj == ObjKind::Tuple)
            return Obj.Items;
          if (Obj.Obj == ObjKind::WinVer) {
            std::vector<Val> R;
            for (int I = 0; I < 5; ++I)
              R.push_back(item(Obj, Val::of(intConst(I)), N));
            return R;
          }
          return std::nullopt;
        }()) {
      int64_t T = To.value_or(Items->size());
      if (T < 0)
        T += Items->size();
      Val R = Val::obj(ObjKind::Tuple);
      for (int64_t I = F; I < T && I < int64_t(Items->size()); ++I)
        R.Items.push_back((*Items)[I]);
      return R;
    }
    if (Obj.E && typeOfExpr(*Obj.E) == PyType::Str && (!To || *To >= F))
      return Val::of(
          nary(Op::Substr, {Obj.E, intConst(F), intConst(To ? *To - F : -1)}));
    return {};
  }
  Val I = lower(Sub, Depth + 1);
  if (Obj.Obj == ObjKind::Dict)
    return lookup(Obj, I);
  return item(Obj, I, N);
}

bool Lowerer::rerunsCommand(const Val &V, script::Node N) const {
  return V.E && readsCommandOutput(*V.E) &&
         !script::nodesOf(N, {"call"}).empty();
}

Val Lowerer::lookup(const Val &Dict, const Val &Key) {
  if (auto K = constText(Key)) {
    if (auto F = Dict.Fields.find(*K); F != Dict.Fields.end())
      return Val::of(F->second);
    if (Dict.Lines)
      return Val::of(
          core::keyedLineValue(Dict.Lines, *K, Dict.Sep, Dict.Trimmed));
  }
  tableGuard(Dict.DictNode, Key.expr());
  return {};
}

void Lowerer::literalQuery(script::Node Lit) {
  Val V = lower(Lit);
  if (V.E && V.E->Kind == Op::StrConst && script::queriesOs(V.E->Str))
    wqlGuard(Lit);
}

void Lowerer::wqlGuard(script::Node Lit, const core::ExprPtr &Query) {
  Lit = unwrap(Lit);
  // A query kept in a constant (`wql = "SELECT ..."; conn.query(wql)`):
  // its literal, where the constant's spelling says it is written.
  // Put together from constants: no literal text to edit.
  if (Query && Query->Kind == Op::Concat)
    if (auto Q = constText(*Query))
      return wqlLiteralGuard(*Q, std::nullopt, Lit);
  if (typeOf(Lit) != "string" && Query && Query->Kind == Op::StrConst) {
    script::Node Found{};
    if (Query->Written.Span.valid())
      for (script::Node S : script::nodesOf(script::rootOf(Lit), {"string"}))
        if (span(S) == Query->Written.Span)
          Found = S;
    if (script::isNull(Found))
      return wqlLiteralGuard(Query->Str, std::nullopt, Lit);
    Lit = Found;
  }
  if (typeOf(Lit) != "string")
    return;
  // Plain literal text only: escapes and fields make offsets differ.
  script::Node Content{};
  for (script::Node K : namedKids(Lit)) {
    llvm::StringRef T = typeOf(K);
    if (T == "string_content" && script::isNull(Content) &&
        !script::namedChildCount(K))
      Content = K;
    else if (T != "string_start" && T != "string_end")
      return;
  }
  if (!script::isNull(Content))
    wqlLiteralGuard(text(Content), script::startByte(Content), Lit);
}

Val Lowerer::call(script::Node N, int Depth) {
  script::Node Fn = unwrap(script::field(N, "function"));
  script::Node ArgList = script::field(N, "arguments");
  // `tuple(int(p) for p in platform.version().split("."))`: its items.
  if (typeOf(Fn) == "identifier" &&
      (text(Fn) == "tuple" || text(Fn) == "list") &&
      typeOf(ArgList) == "generator_expression")
    return comprehension(ArgList, Depth + 1);
  // `any(v.build == b for b in (6001, 6002))`, `all(...)`: the test for
  // each item of a literal tuple or list, joined (no text to edit: the
  // items are not written where the test is).
  if (typeOf(Fn) == "identifier" && (text(Fn) == "any" || text(Fn) == "all") &&
      typeOf(ArgList) == "generator_expression") {
    script::Node Body = script::field(ArgList, "body");
    script::Node For{};
    for (script::Node K : namedKids(ArgList))
      if (typeOf(K) == "for_in_clause")
        For = script::isNull(For) ? K : script::Node{};
    script::Node Var = script::field(For, "left");
    Val Over = script::isNull(For)
                   ? Val()
                   : lower(script::field(For, "right"), Depth + 1);
    if (!script::isNull(Body) && typeOf(Var) == "identifier" &&
        Over.Obj == ObjKind::Tuple && !Over.Items.empty()) {
      std::string Name = text(Var).str();
      auto Saved = top().Vars.find(Name) != top().Vars.end()
                       ? std::optional<Val>(top().Vars[Name])
                       : std::nullopt;
      ExprPtr R;
      for (const Val &Item : Over.Items) {
        top().Vars[Name] = Item;
        ExprPtr C = lowerCond(Body, Depth + 1);
        R = !R ? C : text(Fn) == "any" ? logicOr(R, C) : logicAnd(R, C);
      }
      if (Saved)
        top().Vars[Name] = *Saved;
      else
        top().Vars.erase(Name);
      return Val::of(keepSpellingsWithin(R, SourceSpan{}));
    }
  }
  std::vector<script::Node> ArgNodes = args(ArgList);
  std::vector<Val> Args;
  for (script::Node A : ArgNodes)
    Args.push_back(lower(A, Depth + 1));
  std::string Name = dottedName(Fn);
  // `frozenset({6001, 6002})`, `set([...])`, `tuple(...)`: the same items.
  if ((Name == "frozenset" || Name == "set" || Name == "tuple" ||
       Name == "list" || Name == "sorted") &&
      Args.size() == 1 && Args[0].Obj == ObjKind::Tuple)
    return Args[0];
  if (!Name.empty())
    if (auto S = sourceCall(Name, N, Args, ArgNodes))
      return *S;
  if (!Name.empty())
    if (auto S = importedCall(Name, N, Args, ArgNodes))
      return *S;
  // The script's own functions and methods, per call.
  std::string Key;
  bool Method = false;
  if (typeOf(Fn) == "identifier") {
    Key = text(Fn).str();
    // A namedtuple's instance: a record of the arguments by field.
    if (Val T = identifier(Key); T.Obj == ObjKind::RecordType) {
      Val R = Val::obj(ObjKind::Dict);
      for (size_t I = 0; I < T.Items.size(); ++I) {
        auto F = constText(T.Items[I]);
        script::Node K = keywordArg(ArgList, F ? *F : "");
        Val A = !script::isNull(K)     ? lower(K, Depth + 1)
                : I < Args.size() && F ? Args[I]
                                       : Val();
        if (F)
          setField(R, *F, A.E);
      }
      return R;
    }
    // `cls(...)` in a class method: the class's constructor.
    if (!Classes.count(Key))
      if (Val C = identifier(Key); C.Obj == ObjKind::Self)
        Key = C.Name;
    if (Classes.count(Key)) {
      // A constructor: an instance of the class.
      construct(Key, ArgList, ArgNodes, Args, Depth);
      Val V = Val::obj(ObjKind::Self);
      V.Name = Key;
      return V;
    }
  } else if (typeOf(Fn) == "attribute") {
    Val Obj = lower(script::field(Fn, "object"), Depth + 1);
    llvm::StringRef M = text(script::field(Fn, "attribute"));
    if (Obj.Obj == ObjKind::Self) {
      Key = Obj.Name + "." + M.str();
      Method = true;
    } else {
      return method(Obj, M, N, Args, ArgNodes, Depth);
    }
  }
  auto F = Functions.find(Key);
  if (Key.empty() || F == Functions.end())
    return {};
  // A method called through self: its first parameter is self.
  size_t Skip = F->second.Method && Method ? 1 : 0;
  noteCallerArguments(Key, Args, Skip, &ArgNodes);
  // A return of a bare parameter (`return default`) tells nothing.
  const std::optional<Val> &FR = F->second.Return;
  // An empty record (`found = {}` filled by a loop over a parameter's
  // lines) tells nothing either.
  bool EmptyRecord =
      FR && FR->Obj == ObjKind::Dict && FR->Fields.empty() && !FR->Lines &&
      (script::isNull(FR->DictNode) || !script::namedChildCount(FR->DictNode));
  bool Related = FR && !EmptyRecord &&
                 (FR->isObject() ||
                  (FR->E && (dependsOnVersion(*FR->E) ||
                             (hasParam(*FR->E) && FR->E->Kind != Op::Param))));
  if (!Related) {
    // Nothing known without the arguments: try with them.
    bool Constant = llvm::any_of(Args, [](const Val &A) {
      return A.isObject() || (A.E && A.E->isConst());
    });
    if (Constant && Instantiating < 3)
      if (auto R = instantiate(Key, N, Args, Skip, Depth))
        return *R;
    // A new empty record all the same (`facts = new_facts()`, filled by
    // `facts["build"] = ...`).
    if (EmptyRecord)
      return *FR;
    return {};
  }
  const Val &Ret = *F->second.Return;
  if (Ret.E && isBoolean(*Ret.E) && !hasParam(*Ret.E))
    return Val::of(unknown()); // a condition: reported where it is written
  if (!Ret.E || !hasParam(*Ret.E))
    return Ret;
  std::vector<ExprPtr> Bound(F->second.Params.size());
  for (size_t I = 0; I < ArgNodes.size() && I + Skip < Bound.size(); ++I)
    Bound[I + Skip] = operand(Args[I], ArgNodes[I]);
  for (size_t I = 0; I < F->second.Params.size(); ++I) {
    script::Node K = keywordArg(ArgList, F->second.Params[I]);
    if (!script::isNull(K))
      Bound[I] = operand(lower(K, Depth + 1), K);
  }
  for (size_t I = 0; I < Bound.size(); ++I)
    if (!Bound[I])
      Bound[I] = param(I); // left to the parameter's default
  // What the function writes is not the call's to edit: only the
  // arguments keep their spellings.
  Val R = Ret;
  R.E = core::instantiate(Ret.E, Bound, {}, span(N));
  return R;
}

std::optional<Val> Lowerer::instantiate(const std::string &Key,
                                        script::Node Call,
                                        const std::vector<Val> &Args,
                                        size_t Skip, int Depth) {
  const Function &Fn = Functions[Key];
  if (script::isNull(Fn.Def) || Depth > script::MaxExprDepth / 2)
    return std::nullopt;
  // Each argument as the body would see it: its value, or an object's
  // kind with its items (`run(["wmic", ...])` is not `run(["systeminfo"])`).
  std::function<std::string(const Val &)> Memo1 = [&](const Val &A) {
    std::string M = std::to_string(int(A.Obj));
    if (A.E)
      M += ":" + toString(*A.E);
    for (const Val &I : A.Items)
      M += "(" + Memo1(I) + ")";
    return M;
  };
  std::string Memo = Key;
  for (const Val &A : Args)
    Memo += "\x1f" + Memo1(A);
  auto Callee = [&] {
    Frame F;
    F.Func = true;
    F.Function = Key;
    F.Class = Fn.Class;
    script::Node ArgList = script::field(Call, "arguments");
    for (size_t I = 0; I < Fn.Params.size(); ++I) {
      Val V;
      if (I == 0 && Fn.Method) {
        V = Val::obj(ObjKind::Self);
        V.Name = Fn.Class;
      } else if (I >= Skip && I - Skip < Args.size()) {
        V = Args[I - Skip];
      }
      script::Node K = keywordArg(ArgList, Fn.Params[I]);
      if (!script::isNull(K))
        V = lower(K, Depth + 1);
      if (!Fn.Params[I].empty())
        F.Vars[Fn.Params[I]] = V;
    }
    return F;
  };
  return instantiateBody(Memo, Key, Call, Callee,
                         [&] { walkBlock(script::field(Fn.Def, "body")); });
}

Val Lowerer::lower(script::Node N, int Depth) {
  if (Depth > script::MaxExprDepth) {
    tooDeep(N);
    return {};
  }
  N = unwrap(N);
  llvm::StringRef T = typeOf(N);
  if (T == "integer") {
    std::string S = text(N).str();
    llvm::erase(S, '_');
    llvm::StringRef R = S;
    int64_t V;
    unsigned Radix = 10;
    if (R.consume_front_insensitive("0x"))
      Radix = 16;
    else if (R.consume_front_insensitive("0o"))
      Radix = 8;
    else if (R.consume_front_insensitive("0b"))
      Radix = 2;
    if (R.getAsInteger(Radix, V))
      return {};
    return Val::of(intConst(V, spell(N)));
  }
  if (T == "string")
    return stringLiteral(N, Depth);
  if (T == "concatenated_string") {
    std::vector<ExprPtr> Parts;
    for (script::Node K : namedKids(N))
      Parts.push_back(lower(K, Depth + 1).expr());
    return Val::of(nary(Op::Concat, std::move(Parts)));
  }
  if (T == "true" || T == "false")
    return Val::of(boolConst(T == "true"));
  if (T == "identifier")
    return identifier(text(N));
  if (T == "tuple" || T == "list" || T == "expression_list" || T == "set") {
    Val V = Val::obj(ObjKind::Tuple);
    for (script::Node K : namedKids(N)) {
      Val I = lower(K, Depth + 1);
      if (!I.E && !I.isObject())
        I.E = unknown();
      V.Items.push_back(I);
    }
    return V;
  }
  if (T == "list_comprehension" || T == "generator_expression")
    return comprehension(N, Depth);
  if (T == "dictionary") {
    Val V = Val::obj(ObjKind::Dict);
    V.DictNode = N;
    for (script::Node P : namedKids(N)) {
      if (typeOf(P) != "pair")
        continue;
      script::Node K = script::field(P, "key");
      if (typeOf(K) != "string")
        continue;
      Val KV = lower(K, Depth + 1);
      auto Key = constText(KV);
      if (!Key)
        continue;
      setField(V, *Key, lower(script::field(P, "value"), Depth + 1).E);
    }
    return V;
  }
  if (T == "attribute") {
    script::Node O = script::field(N, "object");
    llvm::StringRef A = text(script::field(N, "attribute"));
    std::string Dotted = dottedName(N);
    if (Dotted == "winreg.HKEY_LOCAL_MACHINE")
      return Val::obj(ObjKind::HKLM);
    if (!Dotted.empty())
      for (const UserSource &U : Opts.Sources)
        if ((U.Language.empty() || U.Language == "python") && U.Name == Dotted)
          return Val::of(quantity(U.Q, "user source " + U.Name));
    if (!Dotted.empty())
      if (auto V = importedValue(Dotted)) // `osinfo.BUILD`
        return *V;
    return member(lower(O, Depth + 1), A, N);
  }
  if (T == "subscript")
    return subscript(N, Depth);
  if (T == "call")
    return call(N, Depth);
  if (T == "comparison_operator")
    return comparison(N, Depth);
  if (T == "boolean_operator") {
    Val L = lower(script::field(N, "left"), Depth + 1),
        R = lower(script::field(N, "right"), Depth + 1);
    bool IsOr = text(script::field(N, "operator")).trim() == "or";
    bool LB = L.E && isBoolean(*L.E), RB = R.E && isBoolean(*R.E);
    if (!LB && !RB && !L.isObject() && !R.isObject()) {
      // `build or os_build()`: a value with a fallback, not a condition.
      if (R.E && dependsOnVersion(*R.E))
        return R;
      if (L.E && dependsOnVersion(*L.E))
        return L;
    }
    // `v = v or current()`: a parameter with an object as its fallback.
    if (IsOr && !LB && !RB && (L.isObject() || R.isObject()))
      return L.isObject() ? L : R;
    ExprPtr LC = LB ? L.E : unknown(), RC = RB ? R.E : unknown();
    return Val::of(IsOr ? logicOr(LC, RC) : logicAnd(LC, RC));
  }
  if (T == "not_operator")
    return Val::of(
        logicNot(lowerCond(script::field(N, "argument"), Depth + 1)));
  if (T == "binary_operator")
    return binaryOp(N, Depth);
  if (T == "unary_operator") {
    Val V = lower(script::field(N, "argument"), Depth + 1);
    llvm::StringRef Op = text(script::field(N, "operator")).trim();
    if (V.E && Op == "-" && V.E->Kind == Op::IntConst)
      return Val::of(intConst(-V.E->Int)); // `parts[-1]`
    if (V.E && Op == "-")
      return Val::of(unary(Op::Neg, V.E));
    if (V.E && Op == "~")
      return Val::of(unary(Op::BitNot, V.E));
    return V;
  }
  if (T == "conditional_expression") {
    // `a if c else b`
    auto K = namedKids(N);
    if (K.size() != 3)
      return {};
    Val A = lower(K[0], Depth + 1), B = lower(K[2], Depth + 1);
    // `raw if raw is not None else wmic_os()` of a parameter no call in
    // sight binds (a test's injection point): the default it falls back to.
    script::Node CN = unwrap(K[1]);
    if (A.E && A.E->Kind == Op::Param && (B.isObject() || B.related()) &&
        typeOf(CN) == "comparison_operator" &&
        normalize(text(CN)) == normalize(text(K[0])) + " is not None")
      return B;
    ExprPtr C = lowerCond(K[1], Depth + 1);
    if (!A.E && !B.E)
      return {};
    return Val::of(nary(Op::Choose, {C, A.expr(), B.expr()}));
  }
  return {};
}

Val Lowerer::comprehension(script::Node N, int Depth) {
  script::Node Body = script::field(N, "body"), For{};
  for (script::Node K : namedKids(N)) {
    llvm::StringRef T = typeOf(K);
    if (T == "if_clause" || (T == "for_in_clause" && !script::isNull(For)))
      return {}; // filtered or nested: which items, unknown
    if (T == "for_in_clause")
      For = K;
  }
  if (script::isNull(For) || script::isNull(Body))
    return {};
  script::Node Var = script::field(For, "left");
  Val Items = elements(lower(script::field(For, "right"), Depth + 1));
  if (typeOf(Var) != "identifier" || Items.Obj != ObjKind::Tuple)
    return {};
  // The loop variable is the comprehension's own.
  std::string Name = text(Var).str();
  auto &Vars = top().Vars;
  auto Was = Vars.find(Name);
  std::optional<Val> Saved;
  if (Was != Vars.end())
    Saved = Was->second;
  Val R = Val::obj(ObjKind::Tuple);
  for (const Val &I : Items.Items) {
    Vars[Name] = I;
    Val X = lower(Body, Depth + 1);
    if (!X.E && !X.isObject())
      X.E = unknown();
    R.Items.push_back(std::move(X));
  }
  if (Saved)
    Vars[Name] = *Saved;
  else
    Vars.erase(Name);
  return R;
}

ExprPtr Lowerer::lowerCond(script::Node N, int Depth) {
  Val V = lower(N, Depth);
  if (V.E && isBoolean(*V.E))
    return V.E;
  return unknown();
}

} // namespace verguard::python
