//===- Guards.cpp - PowerShell guards: conditions, switch, tables, WQL ---===//
#include "powershell/Lowerer.h"

#include "core/Profile.h"
#include "core/Siblings.h"

#include "script/Spelling.h"
#include "script/Wql.h"

#include "llvm/ADT/StringExtras.h"

using namespace verguard::core;

namespace verguard::powershell {

namespace {

bool containsSubject(const Expr &E) {
  std::vector<const Expr *> Stack{&E};
  while (!Stack.empty()) {
    const Expr *X = Stack.back();
    Stack.pop_back();
    if (X->Kind == Op::Subject)
      return true;
    for (const ExprPtr &K : X->Kids)
      if (K)
        Stack.push_back(K.get());
  }
  return false;
}

/// The build of a Windows version string key ("6.0.6002", "10.0.19045.1"),
/// or -1.
int64_t versionKeyBuild(llvm::StringRef S) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  S.split(Parts, '.');
  int64_t Major, Minor, Build;
  if (Parts.size() < 3 || Parts.size() > 4 ||
      Parts[0].getAsInteger(10, Major) || Parts[1].getAsInteger(10, Minor) ||
      Parts[2].getAsInteger(10, Build) || Major < 5 || Major > 10)
    return -1;
  return Build;
}

} // namespace

std::string Lowerer::currentFunction() const {
  for (auto F = Frames.rbegin(); F != Frames.rend(); ++F)
    if (F->K == Frame::Func)
      return F->Function;
  return "";
}

bool Lowerer::versionCond(const ExprPtr &E) const {
  return dependsOnVersion(*E) || (InSwitchArm && containsSubject(*E));
}

void Lowerer::emit(Guard G, script::Node Site) {
  emitAt(std::move(G), script::startByte(Site));
}

void Lowerer::conditionGuard(script::Node CondNode, script::Node Where) {
  if (script::isNull(CondNode))
    return;
  cover(CondNode);
  if (!Emit) {
    // Learning: what the calls in it pass is noted all the same
    // (`if ((Get-Protocols -OperatingSystem $os) -notcontains $p)`).
    lowerCond(CondNode);
    return;
  }
  conditionAt(lowerCond(CondNode), script::startByte(CondNode), [&](Guard &G) {
    G.Where = span(script::isNull(Where) ? CondNode : Where);
    G.Text = normalize(text(CondNode));
  });
}

void Lowerer::conditionGuardExpr(ExprPtr Cond, script::Node Where) {
  cover(Where);
  if (!Emit || !Cond || !isBoolean(*Cond))
    return;
  conditionAt(std::move(Cond), script::startByte(Where), [&](Guard &G) {
    G.Where = span(Where);
    G.Text = normalize(text(Where));
  });
}

/// The clauses of a switch body as (condition, body) pairs. The grammar
/// wants a newline between clauses; for `1 {'a'} 2 {'b'}` on one line it
/// produces ERROR nodes, which are flattened here.
static std::vector<std::pair<script::Node, script::Node>>
switchClauses(script::Node Body) {
  std::vector<std::pair<script::Node, script::Node>> Out;
  std::vector<script::Node> Seq;
  script::Node Clauses{};
  for (script::Node K : namedKids(Body))
    if (typeOf(K) == "switch_clauses")
      Clauses = K;
  if (script::isNull(Clauses))
    return Out;
  for (script::Node Clause : namedKids(Clauses)) {
    for (script::Node K : namedKids(Clause)) {
      if (typeOf(K) == "ERROR") {
        for (script::Node E : namedKids(K))
          Seq.push_back(E);
        continue;
      }
      Seq.push_back(K);
    }
  }
  script::Node Cond{};
  for (script::Node K : Seq) {
    if (typeOf(K) == "statement_block") {
      if (!script::isNull(Cond))
        Out.push_back({Cond, K});
      Cond = script::Node{};
      continue;
    }
    Cond = K;
  }
  return Out;
}

std::vector<script::Node> Lowerer::switchBodies(script::Node Switch) {
  std::vector<script::Node> R;
  for (script::Node K : namedKids(Switch))
    if (typeOf(K) == "switch_body")
      for (auto &[C, B] : switchClauses(K))
        R.push_back(B);
  return R;
}

void Lowerer::switchGuard(script::Node Switch) {
  bool Regex = false, Wildcard = false, CaseSensitive = false;
  script::Node CondN{}, Body{};
  for (script::Node K : namedKids(Switch)) {
    llvm::StringRef T = typeOf(K);
    if (T == "switch_parameters") {
      for (script::Node P : namedKids(K)) {
        std::string S = text(P).trim().lower();
        if (llvm::StringRef(S).starts_with("-r"))
          Regex = true;
        else if (llvm::StringRef(S).starts_with("-w"))
          Wildcard = true;
        else if (llvm::StringRef(S).starts_with("-c"))
          CaseSensitive = true;
        else if (llvm::StringRef(S).starts_with("-f"))
          return; // -file: the lines of a file
      }
    } else if (T == "switch_condition") {
      CondN = K;
    } else if (T == "switch_body") {
      Body = K;
    }
  }
  if (script::isNull(CondN) || script::isNull(Body))
    return;
  script::Node Pipe{};
  for (script::Node K : namedKids(CondN))
    if (typeOf(K) == "pipeline")
      Pipe = K;
  Val S = lower(Pipe);
  cover(CondN);
  // `$_` in the arm bodies is the switch value.
  for (auto &[C, B] : switchClauses(Body))
    BlockInputs[script::startByte(B)] = S;
  if (S.IsList || !S.E || !mayBeBuild(*S.E))
    return;
  Guard G;
  G.Kind = GuardKind::Select;
  G.Subject = S.E;
  G.FirstMatchOnly = false;
  G.Where = span(script::startByte(Switch), script::endByte(CondN));
  G.Text = "switch " + normalize(text(CondN));
  CmpMode Mode = CaseSensitive ? CmpMode::PowerShellCS : CmpMode::PowerShell;
  Val SubjectVal = Val::of(subject());
  // Clauses with the same body are one outcome: `6002 {'SP2'} 6003 {'SP2'}`.
  std::map<std::string, size_t> ByBody;
  for (auto &[C, B] : switchClauses(Body)) {
    cover(C);
    script::Node U = unwrap(C);
    if (text(U).trim().equals_insensitive("default"))
      continue;
    std::string BodyText = normalize(text(B));
    auto Same = ByBody.find(BodyText);
    Arm A;
    A.Label = spell(C);
    {
      auto [Line, Col] = Text.lineCol(script::startByte(C));
      llvm::StringRef L = Text.line(Line);
      A.Indent =
          L.take_while([](char Ch) { return Ch == ' ' || Ch == '\t'; }).str();
    }
    ExprPtr Test;
    if (typeOf(U) == "script_block_expression") {
      InSwitchArm = true;
      Test = blockCond(U, SubjectVal);
      InSwitchArm = false;
    } else {
      Val V;
      llvm::StringRef Raw = text(U).trim();
      if (typeOf(U) == "switch_clause_condition" &&
          script::namedChildCount(U) == 0 && Raw.size() >= 2 &&
          (Raw.front() == '"' || Raw.front() == '\'') &&
          Raw.back() == Raw.front() && !Raw.contains('$') &&
          !Raw.contains('`')) {
        // The grammar keeps a double-quoted clause as one anonymous token.
        V = Val::of(strConst(Raw.drop_front().drop_back().str(), spell(U)));
      } else {
        V = typeOf(U) == "generic_token" ? argValue(U, 1) : lower(U, 1);
      }
      ExprPtr K = V.expr();
      if (!K->isConst()) {
        Test = unknown();
      } else if (Regex || Wildcard) {
        ExprPtr Subj = subject();
        auto E = clone(*binary(Regex ? Op::Regex : Op::Like, Subj, K));
        E->Syntax = Dialect::PowerShell;
        E->Written = spell(C);
        if (!CaseSensitive)
          E->Flags |= FlagCaseInsensitive;
        Test = E;
      } else {
        Test =
            cmp(CmpOp::EQ, subject(), K, Mode, Dialect::PowerShell, spell(C));
      }
    }
    if (Same != ByBody.end()) {
      G.Arms[Same->second].Tests.push_back(Test ? Test : unknown());
      continue;
    }
    A.Tests.push_back(Test ? Test : unknown());
    ByBody[BodyText] = G.Arms.size();
    G.Arms.push_back(std::move(A));
  }
  if (G.Arms.empty())
    return;
  // A switch on a value not followed: its arms may say it is a build.
  if (!switchOnVersion(G, text(CondN)))
    return;
  emit(std::move(G), Switch);
}

ExprPtr Lowerer::blockCond(script::Node Block, const Val &Input) {
  script::Node B = unwrap(Block);
  if (typeOf(B) != "script_block_expression")
    return unknown();
  BlockInputs[script::startByte(B)] = Input;
  script::Node SB{};
  for (script::Node K : namedKids(B))
    if (typeOf(K) == "script_block")
      SB = K;
  if (script::isNull(SB))
    return unknown();
  script::Node BodyN = script::field(SB, "script_block_body");
  script::Node List = script::isNull(BodyN)
                          ? script::Node{}
                          : script::field(BodyN, "statement_list");
  if (script::isNull(List))
    return unknown();
  auto Stmts = namedKids(List);
  if (Stmts.empty() || typeOf(Stmts.back()) != "pipeline")
    return unknown();
  Frame F;
  F.K = Frame::Block;
  F.Vars["_"] = oneItem(Input);
  Frames.push_back(std::move(F));
  cover(Stmts.back());
  ExprPtr C = lowerCond(Stmts.back());
  Frames.pop_back();
  return C;
}

void Lowerer::whereFilter(const CmdArgs &A, script::Node Cmd, const Val &Input,
                          int Depth) {
  script::Node Block{};
  if (const script::Node *F = A.named("filterscript"))
    Block = *F;
  else if (!A.Positional.empty() &&
           typeOf(unwrap(A.Positional[0])) == "script_block_expression")
    Block = A.Positional[0];
  if (!script::isNull(Block)) {
    ExprPtr C = blockCond(Block, Input);
    script::Node B = unwrap(Block);
    if (!Emit || !dependsOnVersion(*C))
      return;
    emitCondition(C, span(B), "Where-Object " + normalize(text(B)),
                  script::startByte(B));
    return;
  }
  // Simplified syntax: Where-Object Property -op Value.
  script::Node Prop{};
  if (const script::Node *P = A.named("property"))
    Prop = *P;
  else if (!A.Positional.empty())
    Prop = A.Positional[0];
  if (script::isNull(Prop))
    return;
  static const char *Ops[] = {
      "eq",      "ne",    "gt",       "ge", "lt",    "le",       "like",
      "notlike", "match", "notmatch", "in", "notin", "contains", "notcontains"};
  std::string OpName;
  bool CS = false;
  script::Node OpNode{}, ValueNode{};
  auto Classify = [&](llvm::StringRef P) -> bool {
    for (const char *O : Ops) {
      if (P == O) {
        OpName = O;
        CS = false;
        return true;
      }
      if (P.size() == strlen(O) + 1 && (P[0] == 'c' || P[0] == 'i') &&
          P.drop_front() == O) {
        OpName = O;
        CS = P[0] == 'c';
        return true;
      }
    }
    return false;
  };
  for (const auto &[P, V] : A.Named)
    if (Classify(P)) {
      ValueNode = V;
      auto It = A.ParamNodes.find(P);
      if (It != A.ParamNodes.end())
        OpNode = It->second;
      break;
    }
  if (OpName.empty())
    for (const std::string &S : A.Switches)
      if (Classify(S)) {
        auto It = A.ParamNodes.find(S);
        if (It != A.ParamNodes.end())
          OpNode = It->second;
        if (const script::Node *V = A.named("value"))
          ValueNode = *V;
        else if (A.Positional.size() > 1)
          ValueNode = A.Positional[1];
        break;
      }
  if (OpName.empty() || script::isNull(ValueNode))
    return;
  Val PropName = argValue(Prop, Depth + 1);
  if (!PropName.E || PropName.E->Kind != Op::StrConst)
    return;
  Val L = member(Input, PropName.E->Str, "$_", Depth + 1);
  Val R = argValue(ValueNode, Depth + 1);
  uint32_t B = std::min(script::startByte(Prop), script::startByte(OpNode));
  uint32_t E = std::max(script::endByte(ValueNode), script::endByte(Prop));
  Spelling W = spell(B, E);
  if (!script::isNull(OpNode))
    W.OpSpan = span(OpNode);
  Val C = compare(OpName, CS, L, Prop, R, ValueNode, W);
  ExprPtr Cond = asCond(C.E);
  if (!Emit || !dependsOnVersion(*Cond))
    return;
  emitCondition(Cond, span(B, E), "Where-Object " + normalize(text(Cmd)),
                script::startByte(Cmd));
}

/// The text of a hash entry, from its key to the end of its value: without
/// a trailing `;`, blanks or comment (tree-sitter puts a comment that ends
/// the line inside the entry).
static std::pair<uint32_t, uint32_t> entryRange(script::Node Entry,
                                                llvm::StringRef Src) {
  uint32_t B = script::startByte(Entry), E = B;
  for (script::Node K : namedKids(Entry))
    if (typeOf(K) != "comment")
      E = std::max(E, script::endByte(K));
  while (E > B &&
         (Src[E - 1] == ';' || Src[E - 1] == ' ' || Src[E - 1] == '\t' ||
          Src[E - 1] == '\r' || Src[E - 1] == '\n'))
    --E;
  return {B, E};
}

/// The entries of a hashtable literal that have a key, with that key's
/// `key_expression`, in order.
static std::vector<std::pair<script::Node, script::Node>>
hashEntries(script::Node Hash) {
  std::vector<std::pair<script::Node, script::Node>> Out;
  for (script::Node Body : namedKids(Hash)) {
    if (typeOf(Body) != "hash_literal_body")
      continue;
    for (script::Node Entry : namedKids(Body)) {
      if (typeOf(Entry) != "hash_entry")
        continue;
      for (script::Node K : namedKids(Entry))
        if (typeOf(K) == "key_expression") {
          Out.push_back({Entry, K});
          break;
        }
    }
  }
  return Out;
}

ExprPtr Lowerer::entryKey(script::Node KeyN) {
  // A bare name (`Build = ...`) is the string it spells.
  script::Node U = unwrap(KeyN);
  if (typeOf(U) == "simple_name" || typeOf(KeyN) == "simple_name")
    return strConst(text(U).str(), spell(U));
  return lower(U, 1).expr();
}

void Lowerer::buildTable(script::Node Hash, ExprPtr Key, script::Node Site) {
  Guard G;
  G.Kind = GuardKind::Table;
  G.Subject = std::move(Key);
  G.FirstMatchOnly = true;
  G.Where = span(Hash);
  // Entries with the same value are one outcome.
  std::map<std::string, size_t> ByValue;
  for (const auto &[Entry, KeyN] : hashEntries(Hash)) {
    auto [B, E] = entryRange(Entry, Src);
    std::string Value =
        normalize(Src.slice(script::endByte(KeyN), E).ltrim(" \t="));
    ExprPtr KV = entryKey(KeyN);
    Arm A;
    A.Label = spell(B, E);
    A.Indent = script::Speller(Path, Text).indentAt(B);
    ExprPtr Test = KV->isConst() ? cmp(CmpOp::EQ, subject(), KV, CmpMode::StrCI,
                                       Dialect::PowerShell)
                                 : unknown();
    script::addArmTest(G, ByValue, Value, std::move(A), std::move(Test));
  }
  if (G.Arms.empty())
    return;
  G.Text = "table " + normalize(text(Hash)).substr(0, 200);
  TablesGuarded.insert(script::startByte(Hash));
  emit(std::move(G), Hash);
}

std::vector<std::pair<std::string, script::Node>>
Lowerer::namedEntries(script::Node Hash) {
  std::vector<std::pair<std::string, script::Node>> Out;
  for (const auto &[Entry, KeyN] : hashEntries(Hash)) {
    auto Kids = namedKids(Entry);
    ExprPtr K = entryKey(KeyN);
    if (Kids.size() == 2 && K && K->Kind == Op::StrConst)
      Out.push_back({K->Str, Kids[1]});
  }
  return Out;
}

std::map<std::string, ExprPtr> Lowerer::recordFields(script::Node Hash,
                                                     int Depth) {
  std::map<std::string, ExprPtr> Out;
  for (const auto &[Name, Value] : namedEntries(Hash)) {
    Val X = lower(Value, Depth + 1);
    if (X.E && dependsOnVersion(*X.E))
      Out[llvm::StringRef(Name).lower()] = X.E;
  }
  return Out;
}

std::optional<Val> Lowerer::hashEntry(script::Node Hash, llvm::StringRef Key,
                                      int Depth) {
  for (const auto &[Name, Value] : namedEntries(Hash))
    if (llvm::StringRef(Name).equals_insensitive(Key))
      return lower(Value, Depth + 1);
  return std::nullopt;
}

void Lowerer::tableGuard(const Val &Table, const ExprPtr &Key,
                         script::Node Site) {
  if (!Emit || script::isNull(Table.Hash) || !Key || !dependsOnVersion(*Key))
    return;
  if (TablesGuarded.count(script::startByte(Table.Hash)))
    return;
  buildTable(Table.Hash, Key, Site);
}

void Lowerer::noteLookup(const Val &Table, const Val &Key,
                         script::Node Access) {
  if (script::isNull(Table.Hash))
    return;
  uint32_t At = script::startByte(Table.Hash);
  TablesLookedUp.insert(At);
  ExprPtr K = Key.expr();
  if (K && K->isConst())
    return; // `$ports[6002]`
  // `foreach ($k in $t.Keys) { $t[$k] }`: the table's own keys.
  auto Kids = namedKids(Access);
  if (Kids.size() == 2 && typeOf(unwrap(Kids[1])) == "variable") {
    std::string Var = text(unwrap(Kids[1])).lower(),
                Obj = text(Kids[0]).lower();
    for (script::Node P = script::parent(Access); !script::isNull(P);
         P = script::parent(P)) {
      if (typeOf(P) != "foreach_statement")
        continue;
      std::string Loop, Over;
      for (script::Node C : namedKids(P)) {
        if (typeOf(C) == "variable")
          Loop = text(C).lower();
        else if (typeOf(C) == "pipeline")
          Over = text(C).lower();
      }
      llvm::StringRef O(Over);
      if (Loop == Var && O.consume_front(Obj) &&
          (O == ".keys" || O == ".getenumerator()" || O == ".keys.clone()"))
        return;
    }
  }
  TablesLookedUpOpenly.insert(At);
}

void Lowerer::pendingTables() {
  for (const auto &[Hash, Name] : Tables) {
    uint32_t At = script::startByte(Hash);
    if (TablesGuarded.count(At) ||
        (TablesLookedUp.count(At) && !TablesLookedUpOpenly.count(At)))
      continue;
    // Keys that are Windows builds or version strings: a table about the OS
    // even if its lookups could not be followed. Keys that are Windows
    // builds (the profiles' known builds) and one of them on a side of some
    // bump: the table can fall to its default there.
    const ProfileSet &PS = builtinProfiles();
    int Builds = 0, Versions = 0;
    bool HasBumped = false;
    for (const auto &[Entry, KeyN] : hashEntries(Hash)) {
      ExprPtr KV = entryKey(KeyN);
      int64_t N = -1;
      if (KV->Kind == Op::IntConst) {
        N = KV->Int;
      } else if (KV->Kind == Op::StrConst &&
                 llvm::StringRef(KV->Str).getAsInteger(10, N)) {
        int64_t B = versionKeyBuild(KV->Str);
        if (B >= 0 && PS.isKnownBuild(B)) {
          ++Versions;
          HasBumped |= PS.isBumpedBuild(B);
        }
        continue;
      }
      if (N >= 0 && PS.isKnownBuild(N)) {
        ++Builds;
        HasBumped |= PS.isBumpedBuild(N);
      }
    }
    if (!HasBumped)
      continue;
    std::string Prov = "inferred from the keys of `$" + Name + "`";
    if (Builds >= 2)
      buildTable(Hash, quantity(Quantity::Build, Prov, /*Inferred=*/true),
                 Hash);
    else if (Versions >= 2)
      buildTable(Hash, quantity(Quantity::Version, Prov, /*Inferred=*/true),
                 Hash);
  }
}

void Lowerer::noteWqlParam(script::Node Arg, bool IsQuery) {
  script::Node V = unwrap(Arg);
  if (typeOf(V) != "variable")
    return;
  auto Fn = std::find_if(Frames.rbegin(), Frames.rend(),
                         [](const Frame &F) { return F.K == Frame::Func; });
  if (Fn == Frames.rend() || Fn->Function.empty())
    return;
  std::string Name = llvm::StringRef(Fn->Function).lower();
  const std::vector<std::string> &Params = FunctionParams[Name];
  std::string P = varName(text(V));
  for (size_t I = 0; I < Params.size(); ++I)
    if (llvm::StringRef(Params[I]).equals_insensitive(P))
      WqlParams[Name] = {I, IsQuery};
}

void Lowerer::wqlGuard(script::Node StringNode, const Val &Str, bool IsQuery,
                       bool ClassIsOS) {
  if (!Emit || !ClassIsOS)
    return;
  script::Node Lit = !script::isNull(Str.Lit) ? Str.Lit : unwrap(StringNode);
  if (typeOf(Lit) != "string_literal")
    return;
  std::string Q;
  std::vector<uint32_t> Map;
  if (!decodeLiteral(Lit, Q, &Map))
    return;
  script::WqlSpanFn SpanOf = [&](uint32_t B,
                                 uint32_t E) -> std::optional<SourceSpan> {
    if (E > Q.size() || B > E || Map.size() != Q.size() + 1)
      return std::nullopt;
    if (Map[E] - Map[B] != E - B)
      return std::nullopt; // escapes inside: not verbatim
    for (uint32_t I = B; I + 1 <= E && I + 1 < Map.size(); ++I)
      if (I + 1 < E && Map[I + 1] != Map[I] + 1)
        return std::nullopt;
    return span(Map[B], Map[E]);
  };
  ExprPtr Cond;
  if (IsQuery) {
    auto Parsed = script::parseOsQuery(Q, SpanOf);
    if (!Parsed || !Parsed->Where)
      return;
    Cond = Parsed->Where;
  } else {
    Cond = script::parseWqlCondition(Q, script::osProperty, SpanOf);
  }
  cover(Lit);
  if (!Cond || !dependsOnVersion(*Cond))
    return;
  emitCondition(Cond, span(Lit), "WQL " + normalize(Q), script::startByte(Lit));
}

} // namespace verguard::powershell
