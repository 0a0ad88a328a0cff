//===- BodyPlan.cpp -------------------------------------------------------===//
#include "cpp/BodyPlan.h"

#include "clang/Basic/LangOptions.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringSet.h"

#include <algorithm>

namespace verguard::cpp {

using namespace clang;

namespace {

/// Words that never name something the project declares: keywords of C,
/// C++ and the Microsoft and GNU dialects, and the specifiers that sit
/// where a declared name could.
bool isReserved(llvm::StringRef S) {
  static const llvm::StringSet<> Words = [] {
    llvm::StringSet<> W;
    for (const char *K : {"alignas",
                          "alignof",
                          "asm",
                          "auto",
                          "bool",
                          "break",
                          "case",
                          "catch",
                          "char",
                          "char8_t",
                          "char16_t",
                          "char32_t",
                          "class",
                          "concept",
                          "const",
                          "consteval",
                          "constexpr",
                          "constinit",
                          "const_cast",
                          "continue",
                          "co_await",
                          "co_return",
                          "co_yield",
                          "decltype",
                          "default",
                          "delete",
                          "do",
                          "double",
                          "dynamic_cast",
                          "else",
                          "enum",
                          "explicit",
                          "export",
                          "extern",
                          "false",
                          "final",
                          "float",
                          "for",
                          "friend",
                          "goto",
                          "if",
                          "inline",
                          "int",
                          "long",
                          "mutable",
                          "namespace",
                          "new",
                          "noexcept",
                          "nullptr",
                          "operator",
                          "override",
                          "private",
                          "protected",
                          "public",
                          "register",
                          "reinterpret_cast",
                          "requires",
                          "return",
                          "short",
                          "signed",
                          "sizeof",
                          "static",
                          "static_assert",
                          "static_cast",
                          "struct",
                          "switch",
                          "template",
                          "this",
                          "thread_local",
                          "throw",
                          "true",
                          "try",
                          "typedef",
                          "typeid",
                          "typename",
                          "union",
                          "unsigned",
                          "using",
                          "virtual",
                          "void",
                          "volatile",
                          "wchar_t",
                          "while",
                          "_Bool",
                          "_Alignas",
                          "_Alignof",
                          "_Atomic",
                          "_Noreturn",
                          "_Static_assert",
                          "_Thread_local",
                          "restrict",
                          "__restrict",
                          "__declspec",
                          "__attribute__",
                          "__cdecl",
                          "__stdcall",
                          "__fastcall",
                          "__thiscall",
                          "__vectorcall",
                          "__inline",
                          "__forceinline",
                          "__int8",
                          "__int16",
                          "__int32",
                          "__int64",
                          "__interface",
                          "__try",
                          "__except",
                          "__finally",
                          "__leave",
                          "__asm",
                          "__asm__",
                          "__extension__",
                          "__typeof__",
                          "typeof",
                          "__volatile__",
                          "__const"})
      W.insert(K);
    return W;
  }();
  return Words.contains(S);
}

struct Tok {
  tok::TokenKind Kind;
  unsigned Off, Len;
  bool Bol;           // first on its line
  llvm::StringRef Id; // raw identifiers only
  bool is(tok::TokenKind K) const { return Kind == K; }
  bool ident() const { return !Id.empty(); }
  bool word(llvm::StringRef W) const { return Id == W; }
  unsigned end() const { return Off + Len; }
};

bool endsDeclarator(const Tok &T) {
  return T.is(tok::r_paren) || T.is(tok::amp) || T.is(tok::ampamp) ||
         T.is(tok::r_square) || T.word("const") || T.word("volatile") ||
         T.word("noexcept") || T.word("override") || T.word("final") ||
         T.word("mutable");
}

} // namespace

BodyPlan::BodyPlan(std::vector<std::string> Triggers)
    : Triggers(std::move(Triggers)) {
  if (this->Triggers.empty())
    Trusted = false;
}

void BodyPlan::addFile(llvm::StringRef Text, bool Main) {
  if (!Trusted)
    return;
  scan(Text, Main);
  Dirty = true;
}

void BodyPlan::scan(llvm::StringRef Text, bool Main) {
  // Raw tokens: comments dropped, strings and raw strings whole.
  LangOptions LO;
  LO.CPlusPlus = LO.CPlusPlus11 = LO.CPlusPlus14 = LO.CPlusPlus17 = 1;
  LO.CPlusPlus20 = LO.LineComment = LO.MicrosoftExt = LO.DollarIdents = 1;
  Lexer L(SourceLocation(), LO, Text.begin(), Text.begin(), Text.end());
  std::vector<Tok> T;
  T.reserve(Text.size() / 4);
  for (Token K;;) {
    L.LexFromRawLexer(K);
    if (K.is(tok::eof))
      break;
    Tok X{K.getKind(),
          K.getLocation().getRawEncoding(),
          K.getLength(),
          K.isAtStartOfLine(),
          {}};
    if (K.is(tok::raw_identifier))
      X.Id = K.getRawIdentifier();
    T.push_back(X);
  }

  // Linkage: a namespace or extern "C" block, whose braces a conditional
  // may open and close in separate #ifdef __cplusplus blocks; Unknown: a
  // brace block the scan cannot name; Class: a class body.
  enum class Scope { Linkage, Unknown, Class };
  std::vector<Scope> Scopes;
  std::vector<size_t> Stmt; // token indices of the declaration being read
  unsigned StmtBraces = 0;  // braces inside it (initializers, enums)
  Region Body;              // the body being read, when BodyDepth > 0
  unsigned BodyDepth = 0;
  std::vector<unsigned> Cond; // brace depth at each open #if
  auto Depth = [&] {
    return unsigned(Scopes.size() - llvm::count(Scopes, Scope::Linkage)) +
           BodyDepth + StmtBraces;
  };

  auto Ident = [&](const Tok &X, Region &R) {
    if (X.ident() && !isReserved(X.Id))
      R.Ids.push_back(intern(X.Id));
  };
  // A trigger anywhere in a region's text (not per token: a user source
  // such as "MyOs::Build" spans several).
  std::string Low = Text.lower();
  auto Finish = [&](Region R) {
    R.Trigger = core::holdsTrigger(llvm::StringRef(Low).slice(R.Begin, R.End),
                                   Triggers);
    core::finishIds(R);
    Regions.push_back(std::move(R));
  };
  // A declaration outside bodies: what it mentions and what it declares.
  auto EndStmt = [&] {
    if (Stmt.empty())
      return;
    Region R;
    R.Main = Main;
    R.Begin = T[Stmt.front()].Off;
    R.End = T[Stmt.back()].end();
    bool NoDecls = llvm::any_of(Stmt, [&](size_t I) {
      return T[I].word("namespace") ||
             (T[I].word("using") && !llvm::any_of(Stmt, [&](size_t J) {
                return T[J].is(tok::equal);
              }));
    });
    int Paren = 0;
    for (size_t K = 0; K < Stmt.size(); ++K) {
      const Tok &X = T[Stmt[K]];
      if (X.is(tok::l_paren) || X.is(tok::l_square))
        ++Paren;
      else if (X.is(tok::r_paren) || X.is(tok::r_square))
        Paren = std::max(0, Paren - 1);
      Ident(X, R);
      if (NoDecls || !X.ident() || isReserved(X.Id))
        continue;
      const Tok *Next = K + 1 < Stmt.size() ? &T[Stmt[K + 1]] : nullptr;
      const Tok *Prev = K ? &T[Stmt[K - 1]] : nullptr;
      bool Declares =
          !Next ||
          (Paren == 0 && (Next->is(tok::equal) || Next->is(tok::semi) ||
                          Next->is(tok::comma) || Next->is(tok::l_square) ||
                          Next->is(tok::l_paren) || Next->is(tok::r_paren) ||
                          Next->is(tok::l_brace) || Next->is(tok::r_brace) ||
                          Next->is(tok::colon))) ||
          // (*pfn)(...), (&ref)
          (Paren == 1 && Next->is(tok::r_paren) && Prev &&
           (Prev->is(tok::star) || Prev->is(tok::amp)));
      if (!Declares)
        continue;
      if (Paren == 0 && Next && Next->is(tok::l_paren))
        R.Funcs.push_back(intern(X.Id)); // a function, or an object
      else                               // constructed: named when called
        R.Decls.push_back(intern(X.Id));
    }
    Stmt.clear();
    Finish(std::move(R));
  };
  // The '{' at T[I] ends the declaration in Stmt: what does it open?
  auto OpenBrace = [&](size_t I) {
    bool Namespace = false, Eq = false, Enum = false, ClassKey = false;
    bool ExternC = Stmt.size() >= 2 &&
                   T[Stmt[Stmt.size() - 2]].word("extern") &&
                   tok::isStringLiteral(T[Stmt.back()].Kind);
    size_t K = 0;
    // template <...>: its '=' and parentheses are not the declaration's.
    if (Stmt.size() > 1 && T[Stmt[0]].word("template") &&
        T[Stmt[1]].is(tok::less)) {
      int Angle = 0;
      for (K = 1; K < Stmt.size(); ++K) {
        const Tok &X = T[Stmt[K]];
        Angle += X.is(tok::less) - X.is(tok::greater) -
                 2 * X.is(tok::greatergreater);
        if (Angle <= 0) {
          ++K;
          break;
        }
      }
    }
    int Paren = 0;
    std::vector<int> Named; // identifiers before a top-level '('
    bool Paren0 = false;
    for (size_t J = K; J < Stmt.size(); ++J) {
      const Tok &X = T[Stmt[J]];
      if (X.is(tok::l_paren) || X.is(tok::l_square)) {
        if (Paren == 0 && X.is(tok::l_paren)) {
          Paren0 = true;
          const Tok &P = T[Stmt[J ? J - 1 : 0]];
          if (J && P.ident() && !isReserved(P.Id))
            Named.push_back(intern(P.Id));
        }
        ++Paren;
        continue;
      }
      if (X.is(tok::r_paren) || X.is(tok::r_square)) {
        Paren = std::max(0, Paren - 1);
        continue;
      }
      if (Paren)
        continue;
      Namespace |= X.word("namespace");
      Enum |= X.word("enum");
      ClassKey |= X.word("class") || X.word("struct") || X.word("union") ||
                  X.word("__interface");
      Eq |= X.is(tok::equal) && !(J && T[Stmt[J - 1]].word("operator"));
    }
    const Tok *Last = Stmt.empty() ? nullptr : &T[Stmt.back()];
    // A trailing return type: '->' after the parameters.
    bool Trailing = false;
    for (size_t J = Stmt.size(); J-- > K;) {
      if (T[Stmt[J]].is(tok::r_paren))
        break;
      Trailing |= T[Stmt[J]].is(tok::arrow);
    }
    if (Namespace || ExternC) {
      Stmt.clear();
      Scopes.push_back(Scope::Linkage);
    } else if (Eq || Enum) {
      Stmt.push_back(I);
      ++StmtBraces;
    } else if (Paren0 && Last && (endsDeclarator(*Last) || Trailing)) {
      Body = Region();
      Body.Body = true;
      Body.Main = Main;
      Body.Begin = T[Stmt.front()].Off;
      Body.Brace = T[I].Off;
      // The name: a function named by a macro, an operator or a
      // conversion has none the rest of the file would mention.
      Body.Opaque = Named.empty();
      for (int N : Named)
        Body.Funcs.push_back(N);
      // What the declarator mentions inside parentheses (parameters,
      // default arguments, what a constructor initializes members with),
      // not its return type or qualifier. The members a constructor
      // initializes are named before a '(': they are among its Funcs.
      int P = 0;
      for (size_t J = 0; J < Stmt.size(); ++J) {
        const Tok &X = T[Stmt[J]];
        P += X.is(tok::l_paren) - X.is(tok::r_paren);
        if (P > 0)
          Ident(X, Body);
      }
      Stmt.clear();
      BodyDepth = 1;
    } else {
      EndStmt();
      Scopes.push_back(ClassKey ? Scope::Class : Scope::Unknown);
    }
  };

  for (size_t I = 0; I < T.size() && Trusted; ++I) {
    const Tok &X = T[I];
    if (X.is(tok::hash) && X.Bol) {
      // A directive: up to the next line's first token.
      size_t E = I + 1;
      while (E < T.size() && !T[E].Bol)
        ++E;
      llvm::StringRef D = I + 1 < E ? T[I + 1].Id : "";
      if (D == "define" && I + 2 < E && T[I + 2].ident()) {
        Region M;
        M.Main = Main;
        M.Begin = X.Off;
        M.End = T[E - 1].end();
        M.Decls.push_back(intern(T[I + 2].Id));
        for (size_t J = I + 3; J < E; ++J) {
          Ident(T[J], M);
        }
        Finish(std::move(M));
      } else if ((D == "include" || D == "import" || D == "include_next") &&
                 BodyDepth) {
        Body.Opaque = true; // text the plan does not see
      } else if (D == "if" || D == "ifdef" || D == "ifndef") {
        Cond.push_back(Depth());
      } else if (D == "elif" || D == "else" || D == "endif" || D == "elifdef" ||
                 D == "elifndef") {
        // Each branch must open and close what it opens: else the raw
        // braces (both branches read) do not match what Clang parses.
        if (Cond.empty() || Cond.back() != Depth())
          Trusted = false;
        else if (D == "endif")
          Cond.pop_back();
      }
      I = E - 1;
      continue;
    }
    if (BodyDepth) {
      Ident(X, Body);
      if (X.is(tok::l_brace)) {
        ++BodyDepth;
      } else if (X.is(tok::r_brace) && --BodyDepth == 0) {
        Body.End = X.end();
        Finish(std::move(Body));
        Body = Region();
      }
      continue;
    }
    if (StmtBraces) {
      Stmt.push_back(I);
      StmtBraces += X.is(tok::l_brace);
      StmtBraces -= X.is(tok::r_brace);
      continue;
    }
    if (X.is(tok::semi)) {
      Stmt.push_back(I);
      EndStmt();
    } else if (X.is(tok::l_brace)) {
      OpenBrace(I);
    } else if (X.is(tok::r_brace)) {
      EndStmt();
      if (Scopes.empty())
        Trusted = false;
      else
        Scopes.pop_back();
    } else {
      Stmt.push_back(I);
    }
  }
  EndStmt();
  if (BodyDepth || StmtBraces || !Scopes.empty() || !Cond.empty())
    Trusted = false;
  if (Main)
    SawMain = true;
}

void BodyPlan::solve() {
  if (!Dirty)
    return;
  Dirty = false;
  Kept = core::reachRegions(
      Regions.size(),
      [&](size_t I) -> const core::ReachRegion & { return Regions[I]; },
      Names.size());
}

bool BodyPlan::canSkip(unsigned DeclOffset) {
  if (!Trusted || !SawMain)
    return false;
  solve();
  // The main-file body whose declaration (before its '{') holds the name.
  auto It = llvm::find_if(Regions, [&](const Region &R) {
    return R.Body && R.Main && R.Begin <= DeclOffset && DeclOffset < R.Brace;
  });
  if (It == Regions.end() || Kept.test(It - Regions.begin()))
    return false;
  Skipped.push_back(It - Regions.begin());
  return true;
}

bool BodyPlan::skippedButNeeded() {
  if (Skipped.empty())
    return false;
  if (!Trusted)
    return true; // a later header could not be read: be safe
  solve();
  return llvm::any_of(Skipped, [&](size_t I) { return Kept.test(I); });
}

unsigned BodyPlan::mainBodies() const {
  return llvm::count_if(Regions,
                        [](const Region &R) { return R.Body && R.Main; });
}

unsigned BodyPlan::keptMainBodies() {
  solve();
  unsigned N = 0;
  for (size_t I = 0; I < Regions.size(); ++I)
    N += Regions[I].Body && Regions[I].Main && Kept.test(I);
  return N;
}

} // namespace verguard::cpp
