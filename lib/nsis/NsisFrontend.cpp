//===- NsisFrontend.cpp - lowering NSIS scripts ---------------------------===//
//
// The scanner's statements are grouped into what makensis compiles: `!define`
// constants, `!macro` bodies, `Function`s and `Section`s, from this file and
// the project files it `!include`s. Sections run in order after `.onInit`,
// then every function and macro nobody ran, each statement a bounded number
// of times (so the work is linear in the script). Values are expressions
// over OS quantities: NSIS variables are global strings, the stack is
// global, so a `Call` runs the function's body with the caller's variables
// and stack (`Push 6002` / `Call IsBuild` / `Exch $0` inside). Conditional
// jumps (`StrCmp`, `IntCmp`, relative `+N`) and LogicLib arms run both ways,
// each with its own copy of the variables.
//
//===----------------------------------------------------------------------===//
#include "nsis/NsisFrontend.h"

#include "core/Flow.h"
#include "core/SourceTable.h"
#include "nsis/Scanner.h"
#include "script/Spelling.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>

using namespace verguard::core;

namespace verguard::nsis {

namespace {

constexpr int MaxVisits = 4;
constexpr int MaxCallDepth = 8;
constexpr int MaxIncludeDepth = 8;
constexpr int MaxDefineDepth = 8;
constexpr size_t MaxStack = 64;
constexpr size_t MaxIncludeBytes = 1 << 20;

std::string lower(llvm::StringRef S) { return S.lower(); }

/// Headers that come with NSIS: not the project's, never a note.
bool isStockHeader(llvm::StringRef Name) {
  std::string F = llvm::sys::path::filename(Name).lower();
  static const char *Stock[] = {"logiclib.nsh",
                                "winver.nsh",
                                "wordfunc.nsh",
                                "filefunc.nsh",
                                "textfunc.nsh",
                                "strfunc.nsh",
                                "x64.nsh",
                                "mui.nsh",
                                "mui2.nsh",
                                "sections.nsh",
                                "nsdialogs.nsh",
                                "winmessages.nsh",
                                "library.nsh",
                                "memento.nsh",
                                "upgradedll.nsh",
                                "util.nsh",
                                "colors.nsh",
                                "integration.nsh",
                                "vb6runtime.nsh",
                                "vpatchlib.nsh",
                                "wincore.nsh",
                                "installoptions.nsh",
                                "langfile.nsh",
                                "multiuser.nsh",
                                "getparameters.nsh",
                                "nsdialogs_createtextmultiline.nsh",
                                "dotnetchecklib.nsh",
                                "utf8.nsh"};
  for (const char *S : Stock)
    if (F == S)
      return true;
  return false;
}

/// One scanned file: the analyzed one or a project file it includes.
struct Unit {
  std::string Path;
  const script::DecodedText *Text = nullptr;
  std::unique_ptr<script::DecodedText> Own;
  Script S;
  bool Main = false;
};

/// Statements [Begin, End) of one unit that run together.
struct Body {
  const Unit *U = nullptr;
  size_t Begin = 0, End = 0;
  std::string Name;
  std::vector<std::string> Params; // a macro's
  bool Ran = false;
};

struct Define {
  Word Value;
  const Unit *U = nullptr;
  bool Known = true; // /date, /file...: a value verguard cannot know
};

/// The variables (lower-case names) and the stack; copies share nothing.
struct State {
  std::map<std::string, ExprPtr> Vars;
  std::vector<ExprPtr> Stack;
};

/// A LogicLib operator: the instruction it compares with.
struct LogicOp {
  CmpOp O;
  CmpMode Mode;
};

std::optional<LogicOp> logicOp(llvm::StringRef T) {
  llvm::StringRef Base = T;
  CmpMode Mode = CmpMode::Int;
  if (T == "==" || T == "!=")
    return LogicOp{T == "==" ? CmpOp::EQ : CmpOp::NE, CmpMode::StrCI};
  if (T == "S==" || T == "S!=")
    return LogicOp{T == "S==" ? CmpOp::EQ : CmpOp::NE, CmpMode::Str};
  if (Base.consume_front("U") || Base.consume_front("L"))
    Mode = CmpMode::Int;
  auto O = llvm::StringSwitch<std::optional<CmpOp>>(Base)
               .Case("=", CmpOp::EQ)
               .Case("<>", CmpOp::NE)
               .Case("<", CmpOp::LT)
               .Case("<=", CmpOp::LE)
               .Case(">", CmpOp::GT)
               .Case(">=", CmpOp::GE)
               .Default(std::nullopt);
  if (!O)
    return std::nullopt;
  return LogicOp{*O, Mode};
}

/// `${If}` and its kin: whether it starts a chain, continues one, and
/// whether its test is negated.
enum class IfKind { None, If, ElseIf, Else, EndIf, AndIf, OrIf };
struct IfWord {
  IfKind K = IfKind::None;
  bool Not = false;
};
IfWord ifWord(llvm::StringRef W) {
  std::string L = W.lower();
  static const std::pair<const char *, IfWord> Words[] = {
      {"${if}", {IfKind::If, false}},
      {"${ifnot}", {IfKind::If, true}},
      {"${unless}", {IfKind::If, true}},
      {"${elseif}", {IfKind::ElseIf, false}},
      {"${elseifnot}", {IfKind::ElseIf, true}},
      {"${elseunless}", {IfKind::ElseIf, true}},
      {"${else}", {IfKind::Else, false}},
      {"${endif}", {IfKind::EndIf, false}},
      {"${endunless}", {IfKind::EndIf, false}},
      {"${andif}", {IfKind::AndIf, false}},
      {"${andifnot}", {IfKind::AndIf, true}},
      {"${andunless}", {IfKind::AndIf, true}},
      {"${orif}", {IfKind::OrIf, false}},
      {"${orifnot}", {IfKind::OrIf, true}},
      {"${orunless}", {IfKind::OrIf, true}},
      // Loops test like an If; their bodies run once here.
      {"${while}", {IfKind::If, false}},
      {"${dowhile}", {IfKind::If, false}},
      {"${dountil}", {IfKind::If, true}},
      {"${loopwhile}", {IfKind::If, false}},
      {"${loopuntil}", {IfKind::If, true}},
      {"${ifthen}", {IfKind::If, false}}};
  for (auto &[T, K] : Words)
    if (L == T)
      return K;
  return {};
}

/// WinVer.nsh's packed version of Windows X: major << 24 | minor << 16, with
/// its extra bit for the servers of majors 6 to 8 (so that Server 2008 comes
/// after Vista).
std::optional<int64_t> winVerKey(llvm::StringRef Os) {
  return llvm::StringSwitch<std::optional<int64_t>>(Os.lower())
      .Case("nt4", 0x04000000)
      .Case("2000", 0x05000000)
      .Case("xp", 0x05010000)
      .Case("2003", 0x05020000)
      .Case("vista", 0x06000000)
      .Case("2008", 0x06000001)
      .Case("7", 0x06010000)
      .Case("2008r2", 0x06010001)
      .Case("8", 0x06020000)
      .Case("2012", 0x06020001)
      .Case("8.1", 0x06030000)
      .Case("2012r2", 0x06030001)
      .Case("10", 0x0A000000)
      .Case("2016", 0x0A000001)
      .Default(std::nullopt);
}

/// WinVer.nsh's `${AtLeastWaaS} 20H1`: the build of a Windows 10 feature
/// update named by its version, code name or marketing name.
std::optional<int64_t> waasBuild(llvm::StringRef Name) {
  static const std::pair<int64_t, std::vector<const char *>> Table[] = {
      {10240, {"1507", "threshold", "rtm"}},
      {10586, {"1511", "threshold 2", "november update"}},
      {14393, {"1607", "redstone", "anniversary update"}},
      {15063, {"1703", "redstone 2", "creators update"}},
      {16299, {"1709", "redstone 3", "fall creators update"}},
      {17134, {"1803", "redstone 4", "april 2018 update"}},
      {17763, {"1809", "redstone 5", "october 2018 update"}},
      {18362, {"1903", "19h1", "may 2019 update"}},
      {18363, {"1909", "19h2", "november 2019 update"}},
      {19041, {"2004", "20h1", "may 2020 update"}},
      {19042, {"20h2", "october 2020 update"}},
      {19043, {"21h1", "may 2021 update"}}};
  std::string L = Name.lower();
  for (auto &[B, Names] : Table)
    for (const char *N : Names)
      if (L == N)
        return B;
  return std::nullopt;
}

/// NSIS reads a number as C does: 0x hex, 0 octal, else decimal.
std::optional<int64_t> nsisNumber(llvm::StringRef S) {
  S = S.trim();
  bool Neg = S.consume_front("-");
  int64_t V = 0;
  if (S.empty())
    return std::nullopt;
  if (S.starts_with_insensitive("0x")) {
    if (S.drop_front(2).getAsInteger(16, V))
      return std::nullopt;
  } else if (S.size() > 1 && S[0] == '0') {
    if (S.getAsInteger(8, V))
      return std::nullopt;
  } else if (S.size() > 18 || S.getAsInteger(10, V)) {
    return std::nullopt;
  }
  return Neg ? -V : V;
}

bool isIntType(const ExprPtr &E) { return valueType(*E) == ValueType::Int; }

/// What IntCmp/IntOp read: a string as its leading integer.
ExprPtr asInt(const ExprPtr &E) {
  if (E->Kind == Op::ToStr && !E->Kids.empty() && isIntType(E->Kids[0]))
    return E->Kids[0];
  if (E->Kind == Op::StrConst)
    if (auto N = nsisNumber(E->Str)) {
      auto C = clone(*intConst(*N));
      C->Written = E->Written;
      C->DefinedAt = E->DefinedAt;
      return C;
    }
  if (valueType(*E) == ValueType::Str)
    return unary(Op::ToInt, E);
  return E;
}

/// What StrCmp reads: an integer as its decimal text.
ExprPtr asStr(const ExprPtr &E) {
  if (E->Kind == Op::IntConst && E->Written.valid()) {
    // The text as written when it is the number ("0x1772" stays that).
    llvm::StringRef T = E->Written.Text;
    if (T.size() >= 2 &&
        (T.front() == '"' || T.front() == '\'' || T.front() == '`'))
      T = T.drop_front().drop_back();
    auto N = nsisNumber(T);
    auto C =
        clone(*strConst(N && *N == E->Int ? T.str() : std::to_string(E->Int)));
    C->Written = E->Written;
    C->DefinedAt = E->DefinedAt;
    return C;
  }
  if (E->Kind == Op::IntConst)
    return strConst(std::to_string(E->Int));
  if (isIntType(E))
    return unary(Op::ToStr, E);
  return E;
}

class Lowerer {
public:
  Lowerer(llvm::StringRef Path, const script::DecodedText &Text,
          std::vector<Guard> &Guards, std::vector<Diagnostic> &Diags,
          std::vector<std::string> *Deps)
      : Guards(Guards), Diags(Diags), Deps(Deps) {
    auto U = std::make_unique<Unit>();
    U->Path = Path.str();
    U->Text = &Text;
    U->Main = true;
    Main = U.get();
    Units.push_back(std::move(U));
  }

  void run() {
    Main->S = scan(Main->Text->Utf8);
    for (const Problem &P : Main->S.Problems)
      note(*Main, P.At, P.Message);
    collect(*Main, 0);
    State Init;
    // makensis runs .onInit, then the selected sections in order.
    auto OnInit = Functions.find(".oninit");
    if (OnInit != Functions.end())
      runBody(OnInit->second, Init, 0);
    State St = Init;
    for (Body &B : Sections)
      runBody(B, St, 0);
    for (auto &[Name, B] : Functions)
      if (!B.Ran && B.U == Main) {
        State Fresh = Init;
        runBody(B, Fresh, 0);
      }
    for (auto &[Name, B] : Macros)
      if (!B.Ran && B.U == Main) {
        State Fresh = Init;
        Body Copy = B;
        runBody(Copy, Fresh, 0);
        B.Ran = true;
      }
  }

private:
  std::vector<Guard> &Guards;
  std::vector<Diagnostic> &Diags;
  std::vector<std::string> *Deps;
  std::vector<std::unique_ptr<Unit>> Units;
  Unit *Main = nullptr;
  std::set<std::string> Included;
  std::map<std::string, Define> Defines;
  std::map<std::string, Body> Functions; // lower-case name
  std::map<std::string, Body> Macros;    // lower-case name
  std::vector<Body> Sections;
  std::map<std::pair<const Unit *, size_t>, int> Visits;
  std::set<std::pair<uint32_t, uint32_t>> EmittedAt;
  /// The `Call`s (in this file) that led to the code that runs.
  std::vector<const Statement *> CallSites;
  std::string Function;
  /// A macro's parameters while its body runs: name -> argument word.
  std::vector<std::map<std::string, std::pair<Word, const Unit *>>> MacroArgs;
  size_t ArgFrames = 0; // the frames of MacroArgs a `${name}` may read

  // --- positions and messages ----------------------------------------
  Spelling spell(const Unit &U, uint32_t B, uint32_t E) const {
    Spelling W;
    if (!U.Main || E < B || E > U.Text->Utf8.size())
      return W;
    W.Span = U.Text->span(U.Path, B, E);
    W.Text = llvm::StringRef(U.Text->Utf8).slice(B, E).str();
    return W;
  }

  void note(const Unit &U, uint32_t At, const std::string &Msg) {
    if (!U.Main)
      return;
    script::noteAt(Diags, U.Path, *U.Text, At, Msg);
  }

  /// A word as it is written (quotes included).
  static std::string source(const Unit &U, const Word &W) {
    return llvm::StringRef(U.Text->Utf8).slice(W.B, W.E).str();
  }

  // --- what makensis compiles -------------------------------------------
  static llvm::StringRef head(const Statement &S) {
    return S.Words.empty() || S.Label ? llvm::StringRef()
                                      : llvm::StringRef(S.Words[0].Text);
  }

  /// The defines, macros, functions and sections of U and what it includes.
  void collect(Unit &U, int Depth) {
    const auto &St = U.S.Statements;
    for (size_t I = 0; I < St.size(); ++I) {
      const Statement &S = St[I];
      llvm::StringRef H = head(S);
      if (H.equals_insensitive("!include")) {
        include(U, S, Depth);
      } else if (H.equals_insensitive("!define")) {
        define(U, S);
      } else if (H.equals_insensitive("!undef") && S.Words.size() > 1) {
        Defines.erase(S.Words[1].Text);
      } else if (H.equals_insensitive("!macro") && S.Words.size() > 1) {
        size_t End = blockEnd(U, I, "!macroend");
        Body B{&U, I + 1, End, S.Words[1].Text, {}, false};
        for (size_t K = 2; K < S.Words.size(); ++K)
          B.Params.push_back(S.Words[K].Text);
        Macros[lower(S.Words[1].Text)] = std::move(B);
        I = End;
      } else if (H.equals_insensitive("Function") && S.Words.size() > 1) {
        size_t End = blockEnd(U, I, "FunctionEnd");
        Functions[lower(S.Words[1].Text)] =
            Body{&U, I + 1, End, S.Words[1].Text, {}, false};
        I = End;
      } else if (H.equals_insensitive("Section")) {
        size_t End = blockEnd(U, I, "SectionEnd");
        std::string Name;
        for (size_t K = 1; K < S.Words.size() && Name.empty(); ++K)
          if (S.Words[K].Text != "/o")
            Name = S.Words[K].Text;
        if (U.Main)
          Sections.push_back(
              Body{&U, I + 1, End, "Section " + Name, {}, false});
        I = End;
      }
    }
  }

  size_t blockEnd(const Unit &U, size_t From, llvm::StringRef EndWord) {
    const auto &St = U.S.Statements;
    for (size_t I = From + 1; I < St.size(); ++I)
      if (head(St[I]).equals_insensitive(EndWord))
        return I;
    note(U, St[From].B,
         "`" + St[From].Words[0].Text + "` without its `" + EndWord.str() +
             "`: it runs to the end of the file");
    return St.size();
  }

  void define(const Unit &U, const Statement &S) {
    size_t K = 1;
    bool IfNDef = false, Known = true;
    while (K < S.Words.size() && S.Words[K].Text.starts_with("/") &&
           !S.Words[K].Quote) {
      llvm::StringRef F = S.Words[K].Text;
      if (F.equals_insensitive("/ifndef"))
        IfNDef = true;
      else if (!F.equals_insensitive("/redef"))
        Known = false; // /math, /date, /utcdate, /file
      ++K;
    }
    if (K >= S.Words.size())
      return;
    std::string Name = S.Words[K].Text;
    if (IfNDef && Defines.count(Name))
      return;
    Define D;
    D.U = &U;
    D.Known = Known && K + 2 >= S.Words.size();
    if (K + 1 < S.Words.size())
      D.Value = S.Words[K + 1];
    Defines[Name] = std::move(D);
  }

  void include(Unit &U, const Statement &S, int Depth) {
    size_t K = 1;
    while (K < S.Words.size() && S.Words[K].Text.starts_with("/") &&
           !S.Words[K].Quote)
      ++K; // /NONFATAL, /CHARSET=...
    if (K >= S.Words.size())
      return;
    const std::string &Name = S.Words[K].Text;
    std::string Path = includedFile(U.Path, Name);
    if (Path.empty()) {
      if (!isStockHeader(Name) && Name.find('$') == std::string::npos)
        note(U, S.Words[K].B,
             "`!include " + source(U, S.Words[K]) +
                 "`: no such file next to this script; its defines, macros "
                 "and functions are unknown");
      return;
    }
    if (Deps && U.Main)
      Deps->push_back(Path);
    if (Depth >= MaxIncludeDepth || !Included.insert(Path).second)
      return;
    auto Buf = llvm::MemoryBuffer::getFile(Path);
    if (!Buf || (*Buf)->getBufferSize() > MaxIncludeBytes)
      return;
    auto Text = script::decodeText((*Buf)->getBuffer(), Path);
    if (!Text) {
      llvm::consumeError(Text.takeError());
      note(U, S.Words[K].B,
           "`!include " + source(U, S.Words[K]) + "`: binary or undecodable");
      return;
    }
    auto NU = std::make_unique<Unit>();
    NU->Path = Path;
    NU->Own = std::make_unique<script::DecodedText>(std::move(*Text));
    NU->Text = NU->Own.get();
    NU->S = scan(NU->Text->Utf8);
    Unit &Ref = *NU;
    Units.push_back(std::move(NU));
    collect(Ref, Depth + 1);
  }

  // --- values ---------------------------------------------------------
  ExprPtr lookupVar(const std::string &Name, const State &St) {
    auto It = St.Vars.find(lower(Name));
    if (It != St.Vars.end())
      return It->second;
    return unknown();
  }

  /// The value of `${Name}` or a macro parameter, with its spelling where
  /// it is used (Use) and where its value is written.
  ExprPtr defineValue(const std::string &Name, const Unit &U, const Word &Use,
                      const State &St, int Depth) {
    if (Depth >= MaxDefineDepth)
      return unknown();
    // A macro's parameter: its argument, read in the frames around the
    // macro (LogicLib passes `${_a}` on as `${_a}`).
    for (size_t F = ArgFrames; F-- > 0;) {
      auto A = MacroArgs[F].find(Name);
      if (A == MacroArgs[F].end())
        continue;
      size_t Saved = ArgFrames;
      ArgFrames = F;
      ExprPtr V = value(A->second.first, *A->second.second, St, Depth + 1);
      ArgFrames = Saved;
      return V;
    }
    auto D = Defines.find(Name);
    if (D == Defines.end() || !D->second.Known)
      return unknown();
    ExprPtr V = value(D->second.Value, *D->second.U, St, Depth + 1);
    // A constant defined in another file is not this file's to edit.
    if (!V->isConst() || !V->Written.valid())
      return V;
    return respelled(*V, spell(U, Use.B, Use.E));
  }

  /// A word as an instruction reads it: `$var`, `${define}`, `$\"`
  /// escapes expanded. A literal keeps its spelling (a fix edits it); a
  /// number is an integer.
  ExprPtr value(const Word &W, const Unit &U, const State &St, int Depth = 0,
                bool Spell = true) {
    llvm::StringRef T = W.Text;
    std::vector<ExprPtr> Parts;
    std::string Lit;
    bool Literal = true;
    auto Flush = [&] {
      if (!Lit.empty())
        Parts.push_back(strConst(Lit));
      Lit.clear();
    };
    for (size_t I = 0; I < T.size();) {
      char C = T[I];
      if (C != '$' || I + 1 >= T.size()) {
        Lit += C;
        ++I;
        continue;
      }
      char N = T[I + 1];
      if (N == '$') {
        Lit += '$';
        I += 2;
      } else if (N == '\\' && I + 2 < T.size()) {
        char E = T[I + 2];
        Lit += E == 'r' ? '\r' : E == 'n' ? '\n' : E == 't' ? '\t' : E;
        I += 3;
      } else if (N == '{') {
        size_t Close = T.find('}', I);
        if (Close == llvm::StringRef::npos) {
          Lit += C;
          ++I;
          continue;
        }
        Flush();
        std::string Name = T.slice(I + 2, Close).str();
        Word Use = W;
        if (W.Raw) {
          uint32_t Off = W.B + (W.Quote ? 1 : 0);
          Use.B = Off + uint32_t(I);
          Use.E = Off + uint32_t(Close + 1);
        } else {
          Use.E = Use.B; // not editable
        }
        ExprPtr V = defineValue(Name, U, Use, St, Depth);
        Parts.push_back(V);
        Literal = false;
        I = Close + 1;
      } else if (N == '(') { // $(LangString)
        size_t Close = T.find(')', I);
        Flush();
        Parts.push_back(unknown());
        Literal = false;
        I = Close == llvm::StringRef::npos ? T.size() : Close + 1;
      } else if (llvm::isAlnum(N) || N == '_') {
        size_t E = I + 1;
        while (E < T.size() &&
               (llvm::isAlnum(T[E]) || T[E] == '_' || T[E] == '.'))
          ++E;
        // $R0..$R9 and $0..$9 are two and one characters long.
        if (llvm::isDigit(N))
          E = I + 2;
        else if ((N == 'R' || N == 'r') && I + 2 < T.size() &&
                 llvm::isDigit(T[I + 2]))
          E = I + 3;
        Flush();
        Parts.push_back(lookupVar(T.slice(I + 1, E).str(), St));
        Literal = false;
        I = E;
      } else {
        Lit += C;
        ++I;
      }
    }
    if (Literal) {
      Spelling Sp = Spell && W.Raw ? spell(U, W.B, W.E) : Spelling();
      if (!W.Quote || W.Quote == '"' || W.Quote == '\'' || W.Quote == '`')
        if (auto N = nsisNumber(Lit);
            N && !Lit.empty() && llvm::isDigit(Lit.back()) &&
            Lit.find_first_of(" .") == std::string::npos)
          return intConst(*N, Sp);
      return strConst(Lit, Sp);
    }
    Flush();
    if (Parts.size() == 1)
      return Parts[0];
    for (auto &P : Parts)
      P = asStr(P);
    return nary(Op::Concat, std::move(Parts));
  }

  // --- guards ---------------------------------------------------------
  void emit(ExprPtr Cond, const Unit &U, const Statement &At, uint32_t EndOff,
            std::optional<Guard> Select = std::nullopt) {
    ExprPtr Probe = Select ? Select->Subject : Cond;
    if (!Probe || !dependsOnVersion(*Probe))
      return;
    // In another file, or read through a call: the call in this file.
    const Statement *Where = &At;
    uint32_t End = EndOff;
    uint32_t Site = 0;
    if (!U.Main || !CallSites.empty()) {
      bool Inside = U.Main && Select ? true : false;
      if (U.Main && !Select) {
        // Everything the guard reads is written in the function: it is the
        // function's own guard, reported where it is.
        Inside = !CallSites.empty() && spelledAt(*Cond, U, At);
      }
      if (!Inside) {
        if (CallSites.empty())
          return;
        Where = CallSites.front();
        End = Where->E;
        Site = Where->B + 1;
      }
    }
    if (!EmittedAt.insert({At.B, Site}).second)
      return;
    Guard G = Select ? std::move(*Select) : Guard();
    if (!Select) {
      G.Kind = GuardKind::Condition;
      G.Cond = std::move(Cond);
    }
    G.Syntax = Dialect::Nsis;
    G.Where = Main->Text->span(Main->Path, Where->B, End);
    G.Function = Function;
    llvm::StringRef Src = Main->Text->Utf8;
    std::string T;
    for (char C : Src.slice(Where->B, std::min<size_t>(End, Where->B + 200)))
      if (C != '\r' && C != '\n')
        T += C;
    G.Text = llvm::StringRef(T).trim().str();
    Guards.push_back(std::move(G));
  }

  /// True if every constant of E that is spelled is spelled within the
  /// statement At (or nothing is spelled).
  static bool spelledAt(const Expr &E, const Unit &U, const Statement &At) {
    bool Ok = true;
    std::vector<const Expr *> Stack{&E};
    SourceSpan Range = U.Text->span(U.Path, At.B, At.E);
    while (!Stack.empty() && Ok) {
      const Expr *N = Stack.back();
      Stack.pop_back();
      if (N->isConst() && N->Written.valid() &&
          !Range.contains(N->Written.Span))
        Ok = false;
      for (const ExprPtr &K : N->Kids)
        if (K)
          Stack.push_back(K.get());
    }
    return Ok;
  }

  ExprPtr compare(CmpOp O, ExprPtr L, ExprPtr R, CmpMode Mode, const Unit &U,
                  const Word &LW, const Word &RW, const Word *OpW) {
    if (Mode == CmpMode::Int) {
      L = asInt(L);
      R = asInt(R);
    } else {
      L = asStr(L);
      R = asStr(R);
    }
    Spelling W;
    uint32_t B = std::min(LW.B, RW.B), E = std::max(LW.E, RW.E);
    if (LW.Raw && RW.Raw && ownConstants(U, B, E, {L, R})) {
      W = spell(U, B, E);
      if (OpW && OpW->Raw && W.valid())
        W.OpSpan = U.Text->span(U.Path, OpW->B, OpW->E);
    }
    return cmp(O, L, R, Mode, Dialect::Nsis, W);
  }

  /// False if a constant the test reads came through a call or a macro
  /// from outside [B, E): the test is then reported where it was called
  /// (the atom keeps no spelling of its own), and its fix edits that
  /// constant where it is written.
  bool ownConstants(const Unit &U, uint32_t B, uint32_t E,
                    std::initializer_list<ExprPtr> Operands) const {
    if (CallSites.empty() || !U.Main)
      return true;
    SourceSpan Range = U.Text->span(U.Path, B, E);
    for (const ExprPtr &X : Operands)
      if (X->isConst() && X->Written.valid() &&
          !Range.contains(X->Written.Span))
        return false;
    return true;
  }

  /// One test of a LogicLib condition: `a OP b`, `${AtMostBuild} 6002`,
  /// `${IsWinVista}` ...; unknown if it tests something else.
  ExprPtr logicTest(const Unit &U, const std::vector<Word> &W, size_t K,
                    const State &St) {
    size_t N = W.size() - K;
    if (N == 0)
      return unknown();
    if (N >= 3)
      if (auto O = logicOp(W[K + 1].Text))
        return compare(O->O, value(W[K], U, St), value(W[K + 2], U, St),
                       O->Mode, U, W[K], W[K + 2], &W[K + 1]);
    llvm::StringRef M = W[K].Text;
    if (!M.consume_front("${") || !M.consume_back("}"))
      return unknown();
    std::string L = M.lower();
    auto Build = [&] {
      return quantity(Quantity::Build, "${" + M.str() + "}");
    };
    if ((L == "atleastbuild" || L == "atmostbuild") && N >= 2) {
      ExprPtr R = asInt(value(W[K + 1], U, St));
      Spelling Sp;
      if (ownConstants(U, W[K].B, W[K + 1].E, {R}))
        Sp = spell(U, W[K].B, W[K + 1].E);
      if (Sp.valid() && W[K].Raw)
        Sp.OpSpan = U.Text->span(U.Path, W[K].B, W[K].E);
      return cmp(L == "atleastbuild" ? CmpOp::GE : CmpOp::LE, Build(), R,
                 CmpMode::Int, Dialect::Nsis, Sp);
    }
    if ((L == "atleastwaas" || L == "atmostwaas") && N >= 2) {
      auto B = waasBuild(W[K + 1].Text);
      if (!B)
        return unknown();
      return cmp(L == "atleastwaas" ? CmpOp::GE : CmpOp::LE, Build(),
                 intConst(*B), CmpMode::Int, Dialect::Nsis);
    }
    if ((L == "isservicepack" || L == "atleastservicepack" ||
         L == "atmostservicepack") &&
        N >= 2) {
      CmpOp O = L[0] == 'i' ? CmpOp::EQ : L[2] == 'l' ? CmpOp::GE : CmpOp::LE;
      return cmp(O, quantity(Quantity::SPMajor, "${" + M.str() + "}"),
                 asInt(value(W[K + 1], U, St)), CmpMode::Int, Dialect::Nsis);
    }
    if (L == "isserveros")
      return cmp(CmpOp::NE, quantity(Quantity::ProductType, "${IsServerOS}"),
                 intConst(1));
    if (L == "isnt")
      return boolConst(true);
    for (auto [Prefix, O] :
         {std::pair<const char *, CmpOp>{"atleastwin", CmpOp::GE},
          {"atmostwin", CmpOp::LE},
          {"iswin", CmpOp::EQ}}) {
      llvm::StringRef Os = L;
      if (!Os.consume_front(Prefix))
        continue;
      auto Key = winVerKey(Os);
      if (!Key)
        return unknown();
      return cmp(O, winVerPacked(M), intConst(*Key), CmpMode::Int);
    }
    return unknown();
  }

  /// $__WINVERV without its NT bit: major << 24 | minor << 16, plus 1 on a
  /// server of major 6 to 8.
  static ExprPtr winVerPacked(llvm::StringRef Macro) {
    std::string P = "${" + Macro.str() + "}";
    ExprPtr Major = quantity(Quantity::Major, P);
    ExprPtr Minor = quantity(Quantity::Minor, P);
    ExprPtr Server = logicAnd(
        cmp(CmpOp::NE, quantity(Quantity::ProductType, P), intConst(1)),
        logicAnd(cmp(CmpOp::GE, Major, intConst(6)),
                 cmp(CmpOp::LE, Major, intConst(8))));
    return binary(Op::Add,
                  binary(Op::Add, binary(Op::Shl, Major, intConst(24)),
                         binary(Op::Shl, Minor, intConst(16))),
                  nary(Op::Choose, {Server, intConst(1), intConst(0)}));
  }

  // --- running ----------------------------------------------------------
  struct Job {
    size_t Pc;
    State St;
    bool EnterArm = false; // arrived at an ElseIf/Else by its If's jump
  };

  /// Statement indices of a body's labels, and of each LogicLib If's next
  /// arm and EndIf.
  struct Layout {
    std::map<std::string, size_t> Labels;
    std::map<size_t, size_t> NextArm, EndOf;
    /// The instructions (what a relative jump counts), in order, and the
    /// position among them of each statement of the body.
    std::vector<size_t> Instructions;
    std::vector<size_t> Position;
  };
  std::map<std::pair<const Unit *, size_t>, Layout> Layouts;

  const Layout &layout(const Body &B) {
    auto [It, New] = Layouts.try_emplace({B.U, B.Begin});
    Layout &L = It->second;
    if (!New)
      return L;
    const auto &St = B.U->S.Statements;
    std::vector<std::vector<size_t>> Open; // arms of open Ifs
    for (size_t I = B.Begin; I < B.End && I < St.size(); ++I) {
      L.Position.push_back(L.Instructions.size());
      if (St[I].Label) {
        L.Labels.emplace(lower(St[I].Name), I);
        continue;
      }
      if (!head(St[I]).starts_with("!"))
        L.Instructions.push_back(I);
      IfKind K = ifWord(head(St[I])).K;
      std::string H = head(St[I]).lower();
      if (K == IfKind::If &&
          (H == "${if}" || H == "${ifnot}" || H == "${unless}")) {
        Open.push_back({I});
      } else if ((K == IfKind::ElseIf || K == IfKind::Else) && !Open.empty()) {
        L.NextArm[Open.back().back()] = I;
        Open.back().push_back(I);
      } else if (K == IfKind::EndIf && !Open.empty()) {
        L.NextArm[Open.back().back()] = I;
        for (size_t A : Open.back())
          L.EndOf[A] = I;
        Open.pop_back();
      }
    }
    return L;
  }

  /// Where a jump lands: an index, or nullopt for "the next statement"
  /// (also when only labels lie between).
  std::optional<size_t> target(const Body &B, const Layout &L, size_t Pc,
                               const Word &W, bool &Bad) {
    std::optional<size_t> T = landing(B, L, Pc, W, Bad);
    if (!T || *T <= Pc)
      return T;
    const auto &St = B.U->S.Statements;
    for (size_t I = Pc + 1; I < *T; ++I)
      if (!St[I].Label && !head(St[I]).starts_with("!"))
        return T;
    return std::nullopt;
  }

  std::optional<size_t> landing(const Body &B, const Layout &L, size_t Pc,
                                const Word &W, bool &Bad) {
    llvm::StringRef T = W.Text;
    if (T.empty() || T == "0")
      return std::nullopt;
    if (T.starts_with("+") || T.starts_with("-")) {
      int64_t N = 0;
      if (T.drop_front().getAsInteger(10, N)) {
        Bad = true;
        return std::nullopt;
      }
      int64_t At = int64_t(L.Position[Pc - B.Begin]) + (T[0] == '+' ? N : -N);
      if (At < 0 || At >= int64_t(L.Instructions.size())) {
        Bad = true;
        return std::nullopt;
      }
      return L.Instructions[At];
    }
    if (T.starts_with("$")) { // a jump through a variable
      Bad = true;
      return std::nullopt;
    }
    auto It = L.Labels.find(lower(T));
    if (It == L.Labels.end()) {
      note(*B.U, W.B,
           "jump to `" + T.str() + "`: no such label in this function");
      Bad = true;
      return std::nullopt;
    }
    return It->second;
  }

  void runBody(Body &B, State &St, int Depth) {
    B.Ran = true;
    if (Depth > MaxCallDepth)
      return;
    std::string SavedFn = Function;
    Function = B.Name;
    const Layout &L = layout(B);
    std::deque<Job> Work;
    Work.push_back({B.Begin, St, false});
    std::optional<State> Out;
    const auto &Stmts = B.U->S.Statements;
    while (!Work.empty()) {
      Job J = std::move(Work.front());
      Work.pop_front();
      size_t Pc = J.Pc;
      bool Enter = J.EnterArm;
      bool Ended = false;
      while (Pc < B.End && Pc < Stmts.size()) {
        if (++Visits[{B.U, Pc}] > MaxVisits) {
          Ended = true;
          break;
        }
        std::optional<size_t> Next;
        bool Stop = false;
        step(B, L, Pc, J.St, Work, Enter, Next, Stop, Depth);
        Enter = false;
        if (Stop) {
          Ended = !isReturn(Stmts[Pc]);
          break;
        }
        Pc = Next ? *Next : Pc + 1;
      }
      if (!Ended && !Out)
        Out = std::move(J.St);
    }
    if (Out)
      St = std::move(*Out);
    Function = SavedFn;
  }

  static bool isReturn(const Statement &S) {
    return head(S).equals_insensitive("Return");
  }

  void setVar(State &St, const Word &W, ExprPtr V) {
    llvm::StringRef N = W.Text;
    if (!N.consume_front("$") || N.empty())
      return;
    St.Vars[lower(N)] = std::move(V);
  }

  ExprPtr pop(State &St) {
    if (St.Stack.empty())
      return unknown();
    ExprPtr V = St.Stack.back();
    St.Stack.pop_back();
    return V;
  }

  /// Queues a jump to T (if it leaves this statement) and says whether the
  /// path falls through too.
  void branch(const Body &B, const Layout &L, size_t Pc, const Word *W,
              const State &St, std::deque<Job> &Work,
              std::vector<std::optional<size_t>> &Targets) {
    bool Bad = false;
    std::optional<size_t> T = W ? target(B, L, Pc, *W, Bad) : std::nullopt;
    if (Bad)
      return;
    Targets.push_back(T);
    if (T)
      Work.push_back({*T, St, false});
  }

  void step(Body &B, const Layout &L, size_t Pc, State &St,
            std::deque<Job> &Work, bool Enter, std::optional<size_t> &Next,
            bool &Stop, int Depth) {
    const Unit &U = *B.U;
    const Statement &S = U.S.Statements[Pc];
    if (S.Label || S.Words.empty())
      return;
    const auto &W = S.Words;
    llvm::StringRef H = W[0].Text;
    std::string Hl = H.lower();
    // LogicLib.
    IfWord IW = ifWord(H);
    if (IW.K == IfKind::If || (IW.K == IfKind::ElseIf && Enter)) {
      ifChain(B, L, Pc, St, Work, IW);
      return;
    }
    if ((IW.K == IfKind::ElseIf || IW.K == IfKind::Else) && !Enter) {
      // The arm before this one ran: on to the EndIf.
      auto E = L.EndOf.find(Pc);
      if (E != L.EndOf.end())
        Next = E->second;
      return;
    }
    if (Hl == "${switch}" || Hl == "${select}") {
      switchGuard(B, Pc, St, Hl == "${switch}");
      return;
    }
    if (Hl == "!insertmacro" && W.size() > 1) {
      insertMacro(B, S, 1, St, Depth);
      return;
    }
    if (H.starts_with("${") && H.ends_with("}")) {
      std::string Name = H.slice(2, H.size() - 1).str();
      if (macroCall(B, S, Name, St))
        return;
      auto M = Macros.find(lower(Name));
      if (M != Macros.end()) {
        insertMacro(B, S, 0, St, Depth);
        return;
      }
      // A define that names a macro: `!define IsBuild "!insertmacro X"`.
      auto D = Defines.find(Name);
      if (D != Defines.end()) {
        llvm::StringRef V = D->second.Value.Text;
        if (V.consume_front_insensitive("!insertmacro")) {
          auto Mac = Macros.find(lower(V.trim().split(' ').first));
          if (Mac != Macros.end())
            runMacro(Mac->second, U, S, 1, St, Depth);
        }
      }
      return;
    }
    if (Hl == "strcpy" && W.size() >= 3) {
      ExprPtr V = value(W[2], U, St);
      if (W.size() >= 4)
        V = substring(V, value(W[3], U, St),
                      W.size() >= 5 ? value(W[4], U, St) : nullptr);
      setVar(St, W[1], V);
    } else if (Hl == "intop" && W.size() >= 4) {
      setVar(St, W[1], intOp(U, W, St));
    } else if (Hl == "strlen" && W.size() >= 3) {
      setVar(St, W[1], unary(Op::Length, asStr(value(W[2], U, St))));
    } else if ((Hl == "readregstr" || Hl == "readregdword") && W.size() >= 5) {
      setVar(St, W[1], registry(U, W, St));
    } else if ((Hl == "strcmp" || Hl == "strcmps") && W.size() >= 4) {
      ExprPtr C = compare(CmpOp::EQ, value(W[1], U, St), value(W[2], U, St),
                          Hl == "strcmp" ? CmpMode::StrCI : CmpMode::Str, U,
                          W[1], W[2], nullptr);
      std::vector<std::optional<size_t>> Targets;
      branch(B, L, Pc, &W[3], St, Work, Targets);
      branch(B, L, Pc, W.size() > 4 ? &W[4] : nullptr, St, Work, Targets);
      if (Targets.size() == 2 && Targets[0] != Targets[1])
        emit(C, U, S, W[2].E);
      fallThrough(Targets, Stop);
    } else if ((Hl == "intcmp" || Hl == "intcmpu") && W.size() >= 4) {
      intCmp(B, L, Pc, St, Work, Stop);
    } else if (Hl == "goto" && W.size() >= 2) {
      bool Bad = false;
      auto T = target(B, L, Pc, W[1], Bad);
      if (Bad)
        Stop = true;
      else
        Next = T;
    } else if (Hl == "call" && W.size() >= 2) {
      auto F = Functions.find(lower(W[1].Text));
      if (F != Functions.end()) {
        if (U.Main)
          CallSites.push_back(&S);
        runBody(F->second, St, Depth + 1);
        if (U.Main)
          CallSites.pop_back();
      }
    } else if (Hl == "push" && W.size() >= 2) {
      if (St.Stack.size() < MaxStack)
        St.Stack.push_back(value(W[1], U, St));
    } else if (Hl == "pop" && W.size() >= 2) {
      setVar(St, W[1], pop(St));
    } else if (Hl == "exch") {
      exch(U, W, St);
    } else if (Hl == "return" || Hl == "abort" || Hl == "quit") {
      Stop = true;
    } else if (H.contains("::")) {
      St.Stack.clear(); // a plug-in: what it pushes is unknown
    } else if (W.size() >= 2 && W[1].Text.starts_with("$") && writesFirst(Hl)) {
      setVar(St, W[1], unknown());
    }
  }

  /// Instructions whose first argument is an output variable.
  static bool writesFirst(llvm::StringRef H) {
    static const char *Out[] = {"readinistr",       "readenvstr",
                                "expandenvstrings", "intfmt",
                                "getdllversion",    "getfiletime",
                                "getfullpathname",  "searchpath",
                                "getfullpathname",  "gettempfilename",
                                "fileread",         "filereadbyte",
                                "fileopen",         "enumregkey",
                                "enumregvalue",     "readregbin",
                                "getcurinsttype",   "sectiongettext",
                                "sectiongetflags",  "getdlgitem",
                                "getlabeladdress",  "getfunctionaddress",
                                "strcmp",           "int64op"};
    for (const char *O : Out)
      if (H == O)
        return true;
    return false;
  }

  static void fallThrough(const std::vector<std::optional<size_t>> &Targets,
                          bool &Stop) {
    // The path goes on here only if one of the outcomes falls through.
    bool Falls = Targets.size() < 2;
    for (const auto &T : Targets)
      if (!T)
        Falls = true;
    if (!Falls)
      Stop = true;
  }

  void intCmp(Body &B, const Layout &L, size_t Pc, State &St,
              std::deque<Job> &Work, bool &Stop) {
    const Unit &U = *B.U;
    const Statement &S = U.S.Statements[Pc];
    const auto &W = S.Words;
    ExprPtr A = value(W[1], U, St), V = value(W[2], U, St);
    bool Bad = false;
    std::optional<size_t> T[3]; // equal, less, more
    for (int K = 0; K < 3; ++K)
      if (3 + K < int(W.size()))
        T[K] = target(B, L, Pc, W[3 + K], Bad);
    if (Bad) {
      Stop = true;
      return;
    }
    // The relations that lead where equality leads.
    bool Lt = T[1] == T[0], Gt = T[2] == T[0];
    if (!(Lt && Gt)) {
      CmpOp O = Lt ? CmpOp::LE : Gt ? CmpOp::GE : CmpOp::EQ;
      emit(compare(O, A, V, CmpMode::Int, U, W[1], W[2], nullptr), U, S,
           W[2].E);
    }
    std::set<std::optional<size_t>> Seen;
    bool Falls = false;
    for (auto &X : T) {
      if (!X) {
        Falls = true;
        continue;
      }
      if (Seen.insert(X).second)
        Work.push_back({*X, St, false});
    }
    if (!Falls)
      Stop = true;
  }

  void exch(const Unit &U, const std::vector<Word> &W, State &St) {
    if (W.size() < 2) {
      if (St.Stack.size() >= 2)
        std::swap(St.Stack[St.Stack.size() - 1], St.Stack[St.Stack.size() - 2]);
      return;
    }
    if (W[1].Text.starts_with("$")) {
      ExprPtr Old = value(W[1], U, St);
      ExprPtr Top = pop(St);
      St.Stack.push_back(Old);
      setVar(St, W[1], Top);
      return;
    }
    int64_t N = 0;
    if (llvm::StringRef(W[1].Text).getAsInteger(10, N) || N < 1 ||
        size_t(N) >= St.Stack.size()) {
      St.Stack.clear();
      return;
    }
    std::swap(St.Stack.back(), St.Stack[St.Stack.size() - 1 - N]);
  }

  /// `StrCpy $x str maxlen offset`: negative maxlen cuts from the end,
  /// negative offset counts from the end.
  static ExprPtr substring(ExprPtr V, ExprPtr Len, ExprPtr Off) {
    V = asStr(V);
    auto Num = [](const ExprPtr &E) -> std::optional<int64_t> {
      if (!E)
        return 0;
      if (E->Kind == Op::IntConst)
        return E->Int;
      if (E->Kind == Op::StrConst && E->Str.empty())
        return std::nullopt;
      if (E->Kind == Op::StrConst)
        return nsisNumber(E->Str);
      return std::nullopt;
    };
    bool LenEmpty = Len->Kind == Op::StrConst && Len->Str.empty();
    auto N = Num(Len);
    auto O = Num(Off);
    if ((!N && !LenEmpty) || !O)
      return unknown();
    if (V->Kind == Op::StrConst) {
      int64_t S = V->Str.size();
      int64_t B = *O < 0 ? std::max<int64_t>(0, S + *O) : std::min(*O, S);
      int64_t E = LenEmpty ? S : *N < 0 ? S + *N : B + *N;
      E = std::min(E, S);
      return strConst(E > B ? V->Str.substr(B, E - B) : "");
    }
    if (*O < 0 && (LenEmpty || *N == 0))
      return binary(Op::Right, V, intConst(-*O));
    if (*O < 0)
      return unknown();
    if (LenEmpty || *N == 0)
      return nary(Op::Substr, {V, intConst(*O), intConst(-1)});
    if (*N > 0)
      return nary(Op::Substr, {V, intConst(*O), intConst(*N)});
    ExprPtr Count = binary(Op::Sub, unary(Op::Length, V), intConst(*O - *N));
    return nary(Op::Substr, {V, intConst(*O), Count});
  }

  ExprPtr intOp(const Unit &U, const std::vector<Word> &W, const State &St) {
    ExprPtr A = asInt(value(W[2], U, St));
    llvm::StringRef O = W[3].Text;
    if (O == "~")
      return unary(Op::BitNot, A);
    if (O == "!")
      return nary(Op::Choose,
                  {cmp(CmpOp::EQ, A, intConst(0)), intConst(1), intConst(0)});
    if (W.size() < 5)
      return unknown();
    ExprPtr Bv = asInt(value(W[4], U, St));
    Op K = llvm::StringSwitch<Op>(O)
               .Case("+", Op::Add)
               .Case("-", Op::Sub)
               .Case("*", Op::Mul)
               .Case("/", Op::Div)
               .Case("%", Op::Mod)
               .Case("&", Op::BitAnd)
               .Case("|", Op::BitOr)
               .Case("^", Op::BitXor)
               .Case("<<", Op::Shl)
               .Cases(">>", ">>>", Op::Shr)
               .Default(Op::Unknown);
    if (K == Op::Unknown)
      return unknown();
    return binary(K, A, Bv);
  }

  ExprPtr registry(const Unit &U, const std::vector<Word> &W, const State &St) {
    llvm::StringRef Root = W[2].Text;
    if (!Root.equals_insensitive("HKLM") &&
        !Root.equals_insensitive("HKEY_LOCAL_MACHINE"))
      return unknown();
    ExprPtr Key = value(W[3], U, St), Name = value(W[4], U, St);
    if (Key->Kind != Op::StrConst || Name->Kind != Op::StrConst)
      return unknown();
    llvm::StringRef K = Key->Str;
    K = K.trim("\\");
    if (!K.equals_insensitive(
            "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion"))
      return unknown();
    const SourceEntry *Src = builtinSources().registryValue(Name->Str);
    if (!Src)
      return unknown();
    ExprPtr Q =
        quantity(Src->Q, W[0].Text + " ...\\CurrentVersion " + Src->Name);
    // Both instructions hand a number over as its text.
    return isStringQuantity(Src->Q) ? Q : unary(Op::ToStr, Q);
  }

  /// WinVer.nsh's getters (from the source table) and WordFunc/StrFunc's
  /// version helpers. True if Name is one of them.
  bool macroCall(Body &B, const Statement &S, const std::string &Name,
                 State &St) {
    const Unit &U = *B.U;
    const auto &W = S.Words;
    for (const OutParameterEntry &O : builtinSources().OutParameters)
      if (llvm::StringRef(O.Function).equals_insensitive(Name)) {
        if (O.Argument + 1 < W.size())
          setVar(St, W[O.Argument + 1], quantity(O.Q, "${" + Name + "}"));
        return true;
      }
    std::string L = lower(Name);
    if (L == "versioncompare" && W.size() >= 4) {
      ExprPtr A = asStr(value(W[1], U, St)), Bv = asStr(value(W[2], U, St));
      ExprPtr Eq = cmp(CmpOp::EQ, A, Bv, CmpMode::Version, Dialect::Nsis);
      ExprPtr Gt = cmp(CmpOp::GT, A, Bv, CmpMode::Version, Dialect::Nsis);
      setVar(St, W[3],
             nary(Op::Choose,
                  {Eq, strConst("0"),
                   nary(Op::Choose, {Gt, strConst("1"), strConst("2")})}));
      return true;
    }
    if ((L == "strstr" || L == "un.strstr") && W.size() >= 4) {
      // StrFunc.nsh: the rest of the string from the first match (StrCmp:
      // case-insensitive), or "".
      ExprPtr Hay = asStr(value(W[2], U, St)),
              Needle = asStr(value(W[3], U, St));
      auto Has = clone(*binary(Op::Contains, Hay, Needle));
      Has->Flags |= FlagCaseInsensitive;
      auto At = clone(*binary(Op::Find, Hay, Needle));
      At->Flags |= FlagCaseInsensitive;
      setVar(St, W[1],
             nary(Op::Choose, {Has, nary(Op::Substr, {Hay, At, intConst(-1)}),
                               strConst("")}));
      return true;
    }
    if (ifWord(Name.empty() ? "" : "${" + Name + "}").K != IfKind::None)
      return true;
    static const char *Quiet[] = {
        "case",      "case2",   "case3",    "case4",     "case5",
        "caseelse",  "default", "break",    "endswitch", "endselect",
        "do",        "loop",    "endwhile", "continue",  "exitdo",
        "exitwhile", "next",    "for",      "foreach",   "exitfor"};
    for (const char *Q : Quiet)
      if (L == Q)
        return true;
    if (W.size() >= 2 &&
        (L == "wordfind" || L == "wordfind2x" || L == "wordfind3x" ||
         L == "wordreplace" || L == "versionconvert" || L == "strrep" ||
         L == "getparameters" || L == "getoptions")) {
      setVar(St, W.back(), unknown());
      return true;
    }
    return false;
  }

  void insertMacro(Body &B, const Statement &S, size_t K, State &St,
                   int Depth) {
    llvm::StringRef Name = S.Words[K].Text;
    Name.consume_front("${");
    Name.consume_back("}");
    auto M = Macros.find(lower(Name));
    if (M == Macros.end())
      return;
    runMacro(M->second, *B.U, S, K + 1, St, Depth);
  }

  void runMacro(Body &M, const Unit &From, const Statement &S, size_t FirstArg,
                State &St, int Depth) {
    if (Depth >= MaxCallDepth)
      return;
    std::map<std::string, std::pair<Word, const Unit *>> Args;
    for (size_t I = 0; I < M.Params.size(); ++I) {
      Word A;
      if (FirstArg + I < S.Words.size())
        A = S.Words[FirstArg + I];
      else
        A.Raw = false;
      Args[M.Params[I]] = {A, &From};
    }
    MacroArgs.push_back(std::move(Args));
    size_t SavedFrames = ArgFrames;
    ArgFrames = MacroArgs.size();
    std::string SavedFn = Function;
    if (From.Main)
      CallSites.push_back(&S);
    runBody(M, St, Depth + 1);
    if (From.Main)
      CallSites.pop_back();
    Function = SavedFn;
    ArgFrames = SavedFrames;
    MacroArgs.pop_back();
  }

  /// `${If} a` `${AndIf} b` `${OrIf} c`: one guard, tested left to right as
  /// LogicLib does ((a and b) or c); the arm after it runs with a copy.
  void ifChain(Body &B, const Layout &L, size_t Pc, State &St,
               std::deque<Job> &Work, IfWord IW) {
    const Unit &U = *B.U;
    const auto &Stmts = U.S.Statements;
    ExprPtr C = logicTest(U, Stmts[Pc].Words, 1, St);
    if (IW.Not)
      C = logicNot(C);
    size_t Last = Pc;
    for (size_t I = Pc + 1; I < B.End && I < Stmts.size(); ++I) {
      IfWord Next = ifWord(head(Stmts[I]));
      if (Next.K != IfKind::AndIf && Next.K != IfKind::OrIf)
        break;
      ExprPtr T = logicTest(U, Stmts[I].Words, 1, St);
      if (Next.Not)
        T = logicNot(T);
      C = Next.K == IfKind::AndIf ? logicAnd(C, T) : logicOr(C, T);
      Last = I;
    }
    emit(C, U, Stmts[Pc], Stmts[Last].E);
    auto A = L.NextArm.find(Pc);
    if (A != L.NextArm.end())
      Work.push_back({A->second, St, true});
  }

  /// `${Switch} $0` / `${Case} 6002` (LogicLib compares with `==`, so
  /// ignoring case; Switch falls through to the next case, Select does not).
  void switchGuard(Body &B, size_t Pc, const State &St, bool IsSwitch) {
    const Unit &U = *B.U;
    const auto &Stmts = U.S.Statements;
    const Statement &S = Stmts[Pc];
    if (S.Words.size() < 2)
      return;
    Guard G;
    G.Kind = GuardKind::Select;
    G.Subject = asStr(value(S.Words[1], U, St));
    G.FirstMatchOnly = true;
    int Nest = 0;
    size_t End = Pc;
    bool Shared = false; // the case before had no code yet
    // A Switch left open ends its arms here (so that many of them stay
    // linear).
    size_t Limit = std::min<size_t>({B.End, Stmts.size(), Pc + 4096});
    for (size_t I = Pc + 1; I < Limit; ++I) {
      std::string H = head(Stmts[I]).lower();
      if (H == "${switch}" || H == "${select}")
        ++Nest;
      if (H == "${endswitch}" || H == "${endselect}") {
        if (Nest-- == 0) {
          End = I;
          break;
        }
      }
      if (Nest || !llvm::StringRef(H).starts_with("${case")) {
        // Code between two cases: the next one is an arm of its own.
        if (!Stmts[I].Label && !Stmts[I].Words.empty())
          Shared = false;
        continue;
      }
      const Statement &Cs = Stmts[I];
      Arm A;
      for (size_t K = 1; K < Cs.Words.size(); ++K) {
        ExprPtr V = asStr(value(Cs.Words[K], U, St));
        A.Tests.push_back(
            cmp(CmpOp::EQ, subject(), V, CmpMode::StrCI, Dialect::Nsis));
      }
      if (A.Tests.empty() || H == "${caseelse}")
        continue;
      if (IsSwitch && H == "${case}" && Cs.Words.size() == 2) {
        A.Label = spell(U, Cs.B, Cs.E);
        llvm::StringRef Src = U.Text->Utf8;
        size_t LineB = Src.rfind('\n', Cs.B);
        LineB = LineB == llvm::StringRef::npos ? 0 : LineB + 1;
        A.Indent = Src.slice(LineB, Cs.B).str();
        if (!llvm::all_of(A.Indent,
                          [](char C) { return C == ' ' || C == '\t'; }))
          A.Indent.clear();
      }
      // `${Case} 6002` right after `${Case} 6001`: one entry into the
      // same code (Switch falls through), so one arm.
      if (Shared && IsSwitch && !G.Arms.empty())
        for (ExprPtr &T : A.Tests)
          G.Arms.back().Tests.push_back(std::move(T));
      else
        G.Arms.push_back(std::move(A));
      Shared = true;
    }
    if (G.Arms.empty())
      return;
    emit(nullptr, U, S, End > Pc ? Stmts[Pc].E : S.E, std::move(G));
  }
};

} // namespace

/// Where `!include Name` in From is looked for ("" for a path built from a
/// define, `${NSISDIR}\Include\...`).
std::string includeCandidate(llvm::StringRef From, llvm::StringRef Name) {
  std::string N = Name.str();
  std::replace(N.begin(), N.end(), '\\', '/');
  if (N.empty() || N.find('$') != std::string::npos)
    return "";
  llvm::SmallString<256> P(llvm::sys::path::parent_path(From));
  llvm::sys::path::append(P, N);
  llvm::sys::path::remove_dots(P, true);
  return std::string(P.str());
}

std::string includedFile(llvm::StringRef From, llvm::StringRef Name) {
  std::string Path = includeCandidate(From, Name);
  return !Path.empty() && llvm::sys::fs::is_regular_file(Path) ? Path : "";
}

bool includesProjectFile(llvm::StringRef Path, llvm::StringRef Text,
                         std::vector<std::string> *Missing) {
  for (size_t At = Text.find_insensitive("!include");
       At != llvm::StringRef::npos;
       At = Text.find_insensitive("!include", At + 8)) {
    llvm::StringRef Rest = Text.substr(At + 8);
    if (Rest.empty() || !(Rest[0] == ' ' || Rest[0] == '\t'))
      continue;
    Rest = Rest.take_until([](char C) { return C == '\n' || C == '\r'; });
    // `/NONFATAL`, `/CHARSET=...` before the name.
    Rest = Rest.ltrim(" \t");
    while (Rest.starts_with("/")) {
      Rest = Rest.drop_until([](char C) { return C == ' ' || C == '\t'; });
      Rest = Rest.ltrim(" \t");
    }
    llvm::StringRef Name;
    if (!Rest.empty() && (Rest[0] == '"' || Rest[0] == '\'' || Rest[0] == '`'))
      Name = Rest.drop_front().take_until([&](char C) { return C == Rest[0]; });
    else
      Name = Rest.take_until([](char C) { return C == ' ' || C == '\t'; });
    std::string Candidate = includeCandidate(Path, Name);
    if (Candidate.empty())
      continue;
    if (llvm::sys::fs::is_regular_file(Candidate))
      return true;
    if (Missing)
      Missing->push_back(std::move(Candidate));
  }
  return false;
}

void lowerFile(llvm::StringRef Path, const script::DecodedText &Text,
               const FrontendOptions &, std::vector<Guard> &Guards,
               std::vector<Diagnostic> &Diags, std::vector<std::string> *Deps) {
  Lowerer(Path, Text, Guards, Diags, Deps).run();
}

} // namespace verguard::nsis
