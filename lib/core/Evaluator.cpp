//===- Evaluator.cpp ------------------------------------------------------===//
//
// Kleene three-valued evaluation. Recursion depth is bounded by the frontends,
// which refuse to lower expressions nested deeper than a fixed limit.
//
//===----------------------------------------------------------------------===//
#include "core/Evaluator.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Regex.h"

#include <cctype>
#include <functional>

namespace verguard::core {

std::string Value::str() const {
  switch (K) {
  case Unknown:
    return "?";
  case Int:
    return std::to_string(I);
  case Str:
    return "\"" + S + "\"";
  case List: {
    std::string R = "[";
    for (size_t J = 0; J < L.size(); ++J)
      R += (J ? "," : "") + L[J].str();
    return R + "]";
  }
  }
  return "?";
}

/// cmd's number in `if a GEQ b` and `set /a`: the whole text, an optional
/// sign, then decimal, `0x` hex or `0`-led octal digits (strtol base 0).
std::optional<int64_t> cmdNumber(llvm::StringRef S) {
  llvm::StringRef T = S;
  bool Neg = T.consume_front("-");
  if (!Neg)
    T.consume_front("+");
  unsigned Radix = 10;
  if (T.size() > 2 && T.starts_with_insensitive("0x")) {
    Radix = 16;
    T = T.drop_front(2);
  } else if (T.size() > 1 && T[0] == '0') {
    Radix = 8;
  }
  uint64_t V;
  if (T.empty() || T.size() > 18 || T.getAsInteger(Radix, V))
    return std::nullopt;
  return Neg ? -int64_t(V) : int64_t(V);
}

namespace {

std::string lower(llvm::StringRef S) { return S.lower(); }

/// atoi/_wtoi/CInt-style: optional spaces and sign, then leading digits.
std::optional<int64_t> leadingInt(llvm::StringRef S, bool Strict) {
  llvm::StringRef T = S.trim();
  bool Neg = false;
  if (T.consume_front("-"))
    Neg = true;
  else
    T.consume_front("+");
  size_t N = 0;
  int64_t V = 0;
  while (N < T.size() && llvm::isDigit(T[N]) && N < 18)
    V = V * 10 + (T[N++] - '0');
  if (Strict && (N == 0 || N != T.size()))
    return std::nullopt;
  return Neg ? -V : V;
}

std::optional<std::string> asString(const Value &V) {
  if (V.K == Value::Str)
    return V.S;
  if (V.K == Value::Int)
    return std::to_string(V.I);
  if (V.K == Value::List) { // a [version]
    std::string R;
    for (size_t J = 0; J < V.L.size(); ++J) {
      if (V.L[J].K != Value::Int)
        return std::nullopt;
      R += (J ? "." : "") + std::to_string(V.L[J].I);
    }
    return R;
  }
  return std::nullopt;
}

std::optional<std::vector<int64_t>> parseVersion(llvm::StringRef S) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  S.trim().split(Parts, '.');
  if (Parts.size() < 2 || Parts.size() > 4)
    return std::nullopt;
  std::vector<int64_t> R;
  for (llvm::StringRef P : Parts) {
    auto V = leadingInt(P, /*Strict=*/true);
    if (!V || *V < 0)
      return std::nullopt;
    R.push_back(*V);
  }
  return R;
}

std::optional<std::vector<int64_t>> asVersion(const Value &V) {
  if (V.K == Value::List) {
    std::vector<int64_t> R;
    for (const Value &E : V.L) {
      if (E.K != Value::Int)
        return std::nullopt;
      R.push_back(E.I);
    }
    return R;
  }
  if (V.K == Value::Str)
    return parseVersion(V.S);
  return std::nullopt;
}

int compareVersionLists(const std::vector<int64_t> &A,
                        const std::vector<int64_t> &B) {
  for (size_t I = 0; I < std::max(A.size(), B.size()); ++I) {
    int64_t X = I < A.size() ? A[I] : -1, Y = I < B.size() ? B[I] : -1;
    if (X != Y)
      return X < Y ? -1 : 1;
  }
  return 0;
}

bool applyCmp(CmpOp O, int C) {
  switch (O) {
  case CmpOp::EQ:
    return C == 0;
  case CmpOp::NE:
    return C != 0;
  case CmpOp::LT:
    return C < 0;
  case CmpOp::LE:
    return C <= 0;
  case CmpOp::GT:
    return C > 0;
  case CmpOp::GE:
    return C >= 0;
  }
  return false;
}

int three(int64_t A, int64_t B) { return A < B ? -1 : (A > B ? 1 : 0); }

int compareStrings(llvm::StringRef A, llvm::StringRef B, bool CI) {
  int C = CI ? A.compare_insensitive(B) : A.compare(B);
  return C < 0 ? -1 : (C > 0 ? 1 : 0);
}

/// PowerShell converts a string to a number the way [int] does: optional
/// whitespace, sign and digits, or hex with 0x. Anything else is an error.
std::optional<int64_t> psNumber(llvm::StringRef S) {
  llvm::StringRef T = S.trim();
  int64_t V;
  if (T.starts_with_insensitive("0x")) {
    if (T.drop_front(2).getAsInteger(16, V))
      return std::nullopt;
    return V;
  }
  return leadingInt(T, /*Strict=*/true);
}

/// cmd's `for /f` tokens of one line (see Op::CmdTokens); nullopt if the
/// line has no token N.
std::optional<std::string>
cmdToken(llvm::StringRef Line, llvm::StringRef Delims, int64_t N, bool Rest) {
  size_t P = 0;
  for (int64_t K = 1; P < Line.size(); ++K) {
    while (P < Line.size() && Delims.contains(Line[P]))
      ++P;
    if (P >= Line.size())
      break;
    size_t End = P;
    while (End < Line.size() && !Delims.contains(Line[End]))
      ++End;
    if (K == N)
      return (Rest ? Line.substr(P) : Line.slice(P, End)).str();
    P = End;
  }
  return std::nullopt;
}

Value compareValues(const Expr &E, const Value &L, const Value &R) {
  if (!L.known() || !R.known())
    return Value::unknown();
  CmpOp O = E.Cmp;
  switch (E.Mode) {
  case CmpMode::Int: {
    if (L.K == Value::Int && R.K == Value::Int)
      return Value::boolean(applyCmp(O, three(L.I, R.I)));
    return Value::unknown();
  }
  case CmpMode::Str:
  case CmpMode::StrCI: {
    auto A = asString(L), B = asString(R);
    if (!A || !B)
      return Value::unknown();
    return Value::boolean(
        applyCmp(O, compareStrings(*A, *B, E.Mode == CmpMode::StrCI)));
  }
  case CmpMode::Version: {
    auto A = asVersion(L), B = asVersion(R);
    if (!A || !B)
      return Value::unknown();
    return Value::boolean(applyCmp(O, compareVersionLists(*A, *B)));
  }
  case CmpMode::PowerShell:
  case CmpMode::PowerShellCS: {
    bool CI = E.Mode == CmpMode::PowerShell;
    // The left operand's type governs the conversion of the right one.
    if (L.K == Value::Int) {
      if (R.K == Value::Int)
        return Value::boolean(applyCmp(O, three(L.I, R.I)));
      if (auto N = psNumber(R.S))
        return Value::boolean(applyCmp(O, three(L.I, *N)));
      return Value::unknown(); // conversion error at run time
    }
    if (L.K == Value::List) {
      auto B = asVersion(R);
      if (!B)
        return Value::unknown();
      return Value::boolean(
          applyCmp(O, compareVersionLists(*asVersion(L), *B)));
    }
    auto B = asString(R);
    if (!B)
      return Value::unknown();
    return Value::boolean(applyCmp(O, compareStrings(L.S, *B, CI)));
  }
  case CmpMode::Cmd:
  case CmpMode::CmdCI: {
    auto A = asString(L), B = asString(R);
    if (!A || !B || L.K == Value::List || R.K == Value::List)
      return Value::unknown();
    auto X = cmdNumber(*A), Y = cmdNumber(*B);
    if (X && Y)
      return Value::boolean(applyCmp(O, three(*X, *Y)));
    return Value::boolean(
        applyCmp(O, compareStrings(*A, *B, E.Mode == CmpMode::CmdCI)));
  }
  case CmpMode::VBVariant:
  case CmpMode::VBVariantText: {
    bool CI = E.Mode == CmpMode::VBVariantText;
    if (L.K == Value::Int && R.K == Value::Int)
      return Value::boolean(applyCmp(O, three(L.I, R.I)));
    if (L.K == Value::Str && R.K == Value::Str)
      return Value::boolean(applyCmp(O, compareStrings(L.S, R.S, CI)));
    if (L.K == Value::List || R.K == Value::List)
      return Value::unknown();
    // Mixed: a literal hard-types the comparison; two variables of different
    // types compare the number as less than the string.
    bool LLit = E.has(FlagLhsLiteral), RLit = E.has(FlagRhsLiteral);
    const Value &Num = L.K == Value::Int ? L : R;
    const Value &Txt = L.K == Value::Int ? R : L;
    bool NumIsLit = L.K == Value::Int ? LLit : RLit;
    bool TxtIsLit = L.K == Value::Int ? RLit : LLit;
    int C; // Num <=> Txt
    if (NumIsLit && !TxtIsLit) {
      auto N = leadingInt(Txt.S, /*Strict=*/true);
      if (!N)
        return Value::unknown(); // type mismatch at run time
      C = three(Num.I, *N);
    } else if (TxtIsLit && !NumIsLit) {
      C = compareStrings(std::to_string(Num.I), Txt.S, CI);
    } else {
      C = -1;
    }
    if (L.K != Value::Int)
      C = -C;
    return Value::boolean(applyCmp(O, C));
  }
  }
  return Value::unknown();
}

struct Eval {
  const Profile &P;
  const Assignment &A;
  const Value &Subject;

  Value str(const Expr &E, std::optional<std::string> &Out) {
    Value V = run(E);
    Out = asString(V);
    return V;
  }

  /// The text E starts with, at least N bytes of it, where its end is not
  /// known: `"%u.%u.%u.%u"` of a known build and an unknown revision
  /// starts with "6.0.6002." all the same.
  std::optional<std::string> prefix(const Expr &E, size_t N) {
    std::optional<std::string> S;
    str(E, S);
    if (S || E.Kind != Op::Concat)
      return S;
    std::string R;
    for (const ExprPtr &K : E.Kids) {
      if (R.size() >= N)
        break;
      std::optional<std::string> P = K ? prefix(*K, N - R.size()) : S;
      if (!P)
        break;
      R += *P;
      std::optional<std::string> Whole;
      if (K)
        str(*K, Whole);
      if (!Whole) // only its start is known
        break;
    }
    if (R.size() < N)
      return std::nullopt;
    return R;
  }

  Value run(const Expr &E) {
    if (!A.empty()) {
      auto It = A.find(&E);
      if (It != A.end())
        return Value::boolean(It->second);
    }
    auto Kid = [&](size_t I) { return run(*E.Kids[I]); };
    auto KidStr = [&](size_t I) -> std::optional<std::string> {
      std::optional<std::string> S;
      str(*E.Kids[I], S);
      return S;
    };
    bool CI = E.has(FlagCaseInsensitive);
    switch (E.Kind) {
    case Op::IntConst:
    case Op::BoolConst:
      return Value::integer(E.Int);
    case Op::StrConst:
      return Value::string(E.Str);
    case Op::Quantity:
      return P.get(E.Q);
    case Op::Unknown:
      return Value::unknown();
    case Op::Param: // unbound: what its name says, if anything
      return E.Kids.empty() ? Value::unknown() : Kid(0);
    case Op::Subject:
      return Subject;
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div:
    case Op::Mod:
    case Op::BitAnd:
    case Op::BitOr:
    case Op::BitXor:
    case Op::Shl:
    case Op::Shr: {
      Value L = Kid(0), R = Kid(1);
      if (L.K != Value::Int || R.K != Value::Int)
        return Value::unknown();
      uint64_t X = L.I, Y = R.I;
      switch (E.Kind) {
      case Op::Add:
        return Value::integer(X + Y);
      case Op::Sub:
        return Value::integer(X - Y);
      case Op::Mul:
        return Value::integer(X * Y);
      case Op::Div:
        return R.I ? Value::integer(L.I / R.I) : Value::unknown();
      case Op::Mod:
        return R.I ? Value::integer(L.I % R.I) : Value::unknown();
      case Op::BitAnd:
        return Value::integer(X & Y);
      case Op::BitOr:
        return Value::integer(X | Y);
      case Op::BitXor:
        return Value::integer(X ^ Y);
      case Op::Shl:
        return Y < 64 ? Value::integer(X << Y) : Value::unknown();
      case Op::Shr:
        return Y < 64 ? Value::integer(X >> Y) : Value::unknown();
      default:
        break;
      }
      return Value::unknown();
    }
    case Op::Neg: {
      Value V = Kid(0);
      return V.K == Value::Int ? Value::integer(-V.I) : Value::unknown();
    }
    case Op::BitNot: {
      Value V = Kid(0);
      return V.K == Value::Int ? Value::integer(~V.I) : Value::unknown();
    }
    case Op::Cmp:
      return compareValues(E, Kid(0), Kid(1));
    case Op::And: {
      bool SawUnknown = false;
      for (size_t I = 0; I < E.Kids.size(); ++I) {
        Value V = Kid(I);
        if (V.K == Value::Int && V.I == 0)
          return Value::boolean(false);
        if (!V.known() || V.K != Value::Int)
          SawUnknown = true;
      }
      return SawUnknown ? Value::unknown() : Value::boolean(true);
    }
    case Op::Or: {
      bool SawUnknown = false;
      for (size_t I = 0; I < E.Kids.size(); ++I) {
        Value V = Kid(I);
        if (V.K == Value::Int && V.I != 0)
          return Value::boolean(true);
        if (!V.known() || V.K != Value::Int)
          SawUnknown = true;
      }
      return SawUnknown ? Value::unknown() : Value::boolean(false);
    }
    case Op::Not: {
      Value V = Kid(0);
      return V.K == Value::Int ? Value::boolean(V.I == 0) : Value::unknown();
    }
    case Op::Choose: {
      Value C = Kid(0);
      if (!C.known() && !A.empty()) {
        // A free condition chosen under another copy of the same text
        // (`b == 6002 || b == 6003` with `b = ok ? build : 0`): one choice.
        std::string T = toString(*E.Kids[0]);
        for (const auto &[K, V] : A)
          if (K->Kind == E.Kids[0]->Kind && toString(*K) == T) {
            C = Value::boolean(V);
            break;
          }
      }
      if (C.K == Value::Int)
        return Kid(C.I ? 1 : 2);
      // An unknown condition: known only if both branches agree.
      Value T = Kid(1), F = Kid(2);
      return T.known() && T == F ? T : Value::unknown();
    }
    case Op::StrCompare: {
      auto L = KidStr(0), R = KidStr(1);
      if (E.Int > 0) { // wcsncmp: the first Int characters
        if (!L)
          L = prefix(*E.Kids[0], E.Int);
        if (!R)
          R = prefix(*E.Kids[1], E.Int);
      }
      if (!L || !R)
        return Value::unknown();
      llvm::StringRef X = *L, Y = *R;
      if (E.Int > 0) {
        X = X.take_front(E.Int);
        Y = Y.take_front(E.Int);
      }
      return Value::integer(compareStrings(X, Y, CI));
    }
    case Op::StartsWith:
    case Op::EndsWith:
    case Op::Contains:
    case Op::Find: {
      auto L = KidStr(0), R = KidStr(1);
      if (!L && R && E.Kind == Op::StartsWith)
        L = prefix(*E.Kids[0], R->size());
      if (!L || !R)
        return Value::unknown();
      if (E.Kind == Op::Find && E.has(FlagRegexPattern)) {
        auto At = regexIndex(*L, *R, CI);
        return At ? Value::integer(*At) : Value::unknown();
      }
      std::string X = CI ? lower(*L) : *L, Y = CI ? lower(*R) : *R;
      llvm::StringRef XS = X;
      if (E.Kind == Op::StartsWith)
        return Value::boolean(XS.starts_with(Y));
      if (E.Kind == Op::EndsWith)
        return Value::boolean(XS.ends_with(Y));
      if (E.Kind == Op::Contains)
        return Value::boolean(XS.contains(Y));
      size_t Pos = E.has(FlagReverse) ? XS.rfind(Y) : XS.find(Y);
      return Value::integer(Pos == llvm::StringRef::npos ? -1 : (int64_t)Pos);
    }
    case Op::Substr: {
      auto S = KidStr(0);
      Value Start = Kid(1), Len = Kid(2);
      if (!S && Start.K == Value::Int && Len.K == Value::Int && Start.I >= 0 &&
          Len.I >= 0)
        S = prefix(*E.Kids[0], Start.I + Len.I);
      if (!S || Start.K != Value::Int || Len.K != Value::Int || Start.I < 0)
        return Value::unknown();
      if ((size_t)Start.I > S->size())
        return Value::string("");
      return Value::string(Len.I < 0 ? S->substr(Start.I)
                                     : S->substr(Start.I, Len.I));
    }
    case Op::Right: {
      auto S = KidStr(0);
      Value N = Kid(1);
      if (!S || N.K != Value::Int || N.I < 0)
        return Value::unknown();
      return Value::string(llvm::StringRef(*S).take_back(N.I).str());
    }
    case Op::ToInt: {
      Value V = Kid(0);
      if (V.K == Value::Int)
        return V;
      if (V.K != Value::Str)
        return Value::unknown();
      auto N = leadingInt(V.S, /*Strict=*/false);
      return N ? Value::integer(*N) : Value::unknown();
    }
    case Op::ToStr: {
      auto S = KidStr(0);
      return S ? Value::string(*S) : Value::unknown();
    }
    case Op::Split: {
      auto S = KidStr(0), Sep = KidStr(1);
      if (!S || !Sep || Sep->empty())
        return Value::unknown();
      llvm::SmallVector<llvm::StringRef, 8> Parts;
      llvm::StringRef(*S).split(Parts, *Sep);
      std::vector<Value> L;
      for (llvm::StringRef Part : Parts)
        L.push_back(Value::string(Part.str()));
      return Value::list(std::move(L));
    }
    case Op::Index: {
      Value L = Kid(0), I = Kid(1);
      if (L.K != Value::List || I.K != Value::Int)
        return Value::unknown();
      int64_t J = I.I < 0 ? (int64_t)L.L.size() + I.I : I.I;
      if (J < 0 || J >= (int64_t)L.L.size())
        return Value::unknown();
      return L.L[J];
    }
    case Op::Like: {
      auto S = KidStr(0), Pat = KidStr(1);
      if (!S && Pat) {
        // `v Like "6.0.6002.*"` of a text whose start alone is known: its
        // literal start decides, and a lone `*` after it matches the rest.
        llvm::StringRef P = *Pat;
        size_t Lit = P.find_first_of("*?#[%_`\\");
        llvm::StringRef Head = P.take_front(Lit);
        if (Head.empty())
          return Value::unknown();
        auto Known = prefix(*E.Kids[0], Head.size());
        if (!Known)
          return Value::unknown();
        llvm::StringRef K = llvm::StringRef(*Known).take_front(Head.size());
        if (CI ? !K.equals_insensitive(Head) : K != Head)
          return Value::boolean(false);
        llvm::StringRef Rest = P.drop_front(Head.size());
        return Rest == "*" || Rest == "%" ? Value::boolean(true)
                                          : Value::unknown();
      }
      if (!S || !Pat)
        return Value::unknown();
      return Value::boolean(wildcardMatch(*S, *Pat, E.Syntax, CI));
    }
    case Op::Regex: {
      auto S = KidStr(0), Pat = KidStr(1);
      if (!S || !Pat)
        return Value::unknown();
      auto M =
          regexSearch(*S, *Pat, CI, E.has(FlagWholeMatch), E.has(FlagLines));
      return M ? Value::boolean(*M) : Value::unknown();
    }
    case Op::FileVersionOf: // its path not known: see core::instantiate
    case Op::RegistryValueOf:
      return Value::unknown();
    case Op::RegexGroup: {
      auto S = KidStr(0), Pat = KidStr(1);
      if (!S || !Pat || E.Int < 0)
        return Value::unknown();
      auto G = regexGroup(*S, *Pat, CI, static_cast<unsigned>(E.Int),
                          E.has(FlagLines));
      return G ? Value::string(*G) : Value::unknown();
    }
    case Op::Concat: {
      std::string R;
      for (size_t I = 0; I < E.Kids.size(); ++I) {
        auto S = KidStr(I);
        if (!S)
          return Value::unknown();
        R += *S;
      }
      return Value::string(R);
    }
    case Op::Replace: {
      auto S = KidStr(0), From = KidStr(1), To = KidStr(2);
      if (!S || !From || !To)
        return Value::unknown();
      if (E.has(FlagRegexPattern)) {
        auto R = regexReplace(*S, *From, *To, CI);
        return R ? Value::string(*R) : Value::unknown();
      }
      if (From->empty())
        return Value::string(*S);
      std::string R;
      llvm::StringRef Rest = *S;
      std::string Needle = CI ? lower(*From) : *From;
      while (true) {
        std::string Hay = CI ? lower(Rest) : Rest.str();
        size_t At = llvm::StringRef(Hay).find(Needle);
        if (At == llvm::StringRef::npos)
          break;
        R += Rest.take_front(At).str() + *To;
        Rest = Rest.drop_front(At + From->size());
      }
      return Value::string(R + Rest.str());
    }
    case Op::Lower:
    case Op::Upper:
    case Op::Trim: {
      auto S = KidStr(0);
      if (!S)
        return Value::unknown();
      if (E.Kind == Op::Lower)
        return Value::string(llvm::StringRef(*S).lower());
      if (E.Kind == Op::Upper)
        return Value::string(llvm::StringRef(*S).upper());
      return Value::string(llvm::StringRef(*S).trim().str());
    }
    case Op::Length: {
      Value V = Kid(0);
      if (V.K == Value::List)
        return Value::integer(V.L.size());
      auto S = asString(V);
      return S ? Value::integer(S->size()) : Value::unknown();
    }
    case Op::VersionOf: {
      Value V = Kid(0);
      auto Ver = asVersion(V);
      if (!Ver)
        return Value::unknown();
      std::vector<Value> L;
      for (int64_t C : *Ver)
        L.push_back(Value::integer(C));
      return Value::list(std::move(L));
    }
    case Op::CmdTokens: {
      auto S = KidStr(0), Eol = KidStr(2);
      Value N = Kid(1), Rest = Kid(3);
      if (!S || !Eol || N.K != Value::Int || Rest.K != Value::Int)
        return Value::unknown();
      llvm::SmallVector<llvm::StringRef, 8> Lines;
      llvm::StringRef(*S).split(Lines, '\n');
      std::optional<std::string> Found;
      for (size_t K = std::max<int64_t>(E.Int, 0); K < Lines.size(); ++K) {
        llvm::StringRef Line = Lines[K];
        Line.consume_back("\r");
        if (Line.empty() || (!Eol->empty() && Line[0] == (*Eol)[0]))
          continue;
        if (auto T = cmdToken(Line, E.Str, N.I, Rest.I != 0))
          Found = std::move(T);
      }
      return Found ? Value::string(*Found) : Value::unknown();
    }
    case Op::Element: {
      Value X = Kid(0);
      bool SawUnknown = !X.known();
      for (size_t I = 1; I < E.Kids.size() && X.known(); ++I) {
        Value Y = Kid(I);
        Value Eq = compareValues(E, X, Y);
        if (Eq.K == Value::Int && Eq.I)
          return Value::boolean(true);
        if (!Eq.known())
          SawUnknown = true;
      }
      return SawUnknown ? Value::unknown() : Value::boolean(false);
    }
    }
    return Value::unknown();
  }
};

bool isLeafCondition(const Expr &E) { return isBoolean(E) && !E.isLogic(); }

/// Visits the boolean leaves of a condition: nodes below logic operators.
void forEachLeaf(const ExprPtr &Root,
                 const std::function<void(const Expr &)> &F) {
  std::vector<const Expr *> Stack{Root.get()};
  while (!Stack.empty()) {
    const Expr *E = Stack.back();
    Stack.pop_back();
    if (!E)
      continue;
    if (E->isLogic()) {
      for (const ExprPtr &K : E->Kids)
        Stack.push_back(K.get());
      continue;
    }
    F(*E);
  }
}

template <typename F> void forEachCondition(const Guard &G, F &&Fn) {
  if (G.Kind == GuardKind::Condition) {
    if (G.Cond)
      Fn(G.Cond);
    return;
  }
  for (const Arm &A : G.Arms)
    for (const ExprPtr &T : A.Tests)
      Fn(T);
}

} // namespace

Value evaluate(const Expr &E, const Profile &P, const Assignment &A,
               const Value &Subject) {
  return Eval{P, A, Subject}.run(E);
}

Outcome evaluateGuard(const Guard &G, const Profile &P, const Assignment &A) {
  Outcome O;
  if (G.Kind == GuardKind::Condition) {
    Value V = evaluate(*G.Cond, P, A);
    if (V.K != Value::Int)
      return O;
    O.Known = true;
    O.V = {V.I != 0};
    return O;
  }
  Value Subject = G.Subject ? evaluate(*G.Subject, P, A) : Value::unknown();
  O.Known = true;
  for (size_t I = 0; I < G.Arms.size(); ++I) {
    bool Taken = false;
    for (const ExprPtr &T : G.Arms[I].Tests) {
      Value V = evaluate(*T, P, A, Subject);
      if (V.K != Value::Int) {
        O.Known = false;
        return O;
      }
      if (V.I) {
        Taken = true;
        break;
      }
    }
    if (Taken) {
      O.V.push_back(G.Kind == GuardKind::Table && G.Arms[I].ValueId >= 0
                        ? G.Arms[I].ValueId
                        : (int64_t)I);
      if (G.FirstMatchOnly)
        break;
    }
  }
  return O;
}

/// The conditions of the choices inside Leaf (`ok ? vi.dwBuildNumber : 0`)
/// that verguard cannot know and that do not depend on the version: free,
/// like an unknown leaf, and the same on both profiles.
static std::vector<const Expr *> freeChoices(const Expr &Leaf,
                                             const Profile &P) {
  std::vector<const Expr *> Out;
  Assignment None;
  std::vector<const Expr *> Stack{&Leaf};
  while (!Stack.empty()) {
    const Expr *E = Stack.back();
    Stack.pop_back();
    if (!E)
      continue;
    if (E->Kind == Op::Choose && !E->Kids.empty() && E->Kids[0] &&
        !dependsOnVersion(*E->Kids[0]) &&
        !evaluate(*E->Kids[0], P, None).known())
      Out.push_back(E->Kids[0].get());
    for (const ExprPtr &K : E->Kids)
      Stack.push_back(K.get());
  }
  return Out;
}

std::vector<const Expr *> freeAtoms(const Guard &G, const Profile &P) {
  std::vector<const Expr *> Out;
  Assignment None;
  Value Subject = G.Subject ? evaluate(*G.Subject, P, None) : Value::unknown();
  auto Add = [&](const Expr *E) {
    if (std::find(Out.begin(), Out.end(), E) == Out.end())
      Out.push_back(E);
  };
  forEachCondition(G, [&](const ExprPtr &Root) {
    forEachLeaf(Root, [&](const Expr &Leaf) {
      if (evaluate(Leaf, P, None, Subject).known())
        return;
      std::vector<const Expr *> Choices = freeChoices(Leaf, P);
      if (Choices.empty())
        Add(&Leaf);
      for (const Expr *C : Choices)
        if (llvm::none_of(Out, [&](const Expr *O) {
              return O->Kind == C->Kind && toString(*O) == toString(*C);
            }))
          Add(C);
    });
  });
  return Out;
}

std::vector<Assignment> assignments(const std::vector<const Expr *> &Atoms) {
  size_t K = std::min<size_t>(Atoms.size(), 12);
  std::vector<Assignment> Out;
  for (uint64_t Bits = 0; Bits < (uint64_t(1) << K); ++Bits) {
    Assignment A;
    for (size_t I = 0; I < K; ++I)
      A[Atoms[I]] = (Bits >> I) & 1;
    Out.push_back(std::move(A));
  }
  return Out;
}

std::vector<const Expr *> flippingAtoms(const Guard &G, const Profile &Before,
                                        const Profile &After) {
  std::vector<const Expr *> Out;
  Assignment None;
  Value SB = G.Subject ? evaluate(*G.Subject, Before, None) : Value::unknown();
  Value SA = G.Subject ? evaluate(*G.Subject, After, None) : Value::unknown();
  forEachCondition(G, [&](const ExprPtr &Root) {
    // An arm whose whole test is the same on both (`build == 7601 && rev >=
    // 24384` of a table's other entry): none of its parts changes the
    // outcome.
    if (G.Kind != GuardKind::Condition) {
      Value B = evaluate(*Root, Before, None, SB);
      Value A = evaluate(*Root, After, None, SA);
      if (B.known() && A.known() && B == A)
        return;
    }
    forEachLeaf(Root, [&](const Expr &Leaf) {
      if (!isLeafCondition(Leaf))
        return;
      bool UsesSubject = G.Kind != GuardKind::Condition;
      if (!dependsOnVersion(Leaf) && !UsesSubject)
        return;
      // Under each choice of the free conditions inside it, which are the
      // same on both profiles.
      for (const Assignment &C : assignments(freeChoices(Leaf, Before))) {
        Value B = evaluate(Leaf, Before, C, SB);
        Value A = evaluate(Leaf, After, C, SA);
        if (B.known() && A.known() && !(B == A) &&
            std::find(Out.begin(), Out.end(), &Leaf) == Out.end())
          Out.push_back(&Leaf);
      }
    });
  });
  return Out;
}

bool isFragile(const Guard &G, const Profile &Before, const Profile &After) {
  for (const Assignment &A : assignments(freeAtoms(G, Before))) {
    Outcome B = evaluateGuard(G, Before, A), Af = evaluateGuard(G, After, A);
    if (B.Known && Af.Known && B != Af)
      return true;
  }
  return false;
}

bool wildcardMatch(llvm::StringRef Text, llvm::StringRef Pattern, Dialect D,
                   bool IgnoreCase) {
  // Iterative matcher with backtracking to the last `*`.
  auto Eq = [&](char A, char B) {
    return IgnoreCase ? llvm::toLower(A) == llvm::toLower(B) : A == B;
  };
  // Matches one pattern element at P against C; returns the pattern length of
  // the element, or 0 if it does not match.
  auto MatchOne = [&](size_t P, char C, size_t &Len) -> bool {
    char Pc = Pattern[P];
    Len = 1;
    if (Pc == '?')
      return true;
    if (Pc == '#' && D == Dialect::VB)
      return llvm::isDigit(C);
    if (Pc == '`' && D == Dialect::PowerShell && P + 1 < Pattern.size()) {
      Len = 2;
      return Eq(Pattern[P + 1], C);
    }
    if (Pc == '[') {
      size_t Close = Pattern.find(']', P + 1);
      if (Close == llvm::StringRef::npos)
        return Eq(Pc, C);
      Len = Close - P + 1;
      llvm::StringRef Set = Pattern.slice(P + 1, Close);
      bool Negate = false;
      if (D == Dialect::VB && Set.consume_front("!"))
        Negate = true;
      bool In = false;
      for (size_t I = 0; I < Set.size(); ++I) {
        if (I + 2 < Set.size() && Set[I + 1] == '-') {
          char Lo = Set[I], Hi = Set[I + 2];
          char X = IgnoreCase ? llvm::toLower(C) : C;
          if ((X >= (IgnoreCase ? llvm::toLower(Lo) : Lo) &&
               X <= (IgnoreCase ? llvm::toLower(Hi) : Hi)) ||
              (C >= Lo && C <= Hi))
            In = true;
          I += 2;
        } else if (Eq(Set[I], C)) {
          In = true;
        }
      }
      return In != Negate;
    }
    return Eq(Pc, C);
  };
  size_t T = 0, P = 0, StarP = llvm::StringRef::npos, StarT = 0;
  while (T < Text.size()) {
    size_t Len = 1;
    if (P < Pattern.size() && Pattern[P] == '*') {
      StarP = P++;
      StarT = T;
    } else if (P < Pattern.size() && MatchOne(P, Text[T], Len)) {
      P += Len;
      ++T;
    } else if (StarP != llvm::StringRef::npos) {
      P = StarP + 1;
      T = ++StarT;
    } else {
      return false;
    }
  }
  while (P < Pattern.size() && Pattern[P] == '*')
    ++P;
  return P == Pattern.size();
}

namespace {
/// The common .NET/ECMAScript/Python subset of Pattern as POSIX ERE, or
/// nullopt where it has no equivalent. Groups receives, per capturing group
/// of Pattern (from 1), its group number in the ERE (a non-capturing group
/// becomes a capturing one there); Names (with Groups), per capturing group,
/// its name or an empty string.
std::optional<std::string> toEre(llvm::StringRef P, bool &IgnoreCase,
                                 std::vector<unsigned> *Groups,
                                 std::vector<std::string> *Names = nullptr) {
  std::string Ere;
  unsigned EreGroups = 0;
  size_t InBracket = 0;  // inside `[...]`: one past the `[`
  size_t EreBracket = 0; // where the bracket's items start in Ere
  if (P.consume_front("(?i)"))
    IgnoreCase = true;
  for (size_t I = 0; I < P.size(); ++I) {
    char C = P[I];
    if (C == '\\' && I + 1 < P.size() && InBracket) {
      // In a bracket expression ERE takes a backslash literally:
      // `[\d.]` is `[0-9.]`.
      char N = P[++I];
      if (N == 'd')
        Ere += "0-9";
      else if (N == 'w')
        Ere += "A-Za-z0-9_";
      else if (N == 's')
        Ere += " \t\r\n";
      else if (N == ']') // `[^\]]`: ERE takes a `]` first as an item
        Ere.insert(EreBracket, "]");
      else if (N == '\\')
        Ere += '\\';
      else if (N == '^' && Ere.size() > EreBracket)
        Ere += '^';
      else if (llvm::StringRef("^-").contains(N) || llvm::isAlpha(N))
        return std::nullopt;
      else
        Ere += N;
      continue;
    }
    if (C == '\\' && I + 1 < P.size()) {
      char N = P[++I];
      switch (N) {
      case 'd':
        Ere += "[0-9]";
        break;
      case 'D':
        Ere += "[^0-9]";
        break;
      case 'w':
        Ere += "[A-Za-z0-9_]";
        break;
      case 's':
        Ere += "[ \t\r\n]";
        break;
      case 'b': {
        // A word boundary: the start of a word before a word character,
        // its end after one (BSD regex's [[:<:]] and [[:>:]]).
        auto Word = [](char X) { return llvm::isAlnum(X) || X == '_'; };
        bool NextWord =
            I + 1 < P.size() &&
            (Word(P[I + 1]) || (P[I + 1] == '\\' && I + 2 < P.size() &&
                                llvm::StringRef("dw").contains(P[I + 2])));
        bool PrevWord = !Ere.empty() && (Word(Ere.back()) || Ere.back() == ']');
        if (InBracket || NextWord == PrevWord)
          return std::nullopt;
        Ere += NextWord ? "[[:<:]]" : "[[:>:]]";
        break;
      }
      case 'B':
      case 'A':
      case 'z':
      case 'Z':
      case 'p':
        return std::nullopt;
      default:
        Ere += '\\';
        Ere += N;
      }
      continue;
    }
    if (C == '(' && P.substr(I).starts_with("(?:")) {
      Ere += '(';
      ++EreGroups;
      I += 2;
      continue;
    }
    if (C == '(' && !InBracket) {
      // A named group, (?<name>...), (?P<name>...) or (?'name'...), is a
      // numbered one too, counted in order with the others.
      llvm::StringRef Rest = P.substr(I);
      size_t Open = Rest.starts_with("(?P<")                             ? 4
                    : Rest.starts_with("(?<") || Rest.starts_with("(?'") ? 3
                                                                         : 0;
      char Close = Open == 3 && Rest[2] == '\'' ? '\'' : '>';
      size_t End = Open ? Rest.find(Close, Open) : llvm::StringRef::npos;
      if (End != llvm::StringRef::npos && End > Open &&
          llvm::all_of(Rest.slice(Open, End),
                       [](char X) { return llvm::isAlnum(X) || X == '_'; })) {
        Ere += '(';
        ++EreGroups;
        if (Groups)
          Groups->push_back(EreGroups);
        if (Groups && Names) {
          Names->resize(Groups->size() - 1);
          Names->push_back(Rest.slice(Open, End).str());
        }
        I += End;
        continue;
      }
    }
    if (C == '(' && P.substr(I).starts_with("(?"))
      return std::nullopt; // lookaround, inline options
    // No group starts inside a bracket expression (`[(]`).
    if (C == '[' && !InBracket) {
      InBracket = I + 1;
      EreBracket =
          Ere.size() + 1 + (I + 1 < P.size() && P[I + 1] == '^' ? 1 : 0);
    } else if (C == ']' && InBracket && I > InBracket)
      InBracket = 0;
    if (C == '(' && !InBracket) {
      ++EreGroups;
      if (Groups)
        Groups->push_back(EreGroups);
    }
    if ((C == '*' || C == '+' || C == '?' || C == '}') && I + 1 < P.size() &&
        P[I + 1] == '?') { // lazy quantifier: same match/no-match answer
      Ere += C;
      ++I;
      continue;
    }
    Ere += C;
  }
  if (Groups && Names)
    Names->resize(Groups->size());
  return Ere;
}
} // namespace

namespace {
/// Pattern (the .NET/ECMAScript subset toEre reads) compiled, or nothing
/// for one outside it. WholeMatch anchors it at both ends; Lines lets ^ and
/// $ match at line breaks; Groups (if given) receives where each of the
/// pattern's capturing groups lands among the compiled groups.
std::optional<llvm::Regex> compiled(llvm::StringRef Pattern, bool IgnoreCase,
                                    bool Lines, bool WholeMatch = false,
                                    std::vector<unsigned> *Groups = nullptr,
                                    std::vector<std::string> *Names = nullptr) {
  auto Ere = toEre(Pattern, IgnoreCase, Groups, Names);
  if (!Ere)
    return std::nullopt;
  if (WholeMatch) {
    *Ere = "^(" + *Ere + ")$";
    if (Groups)
      for (unsigned &G : *Groups)
        ++G;
  }
  llvm::Regex R(*Ere,
                (IgnoreCase ? llvm::Regex::IgnoreCase : llvm::Regex::NoFlags) |
                    (Lines ? llvm::Regex::Newline : llvm::Regex::NoFlags));
  std::string Err;
  if (!R.isValid(Err))
    return std::nullopt;
  return R;
}
} // namespace

std::optional<bool> regexSearch(llvm::StringRef Text, llvm::StringRef Pattern,
                                bool IgnoreCase, bool WholeMatch, bool Lines) {
  auto R = compiled(Pattern, IgnoreCase, Lines, WholeMatch);
  if (!R)
    return std::nullopt;
  return R->match(Text);
}

std::optional<int64_t> regexIndex(llvm::StringRef Text, llvm::StringRef Pattern,
                                  bool IgnoreCase) {
  auto R = compiled(Pattern, IgnoreCase, false);
  if (!R)
    return std::nullopt;
  llvm::SmallVector<llvm::StringRef, 1> M;
  if (!R->match(Text, &M))
    return -1;
  return int64_t(M[0].data() - Text.data());
}

std::optional<std::string> regexReplace(llvm::StringRef Text,
                                        llvm::StringRef Pattern,
                                        llvm::StringRef With, bool IgnoreCase) {
  if (With.contains('$'))
    return std::nullopt; // group references
  auto R = compiled(Pattern, IgnoreCase, false);
  if (!R)
    return std::nullopt;
  // Every match, left to right; an anchored pattern matches once.
  bool Anchored = Pattern.starts_with("^");
  std::string Out;
  llvm::StringRef Rest = Text;
  llvm::SmallVector<llvm::StringRef, 1> M;
  for (int Guard = 0; Guard < 1000 && R->match(Rest, &M); ++Guard) {
    size_t At = M[0].data() - Rest.data();
    Out += Rest.take_front(At).str() + With.str();
    size_t Next = At + M[0].size();
    if (M[0].empty()) { // an empty match: keep one character and go on
      if (Next >= Rest.size()) {
        Rest = {};
        break;
      }
      Out += Rest[Next];
      ++Next;
    }
    Rest = Rest.drop_front(Next);
    if (Anchored)
      break;
  }
  return Out + Rest.str();
}

std::optional<std::string> regexGroup(llvm::StringRef Text,
                                      llvm::StringRef Pattern, bool IgnoreCase,
                                      unsigned Group, bool Lines) {
  std::vector<unsigned> Groups;
  auto R = compiled(Pattern, IgnoreCase, Lines, false, &Groups);
  if (!R || Group > Groups.size())
    return std::nullopt;
  llvm::SmallVector<llvm::StringRef, 8> M;
  if (!R->match(Text, &M))
    return std::nullopt;
  unsigned At = Group == 0 ? 0 : Groups[Group - 1];
  if (At >= M.size())
    return std::nullopt;
  return M[At].str();
}

std::optional<unsigned> regexGroupCount(llvm::StringRef Pattern) {
  std::vector<unsigned> Groups;
  if (!compiled(Pattern, false, false, false, &Groups))
    return std::nullopt;
  return unsigned(Groups.size());
}

std::optional<unsigned> regexGroupNumber(llvm::StringRef Pattern,
                                         llvm::StringRef Name,
                                         bool IgnoreCase) {
  std::vector<unsigned> Groups;
  std::vector<std::string> Names;
  if (!compiled(Pattern, false, false, false, &Groups, &Names))
    return std::nullopt;
  for (size_t I = 0; I < Names.size(); ++I)
    if (IgnoreCase ? Name.equals_insensitive(Names[I]) : Names[I] == Name)
      return unsigned(I + 1);
  return std::nullopt;
}

std::optional<int> compareVersions(llvm::StringRef A, llvm::StringRef B) {
  auto X = parseVersion(A), Y = parseVersion(B);
  if (!X || !Y)
    return std::nullopt;
  return compareVersionLists(*X, *Y);
}

} // namespace verguard::core
