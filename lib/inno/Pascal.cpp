//===- Pascal.cpp - the Pascal Script of an Inno Setup [Code] -------------===//
#include "inno/Pascal.h"

#include "llvm/ADT/StringExtras.h"

namespace verguard::inno {
namespace {

enum class TK : uint8_t { Ident, Int, Real, Str, Sym, End };

struct Token {
  TK K = TK::End;
  uint32_t B = 0, E = 0;
  std::string Text; // Ident: lower case; Str: decoded; Sym: the symbol
  int64_t Int = 0;
};

bool isIdentStart(char C) { return llvm::isAlpha(C) || C == '_'; }
bool isIdentChar(char C) { return llvm::isAlnum(C) || C == '_'; }

std::vector<Token> lex(llvm::StringRef T, uint32_t B, uint32_t E,
                       std::vector<Problem> &Problems) {
  std::vector<Token> Out;
  uint32_t I = B;
  bool LineStart = true; // only blanks since the last line break
  auto Unterminated = [&](uint32_t At, const char *What) {
    Problems.push_back({At, std::string("unterminated ") + What});
  };
  while (I < E) {
    char C = T[I];
    if (llvm::isSpace(C)) {
      LineStart |= C == '\n';
      ++I;
      continue;
    }
    bool AtLineStart = LineStart;
    LineStart = false;
    if (C == '/' && I + 1 < E && T[I + 1] == '/') {
      while (I < E && T[I] != '\n')
        ++I;
      continue;
    }
    if (C == '#' && AtLineStart && I + 1 < E && llvm::isAlpha(T[I + 1])) {
      // An ISPP line (`#ifdef UNICODE`, `#include "x.iss"`), with its `\`
      // continuations. Of an `#if`, the first way is read: from an `#else`
      // or `#elif` to its `#endif`, the text is skipped.
      llvm::StringRef Word = T.slice(I + 1, E).take_while(isIdentChar);
      if (Word == "else" || Word == "elif") {
        int Depth = 0;
        while (I < E) {
          size_t NL = T.find('\n', I);
          size_t LE = NL == llvm::StringRef::npos || NL >= E ? E : NL;
          llvm::StringRef L = T.slice(I, LE).ltrim();
          if (L.starts_with("#if"))
            ++Depth;
          else if (L.starts_with("#endif") && Depth-- == 0)
            break;
          I = LE < E ? LE + 1 : E;
        }
      }
      while (I < E) {
        size_t NL = T.find('\n', I);
        size_t LE = NL == llvm::StringRef::npos || NL >= E ? E : NL;
        bool More = T.slice(I, LE).rtrim().ends_with("\\");
        I = LE;
        if (!More)
          break;
        ++I;
      }
      continue;
    }
    if (C == '{' && I + 1 < E && T[I + 1] == '#') {
      // ISPP's inline `{#NAME}`: a value nobody here knows, as a name.
      size_t J = T.find('}', I + 2);
      if (J != llvm::StringRef::npos && J < E &&
          !T.slice(I, J).contains('\n')) {
        Token K;
        K.K = TK::Ident;
        K.B = I;
        K.E = J + 1;
        K.Text = T.slice(I, J + 1).lower();
        Out.push_back(std::move(K));
        I = J + 1;
        continue;
      }
    }
    if (C == '{') {
      size_t J = T.find('}', I + 1);
      if (J == llvm::StringRef::npos || J >= E) {
        Unterminated(I, "{ comment");
        break;
      }
      I = J + 1;
      continue;
    }
    if (C == '(' && I + 1 < E && T[I + 1] == '*') {
      size_t J = T.find("*)", I + 2);
      if (J == llvm::StringRef::npos || J + 2 > E) {
        Unterminated(I, "(* comment");
        break;
      }
      I = J + 2;
      continue;
    }
    Token K;
    K.B = I;
    if (isIdentStart(C)) {
      while (I < E && isIdentChar(T[I]))
        ++I;
      K.K = TK::Ident;
      K.Text = T.slice(K.B, I).lower();
    } else if (llvm::isDigit(C) ||
               (C == '$' && I + 1 < E && llvm::isHexDigit(T[I + 1]))) {
      bool Hex = C == '$';
      if (Hex)
        ++I;
      uint32_t DB = I;
      while (I < E && (Hex ? llvm::isHexDigit(T[I]) : llvm::isDigit(T[I])))
        ++I;
      K.K = TK::Int;
      if (!Hex && I + 1 < E && T[I] == '.' && llvm::isDigit(T[I + 1])) {
        while (I < E && (llvm::isDigit(T[I]) || T[I] == '.'))
          ++I;
        K.K = TK::Real;
      }
      K.Text = T.slice(K.B, I).str();
      if (K.K == TK::Int) {
        uint64_t V = 0;
        if (T.slice(DB, I).getAsInteger(Hex ? 16 : 10, V) || V > INT64_MAX)
          K.K = TK::Real; // too big to be a build
        K.Int = static_cast<int64_t>(V);
      }
    } else if (C == '\'' || C == '#') {
      // 'it''s', #13, and their concatenation 'a'#13#10'b'.
      K.K = TK::Str;
      bool Bad = false;
      while (I < E && (T[I] == '\'' || T[I] == '#')) {
        if (T[I] == '#') {
          ++I;
          uint32_t DB = I;
          bool Hex = I < E && T[I] == '$';
          if (Hex)
            ++I;
          while (I < E && llvm::isHexDigit(T[I]))
            ++I;
          unsigned V = 0;
          if (T.slice(Hex ? DB + 1 : DB, I).getAsInteger(Hex ? 16 : 10, V) ||
              V > 0x7F) {
            K.Text += '?';
            continue;
          }
          K.Text += static_cast<char>(V);
          continue;
        }
        ++I;
        while (true) {
          if (I >= E || T[I] == '\n') {
            Unterminated(K.B, "string");
            Bad = true;
            break;
          }
          if (T[I] == '\'') {
            if (I + 1 < E && T[I + 1] == '\'') {
              K.Text += '\'';
              I += 2;
              continue;
            }
            ++I;
            break;
          }
          K.Text += T[I++];
        }
        if (Bad)
          break;
      }
    } else {
      static const char *Two[] = {":=", "<>", "<=", ">=", ".."};
      K.K = TK::Sym;
      for (const char *S : Two)
        if (T.substr(I).starts_with(S) && I + 2 <= E) {
          K.Text = S;
          I += 2;
          break;
        }
      if (K.Text.empty())
        K.Text = std::string(1, T[I++]);
    }
    K.E = I;
    Out.push_back(std::move(K));
  }
  Token End;
  End.B = End.E = E;
  Out.push_back(End);
  return Out;
}

class Parser {
public:
  Parser(std::vector<Token> Toks, Program &P) : Toks(std::move(Toks)), P(P) {}

  void program() {
    while (!at(TK::End)) {
      size_t Before = Pos;
      if (isWord("var")) {
        next();
        vars(P.Globals);
      } else if (isWord("const")) {
        next();
        consts(P.Consts);
      } else if (isWord("type")) {
        next();
        skipTypes();
      } else if (isWord("procedure") || isWord("function")) {
        routine();
      } else if (isWord("begin")) {
        // A main block (`begin end.`): read, run by nothing.
        statement(0);
        if (isSym("."))
          next();
      } else {
        problem(cur().B, "expected a declaration; skipped to the next one");
        skipToDeclaration();
      }
      if (Pos == Before)
        next();
    }
  }

  int64_t lone() {
    if (at(TK::End))
      return -1;
    uint32_t X = expr(0);
    if (!at(TK::End))
      problem(cur().B, "text after the expression is skipped");
    return X;
  }

private:
  std::vector<Token> Toks;
  Program &P;
  size_t Pos = 0;
  bool DeepNoted = false;

  const Token &cur() const { return Toks[Pos]; }
  bool at(TK K) const { return cur().K == K; }
  bool isWord(llvm::StringRef W) const {
    return cur().K == TK::Ident && cur().Text == W;
  }
  bool isSym(llvm::StringRef S) const {
    return cur().K == TK::Sym && cur().Text == S;
  }
  void next() {
    if (Pos + 1 < Toks.size())
      ++Pos;
  }
  bool accept(llvm::StringRef S) {
    if (isSym(S) || isWord(S)) {
      next();
      return true;
    }
    return false;
  }
  uint32_t prevEnd() const { return Pos ? Toks[Pos - 1].E : cur().B; }
  void problem(uint32_t At, std::string M) {
    if (P.Problems.size() < 64)
      P.Problems.push_back({At, std::move(M)});
  }
  /// Appends K to N's kids. K is computed before (as an argument): parsing
  /// it grows P.Nodes, so no reference into it may be held meanwhile.
  void addKid(uint32_t N, uint32_t K) { P.Nodes[N].Kids.push_back(K); }
  uint32_t node(NK K, uint32_t B, uint32_t E) {
    PNode N;
    N.K = K;
    N.B = B;
    N.E = E;
    P.Nodes.push_back(std::move(N));
    return P.Nodes.size() - 1;
  }
  bool tooDeep(int Depth) {
    if (Depth < MaxDepth)
      return false;
    if (!DeepNoted)
      problem(cur().B, "nested deeper than " + std::to_string(MaxDepth) +
                           " levels; the rest is skipped");
    DeepNoted = true;
    return true;
  }
  static bool isDeclWord(llvm::StringRef W) {
    return W == "procedure" || W == "function" || W == "var" || W == "const" ||
           W == "type" || W == "begin";
  }
  void skipToDeclaration() {
    while (!at(TK::End) && !(at(TK::Ident) && isDeclWord(cur().Text)))
      next();
  }
  /// Skips a type (after `:` or `=`), balancing record/end and ( ).
  std::string typeName() {
    std::string Name = at(TK::Ident) ? cur().Text : "";
    int Nest = 0;
    while (!at(TK::End)) {
      if (isWord("record") || isWord("class") || isWord("interface"))
        ++Nest;
      else if (isWord("end") && Nest > 0)
        --Nest;
      else if (isSym("(") || isSym("["))
        ++Nest;
      else if ((isSym(")") || isSym("]")) && Nest > 0)
        --Nest;
      else if (Nest == 0 &&
               (isSym(";") || isSym(")") || isSym("=") || isSym(":=")))
        break;
      next();
    }
    return Name;
  }
  void skipTypes() {
    // `Name = type;` ... until a declaration word at depth 0.
    while (at(TK::Ident) && !isDeclWord(cur().Text)) {
      next();
      if (!accept("=")) {
        problem(cur().B, "expected '=' in a type declaration");
        skipToDeclaration();
        return;
      }
      typeName();
      accept(";");
    }
  }
  void vars(std::vector<Decl> &Out) {
    while (at(TK::Ident) && !isDeclWord(cur().Text)) {
      std::vector<Decl> Names;
      do {
        if (!at(TK::Ident))
          break;
        Decl D;
        D.Name = cur().Text;
        D.At = cur().B;
        Names.push_back(D);
        next();
      } while (accept(","));
      if (!accept(":")) {
        problem(cur().B, "expected ':' in a variable declaration");
        skipToDeclaration();
        return;
      }
      std::string T = typeName();
      if (accept("=")) // an initialized variable
        expr(0);
      accept(";");
      for (Decl &D : Names) {
        D.Type = T;
        Out.push_back(D);
      }
    }
  }
  void consts(std::vector<std::pair<std::string, uint32_t>> &Out) {
    while (at(TK::Ident) && !isDeclWord(cur().Text)) {
      std::string Name = cur().Text;
      next();
      if (accept(":"))
        typeName();
      if (!accept("=")) {
        problem(cur().B, "expected '=' in a constant declaration");
        skipToDeclaration();
        return;
      }
      Out.push_back({Name, expr(0)});
      accept(";");
    }
  }
  void routine() {
    Routine R;
    R.B = cur().B;
    R.Function = isWord("function");
    next();
    if (!at(TK::Ident)) {
      problem(cur().B, "expected the routine's name");
      skipToDeclaration();
      return;
    }
    R.Name = cur().Text;
    R.NameB = cur().B;
    R.NameE = cur().E;
    next();
    if (accept("(")) {
      while (!at(TK::End) && !isSym(")")) {
        bool ByRef = false;
        if (isWord("var") || isWord("out")) {
          ByRef = true;
          next();
        } else if (isWord("const")) {
          next();
        }
        std::vector<Decl> Names;
        while (at(TK::Ident)) {
          Decl D;
          D.Name = cur().Text;
          D.At = cur().B;
          D.ByRef = ByRef;
          Names.push_back(D);
          next();
          if (!accept(","))
            break;
        }
        std::string T;
        if (accept(":"))
          T = typeName();
        if (accept("=")) // a default value
          expr(0);
        for (Decl &D : Names) {
          D.Type = T;
          R.Params.push_back(D);
        }
        if (!accept(";") && !isSym(")")) {
          problem(cur().B,
                  "cannot read the parameter list of '" + R.Name + "'");
          while (!at(TK::End) && !isSym(")"))
            next();
        }
      }
      accept(")");
    }
    if (accept(":"))
      typeName();
    accept(";");
    // Directives: forward; external '...'; stdcall; ...
    while (at(TK::Ident) && !isDeclWord(cur().Text)) {
      bool External = isWord("external");
      next();
      if (External && at(TK::Str))
        next();
      accept(";");
      if (External)
        R.E = prevEnd();
    }
    if (R.E) { // external: no body
      P.Routines.push_back(std::move(R));
      return;
    }
    bool Forward = false;
    for (size_t I = Pos; I > 0 && I + 3 > Pos; --I)
      if (Toks[I - 1].K == TK::Ident && Toks[I - 1].Text == "forward")
        Forward = true;
    if (Forward) {
      R.E = prevEnd();
      P.Routines.push_back(std::move(R));
      return;
    }
    while (isWord("var") || isWord("const") || isWord("type")) {
      if (accept("var"))
        vars(R.Locals);
      else if (accept("const"))
        consts(R.Consts);
      else if (accept("type"))
        skipTypes();
    }
    if (!isWord("begin")) {
      problem(cur().B, "expected 'begin' of '" + R.Name + "'");
      skipToDeclaration();
      return;
    }
    R.Body = statement(0);
    accept(";");
    R.E = prevEnd();
    P.Routines.push_back(std::move(R));
  }

  // --- statements -------------------------------------------------------
  /// Statements up to one of the words Ends (not consumed).
  void statements(uint32_t Block, std::initializer_list<const char *> Ends,
                  int Depth) {
    while (!at(TK::End)) {
      bool Stop = false;
      for (const char *W : Ends)
        Stop |= isWord(W);
      if (Stop)
        break;
      if (accept(";"))
        continue;
      if (at(TK::Ident) && (cur().Text == "procedure" ||
                            cur().Text == "function" || cur().Text == "var"))
        break; // a missing `end`: the declaration is read at the top
      size_t Before = Pos;
      uint32_t S = statement(Depth + 1);
      P.Nodes[Block].Kids.push_back(S);
      if (!accept(";")) {
        bool AtEnd = false;
        for (const char *W : Ends)
          AtEnd |= isWord(W);
        // Pascal Script also runs statements not separated by `;` (real
        // installers have them): a statement that starts here is read.
        if (at(TK::Ident) && Pos != Before &&
            (!isReserved(cur().Text) || cur().Text == "begin"))
          AtEnd = true;
        if (!AtEnd && !at(TK::End)) {
          problem(cur().B, "cannot read this statement; skipped to the "
                           "next ';'");
          skipStatement();
        }
      }
      if (Pos == Before)
        next();
    }
  }
  void skipStatement() {
    int Nest = 0;
    while (!at(TK::End)) {
      if (isWord("begin") || isWord("case") || isWord("try") ||
          isWord("repeat"))
        ++Nest;
      else if ((isWord("end") || isWord("until")) && Nest-- == 0)
        return;
      else if (isSym(";") && Nest == 0) {
        next();
        return;
      }
      next();
    }
  }

  uint32_t statement(int Depth) {
    uint32_t B = cur().B;
    if (tooDeep(Depth)) {
      skipStatement();
      return node(NK::Bad, B, prevEnd());
    }
    if (accept("begin")) {
      uint32_t N = node(NK::Block, B, B);
      statements(N, {"end"}, Depth);
      if (!accept("end"))
        problem(cur().B, "expected 'end'");
      P.Nodes[N].E = prevEnd();
      return N;
    }
    if (accept("try")) {
      uint32_t N = node(NK::Block, B, B);
      statements(N, {"except", "finally", "end"}, Depth);
      if (accept("except"))
        statements(N, {"finally", "end"}, Depth);
      if (accept("finally"))
        statements(N, {"end"}, Depth);
      accept("end");
      P.Nodes[N].E = prevEnd();
      return N;
    }
    if (accept("if")) {
      uint32_t N = node(NK::If, B, B);
      uint32_t C = expr(Depth + 1);
      P.Nodes[N].Kids.push_back(C);
      if (!accept("then"))
        problem(cur().B, "expected 'then'");
      addKid(N, optStatement(Depth));
      if (accept("else"))
        addKid(N, optStatement(Depth));
      P.Nodes[N].E = prevEnd();
      return N;
    }
    if (accept("case")) {
      uint32_t N = node(NK::Case, B, B);
      addKid(N, expr(Depth + 1));
      if (!accept("of"))
        problem(cur().B, "expected 'of'");
      while (!at(TK::End) && !isWord("end")) {
        if (accept(";"))
          continue;
        if (isWord("else") || isWord("otherwise")) {
          P.Nodes[N].OpB = cur().B;
          next();
          uint32_t El = node(NK::Block, cur().B, cur().B);
          statements(El, {"end"}, Depth);
          P.Nodes[El].E = prevEnd();
          P.Nodes[El].ElseArm = true;
          P.Nodes[N].Kids.push_back(El);
          break;
        }
        size_t Before = Pos;
        uint32_t Arm = node(NK::CaseArm, cur().B, cur().B);
        uint32_t Labels = node(NK::Block, cur().B, cur().B);
        do
          addKid(Labels, rangeOrExpr(Depth));
        while (accept(","));
        P.Nodes[Labels].E = prevEnd();
        if (!accept(":")) {
          problem(cur().B, "expected ':' after a case label");
          skipStatement();
          if (Pos == Before)
            next();
          continue;
        }
        uint32_t S = optStatement(Depth);
        P.Nodes[Arm].Kids = {Labels, S};
        P.Nodes[Arm].E = prevEnd();
        P.Nodes[N].Kids.push_back(Arm);
        if (!accept(";") && !isWord("end") && !isWord("else") &&
            !isWord("otherwise")) {
          problem(cur().B, "expected ';' after a case arm");
          skipStatement();
        }
      }
      accept("end");
      P.Nodes[N].E = prevEnd();
      return N;
    }
    if (accept("while")) {
      uint32_t N = node(NK::While, B, B);
      addKid(N, expr(Depth + 1));
      accept("do");
      addKid(N, optStatement(Depth));
      P.Nodes[N].E = prevEnd();
      return N;
    }
    if (accept("repeat")) {
      uint32_t N = node(NK::Repeat, B, B);
      uint32_t Body = node(NK::Block, cur().B, cur().B);
      statements(Body, {"until"}, Depth);
      P.Nodes[Body].E = prevEnd();
      P.Nodes[N].Kids.push_back(Body);
      if (accept("until"))
        addKid(N, expr(Depth + 1));
      P.Nodes[N].E = prevEnd();
      return N;
    }
    if (accept("for")) {
      uint32_t N = node(NK::For, B, B);
      addKid(N, primary(Depth + 1));
      accept(":=");
      addKid(N, expr(Depth + 1));
      if (!accept("to"))
        accept("downto");
      addKid(N, expr(Depth + 1));
      accept("do");
      addKid(N, optStatement(Depth));
      P.Nodes[N].E = prevEnd();
      return N;
    }
    if (accept("with")) {
      expr(Depth + 1);
      accept("do");
      return optStatement(Depth);
    }
    if (isWord("exit") || isWord("break") || isWord("continue")) {
      bool Exit = isWord("exit");
      next();
      if (accept("(")) { // Exit(value) is not Pascal Script; skip it
        while (!at(TK::End) && !accept(")"))
          next();
      }
      return node(Exit ? NK::Exit : NK::Empty, B, prevEnd());
    }
    if (at(TK::Ident) && !isReserved(cur().Text)) {
      uint32_t L = expr(Depth + 1);
      if (accept(":=")) {
        uint32_t N = node(NK::Assign, B, B);
        uint32_t R = expr(Depth + 1);
        P.Nodes[N].Kids = {L, R};
        P.Nodes[N].E = prevEnd();
        return N;
      }
      uint32_t N = node(NK::ExprStmt, B, prevEnd());
      P.Nodes[N].Kids = {L};
      return N;
    }
    return node(NK::Empty, B, B);
  }
  /// A statement where one may be empty (`then ;`, `else end`).
  uint32_t optStatement(int Depth) {
    if (isSym(";") || isWord("end") || isWord("else") || isWord("until"))
      return node(NK::Empty, cur().B, cur().B);
    return statement(Depth + 1);
  }
  static bool isReserved(llvm::StringRef W) {
    static const char *Words[] = {
        "end",    "else",      "then",     "do",     "of",       "until",
        "except", "finally",   "to",       "downto", "begin",    "var",
        "const",  "procedure", "function", "type",   "otherwise"};
    for (const char *X : Words)
      if (W == X)
        return true;
    return false;
  }

  // --- expressions --------------------------------------------------------
  static int precedence(const Token &T) {
    if (T.K == TK::Sym) {
      llvm::StringRef S = T.Text;
      if (S == "=" || S == "<>" || S == "<" || S == "<=" || S == ">" ||
          S == ">=")
        return 1;
      if (S == "+" || S == "-")
        return 2;
      if (S == "*" || S == "/")
        return 3;
      return 0;
    }
    if (T.K != TK::Ident)
      return 0;
    llvm::StringRef W = T.Text;
    if (W == "in" || W == "is")
      return 1;
    if (W == "or" || W == "xor")
      return 2;
    if (W == "and" || W == "div" || W == "mod" || W == "shl" || W == "shr")
      return 3;
    return 0;
  }
  uint32_t expr(int Depth) { return binary(1, Depth); }
  /// `6000..6002` (a case label, a set's item) or an expression.
  uint32_t rangeOrExpr(int Depth) {
    uint32_t B = cur().B;
    uint32_t L = expr(Depth + 1);
    if (!accept(".."))
      return L;
    uint32_t Hi = expr(Depth + 1);
    uint32_t R = node(NK::Range, B, prevEnd());
    P.Nodes[R].Kids = {L, Hi};
    return R;
  }
  uint32_t binary(int MinPrec, int Depth) {
    if (tooDeep(Depth))
      return node(NK::Bad, cur().B, cur().B);
    uint32_t L = unaryExpr(Depth + 1);
    // Precedence climbing, left-associative.
    while (true) {
      int Pr = precedence(cur());
      if (Pr < MinPrec || Pr == 0)
        break;
      Token Op = cur();
      next();
      uint32_t R = binary(Pr + 1, Depth + 1);
      // An operand's parentheses are part of the operation's text.
      uint32_t B = P.Nodes[L].Paren ? P.Nodes[L].PB : P.Nodes[L].B;
      uint32_t E = P.Nodes[R].Paren ? P.Nodes[R].PE : P.Nodes[R].E;
      uint32_t N = node(NK::Binary, B, E);
      P.Nodes[N].Name = Op.Text;
      P.Nodes[N].OpB = Op.B;
      P.Nodes[N].OpE = Op.E;
      P.Nodes[N].Kids = {L, R};
      L = N;
    }
    return L;
  }
  uint32_t unaryExpr(int Depth) {
    if (isWord("not") || isSym("-") || isSym("+") || isSym("@")) {
      Token Op = cur();
      next();
      if (tooDeep(Depth))
        return node(NK::Bad, Op.B, Op.E);
      uint32_t X = unaryExpr(Depth + 1);
      uint32_t N = node(NK::Unary, Op.B, P.Nodes[X].E);
      P.Nodes[N].Name = Op.Text;
      P.Nodes[N].Kids = {X};
      return N;
    }
    return primary(Depth);
  }
  uint32_t primary(int Depth) {
    const Token T = cur();
    uint32_t N;
    if (T.K == TK::Int) {
      next();
      N = node(NK::Int, T.B, T.E);
      P.Nodes[N].Int = T.Int;
      P.Nodes[N].Name = T.Text;
    } else if (T.K == TK::Real) {
      next();
      N = node(NK::Real, T.B, T.E);
      P.Nodes[N].Name = T.Text;
    } else if (T.K == TK::Str) {
      next();
      N = node(NK::Str, T.B, T.E);
      P.Nodes[N].Name = T.Text;
    } else if (T.K == TK::Ident && !isReserved(T.Text) && precedence(T) == 0 &&
               T.Text != "not") {
      next();
      N = node(NK::Ident, T.B, T.E);
      P.Nodes[N].Name = T.Text;
    } else if (isSym("(")) {
      next();
      N = expr(Depth + 1);
      if (!accept(")"))
        problem(cur().B, "expected ')'");
      P.Nodes[N].Paren = true;
      P.Nodes[N].PB = T.B;
      P.Nodes[N].PE = prevEnd();
      // The parentheses belong to the node's text only through Paren.
    } else if (isSym("[")) {
      next();
      N = node(NK::Set, T.B, T.B);
      while (!at(TK::End) && !isSym("]")) {
        addKid(N, rangeOrExpr(Depth));
        if (!accept(","))
          break;
      }
      if (!accept("]"))
        problem(cur().B, "expected ']'");
      P.Nodes[N].E = prevEnd();
    } else {
      problem(T.B, T.K == TK::End
                       ? "expected an expression"
                       : "cannot read '" + T.Text + "' as an expression");
      return node(NK::Bad, T.B, T.B);
    }
    // Designators: .field, [index], (arguments).
    while (true) {
      if (isSym(".") && Toks[Pos + 1].K == TK::Ident) {
        next();
        uint32_t M = node(NK::Member, P.Nodes[N].B, cur().E);
        P.Nodes[M].Name = cur().Text;
        P.Nodes[M].Kids = {N};
        next();
        N = M;
      } else if (isSym("(") && P.Nodes[N].K != NK::Int &&
                 P.Nodes[N].K != NK::Str && !P.Nodes[N].Paren) {
        next();
        uint32_t C = node(NK::Call, P.Nodes[N].B, 0);
        std::vector<uint32_t> Kids{N};
        while (!at(TK::End) && !isSym(")")) {
          Kids.push_back(expr(Depth + 1));
          if (!accept(","))
            break;
        }
        if (!accept(")"))
          problem(cur().B, "expected ')' after the arguments");
        P.Nodes[C].Kids = std::move(Kids);
        P.Nodes[C].E = prevEnd();
        N = C;
      } else if (isSym("[") && P.Nodes[N].K != NK::Int) {
        next();
        uint32_t X = node(NK::Index, P.Nodes[N].B, 0);
        std::vector<uint32_t> Kids{N};
        while (!at(TK::End) && !isSym("]")) {
          Kids.push_back(expr(Depth + 1));
          if (!accept(","))
            break;
        }
        accept("]");
        P.Nodes[X].Kids = std::move(Kids);
        P.Nodes[X].E = prevEnd();
        N = X;
      } else {
        break;
      }
    }
    return N;
  }
};

} // namespace

void parseCode(llvm::StringRef Text, uint32_t B, uint32_t E, Program &P) {
  Parser Ps(lex(Text, B, E, P.Problems), P);
  Ps.program();
}

int64_t parseExpression(llvm::StringRef Text, uint32_t B, uint32_t E,
                        Program &P) {
  Parser Ps(lex(Text, B, E, P.Problems), P);
  return Ps.lone();
}

} // namespace verguard::inno
