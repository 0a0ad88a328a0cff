//===- BatchFrontend.cpp - lowering cmd.exe statements --------------------===//
//
// The scanner's statements are run symbolically, the way cmd runs them:
// from the top, following `goto` and `call :label` (a conditional jump
// runs its target later with the variables of the jump), with the
// variables as strings, `%var%` expanded when a whole line (or block) is
// read and `!var!` when a command runs (with `setlocal
// enabledelayedexpansion`). Every statement runs a bounded number of times,
// so the work is linear in the file. What a guard reads is an expression
// over OS quantities; a guard is emitted once per place.
//
//===----------------------------------------------------------------------===//
#include "batch/BatchFrontend.h"

#include "batch/Scanner.h"
#include "core/Evaluator.h"
#include "core/Profile.h"
#include "core/SourceTable.h"
#include "script/Spelling.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <set>

using namespace verguard::core;

namespace verguard::batch {

namespace {

/// A statement runs at most this often (calls of one routine from several
/// places, loops through goto).
constexpr int MaxVisits = 4;
constexpr int MaxCallDepth = 8;
/// Values nested deeper than this are unknown (the evaluator recurses).
constexpr int MaxValueDepth = 48;

using Vars = std::map<std::string, ExprPtr>; // lower-case name -> value

/// The variables, with `setlocal` scopes. Scopes are shared until written
/// (copies for branches and line snapshots cost nothing until then).
struct Env {
  std::vector<std::shared_ptr<Vars>> Scopes{std::make_shared<Vars>()};
  std::vector<bool> Delayed{false};
  const Vars &top() const { return *Scopes.back(); }
  Vars &mut() {
    if (Scopes.back().use_count() > 1)
      Scopes.back() = std::make_shared<Vars>(*Scopes.back());
    return *Scopes.back();
  }
};

enum class Flow { Next, Goto, Exit, Return };
struct Result {
  Flow F = Flow::Next;
  std::string Label;
};

int depthOf(const ExprPtr &E) {
  // Iterative, stops once past the limit.
  std::vector<std::pair<const Expr *, int>> Stack{{E.get(), 1}};
  int Max = 0;
  while (!Stack.empty()) {
    auto [N, D] = Stack.back();
    Stack.pop_back();
    Max = std::max(Max, D);
    if (Max > MaxValueDepth)
      return Max;
    for (const ExprPtr &K : N->Kids)
      if (K)
        Stack.push_back({K.get(), D + 1});
  }
  return Max;
}

bool isPlainDecimal(llvm::StringRef S) {
  llvm::StringRef T = S;
  T.consume_front("-");
  return !T.empty() && T.size() <= 18 && llvm::all_of(T, llvm::isDigit) &&
         (T.size() == 1 || T[0] != '0');
}

std::string unquote(llvm::StringRef S) {
  if (S.size() >= 2 && S.front() == '"' && S.back() == '"')
    return S.drop_front().drop_back().str();
  if (!S.empty() && S.front() == '"')
    return S.drop_front().str();
  return S.str();
}

/// The words of a command line inside a `for /f` set ('...'): blanks
/// separate them outside "...".
std::vector<std::string> splitWords(llvm::StringRef S) {
  std::vector<std::string> Out;
  std::string Cur;
  bool Q = false, Any = false;
  for (char C : S) {
    if (C == '"')
      Q = !Q;
    if (!Q && (C == ' ' || C == '\t')) {
      if (Any)
        Out.push_back(Cur);
      Cur.clear();
      Any = false;
      continue;
    }
    Cur += C;
    Any = true;
  }
  if (Any)
    Out.push_back(Cur);
  return Out;
}

/// A findstr regular expression as an extended one: `.`, `*`, `^`, `$`,
/// `[...]` and `\x` mean what they mean there; the other ERE operators are
/// plain characters in findstr. nullopt for `\<` and `\>`.
std::optional<std::string> findstrRegex(llvm::StringRef P) {
  std::string R;
  bool InClass = false;
  for (size_t K = 0; K < P.size(); ++K) {
    char C = P[K];
    if (InClass) {
      R += C;
      if (C == ']')
        InClass = false;
      continue;
    }
    if (C == '\\' && K + 1 < P.size()) {
      char N = P[++K];
      if (N == '<' || N == '>')
        return std::nullopt;
      if (!llvm::isAlnum(N))
        R += '\\';
      R += N;
      continue;
    }
    if (C == '[') {
      InClass = true;
      R += C;
      continue;
    }
    if (llvm::StringRef("+?(){}|").contains(C))
      R += '\\';
    R += C;
  }
  return R;
}

bool hasRegexMeta(llvm::StringRef P) {
  for (size_t K = 0; K < P.size(); ++K) {
    if (P[K] == '\\') {
      ++K;
      continue;
    }
    if (llvm::StringRef(".*^$[").contains(P[K]))
      return true;
  }
  return false;
}

/// What a command prints, as far as a pipe or `for /f` needs it.
struct Output {
  ExprPtr Text;           // the whole output, lines ending in "\r\n"
  ExprPtr Line;           // the one line that matters (searches of `ver`)
  bool BlankLine = false; // it also prints an empty line (`find /v` hits)
};

class Lowerer {
public:
  Lowerer(llvm::StringRef Path, const script::DecodedText &Text,
          const FrontendOptions &Opts, std::vector<Guard> &Guards,
          std::vector<Diagnostic> &Diags)
      : Path(Path), Text(Text), Src(Text.Utf8), Opts(Opts), Guards(Guards),
        Diags(Diags) {}

  void run() {
    S = scan(Src);
    for (const Problem &P : S.Problems)
      note(P.At, P.Message);
    Visits.assign(S.Top.size(), 0);
    collectAssigned();
    for (size_t I = 0; I < S.Top.size(); ++I) {
      const Node &N = S.Nodes[S.Top[I]];
      if (N.K == NodeKind::Label && !Labels.count(N.Name))
        Labels[N.Name] = I;
    }
    Env E;
    runFrom(0, E, 0);
    // Targets of conditional jumps, with the variables at the jump; then
    // whatever is left unreached, knowing nothing.
    for (size_t Round = 0; Round < S.Top.size() && !Pending.empty(); ++Round) {
      auto It = Pending.begin();
      std::string L = It->first;
      Env At = std::move(It->second);
      Pending.erase(It);
      auto T = Labels.find(L);
      if (T != Labels.end() && !Visits[T->second])
        runFrom(T->second, At, 0);
    }
    std::string Under; // the label above each statement
    for (size_t I = 0; I < S.Top.size(); ++I) {
      const Node &N = S.Nodes[S.Top[I]];
      if (N.K == NodeKind::Label)
        Under = N.Name;
      if (!Visits[I]) {
        Env Fresh;
        Function = Under;
        Unreached = true;
        runFrom(I, Fresh, 0);
        Unreached = false;
      }
    }
  }

private:
  llvm::StringRef Path;
  const script::DecodedText &Text;
  llvm::StringRef Src;
  const FrontendOptions &Opts;
  std::vector<Guard> &Guards;
  std::vector<Diagnostic> &Diags;

  Script S;
  std::vector<int> Visits;
  std::map<std::string, size_t> Labels;
  std::map<std::string, Env> Pending; // conditional goto targets
  std::set<uint32_t> EmittedAt;
  std::string Function; // the label whose code runs
  /// `%var%` reads the variables as they were when the line was read.
  const Vars *PercentVars = nullptr;
  std::map<std::string, ExprPtr> ForVars; // loop letter -> value
  std::vector<std::vector<ExprPtr>> Args; // `call :label` arguments
  /// Variables the file sets somewhere (lower case): before they are set,
  /// they are empty, not whatever their name suggests.
  std::set<std::string> Assigned;
  bool Unreached = false; // running code no jump was seen to reach

  void collectAssigned() {
    for (const Node &N : S.Nodes) {
      if (N.K != NodeKind::Command || N.Words.size() < 2 ||
          !llvm::StringRef(N.Words[0].Text).equals_insensitive("set"))
        continue;
      llvm::StringRef A = N.Words[1].Text;
      bool Arith = A.equals_insensitive("/a");
      if (Arith || A.equals_insensitive("/p")) {
        if (N.Words.size() < 3)
          continue;
        A = N.Words[2].Text;
      }
      A = A.ltrim('"');
      if (!Arith) {
        Assigned.insert(A.split('=').first.trim().lower());
        continue;
      }
      // `set /a X=..., Y+=...`: the names before an assignment.
      for (size_t K = 2; K < N.Words.size(); ++K) {
        llvm::StringRef T = N.Words[K].Text;
        for (size_t P = 0; P < T.size();) {
          size_t B = P;
          while (P < T.size() && (llvm::isAlnum(T[P]) || T[P] == '_'))
            ++P;
          if (P == B) {
            ++P;
            continue;
          }
          llvm::StringRef After = T.substr(P).ltrim(' ');
          After = After.drop_while(
              [](char C) { return llvm::StringRef("+-*/%&|^<>").contains(C); });
          if (After.starts_with("=") && !After.starts_with("=="))
            Assigned.insert(T.slice(B, P).lower());
        }
      }
    }
  }

  // --- positions and messages ----------------------------------------
  Spelling spell(uint32_t B, uint32_t E) const {
    Spelling W;
    if (E < B || E > Src.size())
      return W;
    W.Span = Text.span(Path, B, E);
    W.Text = Src.slice(B, E).str();
    return W;
  }

  void note(uint32_t At, const std::string &Msg) {
    Diags.push_back(script::noteAt(Path, Text, At, Msg));
  }

  // --- statements -------------------------------------------------------
  void runFrom(size_t Start, Env &E, int CallDepth) {
    for (size_t I = Start; I < S.Top.size(); ++I) {
      if (++Visits[I] > MaxVisits)
        return;
      const Node &N = S.Nodes[S.Top[I]];
      if (N.K == NodeKind::Label) {
        Function = N.Name;
        continue;
      }
      // A line is expanded (`%var%`) when it is read, whole.
      std::shared_ptr<const Vars> Snapshot = E.Scopes.back();
      const Vars *Saved = PercentVars;
      PercentVars = Snapshot.get();
      Result R = exec(S.Top[I], E, CallDepth, /*Conditional=*/false);
      PercentVars = Saved;
      if (R.F == Flow::Exit || R.F == Flow::Return)
        return;
      if (R.F == Flow::Goto) {
        if (R.Label == "eof")
          return;
        auto T = Labels.find(R.Label);
        if (T == Labels.end()) {
          note(N.B, "`goto " + R.Label + "`: no such label in this file");
          return;
        }
        I = T->second; // the loop moves past the label
        Function = R.Label;
      }
    }
  }

  /// Runs Id on a copy of E (its outcome cannot be known) and merges: a
  /// variable keeps a value only where both ways agree, or where it had
  /// none before.
  void conditional(uint32_t Id, Env &E, int CallDepth) {
    Env Copy = E;
    exec(Id, Copy, CallDepth, /*Conditional=*/true);
    if (Copy.Scopes.size() != E.Scopes.size())
      return; // setlocal/endlocal on one way only: keep the other
    if (Copy.Scopes.back() == E.Scopes.back())
      return; // nothing written
    const Vars &New = Copy.top();
    Vars Merged = E.top();
    for (auto &[Name, V] : New) {
      auto It = Merged.find(Name);
      if (It == Merged.end())
        Merged[Name] = V;
      else if (It->second != V)
        It->second = unknown();
    }
    for (auto &[Name, V] : Merged)
      if (!New.count(Name))
        V = unknown();
    E.mut() = std::move(Merged);
  }

  Result exec(uint32_t Id, Env &E, int CallDepth, bool Conditional) {
    const Node &N = S.Nodes[Id];
    switch (N.K) {
    case NodeKind::Label:
      return {};
    case NodeKind::Block:
      for (uint32_t K : N.Kids) {
        Result R = exec(K, E, CallDepth, Conditional);
        if (R.F != Flow::Next)
          return R;
      }
      return {};
    case NodeKind::Seq: {
      Result R = exec(N.Kids[0], E, CallDepth, Conditional);
      if (R.F != Flow::Next)
        return R;
      return exec(N.Kids[1], E, CallDepth, Conditional);
    }
    case NodeKind::AndThen:
    case NodeKind::OrElse: {
      Result R = exec(N.Kids[0], E, CallDepth, Conditional);
      if (R.F != Flow::Next)
        return R;
      conditional(N.Kids[1], E, CallDepth);
      return {};
    }
    case NodeKind::Pipe:
      pipeline(Id, E);
      return {};
    case NodeKind::If:
      return ifStatement(N, E, CallDepth);
    case NodeKind::For:
      return forStatement(N, E, CallDepth);
    case NodeKind::Command:
      return command(N, E, CallDepth, Conditional);
    }
    return {};
  }

  Result command(const Node &N, Env &E, int CallDepth, bool Conditional) {
    if (N.Words.empty())
      return {};
    std::string Name = llvm::StringRef(N.Words[0].Text).lower();
    llvm::StringRef Nm = Name;
    Nm.consume_back(".exe");
    auto Arg = [&](size_t K) -> std::string {
      return K < N.Words.size() ? llvm::StringRef(N.Words[K].Text).lower()
                                : std::string();
    };
    if (Nm == "set") {
      setCommand(N, E);
    } else if (Nm == "setlocal") {
      E.Scopes.push_back(E.Scopes.back()); // shared until written
      bool D = E.Delayed.back();
      for (size_t K = 1; K < N.Words.size(); ++K) {
        if (Arg(K) == "enabledelayedexpansion")
          D = true;
        else if (Arg(K) == "disabledelayedexpansion")
          D = false;
      }
      E.Delayed.push_back(D);
    } else if (Nm == "endlocal") {
      if (E.Scopes.size() > 1) {
        E.Scopes.pop_back();
        E.Delayed.pop_back();
      }
    } else if (Nm == "goto" || Nm.starts_with("goto:")) {
      std::string L = labelName(Nm == "goto" ? Arg(1) : Nm.substr(4).str());
      llvm::StringRef T = L;
      if (T.empty())
        return {};
      if (Conditional) {
        if (T != "eof" && !Pending.count(T.str()))
          Pending[T.str()] = E;
        return {};
      }
      return {Flow::Goto, T.str()};
    } else if (Nm == "call") {
      std::string L = Arg(1);
      if (llvm::StringRef(L).starts_with(":"))
        callLabel(N, labelName(L), E, CallDepth);
    } else if (Nm == "exit") {
      if (!Conditional)
        return {Arg(1) == "/b" ? Flow::Return : Flow::Exit, ""};
    }
    return {};
  }

  void callLabel(const Node &N, llvm::StringRef L, Env &E, int CallDepth) {
    auto T = Labels.find(L.str());
    if (T == Labels.end() || CallDepth >= MaxCallDepth)
      return;
    std::vector<ExprPtr> A;
    for (size_t K = 2; K < N.Words.size(); ++K)
      A.push_back(expand(N.Words[K], E).first);
    Args.push_back(std::move(A));
    size_t Scopes = E.Scopes.size();
    std::string SavedFunction = Function;
    auto SavedFor = ForVars;
    ForVars.clear();
    Function = L.str();
    runFrom(T->second, E, CallDepth + 1);
    // The end of a called routine ends its setlocals.
    while (E.Scopes.size() > Scopes) {
      E.Scopes.pop_back();
      E.Delayed.pop_back();
    }
    Function = SavedFunction;
    ForVars = std::move(SavedFor);
    Args.pop_back();
  }

  // --- set and set /a ---------------------------------------------------
  /// The text after `set ` as written (from the first argument on).
  std::optional<Word> restOf(const Node &N, size_t From) const {
    if (N.Words.size() <= From)
      return std::nullopt;
    Word W;
    W.B = N.Words[From].B;
    W.E = N.Words.back().E;
    bool Raw = !N.RedirectInside;
    for (size_t K = From; K < N.Words.size(); ++K) {
      if (K > From) {
        // Blanks between words, as written.
        W.Text += Src.slice(N.Words[K - 1].E, N.Words[K].B).str();
      }
      W.Text += N.Words[K].Text;
      Raw &= N.Words[K].Raw;
    }
    W.Raw = Raw;
    return W;
  }

  void assign(Env &E, llvm::StringRef Name, ExprPtr V) {
    std::string K = Name.trim().lower();
    if (K.empty())
      return;
    if (V && depthOf(V) > MaxValueDepth)
      V = unknown();
    E.mut()[K] = V ? V : unknown();
  }

  void setCommand(const Node &N, Env &E) {
    if (N.Words.size() < 2)
      return;
    llvm::StringRef A1 = N.Words[1].Text;
    if (A1.equals_insensitive("/a")) {
      if (auto W = restOf(N, 2))
        setArithmetic(*W, E);
      return;
    }
    if (A1.equals_insensitive("/p")) {
      if (auto W = restOf(N, 2)) {
        llvm::StringRef T = unquoteView(W->Text);
        assign(E, T.split('=').first, unknown());
      }
      return;
    }
    auto W = restOf(N, 1);
    if (!W)
      return;
    // `set "NAME=value"` (the value ends at the last quote) or
    // `set NAME=value`.
    llvm::StringRef T = W->Text;
    uint32_t Offset = 0;
    if (T.starts_with("\"")) {
      size_t Last = T.rfind('"');
      T = T.slice(1, Last == 0 ? T.size() : Last);
      Offset = 1;
    }
    size_t Eq = T.find('=');
    if (Eq == llvm::StringRef::npos || Eq == 0)
      return;
    Word Value;
    Value.Text = T.substr(Eq + 1).str();
    Value.Raw = W->Raw;
    Value.B = W->Raw ? W->B + Offset + uint32_t(Eq) + 1 : W->B;
    Value.E = W->Raw ? Value.B + uint32_t(Value.Text.size()) : W->E;
    ExprPtr V = expand(Value, E).first;
    if (V->Kind == Op::StrConst && V->Str.empty())
      E.mut().erase(T.take_front(Eq).trim().lower()); // `set X=` clears X
    else
      assign(E, T.take_front(Eq), V);
  }

  static llvm::StringRef unquoteView(llvm::StringRef T) {
    T = T.trim();
    if (T.consume_front("\""))
      T = T.take_until([](char C) { return C == '"'; });
    return T;
  }

  /// `set /a` arithmetic: 32-bit integers, C's operators, variables by
  /// name (a value that is not a number counts as 0), `,` between
  /// assignments.
  class Arith {
  public:
    Arith(Lowerer &L, Env &E, llvm::StringRef T) : L(L), E(E), T(T) {}
    void run() {
      while (P < T.size()) {
        size_t Before = P;
        assignment(0);
        skip();
        if (P < T.size() && T[P] == ',')
          ++P;
        else if (P == Before)
          ++P;
      }
    }

  private:
    Lowerer &L;
    Env &E;
    llvm::StringRef T;
    size_t P = 0;
    void skip() {
      while (P < T.size() && (T[P] == ' ' || T[P] == '\t' || T[P] == '"'))
        ++P;
    }
    std::string name() {
      skip();
      size_t B = P;
      while (P < T.size() &&
             (llvm::isAlnum(T[P]) || llvm::StringRef("_$#@.").contains(T[P])))
        ++P;
      return T.slice(B, P).str();
    }
    ExprPtr var(llvm::StringRef Name) {
      return number(L.lookup(Name, E, /*Percent=*/false));
    }
    /// A variable's text as set /a reads it.
    static ExprPtr number(ExprPtr V) {
      if (V->Kind == Op::StrConst) {
        auto N = cmdNumber(V->Str);
        return intConst(N ? *N : 0);
      }
      if (V->Kind == Op::Unknown)
        return V;
      return unary(Op::ToInt, V);
    }
    ExprPtr assignment(int Depth) {
      if (Depth > MaxValueDepth)
        return unknown();
      skip();
      size_t Save = P;
      std::string N = name();
      skip();
      static const char *Ops[] = {
          "<<=", ">>=", "+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=", "="};
      if (!N.empty() && !llvm::isDigit(N[0]))
        for (const char *O : Ops) {
          llvm::StringRef Op(O);
          if (!T.substr(P).starts_with(Op) ||
              (Op == "=" && T.substr(P).starts_with("==")))
            continue;
          P += Op.size();
          ExprPtr R = assignment(Depth + 1);
          if (Op != "=") {
            static const std::pair<const char *, core::Op> Map[] = {
                {"<<=", core::Op::Shl},   {">>=", core::Op::Shr},
                {"+=", core::Op::Add},    {"-=", core::Op::Sub},
                {"*=", core::Op::Mul},    {"/=", core::Op::Div},
                {"%=", core::Op::Mod},    {"&=", core::Op::BitAnd},
                {"^=", core::Op::BitXor}, {"|=", core::Op::BitOr}};
            for (auto &[Text, K] : Map)
              if (Op == Text)
                R = binary(K, var(N), R);
          }
          L.assign(E, N,
                   R->Kind == core::Op::Unknown ? R
                                                : unary(core::Op::ToStr, R));
          return R;
        }
      P = Save;
      return binaryOp(0, Depth);
    }
    static int precedence(llvm::StringRef S, core::Op &K, size_t &Len) {
      static const struct {
        const char *T;
        int Prec;
        core::Op K;
      } Ops[] = {{"<<", 4, core::Op::Shl},   {">>", 4, core::Op::Shr},
                 {"*", 6, core::Op::Mul},    {"/", 6, core::Op::Div},
                 {"%", 6, core::Op::Mod},    {"+", 5, core::Op::Add},
                 {"-", 5, core::Op::Sub},    {"&", 3, core::Op::BitAnd},
                 {"^", 2, core::Op::BitXor}, {"|", 1, core::Op::BitOr}};
      for (auto &O : Ops)
        if (S.starts_with(O.T) && !S.substr(strlen(O.T)).starts_with("=")) {
          K = O.K;
          Len = strlen(O.T);
          return O.Prec;
        }
      return -1;
    }
    ExprPtr binaryOp(int MinPrec, int Depth) {
      ExprPtr Lhs = unaryOp(Depth);
      while (true) {
        skip();
        core::Op K;
        size_t Len = 0;
        int Prec = precedence(T.substr(P), K, Len);
        if (Prec < 0 || Prec < MinPrec)
          return Lhs;
        P += Len;
        ExprPtr Rhs = binaryOp(Prec + 1, Depth + 1);
        Lhs = binary(K, Lhs, Rhs);
      }
    }
    ExprPtr unaryOp(int Depth) {
      skip();
      if (P >= T.size() || Depth > MaxValueDepth)
        return unknown();
      char C = T[P];
      if (C == '-' || C == '~' || C == '!' || C == '+') {
        ++P;
        ExprPtr V = unaryOp(Depth + 1);
        if (C == '-')
          return unary(core::Op::Neg, V);
        if (C == '~')
          return unary(core::Op::BitNot, V);
        if (C == '!')
          return core::cmp(CmpOp::EQ, V, intConst(0));
        return V;
      }
      if (C == '(') {
        ++P;
        ExprPtr V = assignment(Depth + 1);
        skip();
        if (P < T.size() && T[P] == ')')
          ++P;
        return V;
      }
      if (C == '%' || C == '!') { // %name% / !name! read the variable
        size_t Close = T.find(C, P + 1);
        if (Close != llvm::StringRef::npos) {
          llvm::StringRef Body = T.slice(P + 1, Close);
          P = Close + 1;
          if (C == '!' && !E.Delayed.back())
            return unknown();
          return number(L.reference(Body, E, /*Percent=*/C == '%'));
        }
        ++P;
        return unknown();
      }
      if (llvm::isDigit(C)) {
        size_t B = P;
        while (P < T.size() && llvm::isAlnum(T[P]))
          ++P;
        auto N = cmdNumber(T.slice(B, P));
        return N ? intConst(*N) : unknown();
      }
      std::string N = name();
      if (N.empty()) {
        ++P;
        return unknown();
      }
      return var(N);
    }
  };

  void setArithmetic(const Word &W, Env &E) { Arith(*this, E, W.Text).run(); }

  // --- expansion ----------------------------------------------------------
public:
  /// A variable's value: Percent reads the line's snapshot. Unknown
  /// variables (from the environment) are what their name says, if it says
  /// something (`%OSBUILD%`), else unknown.
  ExprPtr lookup(llvm::StringRef Name, Env &E, bool Percent) {
    std::string K = Name.lower();
    const Vars &V = Percent && PercentVars ? *PercentVars : E.top();
    auto It = V.find(K);
    if (It != V.end())
      return It->second;
    if (K == "errorlevel" || K == "cd" || K == "date" || K == "time" ||
        K == "random" || K == "cmdcmdline")
      return unknown();
    if (Assigned.count(K)) // the file's own, not set yet: empty
      return Unreached ? unknown() : strConst("");
    if (auto Q = quantityNamed(Name))
      return quantity(*Q, "%" + Name.str() + "% (by its name)",
                      /*Inferred=*/true);
    return unknown();
  }

private:
  /// `%var:~n,m%` (cmd's substring: negative n counts from the end,
  /// negative m leaves that many off the end).
  ExprPtr substring(ExprPtr V, int64_t N, std::optional<int64_t> M) {
    if (V->Kind == Op::StrConst) {
      int64_t Len = V->Str.size();
      int64_t B = N < 0 ? std::max<int64_t>(0, Len + N) : std::min(N, Len);
      int64_t End = !M ? Len : *M < 0 ? Len + *M : B + *M;
      End = std::min(End, Len);
      return strConst(End > B ? V->Str.substr(B, End - B) : "");
    }
    auto Clamp = [](ExprPtr X) {
      return nary(Op::Choose, {cmp(CmpOp::LT, X, intConst(0)), intConst(0), X});
    };
    ExprPtr Len = unary(Op::Length, V);
    ExprPtr B = N < 0 ? Clamp(binary(Op::Add, Len, intConst(N))) : intConst(N);
    ExprPtr Count;
    if (!M)
      Count = intConst(-1);
    else if (*M >= 0)
      Count = intConst(*M);
    else
      Count = Clamp(binary(Op::Sub, binary(Op::Add, Len, intConst(*M)), B));
    return nary(Op::Substr, {V, B, Count});
  }

  /// The value of `name[:~n,m | :a=b]` read by `%...%` or `!...!`.
  ExprPtr reference(llvm::StringRef Body, Env &E, bool Percent) {
    auto [Name, Mod] = Body.split(':');
    ExprPtr V = lookup(Name, E, Percent);
    if (Mod.empty() && !Body.contains(':'))
      return V;
    if (Mod.consume_front("~")) {
      auto [NS, MS] = Mod.split(',');
      auto N = cmdNumber(NS.trim());
      if (!N)
        return unknown();
      std::optional<int64_t> M;
      if (Mod.contains(',')) {
        M = cmdNumber(MS.trim());
        if (!M)
          return unknown();
      }
      return substring(V, *N, M);
    }
    if (Mod.starts_with("*") || !Mod.contains('='))
      return unknown();
    auto [From, To] = Mod.split('=');
    auto R = clone(
        *nary(Op::Replace, {V, strConst(From.str()), strConst(To.str())}));
    R->Flags |= FlagCaseInsensitive; // cmd replaces ignoring case
    return R;
  }

public:
  /// A word as the command sees it: variables expanded. The bool says
  /// whether it is a literal as written.
  std::pair<ExprPtr, bool> expand(const Word &W, Env &E) {
    std::vector<ExprPtr> Parts;
    std::string Lit;
    bool Literal = true;
    llvm::StringRef T = W.Text;
    auto Flush = [&] {
      if (!Lit.empty())
        Parts.push_back(strConst(Lit));
      Lit.clear();
    };
    bool Delayed = E.Delayed.back();
    for (size_t K = 0; K < T.size(); ++K) {
      char C = T[K];
      if (C == '%') {
        if (K + 1 < T.size() && T[K + 1] == '%') {
          // `%%i` / `%%~i`: a loop variable; else `%%` is `%`.
          size_t V = K + 2;
          bool Tilde = V < T.size() && T[V] == '~';
          if (Tilde)
            ++V;
          if (V < T.size() && ForVars.count(std::string(1, T[V]))) {
            Flush();
            ExprPtr X = ForVars[std::string(1, T[V])];
            Parts.push_back(X);
            Literal = false;
            K = V;
            continue;
          }
          Lit += '%';
          ++K;
          continue;
        }
        if (K + 1 < T.size() &&
            (llvm::isDigit(T[K + 1]) || T[K + 1] == '~' || T[K + 1] == '*')) {
          // `%1`, `%~1`, `%*`: the arguments of a call.
          size_t V = K + 1;
          bool Tilde = T[V] == '~';
          if (Tilde)
            ++V;
          Flush();
          Literal = false;
          if (V < T.size() && llvm::isDigit(T[V]) && T[V] != '0' &&
              !Args.empty() && size_t(T[V] - '1') < Args.back().size()) {
            ExprPtr A = Args.back()[T[V] - '1'];
            if (Tilde && A->Kind == Op::StrConst)
              A = strConst(unquote(A->Str));
            Parts.push_back(A);
          } else {
            Parts.push_back(unknown());
          }
          K = V;
          continue;
        }
        size_t Close = T.find('%', K + 1);
        if (Close == llvm::StringRef::npos) {
          continue; // a lone % is dropped
        }
        Flush();
        Literal = false;
        Parts.push_back(reference(T.slice(K + 1, Close), E, /*Percent=*/true));
        K = Close;
        continue;
      }
      if (C == '!' && Delayed) {
        size_t Close = T.find('!', K + 1);
        if (Close == llvm::StringRef::npos)
          continue;
        Flush();
        Literal = false;
        Parts.push_back(reference(T.slice(K + 1, Close), E, /*Percent=*/false));
        K = Close;
        continue;
      }
      Lit += C;
    }
    Flush();
    ExprPtr V;
    if (Parts.empty())
      V = strConst("");
    else if (Parts.size() == 1)
      V = Parts[0];
    else if (llvm::any_of(Parts, [](const ExprPtr &P) {
               return P->Kind == Op::Unknown;
             }))
      V = unknown();
    else
      V = nary(Op::Concat, std::move(Parts));
    return {V, Literal};
  }

private:
  /// An operand of `if`: a literal keeps its spelling (a fix edits it);
  /// a plain decimal literal is an integer.
  ExprPtr operand(const Word &W, Env &E) {
    auto [V, Literal] = expand(W, E);
    // A constant read through a variable is not written here: a fix must
    // not edit the variable's name.
    if (!W.Raw || (!Literal && V->isConst()))
      return V;
    Spelling Sp = spell(W.B, W.E);
    if (Literal) {
      if (isPlainDecimal(W.Text)) {
        int64_t N = 0;
        llvm::StringRef(W.Text).getAsInteger(10, N);
        return intConst(N, Sp);
      }
      return strConst(W.Text, Sp);
    }
    auto C = clone(*V);
    C->Written = Sp;
    return C;
  }

  // --- guards -------------------------------------------------------------
  void emit(ExprPtr Cond, uint32_t B, uint32_t E, uint32_t Key) {
    if (!Cond || !dependsOnVersion(*Cond) || EmittedAt.count(Key))
      return;
    // A constant outcome on every profile is no guard.
    EmittedAt.insert(Key);
    Guard G;
    G.Kind = GuardKind::Condition;
    G.Cond = std::move(Cond);
    G.Syntax = Dialect::Batch;
    G.Where = Text.span(Path, B, E);
    G.Function = Function;
    std::string T;
    for (char C : Src.slice(B, std::min<size_t>(E, B + 200)))
      if (C != '\r' && C != '\n')
        T += C;
    G.Text = llvm::StringRef(T).trim().str();
    Guards.push_back(std::move(G));
  }

  Result ifStatement(const Node &N, Env &E, int CallDepth) {
    if (N.Test == IfTest::Compare && !N.Rhs.Text.empty()) {
      llvm::StringRef Op = N.OpWord.Text;
      std::optional<CmpOp> O;
      CmpMode Mode = N.CaseInsensitive ? CmpMode::CmdCI : CmpMode::Cmd;
      if (Op == "==") {
        O = CmpOp::EQ;
        Mode = N.CaseInsensitive ? CmpMode::StrCI : CmpMode::Str;
      } else {
        static const std::pair<const char *, CmpOp> Ops[] = {
            {"equ", CmpOp::EQ}, {"neq", CmpOp::NE}, {"lss", CmpOp::LT},
            {"leq", CmpOp::LE}, {"gtr", CmpOp::GT}, {"geq", CmpOp::GE}};
        for (auto &[T, K] : Ops)
          if (Op.equals_insensitive(T))
            O = K;
      }
      if (O) {
        ExprPtr L = operand(N.Lhs, E), R = operand(N.Rhs, E);
        Spelling W;
        if (N.Lhs.Raw && N.Rhs.Raw && N.OpWord.Raw) {
          W = spell(N.Lhs.B, N.Rhs.E);
          W.OpSpan = Text.span(Path, N.OpWord.B, N.OpWord.E);
        }
        ExprPtr C = cmp(*O, L, R, Mode, Dialect::Batch, W);
        if (N.Not)
          C = logicNot(C);
        emit(C, N.B, N.Rhs.E, N.Lhs.B);
      }
    }
    conditional(N.Kids[0], E, CallDepth);
    if (N.Kids.size() > 1)
      conditional(N.Kids[1], E, CallDepth);
    return {};
  }

  // --- what commands print -------------------------------------------
  /// The output of the command with these words (lower case kept as
  /// written), or nullopt.
  std::optional<Output> sourceOutput(const std::vector<std::string> &Words,
                                     const std::vector<ExprPtr> &Values) {
    if (Words.empty())
      return std::nullopt;
    std::string Name = llvm::StringRef(Words[0]).lower();
    llvm::StringRef Nm = Name;
    Nm.consume_back(".exe");
    size_t K = 1;
    if (Nm == "cmd" && Words.size() >= 3 &&
        llvm::StringRef(Words[1]).equals_insensitive("/c")) {
      Nm = llvm::StringRef(Words[2]);
      Name = Nm.lower();
      Nm = Name;
      K = 3;
    }
    if (Nm == "ver" && Words.size() == K) {
      ExprPtr V = quantity(Quantity::VerOutput, "the output of `ver`");
      Output O;
      O.Line = V;
      O.Text = nary(Op::Concat, {strConst("\r\n"), V, strConst("\r\n")});
      O.BlankLine = true;
      return O;
    }
    if (Nm == "echo" && Words.size() > K) {
      std::vector<ExprPtr> Parts;
      for (size_t J = K; J < Values.size(); ++J) {
        if (J > K)
          Parts.push_back(strConst(" "));
        Parts.push_back(Values[J]);
      }
      Output O;
      O.Line = Parts.size() == 1 ? Parts[0] : nary(Op::Concat, Parts);
      O.Text = nary(Op::Concat, {O.Line, strConst("\r\n")});
      return O;
    }
    if (Nm == "wmic")
      return wmicOutput(Words, K);
    if (Nm == "reg")
      return regOutput(Words, K);
    return std::nullopt;
  }

  /// `wmic os get Name [/value]`: one property of Win32_OperatingSystem.
  std::optional<Output> wmicOutput(const std::vector<std::string> &W,
                                   size_t K) {
    if (W.size() < K + 3 || !llvm::StringRef(W[K]).equals_insensitive("os") ||
        !llvm::StringRef(W[K + 1]).equals_insensitive("get"))
      return std::nullopt;
    std::string Prop = W[K + 2];
    bool ValueForm = false;
    for (size_t J = K + 3; J < W.size(); ++J) {
      llvm::StringRef A = W[J];
      if (A.equals_insensitive("/value") ||
          A.starts_with_insensitive("/format:list"))
        ValueForm = true;
      else
        return std::nullopt;
    }
    const SourceEntry *Src = builtinSources().wmiProperty(Prop);
    if (!Src || Prop.find(',') != std::string::npos)
      return std::nullopt;
    ExprPtr Q = quantity(Src->Q, "wmic os get " + Src->Name);
    ExprPtr V = isStringQuantity(Src->Q) ? Q : unary(Op::ToStr, Q);
    Output O;
    O.BlankLine = true;
    if (ValueForm) {
      // Blank lines around `Name=value` (the CR that wmic doubles is gone
      // once `%var%` is expanded, which removes carriage returns).
      O.Line = nary(Op::Concat, {strConst(Src->Name + "="), V});
      O.Text = nary(Op::Concat,
                    {strConst("\r\n\r\n"), O.Line, strConst("\r\n\r\n\r\n")});
      return O;
    }
    // A column as wide as the longer of the header and the value, plus two.
    int64_t Head = Src->Name.size();
    ExprPtr Len = unary(Op::Length, V);
    ExprPtr Width = nary(Op::Choose, {cmp(CmpOp::GT, Len, intConst(Head)),
                                      binary(Op::Add, Len, intConst(2)),
                                      intConst(Head + 2)});
    std::string Spaces(64, ' ');
    ExprPtr Pad = nary(Op::Substr, {strConst(Spaces), intConst(0),
                                    binary(Op::Sub, Width, Len)});
    ExprPtr HeadPad =
        nary(Op::Substr, {strConst(Spaces), intConst(0),
                          binary(Op::Sub, Width, intConst(Head))});
    O.Line = nary(Op::Concat, {V, Pad});
    O.Text = nary(Op::Concat, {strConst(Src->Name), HeadPad, strConst("\r\n"),
                               O.Line, strConst("\r\n\r\n")});
    return O;
  }

  /// `reg query "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion" /v X`.
  std::optional<Output> regOutput(const std::vector<std::string> &W, size_t K) {
    if (W.size() < K + 4 || !llvm::StringRef(W[K]).equals_insensitive("query"))
      return std::nullopt;
    std::string Key = unquote(W[K + 1]);
    llvm::StringRef KeyRef = Key;
    std::string Root;
    for (const char *R : {"HKLM\\", "HKEY_LOCAL_MACHINE\\"})
      if (KeyRef.starts_with_insensitive(R)) {
        KeyRef = KeyRef.drop_front(strlen(R));
        Root = R;
      }
    KeyRef.consume_back("\\");
    if (Root.empty() || !KeyRef.equals_insensitive(
                            "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion"))
      return std::nullopt;
    std::string Value;
    for (size_t J = K + 2; J + 1 < W.size(); ++J)
      if (llvm::StringRef(W[J]).equals_insensitive("/v"))
        Value = unquote(W[J + 1]);
    const SourceEntry *Src = builtinSources().registryValue(Value);
    if (!Src)
      return std::nullopt;
    ExprPtr Q =
        quantity(Src->Q, "reg query ...\\CurrentVersion /v " + Src->Name);
    bool Dword = !isStringQuantity(Src->Q) && !Src->AsString;
    // A REG_DWORD prints as 0x hex; written here in decimal, which cmd's
    // numeric comparisons read alike.
    ExprPtr V = isStringQuantity(Src->Q) ? Q : unary(Op::ToStr, Q);
    Output O;
    O.BlankLine = true;
    O.Line =
        nary(Op::Concat, {strConst("    " + Src->Name + "    " +
                                   (Dword ? "REG_DWORD" : "REG_SZ") + "    "),
                          V});
    O.Text = nary(Op::Concat,
                  {strConst("\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\"
                            "Windows NT\\CurrentVersion\r\n"),
                   O.Line, strConst("\r\n\r\n")});
    return O;
  }

  // --- pipes: find and findstr --------------------------------------------
  void pipeline(uint32_t Id, Env &E) {
    std::vector<uint32_t> Stages;
    std::vector<uint32_t> Stack{Id};
    while (!Stack.empty()) {
      uint32_t X = Stack.back();
      Stack.pop_back();
      const Node &N = S.Nodes[X];
      if (N.K == NodeKind::Pipe) {
        Stack.push_back(N.Kids[1]);
        Stack.push_back(N.Kids[0]);
      } else {
        Stages.push_back(X);
      }
    }
    const Node &First = S.Nodes[Stages[0]];
    if (First.K != NodeKind::Command)
      return;
    std::vector<std::string> Words;
    std::vector<ExprPtr> Values;
    for (const Word &W : First.Words) {
      Words.push_back(W.Text);
      Values.push_back(expand(W, E).first);
    }
    auto Out = sourceOutput(Words, Values);
    if (!Out)
      return;
    std::vector<ExprPtr> Tests;
    uint32_t B = 0, End = 0;
    for (size_t K = 1; K < Stages.size(); ++K) {
      const Node &N = S.Nodes[Stages[K]];
      auto T = N.K == NodeKind::Command ? search(N, *Out, E) : std::nullopt;
      if (!T)
        break;
      if (!B)
        B = N.B;
      End = N.E;
      Tests.push_back(*T);
    }
    if (Tests.empty())
      return;
    ExprPtr Cond = Tests.size() == 1 ? Tests[0] : nary(Op::And, Tests);
    emit(Cond, S.Nodes[Id].B, End, B);
  }

  /// The success of `find`/`findstr` (errorlevel 0) on Out, or nullopt.
  std::optional<ExprPtr> search(const Node &N, const Output &Out, Env &E) {
    std::string Name = llvm::StringRef(N.Words[0].Text).lower();
    llvm::StringRef Nm = Name;
    Nm.consume_back(".exe");
    if (Nm != "find" && Nm != "findstr")
      return std::nullopt;
    bool Findstr = Nm == "findstr";
    bool CI = false, Invert = false, Literal = false, Regex = false,
         Whole = false, Begin = false, End = false, Simple = true;
    std::vector<const Word *> Strings; // each one search string
    const Word *Plain = nullptr;       // findstr "a b" (blank-separated)
    for (size_t K = 1; K < N.Words.size(); ++K) {
      const Word &W = N.Words[K];
      llvm::StringRef A = W.Text;
      if (A.size() > 1 && A[0] == '/') {
        llvm::StringRef O = A.drop_front();
        if (Findstr && O.size() > 2 &&
            O.take_front(2).equals_insensitive("c:")) {
          Strings.push_back(&W);
          continue;
        }
        // Options may be combined (`/iv`) in findstr, one each in find.
        for (char C : O.lower()) {
          switch (C) {
          case 'i':
            CI = true;
            break;
          case 'v':
            Invert = true;
            Simple = false;
            break;
          case 'l':
            Literal = true;
            break;
          case 'r':
            Regex = true;
            break;
          case 'x':
            Whole = true;
            Simple = false;
            break;
          case 'b':
            Begin = true;
            Simple = false;
            break;
          case 'e':
            End = true;
            Simple = false;
            break;
          case 'n':
          case 'o':
          case 'p':
          case 'c':
            Simple = false; // counts, line numbers: same errorlevel
            break;
          default:
            return std::nullopt; // files, directories, string files
          }
        }
        continue;
      }
      if (Findstr && Strings.empty() && !Plain) {
        Plain = &W;
        continue;
      }
      if (!Findstr && Strings.empty() && A.starts_with("\"")) {
        Strings.push_back(&W);
        continue;
      }
      return std::nullopt; // a file to search: not the pipe
    }
    if (Strings.empty() && !Plain)
      return std::nullopt;
    // The search strings: (text, where written, whole word?).
    struct Str {
      std::string Text;
      uint32_t B, E;
      bool Raw;
    };
    std::vector<Str> Items;
    bool AsRegex = false;
    if (!Strings.empty()) {
      for (const Word *W : Strings) {
        llvm::StringRef T = W->Text;
        if (Findstr)
          T = T.drop_front(3);
        Items.push_back({unquote(T), W->B, W->E, W->Raw});
      }
      AsRegex = Findstr && Regex;
    } else {
      llvm::StringRef T = Plain->Text;
      bool Quoted = T.starts_with("\"");
      std::string In = unquote(T);
      uint32_t Base = Plain->B + (Quoted ? 1 : 0);
      llvm::StringRef R = In;
      size_t Pos = 0;
      while (Pos < R.size()) {
        while (Pos < R.size() && R[Pos] == ' ')
          ++Pos;
        size_t B = Pos;
        while (Pos < R.size() && R[Pos] != ' ')
          ++Pos;
        if (Pos > B)
          Items.push_back({R.slice(B, Pos).str(), Base + uint32_t(B),
                           Base + uint32_t(Pos), Plain->Raw});
      }
      if (Items.size() == 1) { // the whole word, quotes and all
        Items[0].B = Plain->B;
        Items[0].E = Plain->E;
      }
      AsRegex = !Literal &&
                (Regex || (!Items.empty() && hasRegexMeta(Items[0].Text)));
    }
    if (Items.empty())
      return std::nullopt;
    ExprPtr Subject = Out.Line ? Out.Line : Out.Text;
    std::vector<ExprPtr> Alts;
    bool Rewritable = Simple && Items.size() == 1 && N.Words[0].Raw &&
                      !N.RedirectInside && Items[0].Raw;
    for (const Str &It : Items) {
      // Variables in a search string are expanded too.
      Word W;
      W.Text = It.Text;
      auto [Pat, Literal] = expand(W, E);
      if (Pat->Kind != Op::StrConst)
        return std::nullopt;
      std::string P = Pat->Str;
      ExprPtr Test;
      Spelling PatW = It.Raw && Literal ? spell(It.B, It.E) : Spelling();
      if (!Literal)
        Rewritable = false;
      if (AsRegex) {
        auto Ere = findstrRegex(P);
        if (!Ere)
          return std::nullopt;
        std::string R =
            (Begin || Whole ? "^" : "") + *Ere + (End || Whole ? "$" : "");
        Test = binary(Op::Regex, Subject, strConst(R, PatW));
      } else if (Whole) {
        Test = cmp(CmpOp::EQ, Subject, strConst(P, PatW),
                   CI ? CmpMode::StrCI : CmpMode::Str, Dialect::Batch);
      } else {
        Test = binary(Begin ? Op::StartsWith
                      : End ? Op::EndsWith
                            : Op::Contains,
                      Subject, strConst(P, PatW));
      }
      auto T = clone(*Test);
      T->Syntax = Dialect::Batch;
      if (CI)
        T->Flags |= FlagCaseInsensitive;
      if (Rewritable) {
        T->Flags |= FlagCmdSearch;
        T->Written = spell(N.Words[0].B, N.Words.back().E);
      } else {
        T->Written = PatW;
      }
      Alts.push_back(T);
    }
    ExprPtr Found = Alts.size() == 1 ? Alts[0] : nary(Op::Or, Alts);
    if (Invert) {
      // Some line without a match: the empty line a command prints first
      // always is one.
      if (Out.BlankLine)
        return boolConst(true);
      Found = logicNot(Found);
    }
    return Found;
  }

  /// What the command line of a `for /f` set prints: a source, perhaps
  /// through `find`/`findstr` filters that keep its one line of content on
  /// every known profile (`wmic os get BuildNumber /value ^| find "="`).
  ExprPtr commandOutput(llvm::StringRef Cmd, Env &E) {
    std::vector<std::vector<std::string>> Stages(1);
    for (std::string &W : splitWords(Cmd)) {
      if (W == "|") {
        Stages.emplace_back();
        continue;
      }
      // `2>nul`, `>nul`, `2>&1`: redirections.
      llvm::StringRef R = W;
      if (R.size() > 1 && llvm::isDigit(R[0]) && (R[1] == '>' || R[1] == '<'))
        R = R.drop_front();
      if (R.starts_with(">") || R.starts_with("<"))
        continue;
      // `a|b` written without blanks.
      size_t Bar = W.find('|');
      if (Bar != std::string::npos && W.find('"') == std::string::npos) {
        if (Bar)
          Stages.back().push_back(W.substr(0, Bar));
        Stages.emplace_back();
        if (Bar + 1 < W.size())
          Stages.back().push_back(W.substr(Bar + 1));
        continue;
      }
      Stages.back().push_back(W);
    }
    std::vector<ExprPtr> Values;
    for (const std::string &W : Stages[0]) {
      Word X;
      X.Text = W;
      Values.push_back(expand(X, E).first);
    }
    auto Out = sourceOutput(Stages[0], Values);
    if (!Out)
      return nullptr;
    if (Stages.size() == 1)
      return Out->Text;
    for (size_t K = 1; K < Stages.size(); ++K) {
      Node Filter;
      for (const std::string &W : Stages[K]) {
        Word X;
        X.Text = W;
        X.Raw = false;
        Filter.Words.push_back(std::move(X));
      }
      if (Filter.Words.empty())
        return nullptr;
      auto Test = search(Filter, *Out, E);
      if (!Test)
        return nullptr;
      for (const Profile &P : builtinProfiles().Profiles) {
        Value V = evaluate(**Test, P);
        if (V.K != Value::Int || !V.I)
          return nullptr;
      }
    }
    return nary(Op::Concat, {Out->Line, strConst("\r\n")});
  }

  // --- for /f -------------------------------------------------------------
  Result forStatement(const Node &N, Env &E, int CallDepth) {
    auto SavedFor = ForVars;
    if (N.Switch != "/f") {
      ForVars[N.Var] = unknown();
      conditional(N.Kids[0], E, CallDepth);
      ForVars = std::move(SavedFor);
      return {};
    }
    // Options (`%opts%` read from a variable).
    std::string Opt;
    if (!N.Options.Text.empty()) {
      ExprPtr O = expand(N.Options, E).first;
      if (O->Kind != Op::StrConst) {
        ForVars[N.Var] = unknown();
        conditional(N.Kids[0], E, CallDepth);
        ForVars = std::move(SavedFor);
        return {};
      }
      Opt = unquote(O->Str);
    }
    std::string Delims = " \t", Eol = ";";
    int64_t Skip = 0;
    bool BackQ = false;
    std::vector<int64_t> Tokens{1};
    bool RestVar = false;
    llvm::StringRef O = Opt;
    while (!O.empty()) {
      O = O.ltrim(' ');
      if (O.consume_front_insensitive("delims=")) {
        // To the end, or to a blank before another keyword.
        size_t Stop = O.size();
        for (const char *Kw : {" tokens=", " skip=", " eol=", " usebackq"})
          Stop = std::min(Stop, O.find_insensitive(Kw));
        Delims = O.take_front(Stop).str();
        O = O.drop_front(Stop);
      } else if (O.consume_front_insensitive("eol=")) {
        Eol = O.take_front(1).str();
        O = O.drop_front(1);
      } else if (O.consume_front_insensitive("skip=")) {
        llvm::StringRef Num = O.take_while(llvm::isDigit);
        Num.getAsInteger(10, Skip);
        O = O.drop_front(Num.size());
      } else if (O.consume_front_insensitive("usebackq")) {
        BackQ = true;
      } else if (O.consume_front_insensitive("tokens=")) {
        llvm::StringRef Spec = O.take_until([](char C) { return C == ' '; });
        O = O.drop_front(Spec.size());
        Tokens.clear();
        if (Spec.consume_back("*"))
          RestVar = true;
        llvm::SmallVector<llvm::StringRef, 4> Parts;
        Spec.split(Parts, ',', -1, false);
        for (llvm::StringRef P : Parts) {
          auto [A, B] = P.split('-');
          int64_t X = 0, Y = 0;
          if (A.getAsInteger(10, X))
            continue;
          if (B.empty() || B.getAsInteger(10, Y))
            Y = X;
          for (int64_t T = X; T <= Y && T < 32; ++T)
            Tokens.push_back(T);
        }
        llvm::sort(Tokens);
        Tokens.erase(std::unique(Tokens.begin(), Tokens.end()), Tokens.end());
      } else {
        O = O.drop_until([](char C) { return C == ' '; });
      }
    }
    // The text the loop reads.
    llvm::StringRef SetText = llvm::StringRef(N.Set.Text).trim();
    ExprPtr Input;
    char CmdQuote = BackQ ? '`' : '\'';
    if (SetText.size() >= 2 && SetText.front() == CmdQuote &&
        SetText.back() == CmdQuote) {
      Input = commandOutput(SetText.drop_front().drop_back(), E);
    } else if (SetText.starts_with("\"") && !BackQ) {
      Word X;
      X.Text = unquote(SetText);
      Input = expand(X, E).first;
    }
    // Bind the loop's letters: one per token, then the rest (`*`).
    char Letter = N.Var.empty() ? 0 : N.Var[0];
    size_t Count = Tokens.size() + (RestVar ? 1 : 0);
    for (size_t K = 0; K < Count && Letter; ++K) {
      ExprPtr V = unknown();
      if (Input) {
        bool Rest = K == Tokens.size();
        int64_t Tok =
            Rest ? (Tokens.empty() ? 1 : Tokens.back() + 1) : Tokens[K];
        auto X = clone(*nary(Op::CmdTokens, {Input, intConst(Tok),
                                             strConst(Eol), boolConst(Rest)}));
        X->Int = Skip;
        X->Str = Delims;
        V = X;
      }
      ForVars[std::string(1, char(Letter + K))] = V;
    }
    // A loop over a command's output runs its body for the line it reads.
    Result R;
    if (Input)
      R = exec(N.Kids[0], E, CallDepth, /*Conditional=*/false);
    else
      conditional(N.Kids[0], E, CallDepth);
    ForVars = std::move(SavedFor);
    return R.F == Flow::Goto || R.F == Flow::Exit || R.F == Flow::Return
               ? R
               : Result();
  }
};

} // namespace

void lowerFile(llvm::StringRef Path, const script::DecodedText &Text,
               const FrontendOptions &Opts, std::vector<Guard> &Guards,
               std::vector<Diagnostic> &Diags) {
  Lowerer L(Path, Text, Opts, Guards, Diags);
  L.run();
}

} // namespace verguard::batch
