//===- ParsePlan.cpp ------------------------------------------------------===//
#include "script/ParsePlan.h"

#include "core/Reach.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

#include <atomic>

namespace verguard::script {

namespace {

std::atomic<uint64_t> SkippedTotal{0};

using Span = std::pair<uint32_t, uint32_t>;

/// A top-level procedure: [Begin, End) from its keyword (or first modifier)
/// to the end of its closing brace or `End` statement.
struct Proc {
  uint32_t Begin = 0, End = 0;
  std::string Name; // lower case; empty: a name the scan cannot use
  bool Skippable = true;
};

/// What a scanner found: the procedures, and the comments (and, for VB,
/// strings) that hold no code.
struct Scan {
  std::vector<Proc> Procs;
  std::vector<Span> NoCode; // in order, not overlapping
  bool Ok = true;
};

bool isWordChar(char C) { return llvm::isAlnum(C) || C == '_'; }

// --- PowerShell ------------------------------------------------------------

/// PowerShell's lexer, as far as braces are concerned: comments, the four
/// kinds of strings (smart quotes too), `${name}`, backtick escapes and
/// subexpressions inside double-quoted strings.
class PsScanner {
public:
  explicit PsScanner(llvm::StringRef S) : S(S), N(S.size()) {}

  Scan run() {
    code(/*InParens=*/false, /*TopLevel=*/true);
    if (Depth != 0 || Open)
      R.Ok = false;
    return std::move(R);
  }

private:
  llvm::StringRef S;
  size_t N, I = 0;
  int Depth = 0;     // braces, at the top level
  bool Open = false; // inside a top-level procedure's body
  Proc Cur;
  Scan R;

  // 0: not a quote; 1: single; 2: double (UTF-8 smart quotes included).
  int quoteAt(size_t P, unsigned &Len) const {
    char C = S[P];
    Len = 1;
    if (C == '\'')
      return 1;
    if (C == '"')
      return 2;
    if ((unsigned char)C == 0xE2 && P + 2 < N &&
        (unsigned char)S[P + 1] == 0x80) {
      unsigned char D = S[P + 2];
      Len = 3;
      if (D >= 0x98 && D <= 0x9B)
        return 1;
      if (D >= 0x9C && D <= 0x9E)
        return 2;
    }
    return 0;
  }
  bool tokenStart(size_t P) const {
    if (P == 0)
      return true;
    char C = S[P - 1];
    return llvm::isSpace(C) || llvm::StringRef(";{}()|&,=").contains(C);
  }
  void noCode(size_t B, size_t E) {
    R.NoCode.push_back({uint32_t(B), uint32_t(std::min(E, N))});
  }
  void fail() {
    R.Ok = false;
    I = N;
  }
  void singleQuoted() {
    unsigned L;
    quoteAt(I, L);
    I += L;
    while (I < N) {
      if (quoteAt(I, L) == 1) {
        I += L;
        unsigned L2;
        if (I < N && quoteAt(I, L2) == 1) {
          I += L2; // '' is a quote
          continue;
        }
        return;
      }
      ++I;
    }
    fail();
  }
  void doubleQuoted() {
    unsigned L;
    quoteAt(I, L);
    I += L;
    while (I < N) {
      char C = S[I];
      if (C == '`') {
        I += 2;
        continue;
      }
      if (C == '$' && I + 1 < N && S[I + 1] == '(') {
        I += 2;
        code(/*InParens=*/true, /*TopLevel=*/false);
        continue;
      }
      if (quoteAt(I, L) == 2) {
        I += L;
        unsigned L2;
        if (I < N && quoteAt(I, L2) == 2) {
          I += L2; // "" is a quote
          continue;
        }
        return;
      }
      ++I;
    }
    fail();
  }
  // @' or @" up to a line that starts with '@ or "@.
  void hereString(char Q) {
    size_t P = I + 2;
    while (true) {
      size_t E = S.find('\n', P);
      if (E == llvm::StringRef::npos)
        return fail();
      P = E + 1;
      if (P + 1 < N && S[P] == Q && S[P + 1] == '@') {
        I = P + 2;
        return;
      }
    }
  }
  // At '#': up to the line end.
  void lineComment() {
    size_t B = I;
    while (I < N && S[I] != '\n')
      ++I;
    noCode(B, I);
  }
  // At "<#": up to "#>".
  void blockComment() {
    size_t B = I, E = S.find("#>", I + 2);
    if (E == llvm::StringRef::npos)
      return fail();
    I = E + 2;
    noCode(B, I);
  }
  void skipBlank() {
    while (I < N) {
      if (llvm::isSpace(S[I]) ||
          (S[I] == '`' && I + 1 < N && llvm::isSpace(S[I + 1])))
        ++I;
      else if (S[I] == '#')
        lineComment();
      else if (S.substr(I).starts_with("<#"))
        blockComment();
      else
        return;
    }
  }
  bool statementStart(size_t P) const {
    while (P > 0 && (S[P - 1] == ' ' || S[P - 1] == '\t'))
      --P;
    return P == 0 || S[P - 1] == '\n' || S[P - 1] == '\r' || S[P - 1] == ';';
  }
  /// At a top-level `function` keyword: reads the header and opens the
  /// procedure, or leaves things as they are if this is no definition.
  void functionHeader(size_t KwEnd) {
    size_t B = I;
    I = KwEnd;
    skipBlank();
    size_t NB = I;
    while (I < N && !llvm::isSpace(S[I]) && S[I] != '{' && S[I] != '(')
      ++I;
    llvm::StringRef Name = S.slice(NB, I);
    size_t Colon = Name.rfind(':');
    if (Colon != llvm::StringRef::npos)
      Name = Name.drop_front(Colon + 1);
    skipBlank();
    if (I < N && S[I] == '(') {
      ++I;
      code(/*InParens=*/true, /*TopLevel=*/false);
      skipBlank();
    }
    if (I >= N || S[I] != '{' || Name.empty()) {
      // Not a definition the scan understands: trust nothing.
      return fail();
    }
    Cur = Proc();
    Cur.Begin = uint32_t(B);
    bool Plain =
        llvm::all_of(Name, [](char C) { return isWordChar(C) || C == '-'; });
    if (Plain)
      Cur.Name = Name.lower();
    Open = true;
    ++Depth;
    ++I;
  }
  void code(bool InParens, bool TopLevel) {
    int Parens = 0;
    while (I < N) {
      char C = S[I];
      unsigned L;
      if (C == '#' && tokenStart(I)) {
        lineComment();
      } else if (C == '<' && I + 1 < N && S[I + 1] == '#') {
        blockComment();
      } else if (C == '@' && I + 1 < N &&
                 (S[I + 1] == '\'' || S[I + 1] == '"')) {
        hereString(S[I + 1]);
      } else if (int Q = quoteAt(I, L)) {
        if (Q == 1)
          singleQuoted();
        else
          doubleQuoted();
      } else if (C == '`') {
        I += 2;
      } else if (C == '$' && I + 1 < N && S[I + 1] == '{') {
        size_t E = I + 2;
        while (E < N && S[E] != '}')
          E += S[E] == '`' ? 2 : 1;
        if (E >= N)
          return fail();
        I = E + 1;
      } else if (C == '{') {
        if (TopLevel)
          ++Depth;
        ++I;
      } else if (C == '}') {
        if (TopLevel) {
          if (--Depth < 0)
            return fail();
          if (Depth == 0 && Open) {
            Open = false;
            Cur.End = uint32_t(I + 1);
            R.Procs.push_back(Cur);
          }
        }
        ++I;
      } else if (C == '(') {
        ++Parens;
        ++I;
      } else if (C == ')') {
        ++I;
        if (Parens == 0) {
          if (InParens)
            return;
          return fail(); // unbalanced
        }
        --Parens;
      } else if (TopLevel && Depth == 0 && Parens == 0 && isWordChar(C) &&
                 statementStart(I)) {
        size_t E = I;
        while (E < N && (isWordChar(S[E]) || S[E] == '-'))
          ++E;
        llvm::StringRef W = S.slice(I, E);
        if ((W.equals_insensitive("function") ||
             W.equals_insensitive("filter") ||
             W.equals_insensitive("workflow")) &&
            E < N && llvm::isSpace(S[E]))
          functionHeader(E);
        else
          I = E;
      } else {
        ++I;
      }
    }
    if (InParens)
      fail();
  }
};

// --- VB --------------------------------------------------------------------

/// VBA/VB6 and adapted VBScript: statements split at line ends (not after a
/// continuation `_`) and at `:` outside strings and comments.
class VbScanner {
public:
  VbScanner(llvm::StringRef S, llvm::ArrayRef<Span> Keep,
            llvm::StringRef NeverSkip)
      : S(S), N(S.size()), Keep(Keep), NeverSkip(NeverSkip) {}

  Scan run() {
    size_t I = 0;
    while (I < N && R.Ok) {
      size_t B = I, E = I;
      // One statement: up to ':' or an unjoined line end.
      while (E < N) {
        char C = S[E];
        if (C == '"') {
          size_t Q = E++;
          while (E < N && S[E] != '\n') {
            if (S[E] == '"') {
              if (E + 1 < N && S[E + 1] == '"') {
                E += 2;
                continue;
              }
              break;
            }
            ++E;
          }
          if (E >= N || S[E] != '"') {
            R.Ok = false; // unterminated string
            break;
          }
          ++E;
          R.NoCode.push_back({uint32_t(Q), uint32_t(E)});
          continue;
        }
        if (C == '\'' || ((C == 'r' || C == 'R') && isRem(B, E))) {
          size_t Q = E;
          while (E < N && S[E] != '\n') {
            // A comment continues over `_` line ends too.
            if (S[E] == '_' && continuesAt(E + 1)) {
              E = S.find('\n', E);
              if (E == llvm::StringRef::npos)
                E = N;
              else
                ++E;
              continue;
            }
            ++E;
          }
          R.NoCode.push_back({uint32_t(Q), uint32_t(E)});
          break;
        }
        if (C == '_' &&
            (E == 0 || llvm::isSpace(S[E - 1]) || S[E - 1] == '_') &&
            continuesAt(E + 1)) {
          E = S.find('\n', E);
          E = E == llvm::StringRef::npos ? N : E + 1;
          continue;
        }
        if (C == '\n' || (C == ':' && !(E + 1 < N && S[E + 1] == '=')))
          break;
        ++E;
      }
      statement(B, std::min(E, N));
      I = E + 1;
    }
    if (InProc)
      R.Ok = false;
    return std::move(R);
  }

private:
  llvm::StringRef S;
  size_t N;
  llvm::ArrayRef<Span> Keep;
  llvm::StringRef NeverSkip;
  bool InProc = false;
  int Cond = 0;
  Proc Cur;
  Scan R;

  // After a `_`: only blanks up to the line end.
  bool continuesAt(size_t P) const {
    while (P < N && (S[P] == ' ' || S[P] == '\t' || S[P] == '\r'))
      ++P;
    return P < N && S[P] == '\n';
  }
  // `Rem` as the first word of a statement.
  bool isRem(size_t B, size_t P) const {
    size_t F = B;
    while (F < N && (S[F] == ' ' || S[F] == '\t'))
      ++F;
    return P == F && P + 3 <= N && S.substr(P, 3).equals_insensitive("rem") &&
           (P + 3 == N || !isWordChar(S[P + 3]));
  }
  bool kept(size_t P) const {
    return llvm::any_of(
        Keep, [&](const Span &K) { return P >= K.first && P < K.second; });
  }
  void statement(size_t B, size_t E) {
    // Words of the statement, up to a comment.
    size_t P = B;
    while (P < E && (S[P] == ' ' || S[P] == '\t' || S[P] == '\r'))
      ++P;
    if (P < E && S[P] == '#') {
      // A directive. One that holds a procedure's header or end (two
      // headers for one body, say) makes the scan untrustworthy.
      llvm::StringRef D = S.slice(P + 1, E).ltrim();
      if (D.starts_with_insensitive("if"))
        ++Cond;
      else if (D.starts_with_insensitive("end"))
        --Cond;
      return;
    }
    size_t Start = P;
    auto Word = [&]() -> llvm::StringRef {
      while (P < E && (S[P] == ' ' || S[P] == '\t'))
        ++P;
      size_t W = P;
      while (P < E && isWordChar(S[P]))
        ++P;
      return S.slice(W, P);
    };
    llvm::StringRef W = Word();
    if (W.equals_insensitive("end")) {
      llvm::StringRef K = Word();
      if (K.equals_insensitive("sub") || K.equals_insensitive("function") ||
          K.equals_insensitive("property")) {
        if (!InProc || Cond) {
          R.Ok = false;
          return;
        }
        InProc = false;
        Cur.End = uint32_t(P);
        R.Procs.push_back(Cur);
      }
      return;
    }
    while (W.equals_insensitive("public") || W.equals_insensitive("private") ||
           W.equals_insensitive("friend") || W.equals_insensitive("static") ||
           W.equals_insensitive("default"))
      W = Word();
    bool Property = W.equals_insensitive("property");
    if (!W.equals_insensitive("sub") && !W.equals_insensitive("function") &&
        !Property)
      return;
    if (Property) {
      llvm::StringRef K = Word();
      if (!K.equals_insensitive("get") && !K.equals_insensitive("let") &&
          !K.equals_insensitive("set"))
        return;
    }
    if (InProc || Cond) {
      R.Ok = false; // procedures do not nest
      return;
    }
    while (P < E && (S[P] == ' ' || S[P] == '\t'))
      ++P;
    llvm::StringRef Name;
    if (P < E && S[P] == '[') {
      size_t C = S.find(']', P);
      if (C < E)
        Name = S.slice(P + 1, C);
    } else {
      Name = Word();
    }
    Cur = Proc();
    Cur.Begin = uint32_t(Start);
    if (!Name.empty() && llvm::all_of(Name, isWordChar))
      Cur.Name = Name.lower();
    Cur.Skippable =
        !kept(Start) &&
        (NeverSkip.empty() ||
         !llvm::StringRef(Cur.Name).starts_with_insensitive(NeverSkip));
    InProc = true;
  }
};

const llvm::StringSet<> &vbReserved() {
  static const llvm::StringSet<> Words = [] {
    llvm::StringSet<> W;
    for (const char *K :
         {// keywords
          "and", "as", "attribute", "begin", "boolean", "byref", "byte",
          "byval", "call", "case", "class", "const", "currency", "date",
          "declare", "dim", "do", "double", "each", "else", "elseif", "empty",
          "end", "enum", "eqv", "erase", "error", "event", "exit", "explicit",
          "false", "for", "friend", "function", "get", "global", "goto", "if",
          "imp", "implements", "in", "integer", "is", "let", "lib", "like",
          "long", "longlong", "longptr", "loop", "me", "mod", "new", "next",
          "not", "nothing", "null", "object", "on", "option", "optional", "or",
          "paramarray", "preserve", "private", "property", "ptrsafe", "public",
          "redim", "rem", "resume", "set", "single", "static", "step", "stop",
          "string", "sub", "then", "to", "true", "type", "typeof", "until",
          "variant", "version", "wend", "while", "with", "withevents", "xor",
          "compare", "text", "binary", "base", "alias",
          // built-in functions and host objects: no script assigns them
          "abs", "array", "asc", "cbool", "cbyte", "ccur", "cdate", "cdbl",
          "chr", "cint", "clng", "createobject", "csng", "cstr", "err", "eval",
          "execute", "executeglobal", "filter", "fix", "formatnumber",
          "getobject", "getref", "hex", "instr", "instrrev", "int", "isarray",
          "isdate", "isempty", "isnull", "isnumeric", "isobject", "join",
          "lbound", "lcase", "left", "len", "ltrim", "mid", "msgbox", "now",
          "replace", "right", "round", "rtrim", "space", "split", "strcomp",
          "trim", "typename", "ubound", "ucase", "vartype", "wscript"})
      W.insert(K);
    return W;
  }();
  return Words;
}

bool isPsAutomatic(llvm::StringRef V) {
  static const llvm::StringSet<> Words = [] {
    llvm::StringSet<> W;
    for (const char *K : {"true",
                          "false",
                          "null",
                          "_",
                          "psitem",
                          "args",
                          "input",
                          "this",
                          "pscmdlet",
                          "psboundparameters",
                          "myinvocation",
                          "psscriptroot",
                          "pscommandpath",
                          "executioncontext",
                          "host",
                          "home",
                          "pid",
                          "pshome",
                          "error",
                          "lastexitcode",
                          "psversiontable",
                          "env"})
      W.insert(K);
    return W;
  }();
  return Words.contains(V);
}

/// Builds a region over [B, E) of the text (given in lower case): its
/// names, what it declares, and whether it holds a trigger.
class RegionBuilder {
public:
  RegionBuilder(std::string Lower, PlanDialect D,
                llvm::ArrayRef<std::string> Triggers,
                const std::vector<Span> &NoCode, core::NameTable &Names)
      : Lower(std::move(Lower)), D(D), Triggers(Triggers), NoCode(NoCode),
        Names(Names) {}

  core::ReachRegion build(uint32_t B, uint32_t E, const Proc *P) {
    core::ReachRegion R;
    R.Body = P != nullptr;
    R.Trigger =
        core::holdsTrigger(llvm::StringRef(Lower).slice(B, E), Triggers);
    if (P) {
      if (P->Name.empty())
        R.Opaque = true;
      else
        R.Funcs.push_back(Names.intern(P->Name));
    }
    llvm::StringRef L(Lower);
    // The first comment or string at or after B.
    size_t K = std::lower_bound(NoCode.begin(), NoCode.end(), Span{B, 0}) -
               NoCode.begin();
    while (K > 0 && NoCode[K - 1].second > B)
      --K;
    for (uint32_t I = B; I < E;) {
      while (K < NoCode.size() && NoCode[K].second <= I)
        ++K;
      bool InNoCode = K < NoCode.size() && NoCode[K].first <= I;
      char C = L[I];
      if (D == PlanDialect::PowerShell && (C == '$' || C == '@') && !InNoCode) {
        // A variable: $name, $scope:name, ${name}, @splat.
        uint32_t J = I + 1;
        bool Brace = J < E && L[J] == '{';
        J += Brace;
        uint32_t NB = J;
        while (J < E && (isWordChar(L[J]) || L[J] == ':' || L[J] == '?' ||
                         (Brace && L[J] != '}')))
          ++J;
        llvm::StringRef Full = L.slice(NB, J), Scope, Name = Full;
        size_t Colon = Full.find(':');
        if (Colon != llvm::StringRef::npos) {
          Scope = Full.take_front(Colon);
          Name = Full.drop_front(Colon + 1);
        }
        bool Script = Scope == "script" || Scope == "global";
        if (!Name.empty() && Scope != "env" && !isPsAutomatic(Name) &&
            (!P || Script)) {
          // ${odd name}: its words, as a mention of it is read below.
          for (size_t W = 0; W < Name.size();) {
            size_t X = W;
            while (X < Name.size() && (isWordChar(Name[X]) || Name[X] == '-'))
              ++X;
            llvm::StringRef Part = Name.slice(W, X).trim('-');
            if (!Part.empty())
              R.Decls.push_back(Names.intern(Part));
            W = X + 1;
          }
        }
        I = I + 1; // the words of the name are read below
        continue;
      }
      if (!isWordChar(C)) {
        ++I;
        continue;
      }
      uint32_t J = I;
      if (D == PlanDialect::PowerShell) {
        while (J < E && (isWordChar(L[J]) || L[J] == '-'))
          ++J;
        llvm::StringRef W = L.slice(I, J).trim('-');
        R.Ids.push_back(Names.intern(W));
        if (W.contains('-')) {
          llvm::SmallVector<llvm::StringRef, 4> Parts;
          W.split(Parts, '-', -1, false);
          for (llvm::StringRef Part : Parts)
            R.Ids.push_back(Names.intern(Part));
        }
      } else {
        while (J < E && isWordChar(L[J]))
          ++J;
        llvm::StringRef W = L.slice(I, J);
        if (!InNoCode && !vbReserved().contains(W) &&
            !llvm::isDigit(W.front())) {
          R.Ids.push_back(Names.intern(W));
          uint32_t Before = I;
          while (Before > B && (L[Before - 1] == ' ' || L[Before - 1] == '\t'))
            --Before;
          if (!P && !(Before > B && L[Before - 1] == '.'))
            R.Decls.push_back(Names.intern(W));
        }
      }
      I = J;
    }
    core::finishIds(R);
    return R;
  }

private:
  std::string Lower;
  PlanDialect D;
  llvm::ArrayRef<std::string> Triggers;
  const std::vector<Span> &NoCode;
  core::NameTable &Names;
};

TSPoint pointAt(llvm::StringRef Text, uint32_t Offset, uint32_t &Row,
                uint32_t &LineStart, uint32_t &Scanned) {
  for (; Scanned < Offset; ++Scanned)
    if (Text[Scanned] == '\n') {
      ++Row;
      LineStart = Scanned + 1;
    }
  return TSPoint{Row, Offset - LineStart};
}

} // namespace

ParsePlan planParse(llvm::StringRef Text, PlanDialect D,
                    llvm::ArrayRef<std::string> Triggers,
                    llvm::ArrayRef<std::pair<uint32_t, uint32_t>> Keep,
                    llvm::StringRef NeverSkip) {
  ParsePlan Plan;
  if (Triggers.empty())
    return Plan;
  Scan Sc = D == PlanDialect::PowerShell
                ? PsScanner(Text).run()
                : VbScanner(Text, Keep, NeverSkip).run();
  Plan.Trusted = Sc.Ok;
  Plan.Procedures = unsigned(Sc.Procs.size());
  if (!Sc.Ok || Sc.Procs.empty())
    return Plan;
  std::string Lower = Text.lower();
  // No literal here: the file holds a check only through another one of its
  // project (a module's constant, a dot-sourced script's variable), and any
  // procedure may be where it is compared.
  if (!core::holdsTrigger(Lower, Triggers))
    return Plan;
  // Regions: the skippable procedures, and the code around them (procedures
  // that are always parsed included).
  core::NameTable Names;
  RegionBuilder Build(std::move(Lower), D, Triggers, Sc.NoCode, Names);
  std::vector<core::ReachRegion> Regions;
  std::vector<int> ProcOf; // region -> procedure, or -1
  uint32_t At = 0;
  for (size_t I = 0; I < Sc.Procs.size(); ++I) {
    const Proc &P = Sc.Procs[I];
    if (!P.Skippable)
      continue;
    if (At < P.Begin) {
      Regions.push_back(Build.build(At, P.Begin, nullptr));
      ProcOf.push_back(-1);
    }
    Regions.push_back(Build.build(P.Begin, P.End, &P));
    ProcOf.push_back(int(I));
    At = P.End;
  }
  if (At < Text.size()) {
    Regions.push_back(Build.build(At, uint32_t(Text.size()), nullptr));
    ProcOf.push_back(-1);
  }
  llvm::BitVector Kept = core::reachRegions(
      Regions.size(),
      [&](size_t I) -> const core::ReachRegion & { return Regions[I]; },
      Names.size());
  // The ranges: everything but the procedures not kept.
  uint32_t Row = 0, LineStart = 0, Scanned = 0, From = 0;
  auto Add = [&](uint32_t B, uint32_t E) {
    if (B >= E)
      return;
    TSRange Rg;
    Rg.start_byte = B;
    Rg.start_point = pointAt(Text, B, Row, LineStart, Scanned);
    Rg.end_byte = E;
    Rg.end_point = pointAt(Text, E, Row, LineStart, Scanned);
    Plan.Ranges.push_back(Rg);
  };
  for (size_t I = 0; I < Regions.size(); ++I) {
    if (ProcOf[I] < 0 || Kept.test(I))
      continue;
    const Proc &P = Sc.Procs[ProcOf[I]];
    Add(From, P.Begin);
    From = P.End;
    ++Plan.Skipped;
  }
  if (!Plan.Skipped)
    return Plan; // no ranges: everything is parsed
  Add(From, uint32_t(Text.size()));
  if (Plan.Ranges.empty()) {
    // Nothing but skipped procedures: no ranges would mean the whole text
    // to tree-sitter, so say so.
    Plan.Skipped = 0;
    return Plan;
  }
  SkippedTotal += Plan.Skipped;
  return Plan;
}

TreePtr parsePlanned(const TSLanguage *Language, llvm::StringRef Text,
                     const ParsePlan &Plan, uint64_t TimeoutMicros) {
  TreePtr Tree = parse(Language, Text, Plan.Ranges, TimeoutMicros);
  if (Tree && !Plan.Ranges.empty() &&
      ts_node_has_error(ts_tree_root_node(Tree.get())))
    Tree = parse(Language, Text, {}, TimeoutMicros);
  return Tree;
}

uint64_t skippedProcedures() { return SkippedTotal; }

} // namespace verguard::script
