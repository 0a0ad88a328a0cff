//===- Wql.cpp ------------------------------------------------------------===//
#include "script/Wql.h"

#include "core/Flow.h"
#include "core/SourceTable.h"

#include "llvm/ADT/StringExtras.h"

#include <vector>

namespace verguard::script {

using namespace core;

std::string wqlLikeToWildcard(llvm::StringRef Pattern) {
  std::string R;
  for (size_t I = 0; I < Pattern.size(); ++I) {
    char C = Pattern[I];
    if (C == '%')
      R += '*';
    else if (C == '_')
      R += '?';
    else if (C == '*' || C == '?')
      R += std::string("[") + C + "]";
    else if (C == '[') {
      size_t Close = Pattern.find(']', I + 1);
      if (Close == llvm::StringRef::npos) {
        R += "[[]";
        continue;
      }
      R += Pattern.slice(I, Close + 1).str();
      I = Close;
    } else
      R += C;
  }
  return R;
}

namespace {

enum class Tok : uint8_t {
  End,
  Ident,
  String,
  Number,
  Op,
  LParen,
  RParen,
  Comma,
  Star,
  Bad
};

struct Token {
  Tok K = Tok::End;
  uint32_t Begin = 0, End = 0; // offsets into the text
  std::string Value;           // identifier as written, string contents
};

class Parser {
public:
  Parser(llvm::StringRef Text, const WqlPropertyFn &Property,
         const WqlSpanFn &Span, uint32_t Offset)
      : T(Text), Property(Property), SpanOf(Span), Offset(Offset) {
    lex();
  }

  bool failed() const { return Failed; }
  bool atEnd() const { return Toks[Pos].K == Tok::End; }
  const Token &peek(size_t Ahead = 0) const {
    return Toks[std::min(Pos + Ahead, Toks.size() - 1)];
  }
  bool isWord(const Token &K, llvm::StringRef W) const {
    return K.K == Tok::Ident && llvm::StringRef(K.Value).equals_insensitive(W);
  }
  bool acceptWord(llvm::StringRef W) {
    if (!isWord(peek(), W))
      return false;
    ++Pos;
    return true;
  }
  const Token &next() {
    const Token &K = Toks[Pos];
    if (Pos + 1 < Toks.size())
      ++Pos;
    return K;
  }

  std::optional<WqlQuery> query() {
    WqlQuery Q;
    if (!acceptWord("SELECT"))
      return std::nullopt;
    // Property list: anything up to FROM.
    while (!atEnd() && !isWord(peek(), "FROM"))
      next();
    if (!acceptWord("FROM") || peek().K != Tok::Ident)
      return std::nullopt;
    Q.ClassName = next().Value;
    if (atEnd())
      return Q;
    if (!isWord(peek(), "WHERE"))
      return std::nullopt;
    next();
    Q.WhereBegin = peek().Begin;
    Q.Where = condition();
    if (!Q.Where || Failed || !atEnd())
      return std::nullopt;
    return Q;
  }

  ExprPtr condition() {
    if (++Depth > 64) {
      Failed = true;
      return nullptr;
    }
    ExprPtr L = conjunction();
    while (L && !Failed && acceptWord("OR")) {
      ExprPtr R = conjunction();
      if (!R)
        return nullptr;
      L = logicOr(L, R);
    }
    --Depth;
    return L;
  }

private:
  llvm::StringRef T;
  const WqlPropertyFn &Property;
  const WqlSpanFn &SpanOf;
  uint32_t Offset;
  std::vector<Token> Toks;
  size_t Pos = 0;
  bool Failed = false;
  int Depth = 0;

  void lex() {
    size_t I = 0;
    while (I < T.size()) {
      char C = T[I];
      if (llvm::isSpace(C)) {
        ++I;
        continue;
      }
      Token K;
      K.Begin = I;
      if (llvm::isAlpha(C) || C == '_') {
        size_t J = I;
        while (J < T.size() && (llvm::isAlnum(T[J]) || T[J] == '_'))
          ++J;
        K.K = Tok::Ident;
        K.Value = T.slice(I, J).str();
        I = J;
      } else if (llvm::isDigit(C) ||
                 (C == '-' && I + 1 < T.size() && llvm::isDigit(T[I + 1]))) {
        size_t J = I + 1;
        while (J < T.size() && (llvm::isDigit(T[J]) || T[J] == '.'))
          ++J;
        K.K = Tok::Number;
        K.Value = T.slice(I, J).str();
        I = J;
      } else if (C == '\'' || C == '"') {
        size_t J = I + 1;
        std::string V;
        bool Closed = false;
        while (J < T.size()) {
          if (T[J] == '\\' && J + 1 < T.size()) {
            V += T[J + 1];
            J += 2;
            continue;
          }
          if (T[J] == C) {
            Closed = true;
            ++J;
            break;
          }
          V += T[J++];
        }
        K.K = Closed ? Tok::String : Tok::Bad;
        K.Value = V;
        I = J;
      } else if (C == '=' || C == '<' || C == '>' || C == '!') {
        size_t J = I + 1;
        if (J < T.size() && (T[J] == '=' || (C == '<' && T[J] == '>')))
          ++J;
        K.K = Tok::Op;
        K.Value = T.slice(I, J).str();
        if (K.Value == "!")
          K.K = Tok::Bad;
        I = J;
      } else {
        K.K = C == '('   ? Tok::LParen
              : C == ')' ? Tok::RParen
              : C == ',' ? Tok::Comma
              : C == '*' ? Tok::Star
                         : Tok::Bad;
        ++I;
      }
      K.End = I;
      Toks.push_back(K);
    }
    Token E;
    E.K = Tok::End;
    E.Begin = E.End = T.size();
    Toks.push_back(E);
  }

  Spelling spell(uint32_t B, uint32_t E, uint32_t OpB = 0, uint32_t OpE = 0) {
    Spelling S;
    if (auto Sp = SpanOf(B + Offset, E + Offset)) {
      S.Span = *Sp;
      S.Text = T.slice(B, E).str();
      if (OpE > OpB)
        if (auto O = SpanOf(OpB + Offset, OpE + Offset))
          S.OpSpan = *O;
    }
    return S;
  }

  /// An operand; IsProp tells the caller it names a property.
  ExprPtr operand(const Token &K, bool &IsProp) {
    IsProp = false;
    switch (K.K) {
    case Tok::Ident: {
      if (llvm::StringRef(K.Value).equals_insensitive("TRUE"))
        return boolConst(true);
      if (llvm::StringRef(K.Value).equals_insensitive("FALSE"))
        return boolConst(false);
      if (llvm::StringRef(K.Value).equals_insensitive("NULL"))
        return unknown();
      IsProp = true;
      ExprPtr P = Property ? Property(K.Value) : nullptr;
      if (!P)
        return unknown();
      auto N = clone(*P);
      N->Written = spell(K.Begin, K.End);
      return N;
    }
    case Tok::String:
      return strConst(K.Value, spell(K.Begin, K.End));
    case Tok::Number: {
      int64_t V;
      if (llvm::StringRef(K.Value).getAsInteger(10, V))
        return unknown();
      return intConst(V, spell(K.Begin, K.End));
    }
    default:
      Failed = true;
      return nullptr;
    }
  }

  static bool isStringy(const Expr &E) {
    switch (E.Kind) {
    case Op::StrConst:
    case Op::ToStr:
    case Op::Concat:
    case Op::Substr:
      return true;
    case Op::Quantity:
      return isStringQuantity(E.Q);
    default:
      return false;
    }
  }

  static ExprPtr atom(ExprPtr E) {
    return dependsOnVersion(*E) ? E : unknown();
  }

  ExprPtr conjunction() {
    ExprPtr L = negation();
    while (L && !Failed && acceptWord("AND")) {
      ExprPtr R = negation();
      if (!R)
        return nullptr;
      L = logicAnd(L, R);
    }
    return L;
  }

  ExprPtr negation() {
    if (acceptWord("NOT")) {
      if (++Depth > 64) {
        Failed = true;
        return nullptr;
      }
      ExprPtr E = negation();
      --Depth;
      return E ? logicNot(E) : nullptr;
    }
    return primary();
  }

  ExprPtr primary() {
    if (peek().K == Tok::LParen) {
      next();
      ExprPtr E = condition();
      if (!E || peek().K != Tok::RParen) {
        Failed = true;
        return nullptr;
      }
      next();
      return E;
    }
    const Token &L = next();
    bool LProp = false, RProp = false;
    ExprPtr Left = operand(L, LProp);
    if (!Left)
      return nullptr;
    // IS [NOT] NULL
    if (acceptWord("IS")) {
      acceptWord("NOT");
      if (!acceptWord("NULL")) {
        Failed = true;
        return nullptr;
      }
      return unknown();
    }
    if (acceptWord("ISA")) {
      next();
      return unknown();
    }
    bool NotLike = false;
    if (isWord(peek(), "NOT") && isWord(peek(1), "LIKE")) {
      NotLike = true;
      next();
    }
    if (isWord(peek(), "LIKE")) {
      uint32_t OpB = NotLike ? Toks[Pos - 1].Begin : peek().Begin;
      uint32_t OpE = next().End;
      const Token &P = next();
      if (P.K != Tok::String) {
        Failed = true;
        return nullptr;
      }
      auto Pat = strConst(wqlLikeToWildcard(P.Value), spell(P.Begin, P.End));
      auto N = clone(*binary(Op::Like, Left, Pat));
      N->Syntax = Dialect::WQL;
      N->Flags |= FlagWql | FlagCaseInsensitive;
      if (NotLike)
        N->Flags |= FlagNegated;
      N->Written = spell(L.Begin, P.End, OpB, OpE);
      ExprPtr E = atom(N);
      return NotLike && E->Kind != Op::Unknown ? logicNot(E) : E;
    }
    if (peek().K != Tok::Op) {
      Failed = true;
      return nullptr;
    }
    const Token &O = next();
    CmpOp C;
    llvm::StringRef Op = O.Value;
    if (Op == "=")
      C = CmpOp::EQ;
    else if (Op == "<>" || Op == "!=")
      C = CmpOp::NE;
    else if (Op == "<")
      C = CmpOp::LT;
    else if (Op == "<=")
      C = CmpOp::LE;
    else if (Op == ">")
      C = CmpOp::GT;
    else if (Op == ">=")
      C = CmpOp::GE;
    else {
      Failed = true;
      return nullptr;
    }
    const Token &R = next();
    ExprPtr Right = operand(R, RProp);
    if (!Right)
      return nullptr;
    CmpMode M =
        isStringy(*Left) || isStringy(*Right) ? CmpMode::StrCI : CmpMode::Int;
    auto N = clone(*cmp(C, Left, Right, M, Dialect::WQL,
                        spell(L.Begin, R.End, O.Begin, O.End)));
    N->Flags |= FlagWql;
    return atom(N);
  }
};

} // namespace

std::optional<WqlQuery> parseWqlQuery(llvm::StringRef Query,
                                      const WqlPropertyFn &Property,
                                      const WqlSpanFn &Span) {
  Parser P(Query, Property, Span, 0);
  return P.query();
}

ExprPtr osProperty(llvm::StringRef Name) {
  return core::sourceValue(core::builtinSources().wmiProperty(Name),
                           "Win32_OperatingSystem." + Name.str());
}

std::optional<WqlQuery> parseOsQuery(llvm::StringRef Query,
                                     const WqlSpanFn &Span) {
  return parseWqlQuery(Query, osProperty, Span);
}

std::optional<std::string> wqlQueryClass(llvm::StringRef Query) {
  auto Parsed = parseWqlQuery(
      Query, [](llvm::StringRef) { return nullptr; },
      [](uint32_t, uint32_t) { return std::nullopt; });
  if (!Parsed)
    return std::nullopt;
  return Parsed->ClassName;
}

ExprPtr parseWqlCondition(llvm::StringRef Condition,
                          const WqlPropertyFn &Property, const WqlSpanFn &Span,
                          uint32_t Offset) {
  Parser P(Condition, Property, Span, Offset);
  ExprPtr E = P.condition();
  if (!E || P.failed() || !P.atEnd())
    return nullptr;
  return E;
}

bool queriesOs(llvm::StringRef Query) {
  auto Class = wqlQueryClass(Query);
  return Class &&
         llvm::StringRef(*Class).equals_insensitive("Win32_OperatingSystem");
}

} // namespace verguard::script
