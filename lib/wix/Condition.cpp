//===- Condition.cpp - Windows Installer and Burn conditions --------------===//
//
// A lexer over the decoded text (each byte remembers its place in the file)
// and a precedence parser: comparisons bind tightest, then NOT, AND, OR,
// XOR, EQV and IMP. Windows Installer compares two integers as integers, two
// strings as strings, and an integer with a string never (false; `<>`
// true); a property holds an integer when its whole text is one, and an
// undefined property is "". Burn compares numbers, strings and versions
// (`v6.0.6002`, four components, missing ones 0).
//
//===----------------------------------------------------------------------===//
#include "wix/Condition.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/ConvertUTF.h"

using namespace verguard::core;

namespace verguard::wix {

std::optional<int64_t> msiInteger(llvm::StringRef S) {
  llvm::StringRef D = S;
  if (D.starts_with("-") || D.starts_with("+"))
    D = D.drop_front();
  if (D.empty() || D.size() > 10 || !llvm::all_of(D, llvm::isDigit))
    return std::nullopt;
  int64_t V = 0;
  for (char C : D)
    V = V * 10 + (C - '0');
  return S.starts_with("-") ? -V : V;
}

std::string decodeEntities(llvm::StringRef Src, uint32_t Begin, uint32_t End,
                           std::vector<uint32_t> *Map) {
  std::string Out;
  Out.reserve(End - Begin);
  if (Map)
    Map->clear();
  auto Put = [&](llvm::StringRef S, uint32_t From) {
    Out += S;
    if (Map)
      Map->insert(Map->end(), S.size(), From);
  };
  for (uint32_t I = Begin; I < End;) {
    if (Src[I] != '&') {
      Put(Src.substr(I, 1), I);
      ++I;
      continue;
    }
    size_t Semi = Src.find(';', I);
    if (Semi == llvm::StringRef::npos || Semi >= End || Semi - I > 12) {
      Put("&", I);
      ++I;
      continue;
    }
    llvm::StringRef Name = Src.slice(I + 1, Semi);
    std::string Ch = llvm::StringSwitch<std::string>(Name)
                         .Case("lt", "<")
                         .Case("gt", ">")
                         .Case("amp", "&")
                         .Case("quot", "\"")
                         .Case("apos", "'")
                         .Default("");
    if (Ch.empty() && Name.starts_with("#")) {
      unsigned long long CP = 0;
      bool Bad = Name.starts_with("#x") || Name.starts_with("#X")
                     ? llvm::getAsUnsignedInteger(Name.drop_front(2), 16, CP)
                     : llvm::getAsUnsignedInteger(Name.drop_front(), 10, CP);
      char Buf[8];
      char *P = Buf;
      if (!Bad && CP > 0 && CP <= 0x10FFFF &&
          llvm::ConvertCodePointToUTF8(unsigned(CP), P))
        Ch.assign(Buf, P);
    }
    if (Ch.empty()) {
      Put("&", I);
      ++I;
      continue;
    }
    Put(Ch, I);
    I = uint32_t(Semi + 1);
  }
  if (Map)
    Map->push_back(End);
  return Out;
}

namespace {

enum class Tok : uint8_t {
  End,
  LParen,
  RParen,
  Cmp,     // = <> < <= > >= >< << >> (Text, with a leading ~)
  Int,     // 6002
  Str,     // "text" (Text: the contents)
  Name,    // a property, Installed, %ENV, $Comp, ?Comp, &Feat, !Feat
  Version, // Burn: v6.0.6002 (Text: without the v)
  PreVar,  // $(var.Name) (Text: Name); $(env.X), !(loc.X): Text empty
  Not,
  And,
  Or,
  Xor,
  Eqv,
  Imp,
  Bad,
};

struct Token {
  Tok K = Tok::End;
  std::string Text;
  uint32_t B = 0, E = 0; // in the decoded text
};

bool isNameChar(char C) { return llvm::isAlnum(C) || C == '_' || C == '.'; }

class Parser {
public:
  Parser(llvm::StringRef Src, const ConditionText &T, const script::Speller &Sp,
         const ConditionEnv &Env)
      : Sp(Sp), Env(Env) {
    if (T.Entities) {
      D = decodeEntities(Src, T.Begin, T.End, &Map);
    } else {
      D = Src.slice(T.Begin, T.End).str();
      for (uint32_t I = T.Begin; I <= T.End; ++I)
        Map.push_back(I);
    }
    next();
  }

  Lowered run() {
    Lowered R;
    if (Cur.K == Tok::End) {
      R.Error = "empty condition";
      return R;
    }
    ExprPtr E = boolean(0);
    if (!Error.empty() || Cur.K != Tok::End) {
      R.Error = Error.empty() ? "unexpected '" + Cur.Text + "'" : Error;
      R.ErrorAt = Map[std::min<size_t>(ErrorB ? ErrorB : Cur.B, D.size())];
      return R;
    }
    R.Cond = E;
    return R;
  }

private:
  const script::Speller &Sp;
  const ConditionEnv &Env;
  std::string D;
  std::vector<uint32_t> Map;
  size_t P = 0;
  Token Cur;
  std::string Error;
  uint32_t ErrorB = 0;
  int Depth = 0;

  bool burn() const { return Env.Lang == ConditionLanguage::Burn; }
  Spelling spell(uint32_t B, uint32_t E) const {
    return Sp.spell(Map[B], Map[E]);
  }
  void fail(const std::string &Why, uint32_t At) {
    if (Error.empty()) {
      Error = Why;
      ErrorB = At;
    }
  }

  /// The end of a name from Q: name characters and preprocessor references
  /// written into it (`VS$(var.Version)DEVENV`, `v$(var.Version)`).
  size_t nameEnd(size_t Q) const {
    while (Q < D.size()) {
      if (isNameChar(D[Q])) {
        ++Q;
      } else if ((D[Q] == '$' || D[Q] == '!') && Q + 1 < D.size() &&
                 D[Q + 1] == '(' && D.find(')', Q) != std::string::npos) {
        Q = D.find(')', Q) + 1;
      } else {
        break;
      }
    }
    return Q;
  }

  void next() {
    while (P < D.size() && llvm::isSpace(D[P]))
      ++P;
    Cur = Token();
    Cur.B = uint32_t(P);
    if (P >= D.size()) {
      Cur.E = Cur.B;
      return;
    }
    char C = D[P];
    auto Done = [&](Tok K, size_t Len) {
      Cur.K = K;
      Cur.Text = D.substr(P, Len);
      P += Len;
      Cur.E = uint32_t(P);
    };
    if (C == '(')
      return Done(Tok::LParen, 1);
    if (C == ')')
      return Done(Tok::RParen, 1);
    if (C == '~' || C == '=' || C == '<' || C == '>') {
      size_t Q = P + (C == '~');
      llvm::StringRef R = llvm::StringRef(D).substr(Q);
      size_t Len = 0;
      for (const char *Op : {"<>", "<=", ">=", "><", "<<", ">>", "=", "<", ">"})
        if (R.starts_with(Op)) {
          Len = strlen(Op);
          break;
        }
      if (!Len)
        return Done(Tok::Bad, 1);
      return Done(Tok::Cmp, Q - P + Len);
    }
    if (C == '"') {
      size_t Close = D.find('"', P + 1);
      if (Close == std::string::npos) {
        fail("unterminated string", uint32_t(P));
        return Done(Tok::Bad, D.size() - P);
      }
      Done(Tok::Str, Close + 1 - P);
      Cur.Text = Cur.Text.substr(1, Cur.Text.size() - 2);
      return;
    }
    if ((C == '$' || C == '!') && P + 1 < D.size() && D[P + 1] == '(') {
      size_t Close = D.find(')', P);
      if (Close == std::string::npos)
        return Done(Tok::Bad, D.size() - P);
      if (nameEnd(Close + 1) > Close + 1) // $(var.X)Suffix: a name built
        return Done(Tok::Name, nameEnd(Close + 1) - P);
      Done(Tok::PreVar, Close + 1 - P);
      llvm::StringRef In = llvm::StringRef(Cur.Text).drop_front(2).drop_back();
      Cur.Text = C == '$' && In.consume_front("var.") ? In.str() : "";
      return;
    }
    if (llvm::isDigit(C) ||
        (C == '-' && P + 1 < D.size() && llvm::isDigit(D[P + 1]) && !burn())) {
      size_t Q = P + 1;
      while (Q < D.size() && llvm::isDigit(D[Q]))
        ++Q;
      if (burn() && C != '-' && Q + 1 < D.size() && D[Q] == '.' &&
          llvm::isDigit(D[Q + 1])) { // Burn reads 1.2.3.4 as a version too
        while (Q < D.size() && (llvm::isDigit(D[Q]) || D[Q] == '.'))
          ++Q;
        Done(Tok::Version, Q - P);
        return;
      }
      if (Q < D.size() && isNameChar(D[Q])) {
        while (Q < D.size() && isNameChar(D[Q]))
          ++Q;
        return Done(Tok::Bad, Q - P);
      }
      return Done(Tok::Int, Q - P);
    }
    if (burn() && (C == 'v' || C == 'V') && P + 1 < D.size() &&
        llvm::isDigit(D[P + 1])) {
      size_t Q = P + 1;
      while (Q < D.size() && (llvm::isDigit(D[Q]) || D[Q] == '.'))
        ++Q;
      if (Q == D.size() || !isNameChar(D[Q])) {
        Done(Tok::Version, Q - P);
        Cur.Text = Cur.Text.substr(1);
        return;
      }
    }
    if (llvm::isAlpha(C) || C == '_' || llvm::StringRef("%$?&!").contains(C)) {
      Done(Tok::Name, nameEnd(P + 1) - P);
      Tok K = llvm::StringSwitch<Tok>(llvm::StringRef(Cur.Text).upper())
                  .Case("NOT", Tok::Not)
                  .Case("AND", Tok::And)
                  .Case("OR", Tok::Or)
                  .Case("XOR", Tok::Xor)
                  .Case("EQV", Tok::Eqv)
                  .Case("IMP", Tok::Imp)
                  .Default(Tok::Name);
      Cur.K = K;
      return;
    }
    Done(Tok::Bad, 1);
  }

  // Precedence, loosest first: IMP, EQV, XOR, OR, AND.
  ExprPtr boolean(int Level) {
    static const Tok Ops[] = {Tok::Imp, Tok::Eqv, Tok::Xor, Tok::Or, Tok::And};
    if (Level == 5)
      return negation();
    if (++Depth > script::MaxExprDepth) {
      fail("nested too deep", Cur.B);
      return unknown();
    }
    ExprPtr L = boolean(Level + 1);
    while (Error.empty() && Cur.K == Ops[Level]) {
      next();
      ExprPtr R = boolean(Level + 1);
      switch (Ops[Level]) {
      case Tok::And:
        L = logicAnd(L, R);
        break;
      case Tok::Or:
        L = logicOr(L, R);
        break;
      case Tok::Xor:
        L = logicOr(logicAnd(L, logicNot(R)), logicAnd(logicNot(L), R));
        break;
      case Tok::Eqv:
        L = logicOr(logicAnd(L, R), logicAnd(logicNot(L), logicNot(R)));
        break;
      default: // IMP
        L = logicOr(logicNot(L), R);
        break;
      }
    }
    --Depth;
    return L;
  }

  ExprPtr negation() {
    if (Cur.K == Tok::Not) {
      next();
      if (++Depth > script::MaxExprDepth) {
        fail("nested too deep", Cur.B);
        return unknown();
      }
      ExprPtr E = logicNot(negation());
      --Depth;
      return E;
    }
    return comparison();
  }

  struct Operand {
    Value V;
    uint32_t B = 0, E = 0;
    ExprPtr Bool; // a parenthesized condition
  };

  Operand operand() {
    Operand O;
    O.B = Cur.B;
    switch (Cur.K) {
    case Tok::LParen: {
      next();
      if (++Depth > script::MaxExprDepth) {
        fail("nested too deep", Cur.B);
        return O;
      }
      O.Bool = boolean(0);
      --Depth;
      if (Cur.K != Tok::RParen)
        fail("missing ')'", Cur.B);
      O.E = Cur.E;
      next();
      if (O.Bool && O.Bool->Kind == Op::Cmp) {
        auto C = clone(*O.Bool);
        C->Flags |= FlagParenthesized;
        O.Bool = C;
      }
      return O;
    }
    case Tok::Int: {
      auto V = msiInteger(Cur.Text);
      O.V = {intConst(V.value_or(0), spell(Cur.B, Cur.E)), ValueKind::Int};
      break;
    }
    case Tok::Str:
      O.V = {strConst(Cur.Text, spell(Cur.B, Cur.E)), ValueKind::Str};
      break;
    case Tok::Version:
      O.V = {strConst(burnVersion(Cur.Text), spell(Cur.B, Cur.E)),
             ValueKind::Version};
      break;
    case Tok::PreVar: {
      std::optional<Value> V;
      if (!Cur.Text.empty() && Env.Define)
        V = Env.Define(Cur.Text, spell(Cur.B, Cur.E));
      O.V = V ? *V : Value{unknown(), ValueKind::Unknown};
      break;
    }
    case Tok::Name: {
      char C = Cur.Text[0];
      if (llvm::StringRef("%$?&!").contains(C)) {
        // An environment variable is text; a component's or feature's
        // state is a number verguard does not know.
        O.V = {unknown(), C == '%' ? ValueKind::Str : ValueKind::Int};
      } else if (llvm::StringRef(Cur.Text).contains("(")) {
        O.V = {unknown(), ValueKind::Unknown}; // a name the preprocessor builds
      } else {
        O.V = Env.Property ? Env.Property(Cur.Text) : Value{};
        if (!O.V.E)
          O.V = {unknown(), ValueKind::Unknown};
        else if (O.V.E->Kind == Op::Quantity)
          O.V.E = respelledLeaf(O.V.E, spell(Cur.B, Cur.E));
      }
      break;
    }
    case Tok::End:
      fail("a value is missing", Cur.B);
      return O;
    default:
      fail("unexpected '" + Cur.Text + "'", Cur.B);
      return O;
    }
    O.E = Cur.E;
    next();
    return O;
  }

  static ExprPtr respelledLeaf(const ExprPtr &E, Spelling W) {
    auto C = clone(*E);
    C->Written = std::move(W);
    return C;
  }

  /// Burn's version: four components, missing ones 0 (v6.0 is 6.0.0.0).
  static std::string burnVersion(llvm::StringRef S) {
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    S.split(Parts, '.');
    std::string R;
    for (size_t I = 0; I < 4; ++I) {
      if (I)
        R += '.';
      R += I < Parts.size() && !Parts[I].empty() ? Parts[I].str() : "0";
    }
    return R;
  }

  /// A value standing alone as a condition: true if it is not empty (MSI)
  /// or not zero/empty (Burn).
  ExprPtr truth(const Operand &O) {
    if (O.Bool)
      return O.Bool;
    const Value &V = O.V;
    if (!V.E || V.E->Kind == Op::Unknown)
      return unknown();
    if (V.E->Kind == Op::Quantity)
      return boolConst(true); // the OS always sets it
    if (V.Kind == ValueKind::Int && V.E->Kind == Op::IntConst)
      return boolConst(burn() ? V.E->Int != 0 : true);
    if (V.E->Kind == Op::StrConst)
      return boolConst(!V.E->Str.empty());
    return unknown();
  }

  ExprPtr comparison() {
    Operand L = operand();
    if (!Error.empty())
      return unknown();
    if (Cur.K != Tok::Cmp)
      return truth(L);
    Token OpT = Cur;
    next();
    Operand R = operand();
    if (!Error.empty())
      return unknown();
    if (L.Bool || R.Bool)
      return unknown(); // (a = b) = 1: no such condition in real code
    return compare(L, OpT, R);
  }

  ExprPtr compare(const Operand &L, const Token &OpT, const Operand &R) {
    llvm::StringRef OpS = OpT.Text;
    bool CI = OpS.consume_front("~");
    Spelling W = spell(L.B, R.E);
    W.OpSpan = spell(OpT.B, OpT.E).Span;
    ValueKind KL = L.V.Kind, KR = R.V.Kind;
    if (KL == ValueKind::Unknown || KR == ValueKind::Unknown)
      return unknown();
    std::optional<CmpOp> O = llvm::StringSwitch<std::optional<CmpOp>>(OpS)
                                 .Case("=", CmpOp::EQ)
                                 .Case("<>", CmpOp::NE)
                                 .Case("<", CmpOp::LT)
                                 .Case("<=", CmpOp::LE)
                                 .Case(">", CmpOp::GT)
                                 .Case(">=", CmpOp::GE)
                                 .Default(std::nullopt);
    if (KL != KR) {
      // Windows Installer: an integer and a string are never equal,
      // never ordered. Burn converts, in ways verguard does not follow.
      if (burn())
        return unknown();
      return boolConst(O == CmpOp::NE);
    }
    ExprPtr A = L.V.E, B = R.V.E;
    if (KL == ValueKind::Int) {
      if (O)
        return cmp(*O, A, B, CmpMode::Int, Env.Syntax, W);
      if (OpS == "><") { // bitwise AND, true when not 0
        auto X = clone(*cmp(CmpOp::NE, binary(Op::BitAnd, A, B), intConst(0)));
        return X;
      }
      return boolConst(false); // << and >> take strings
    }
    if (KL == ValueKind::Version) {
      if (!O)
        return unknown();
      return cmp(*O, A, B, CmpMode::Version, Env.Syntax, W);
    }
    if (O)
      return cmp(*O, A, B, CI ? CmpMode::StrCI : CmpMode::Str, Env.Syntax, W);
    Op K = OpS == "<<"   ? Op::StartsWith
           : OpS == ">>" ? Op::EndsWith
                         : Op::Contains;
    auto X = clone(*binary(K, A, B));
    if (CI)
      X->Flags |= FlagCaseInsensitive;
    X->Syntax = Env.Syntax;
    X->Written = W;
    return X;
  }
};

} // namespace

Lowered lowerCondition(llvm::StringRef Src, const ConditionText &T,
                       const script::Speller &Sp, const ConditionEnv &Env) {
  if (T.End < T.Begin || T.End > Src.size())
    return {nullptr, "no text", T.Begin};
  Parser P(Src, T, Sp, Env);
  return P.run();
}

} // namespace verguard::wix
