//===- Expr.cpp -----------------------------------------------------------===//
#include "core/Expr.h"

#include "llvm/ADT/STLExtras.h"

#include <functional>

namespace verguard::core {

namespace {
std::shared_ptr<Expr> make(Op K) {
  auto E = std::make_shared<Expr>();
  E->Kind = K;
  return E;
}
} // namespace

ExprPtr intConst(int64_t V, Spelling W) {
  auto E = make(Op::IntConst);
  E->Int = V;
  E->Written = std::move(W);
  return E;
}
ExprPtr strConst(std::string V, Spelling W) {
  auto E = make(Op::StrConst);
  E->Str = std::move(V);
  E->Written = std::move(W);
  return E;
}
ExprPtr boolConst(bool V) {
  auto E = make(Op::BoolConst);
  E->Int = V ? 1 : 0;
  return E;
}
ExprPtr quantity(Quantity Q, std::string Provenance, bool Inferred) {
  auto E = make(Op::Quantity);
  E->Q = Q;
  E->Provenance = std::move(Provenance);
  if (Inferred)
    E->Flags |= FlagInferred;
  return E;
}
ExprPtr unknown() { return make(Op::Unknown); }
ExprPtr subject() { return make(Op::Subject); }
ExprPtr unary(Op K, ExprPtr A) {
  auto E = make(K);
  E->Kids = {std::move(A)};
  return E;
}
ExprPtr binary(Op K, ExprPtr A, ExprPtr B) {
  auto E = make(K);
  E->Kids = {std::move(A), std::move(B)};
  return E;
}
ExprPtr nary(Op K, std::vector<ExprPtr> Kids) {
  auto E = make(K);
  E->Kids = std::move(Kids);
  return E;
}
ExprPtr cmp(CmpOp O, ExprPtr L, ExprPtr R, CmpMode M, Dialect D, Spelling W) {
  auto E = make(Op::Cmp);
  E->Cmp = O;
  E->Mode = M;
  E->Syntax = D;
  E->Kids = {std::move(L), std::move(R)};
  E->Written = std::move(W);
  return E;
}
ExprPtr logicAnd(ExprPtr A, ExprPtr B) {
  return binary(Op::And, std::move(A), std::move(B));
}
ExprPtr logicOr(ExprPtr A, ExprPtr B) {
  return binary(Op::Or, std::move(A), std::move(B));
}
ExprPtr logicNot(ExprPtr A) { return unary(Op::Not, std::move(A)); }

ExprPtr findFrom(ExprPtr S, ExprPtr X, ExprPtr Start, FindFrom Kind,
                 bool CaseInsensitive) {
  auto Find = [&](ExprPtr In) {
    auto F = clone(*binary(Op::Find, std::move(In), X));
    if (Kind != FindFrom::Forward)
      F->Flags |= FlagReverse;
    if (CaseInsensitive)
      F->Flags |= FlagCaseInsensitive;
    return ExprPtr(F);
  };
  if (!Start)
    return Find(std::move(S));
  // A match starting at or before Start lies in the first Start + |X|
  // characters, where its index is the same.
  if (Kind == FindFrom::LastBefore)
    return Find(
        nary(Op::Substr, {std::move(S), intConst(0),
                          binary(Op::Add, Start, unary(Op::Length, X))}));
  ExprPtr F = Find(nary(Op::Substr, {std::move(S), Start, intConst(-1)}));
  return nary(Op::Choose, {cmp(CmpOp::LT, F, intConst(0)), intConst(-1),
                           binary(Op::Add, F, Start)});
}
std::shared_ptr<Expr> clone(const Expr &N) { return std::make_shared<Expr>(N); }

std::shared_ptr<Expr> respelled(const Expr &Const, Spelling Use) {
  auto C = clone(Const);
  if (!C->DefinedAt.valid() && Const.Written.valid() &&
      !Use.Span.contains(Const.Written.Span))
    C->DefinedAt = Const.Written.Span;
  C->Written = std::move(Use);
  return C;
}

namespace {
/// Iterative pre-order visit (trees may be deep for obfuscated input).
void visit(const Expr &Root, const std::function<bool(const Expr &)> &F) {
  std::vector<const Expr *> Stack{&Root};
  while (!Stack.empty()) {
    const Expr *E = Stack.back();
    Stack.pop_back();
    if (!F(*E))
      return;
    for (auto It = E->Kids.rbegin(); It != E->Kids.rend(); ++It)
      if (*It)
        Stack.push_back(It->get());
  }
}
} // namespace

bool anyNode(const Expr &E, const std::function<bool(const Expr &)> &Pred) {
  bool Found = false;
  visit(E, [&](const Expr &N) {
    Found = Pred(N);
    return !Found;
  });
  return Found;
}

bool dependsOnVersion(const Expr &E) {
  return anyNode(E, [](const Expr &N) { return N.Kind == Op::Quantity; });
}

bool hasInferredQuantity(const Expr &E) {
  return anyNode(E, [](const Expr &N) {
    return N.Kind == Op::Quantity && N.has(FlagInferred);
  });
}

std::vector<Quantity> quantitiesOf(const Expr &E) {
  std::vector<Quantity> Out;
  visit(E, [&](const Expr &N) {
    if (N.Kind == Op::Quantity &&
        std::find(Out.begin(), Out.end(), N.Q) == Out.end())
      Out.push_back(N.Q);
    return true;
  });
  return Out;
}

bool isBoolean(const Expr &E) {
  switch (E.Kind) {
  case Op::Cmp:
  case Op::And:
  case Op::Or:
  case Op::Not:
  case Op::StartsWith:
  case Op::EndsWith:
  case Op::Contains:
  case Op::Like:
  case Op::Regex:
  case Op::BoolConst:
  case Op::Element:
    return true;
  case Op::Choose:
    return E.Kids.size() == 3 && isBoolean(*E.Kids[1]) && isBoolean(*E.Kids[2]);
  default:
    return false;
  }
}

const char *cmpOpName(CmpOp O) {
  switch (O) {
  case CmpOp::EQ:
    return "==";
  case CmpOp::NE:
    return "!=";
  case CmpOp::LT:
    return "<";
  case CmpOp::LE:
    return "<=";
  case CmpOp::GT:
    return ">";
  case CmpOp::GE:
    return ">=";
  }
  return "?";
}

CmpOp invert(CmpOp O) {
  switch (O) {
  case CmpOp::EQ:
    return CmpOp::NE;
  case CmpOp::NE:
    return CmpOp::EQ;
  case CmpOp::LT:
    return CmpOp::GE;
  case CmpOp::LE:
    return CmpOp::GT;
  case CmpOp::GT:
    return CmpOp::LE;
  case CmpOp::GE:
    return CmpOp::LT;
  }
  return O;
}

CmpOp swapped(CmpOp O) {
  switch (O) {
  case CmpOp::LT:
    return CmpOp::GT;
  case CmpOp::LE:
    return CmpOp::GE;
  case CmpOp::GT:
    return CmpOp::LT;
  case CmpOp::GE:
    return CmpOp::LE;
  default:
    return O;
  }
}

namespace {
const char *opName(Op K) {
  switch (K) {
  case Op::Add:
    return "+";
  case Op::Sub:
    return "-";
  case Op::Mul:
    return "*";
  case Op::Div:
    return "/";
  case Op::Mod:
    return "%";
  case Op::BitAnd:
    return "&";
  case Op::BitOr:
    return "|";
  case Op::BitXor:
    return "^";
  case Op::Shl:
    return "<<";
  case Op::Shr:
    return ">>";
  case Op::And:
    return "&&";
  case Op::Or:
    return "||";
  case Op::Neg:
    return "neg";
  case Op::BitNot:
    return "~";
  case Op::Not:
    return "!";
  case Op::Choose:
    return "choose";
  case Op::Param:
    return "param";
  case Op::StrCompare:
    return "strcmp";
  case Op::StartsWith:
    return "startsWith";
  case Op::EndsWith:
    return "endsWith";
  case Op::Contains:
    return "contains";
  case Op::Find:
    return "find";
  case Op::Substr:
    return "substr";
  case Op::Right:
    return "right";
  case Op::ToInt:
    return "toInt";
  case Op::ToStr:
    return "toStr";
  case Op::Split:
    return "split";
  case Op::Index:
    return "index";
  case Op::Like:
    return "like";
  case Op::Regex:
    return "regex";
  case Op::RegexGroup:
    return "regex-group";
  case Op::FileVersionOf:
    return "file-version-of";
  case Op::RegistryValueOf:
    return "registry-value-of";
  case Op::Concat:
    return "concat";
  case Op::Replace:
    return "replace";
  case Op::Lower:
    return "lower";
  case Op::Upper:
    return "upper";
  case Op::Trim:
    return "trim";
  case Op::Length:
    return "length";
  case Op::VersionOf:
    return "version";
  case Op::Element:
    return "in";
  case Op::CmdTokens:
    return "tokens";
  default:
    return "?";
  }
}
} // namespace

std::string toString(const Expr &E) {
  // Recursive by design but bounded: lowering caps tree depth.
  switch (E.Kind) {
  case Op::IntConst:
    return std::to_string(E.Int);
  case Op::BoolConst:
    return E.Int ? "true" : "false";
  case Op::StrConst:
    return "\"" + E.Str + "\"";
  case Op::Quantity:
    return std::string(quantityName(E.Q));
  case Op::Unknown:
    return "?";
  case Op::Param: // as the guard reads where no call binds it
    return E.Kids.empty() ? "$" + std::to_string(E.Int) : toString(*E.Kids[0]);
  case Op::Subject:
    return "$subject";
  case Op::Cmp:
    return "(" + toString(*E.Kids[0]) + " " + cmpOpName(E.Cmp) + " " +
           toString(*E.Kids[1]) + ")";
  case Op::Add:
  case Op::Sub:
  case Op::Mul:
  case Op::Div:
  case Op::Mod:
  case Op::BitAnd:
  case Op::BitOr:
  case Op::BitXor:
  case Op::Shl:
  case Op::Shr:
  case Op::And:
  case Op::Or:
    return "(" + toString(*E.Kids[0]) + " " + opName(E.Kind) + " " +
           toString(*E.Kids[1]) + ")";
  default: {
    std::string S = std::string(opName(E.Kind)) + "(";
    for (size_t I = 0; I < E.Kids.size(); ++I)
      S += (I ? ", " : "") + toString(*E.Kids[I]);
    return S + ")";
  }
  }
}

ExprPtr substitute(const ExprPtr &Root, const Expr *From, ExprPtr To) {
  if (Root.get() == From)
    return To;
  bool Changed = false;
  std::vector<ExprPtr> Kids;
  Kids.reserve(Root->Kids.size());
  for (const ExprPtr &K : Root->Kids) {
    ExprPtr N = K ? substitute(K, From, To) : K;
    Changed |= N != K;
    Kids.push_back(std::move(N));
  }
  if (!Changed)
    return Root;
  auto Copy = clone(*Root);
  Copy->Kids = std::move(Kids);
  return Copy;
}

ExprPtr param(int64_t I, ExprPtr Named) {
  auto E = std::make_shared<Expr>();
  E->Kind = Op::Param;
  E->Int = I;
  if (Named)
    E->Kids.push_back(std::move(Named));
  return E;
}

bool hasParam(const Expr &E) {
  return anyNode(E, [](const Expr &N) { return N.Kind == Op::Param; });
}

bool largerThan(const Expr &E, size_t Limit) {
  size_t Seen = 0;
  visit(E, [&](const Expr &) { return ++Seen <= Limit; });
  return Seen > Limit;
}

namespace {
/// Root rebuilt bottom-up: each node (with its kids already rewritten, and
/// copied only if one of them changed) is replaced by Visit(node), which
/// returns the node itself when it keeps it. Shared nodes stay shared.
template <typename Fn> ExprPtr rewrite(const ExprPtr &Root, const Fn &Visit) {
  bool Changed = false;
  std::vector<ExprPtr> Kids;
  Kids.reserve(Root->Kids.size());
  for (const ExprPtr &K : Root->Kids) {
    ExprPtr N = K ? rewrite(K, Visit) : K;
    Changed |= N != K;
    Kids.push_back(std::move(N));
  }
  if (!Changed)
    return Visit(Root);
  auto Copy = clone(*Root);
  Copy->Kids = std::move(Kids);
  return Visit(ExprPtr(std::move(Copy)));
}
} // namespace

ExprPtr substituteParams(const ExprPtr &Root, const std::vector<ExprPtr> &Args,
                         const std::vector<std::vector<ExprPtr>> &Lists) {
  auto ListOf = [&](const ExprPtr &K) -> const std::vector<ExprPtr> * {
    if (!K || K->Kind != Op::Param || K->Int < 0 ||
        size_t(K->Int) >= Lists.size() || Lists[K->Int].empty())
      return nullptr;
    return &Lists[K->Int];
  };
  ExprPtr Spliced = rewrite(Root, [&](const ExprPtr &N) -> ExprPtr {
    if (N->Kind != Op::Element || N->Kids.empty() ||
        std::none_of(N->Kids.begin() + 1, N->Kids.end(),
                     [&](const ExprPtr &K) { return ListOf(K); }))
      return N;
    auto Copy = clone(*N);
    Copy->Kids = {N->Kids[0]};
    for (auto K = N->Kids.begin() + 1; K != N->Kids.end(); ++K)
      if (const auto *L = ListOf(*K))
        Copy->Kids.insert(Copy->Kids.end(), L->begin(), L->end());
      else
        Copy->Kids.push_back(*K);
    return Copy;
  });
  return rewrite(Spliced, [&](const ExprPtr &N) -> ExprPtr {
    if (N->Kind != Op::Param)
      return N;
    if (N->Int >= 0 && size_t(N->Int) < Args.size() && Args[N->Int])
      return Args[N->Int];
    return unknown();
  });
}

ExprPtr keepSpellingsWithin(const ExprPtr &Root, const SourceSpan &Range,
                            bool NoteDefinitions) {
  return rewrite(Root, [&](const ExprPtr &N) -> ExprPtr {
    if (!N->Written.valid() || Range.contains(N->Written.Span))
      return N;
    auto Copy = clone(*N);
    if (NoteDefinitions && N->isConst() && !Copy->DefinedAt.valid())
      Copy->DefinedAt = N->Written.Span;
    Copy->Written = {};
    return Copy;
  });
}

ExprPtr respellSiblings(const ExprPtr &Root, Quantity Q,
                        const std::optional<std::string> &Text) {
  return rewrite(Root, [&](const ExprPtr &N) -> ExprPtr {
    if (llvm::none_of(N->Siblings, [&](const auto &S) { return S.first == Q; }))
      return N;
    auto Copy = clone(*N);
    llvm::erase_if(Copy->Siblings, [&](const auto &S) { return S.first == Q; });
    if (Text)
      Copy->Siblings.push_back({Q, *Text});
    return Copy;
  });
}

ExprPtr dropSiblings(const ExprPtr &Root,
                     const std::function<bool(const std::string &)> &Unusable) {
  return rewrite(Root, [&](const ExprPtr &N) -> ExprPtr {
    auto Drop = [&](const auto &S) { return Unusable(S.second); };
    if (llvm::none_of(N->Siblings, Drop))
      return N;
    auto Copy = clone(*N);
    llvm::erase_if(Copy->Siblings, Drop);
    return Copy;
  });
}

} // namespace verguard::core
