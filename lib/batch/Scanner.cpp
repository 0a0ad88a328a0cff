//===- Scanner.cpp --------------------------------------------------------===//
#include "batch/Scanner.h"

#include "llvm/ADT/StringExtras.h"

namespace verguard::batch {

namespace {

bool isBlank(char C) {
  // cmd drops carriage returns; `,`, `;` and `=` separate the words of a
  // command only in places this scanner does not need them to.
  return C == ' ' || C == '\t' || C == '\r' || C == '\v' || C == '\f';
}

bool isOperator(char C) { return C == '&' || C == '|' || C == '<' || C == '>'; }

class Parser {
public:
  Parser(llvm::StringRef T, Script &S) : T(T), S(S) {}

  void run() {
    while (I < T.size()) {
      size_t Before = I;
      statementList(/*InBlock=*/false, S.Top);
      if (I == Before)
        ++I; // never stall
    }
  }

private:
  llvm::StringRef T;
  Script &S;
  size_t I = 0;
  int Depth = 0;   // open parentheses
  int Nesting = 0; // recursion of blocks, ifs and fors
  bool AtLineStart = true;

  bool done() const { return I >= T.size(); }
  char peek(size_t K = 0) const { return I + K < T.size() ? T[I + K] : 0; }

  void problem(size_t At, std::string Msg) {
    if (S.Problems.size() < 100)
      S.Problems.push_back({uint32_t(At), std::move(Msg)});
  }

  uint32_t add(Node N) {
    S.Nodes.push_back(std::move(N));
    return uint32_t(S.Nodes.size() - 1);
  }

  /// Blanks, and a `^` line continuation between them.
  void skipBlanks() {
    while (!done()) {
      if (isBlank(T[I])) {
        ++I;
      } else if (T[I] == '^' &&
                 (peek(1) == '\n' || (peek(1) == '\r' && peek(2) == '\n'))) {
        I += peek(1) == '\n' ? 2 : 3;
      } else {
        break;
      }
    }
  }

  void skipLine() {
    while (!done() && T[I] != '\n') {
      if (T[I] == '^' && (peek(1) == '\n' || peek(1) == '\r'))
        I += peek(1) == '\r' && peek(2) == '\n' ? 3 : 2; // continued
      else
        ++I;
    }
  }

  /// The end of a word: blanks, an operator, a line end, or `)` in a block.
  bool wordEnds(char C) const {
    return isBlank(C) || C == '\n' || isOperator(C) || (C == ')' && Depth > 0);
  }

  Word word() {
    Word W;
    W.B = uint32_t(I);
    bool Quoted = false;
    while (!done()) {
      char C = T[I];
      if (C == '\n')
        break; // a quote ends at the line's end
      if (Quoted) {
        if (C != '\r')
          W.Text += C;
        else
          W.Raw = false;
        Quoted = C != '"';
        ++I;
        continue;
      }
      if (C == '"') {
        Quoted = true;
        W.Text += C;
        ++I;
        continue;
      }
      if (C == '^') {
        W.Raw = false;
        if (peek(1) == '\r' && peek(2) == '\n') {
          I += 3;
        } else if (peek(1) == '\n') {
          I += 2;
        } else {
          if (peek(1))
            W.Text += peek(1);
          I += 2;
        }
        continue;
      }
      if (wordEnds(C))
        break;
      W.Text += C;
      ++I;
    }
    W.E = uint32_t(std::min(I, T.size()));
    return W;
  }

  /// A redirection at I (`>`, `>>`, `<`, `>&1`, `2>nul`): consumed.
  bool redirection() {
    if (peek() != '>' && peek() != '<')
      return false;
    ++I;
    if (peek() == '>')
      ++I;
    if (peek() == '&') {
      ++I;
      if (llvm::isDigit(peek()))
        ++I;
      return true;
    }
    skipBlanks();
    if (!done() && T[I] != '\n' && !isOperator(T[I]))
      word();
    return true;
  }

  /// The trailing redirections of a block or a command.
  void redirections() {
    while (true) {
      skipBlanks();
      if (!redirection())
        return;
    }
  }

  /// Statements up to the end of the file or, in a block, its `)`.
  void statementList(bool InBlock, std::vector<uint32_t> &Out) {
    AtLineStart = true;
    while (!done()) {
      char C = T[I];
      if (isBlank(C) || C == ';' || C == ',' || C == '=' || C == '@') {
        ++I;
        continue;
      }
      if (C == '\n') {
        ++I;
        AtLineStart = true;
        continue;
      }
      if (C == ')') {
        if (InBlock) {
          ++I;
          return;
        }
        skipLine(); // a stray `)` outside a block: cmd ignores the line
        continue;
      }
      size_t Before = I;
      if (auto N = line())
        Out.push_back(*N);
      if (I == Before)
        ++I;
      AtLineStart = false;
    }
    if (InBlock)
      problem(T.size(), "a block `(` is not closed");
  }

  /// Commands joined by `&`, up to the line's end (or a block's `)`).
  std::optional<uint32_t> line() {
    auto L = andOr();
    while (true) {
      skipBlanks();
      if (peek() != '&' || peek(1) == '&')
        return L;
      ++I;
      auto R = andOr();
      if (!L) {
        L = R;
        continue;
      }
      if (!R)
        continue;
      L = join(NodeKind::Seq, *L, *R);
    }
  }

  std::optional<uint32_t> andOr() {
    auto L = pipe();
    while (true) {
      skipBlanks();
      bool And = peek() == '&' && peek(1) == '&';
      bool Or = peek() == '|' && peek(1) == '|';
      if (!And && !Or)
        return L;
      I += 2;
      auto R = pipe();
      if (!L || !R) {
        if (!L)
          L = R;
        continue;
      }
      L = join(And ? NodeKind::AndThen : NodeKind::OrElse, *L, *R);
    }
  }

  std::optional<uint32_t> pipe() {
    auto L = primary();
    while (true) {
      skipBlanks();
      if (peek() != '|' || peek(1) == '|')
        return L;
      ++I;
      auto R = primary();
      if (!L || !R) {
        if (!L)
          L = R;
        continue;
      }
      L = join(NodeKind::Pipe, *L, *R);
    }
  }

  uint32_t join(NodeKind K, uint32_t L, uint32_t R) {
    Node N;
    N.K = K;
    N.B = S.Nodes[L].B;
    N.E = S.Nodes[R].E;
    N.Kids = {L, R};
    return add(std::move(N));
  }

  struct Nest {
    Parser &P;
    explicit Nest(Parser &P) : P(P) { ++P.Nesting; }
    ~Nest() { --P.Nesting; }
  };

  /// One command, block, if or for (nothing for a comment).
  std::optional<uint32_t> primary() {
    skipBlanks();
    while (peek() == '@')
      ++I, skipBlanks();
    if (done() || peek() == '\n' || (peek() == ')' && Depth > 0))
      return std::nullopt;
    Nest Guard(*this);
    if (Nesting > MaxNesting) {
      problem(I, "nested deeper than " + std::to_string(MaxNesting) +
                     " blocks or commands; the rest of the line is skipped");
      skipLine();
      return std::nullopt;
    }
    if (peek() == ':' && AtLineStart) {
      // `:label`, or `::` (a label that cannot be jumped to: a comment).
      size_t B = I;
      ++I;
      if (peek() == ':') {
        skipLine();
        return std::nullopt;
      }
      skipBlanks();
      Word W = word();
      skipLine();
      Node N;
      N.K = NodeKind::Label;
      N.B = uint32_t(B);
      N.E = W.E;
      N.Name = labelName(W.Text);
      return add(std::move(N));
    }
    AtLineStart = false;
    if (peek() == '(')
      return block();
    while (redirection()) // `>nul echo x`
      skipBlanks();
    if (done() || peek() == '\n')
      return std::nullopt;
    Word First = word();
    std::string Name = llvm::StringRef(First.Text).lower();
    if (Name == "rem" || llvm::StringRef(Name).starts_with("rem.") ||
        llvm::StringRef(Name).starts_with("rem/")) {
      skipLine();
      return std::nullopt;
    }
    if (Name == "if")
      return ifStatement(First);
    if (Name == "for")
      return forStatement(First);
    return command(std::move(First));
  }

  uint32_t block() {
    Node N;
    N.K = NodeKind::Block;
    N.B = uint32_t(I);
    ++I; // (
    ++Depth;
    std::vector<uint32_t> Kids;
    statementList(/*InBlock=*/true, Kids);
    --Depth;
    N.E = uint32_t(I);
    N.Kids = std::move(Kids);
    redirections();
    AtLineStart = false;
    return add(std::move(N));
  }

  uint32_t command(Word First) {
    Node N;
    N.K = NodeKind::Command;
    N.B = First.B;
    N.Words.push_back(std::move(First));
    bool Redirected = false;
    while (true) {
      skipBlanks();
      if (done() || peek() == '\n' || (peek() == ')' && Depth > 0))
        break;
      if (peek() == '&' || peek() == '|')
        break;
      if (redirection()) {
        Redirected = true;
        continue;
      }
      Word W = word();
      if (W.E == W.B)
        break;
      // `2>nul`: a handle number glued to its redirection.
      if (W.Text.size() == 1 && llvm::isDigit(W.Text[0]) &&
          (peek() == '>' || peek() == '<')) {
        redirection();
        Redirected = true;
        continue;
      }
      if (Redirected)
        N.RedirectInside = true;
      N.Words.push_back(std::move(W));
    }
    N.E = N.Words.back().E;
    return add(std::move(N));
  }

  /// The command an `if`, `else` or `do` runs: a block or the rest of the
  /// line.
  std::optional<uint32_t> body() {
    skipBlanks();
    if (peek() == '(')
      return primary();
    return line();
  }

  Word nextWord() {
    skipBlanks();
    return word();
  }

  /// A `for` that cannot be read: noted, the rest of its line skipped.
  uint32_t brokenFor(Node &N, size_t At, const char *What) {
    problem(At, std::string("a `for` without ") + What + "; skipped");
    skipLine();
    N.E = uint32_t(I);
    N.Kids.push_back(emptyBlock());
    return add(std::move(N));
  }

  uint32_t ifStatement(const Word &If) {
    Node N;
    N.K = NodeKind::If;
    N.B = If.B;
    Word W = nextWord();
    if (llvm::StringRef(W.Text).equals_insensitive("/i")) {
      N.CaseInsensitive = true;
      W = nextWord();
    }
    if (llvm::StringRef(W.Text).equals_insensitive("not")) {
      N.Not = true;
      W = nextWord();
    }
    llvm::StringRef L = W.Text;
    if (L.equals_insensitive("errorlevel") || L.equals_insensitive("defined") ||
        L.equals_insensitive("exist") ||
        L.equals_insensitive("cmdextversion")) {
      N.Test = L.equals_insensitive("errorlevel") ? IfTest::Errorlevel
               : L.equals_insensitive("defined")  ? IfTest::Defined
               : L.equals_insensitive("exist")    ? IfTest::Exist
                                                  : IfTest::Other;
      N.OpWord = W;
      N.Rhs = nextWord();
    } else {
      N.Test = IfTest::Compare;
      compareOperands(W, N);
    }
    if (auto Then = body())
      N.Kids.push_back(*Then);
    else
      N.Kids.push_back(emptyBlock());
    // `else` follows a `)` on the same line.
    size_t Save = I;
    skipBlanks();
    if (S.Nodes[N.Kids[0]].K == NodeKind::Block &&
        llvm::StringRef(T.substr(I, 4)).equals_insensitive("else") &&
        (I + 4 >= T.size() || isBlank(T[I + 4]) || T[I + 4] == '(')) {
      I += 4;
      auto Else = body();
      N.Kids.push_back(Else ? *Else : emptyBlock());
    } else {
      I = Save;
    }
    N.E = uint32_t(I);
    return add(std::move(N));
  }

  uint32_t emptyBlock() {
    Node B;
    B.K = NodeKind::Block;
    B.B = B.E = uint32_t(I);
    return add(std::move(B));
  }

  /// `a==b`, `a== b`, `a ==b`, `a == b`, `a EQU b` (the operands keep
  /// their quotes: cmd compares them with the quotes).
  void compareOperands(const Word &W, Node &N) {
    auto Cut = [](const Word &X, size_t From, size_t To) {
      Word P;
      P.Text = X.Text.substr(From, To - From);
      P.Raw = X.Raw;
      P.B = X.Raw ? X.B + uint32_t(From) : X.B;
      P.E = X.Raw ? X.B + uint32_t(To) : X.E;
      return P;
    };
    size_t Eq = findEquals(W.Text);
    if (Eq != std::string::npos) {
      N.Lhs = Cut(W, 0, Eq);
      N.OpWord = Cut(W, Eq, Eq + 2);
      if (Eq + 2 < W.Text.size()) {
        N.Rhs = Cut(W, Eq + 2, W.Text.size());
        return;
      }
      skipBlanks();
      N.Rhs = word();
      return;
    }
    N.Lhs = W;
    skipBlanks();
    Word Op = word();
    if (llvm::StringRef(Op.Text).starts_with("==")) {
      N.OpWord = Cut(Op, 0, 2);
      if (Op.Text.size() > 2) {
        N.Rhs = Cut(Op, 2, Op.Text.size());
        return;
      }
    } else {
      N.OpWord = Op;
    }
    skipBlanks();
    N.Rhs = word();
  }

  static size_t findEquals(llvm::StringRef S) {
    bool Q = false;
    for (size_t K = 0; K + 1 < S.size(); ++K) {
      if (S[K] == '"')
        Q = !Q;
      else if (!Q && S[K] == '=' && S[K + 1] == '=')
        return K;
    }
    return std::string::npos;
  }

  uint32_t forStatement(const Word &For) {
    Node N;
    N.K = NodeKind::For;
    N.B = For.B;
    Word W = nextWord();
    while (llvm::StringRef(W.Text).starts_with("/")) {
      N.Switch = llvm::StringRef(W.Text).lower();
      W = nextWord();
      if (N.Switch == "/r" && !W.Text.empty() && W.Text[0] != '%')
        W = nextWord(); // the root directory
      // The options, quoted or in a variable (`for /f %opts% %%a ...`).
      bool LoopVar = W.Text.size() == 3 && W.Text[0] == '%' && W.Text[1] == '%';
      if (N.Switch == "/f" && !W.Text.empty() &&
          (W.Text[0] == '"' || (W.Text[0] == '%' && !LoopVar))) {
        N.Options = W;
        W = nextWord();
      }
    }
    llvm::StringRef V = W.Text;
    V.consume_front("%");
    V.consume_front("%");
    N.Var = V.str();
    Word In = nextWord();
    if (!llvm::StringRef(In.Text).equals_insensitive("in")) {
      return brokenFor(N, In.B, "`in`");
    }
    skipBlanks();
    if (peek() != '(') {
      return brokenFor(N, I, "its `( set )`");
    }
    // The set: up to the first `)` outside "..." (cmd needs `^)` inside
    // a command), on one logical line.
    ++I;
    N.Set.B = uint32_t(I);
    bool Q = false;
    while (!done() && T[I] != '\n') {
      char C = T[I];
      if (C == '"')
        Q = !Q;
      if (C == '^' && !Q) {
        N.Set.Raw = false;
        if (peek(1) == '\n' || (peek(1) == '\r' && peek(2) == '\n')) {
          I += peek(1) == '\n' ? 2 : 3;
          continue;
        }
        if (peek(1))
          N.Set.Text += peek(1);
        I += 2;
        continue;
      }
      if (C == ')' && !Q)
        break;
      if (C != '\r')
        N.Set.Text += C;
      ++I;
    }
    N.Set.E = uint32_t(std::min(I, T.size()));
    if (peek() == ')')
      ++I;
    Word Do = nextWord();
    if (!llvm::StringRef(Do.Text).equals_insensitive("do")) {
      return brokenFor(N, Do.B, "`do`");
    }
    auto Body = body();
    N.Kids.push_back(Body ? *Body : emptyBlock());
    N.E = uint32_t(I);
    return add(std::move(N));
  }
};

} // namespace

std::string labelName(llvm::StringRef Text) {
  Text.consume_front(":");
  return Text
      .take_until(
          [](char C) { return llvm::StringRef(" \t:+,;=").contains(C); })
      .lower();
}

Script scan(llvm::StringRef Text) {
  Script S;
  // cmd refuses lines longer than MaxLine: blank them (offsets stay).
  std::string Work;
  llvm::StringRef T = Text;
  for (size_t B = 0; B < Text.size();) {
    size_t E = Text.find('\n', B);
    if (E == llvm::StringRef::npos)
      E = Text.size();
    if (E - B > MaxLine) {
      if (Work.empty())
        Work = Text.str();
      std::fill(Work.begin() + B, Work.begin() + E, ' ');
      S.Problems.push_back(
          {uint32_t(B), "a line longer than " + std::to_string(MaxLine) +
                            " characters (cmd's limit) is not analyzed"});
    }
    B = E + 1;
  }
  if (!Work.empty())
    T = Work;
  Parser(T, S).run();
  // Work dies here: no Word refers into it (they own their text).
  return S;
}

} // namespace verguard::batch
