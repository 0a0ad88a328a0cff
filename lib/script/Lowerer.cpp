//===- Lowerer.cpp - the skeleton every script lowerer shares ------------===//
#include "script/Lowerer.h"

#include "core/SourceTable.h"
#include "script/Wql.h"

using namespace verguard::core;

namespace verguard::script {

core::ExprPtr ScriptLowerer::atom(core::ExprPtr E, Node N) const {
  uint32_t B = startByte(N), End = endByte(N);
  auto Blank = [](char C) { return C == ' ' || C == '\t'; };
  while (B > 0 && Blank(Src[B - 1]))
    --B;
  while (End < Src.size() && Blank(Src[End]))
    ++End;
  if (!(B > 0 && Src[B - 1] == '(' && End < Src.size() && Src[End] == ')'))
    return E;
  auto C = core::clone(*E);
  C->Flags |= core::FlagParenthesized;
  return C;
}

void ScriptLowerer::wqlLiteralGuard(llvm::StringRef Q,
                                    std::optional<uint32_t> Base, Node Lit) {
  if (!Emit)
    return;
  WqlSpanFn SpanOf = [&](uint32_t B, uint32_t E) -> std::optional<SourceSpan> {
    if (!Base || B > E || E > Q.size())
      return std::nullopt;
    return span(*Base + B, *Base + E);
  };
  auto Parsed = parseOsQuery(Q, SpanOf);
  if (!Parsed || !Parsed->Where || !dependsOnVersion(*Parsed->Where))
    return;
  emitCondition(Parsed->Where, span(Lit), "WQL " + normalize(Q),
                startByte(Lit));
}

ScriptLowerer::ScriptLowerer(llvm::StringRef Path, const DecodedText &Text,
                             llvm::StringRef Src, const FrontendOptions &Opts,
                             std::vector<Guard> &Guards,
                             std::vector<Diagnostic> &Diags, Dialect Syntax,
                             llvm::StringRef Blanks)
    : Speller(Path, Text), GuardSink(Guards, Syntax), Path(Path), Text(Text),
      Src(Src), Opts(Opts), Diags(Diags), Blanks(Blanks) {}

void ScriptLowerer::noteCallerArgument(const std::string &Key, size_t I,
                                       const ExprPtr &A) {
  Callers.note(Key, I, A);
}

ExprPtr ScriptLowerer::callerArgument(const std::string &Key, size_t I,
                                      Node Def) const {
  ExprPtr A = Callers.bound(Key, I);
  return A ? core::keepSpellingsWithin(A, span(Def)) : nullptr;
}

void ScriptLowerer::tooDeep(Node N) {
  if (TooDeepNoted || !Emit)
    return;
  TooDeepNoted = true;
  Diags.push_back(nestedTooDeep(Path, span(N)));
}

void ScriptLowerer::conditionGuard(Node CondNode) {
  CondNode = conditionSite(CondNode);
  if (isNull(CondNode))
    return;
  cover(CondNode);
  if (!Emit) {
    // A learning walk lowers it too: the calls in it tell their callees
    // what they pass (noteCallerArgument), as calls elsewhere do.
    lowerCond(CondNode);
    return;
  }
  conditionAt(lowerCond(CondNode), startByte(CondNode), [&](Guard &G) {
    G.Where = span(CondNode);
    G.Text = normalize(text(CondNode));
  });
}

void ScriptLowerer::scanGuards(Node Root) {
  if (!Emit || isNull(Root))
    return;
  std::vector<Node> Stack{Root};
  while (!Stack.empty()) {
    Node N = Stack.back();
    Stack.pop_back();
    if (covered(startByte(N), endByte(N)))
      continue;
    if (isScope(type(N))) {
      scanScope(N);
      continue;
    }
    if (isCondition(N)) {
      conditionGuard(N);
      continue;
    }
    Node Cond = ternaryCondition(N);
    if (!isNull(Cond))
      conditionGuard(Cond);
    for (Node K : namedKidsNoComments(N))
      Stack.push_back(K);
  }
}

bool ScriptLowerer::tableEntry(Node Entry, Node &Key, Node &Value) {
  if (type(Entry) != "pair")
    return false;
  Key = field(Entry, "key");
  Value = field(Entry, "value");
  return true;
}

void ScriptLowerer::tableGuard(Node Table, const ExprPtr &Key) {
  if (!Emit || Instantiating || isNull(Table) || !Key ||
      !dependsOnVersion(*Key) || EmittedAt.count(startByte(Table)))
    return;
  Guard G;
  G.Kind = GuardKind::Table;
  G.Subject = tableSubject(Key);
  G.FirstMatchOnly = true;
  G.Where = span(Table);
  // Entries with the same value are one outcome.
  std::map<std::string, size_t> ByValue;
  for (Node Entry : namedKidsNoComments(Table)) {
    Node KN{}, VN{};
    if (!tableEntry(Entry, KN, VN))
      continue;
    Arm A;
    A.Label = spell(Entry);
    A.Indent = indentAt(startByte(Entry));
    addArmTest(G, ByValue, normalize(text(VN)), std::move(A),
               entryTest(KN, G.Subject));
  }
  if (G.Arms.empty())
    return;
  G.Text = "table " + normalize(text(Table)).substr(0, 200);
  emit(std::move(G), Table);
}

} // namespace verguard::script
