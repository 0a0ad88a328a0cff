//===- JScriptFrontend.cpp - parse, walk statements, lower guards --------===//
//
// Three walks over the program: two learn what globals and functions (their
// returns, as functions of their parameters) hold, so that a function can
// use a global assigned below it and a call can come before the function's
// declaration (JScript hoists both); the third emits the guards. `var` is
// function-scoped (hoisted to its function), an assignment to an undeclared
// name makes a global. Blocks of a .wsf job or an HTML page share one
// global scope: they are parsed as one program, with everything outside
// them blanked, so that every offset is the file's own.
//
//===----------------------------------------------------------------------===//
#include "jscript/JScriptFrontend.h"

#include "core/Flow.h"
#include "core/Siblings.h"
#include "jscript/Lowerer.h"
#include "vbscript/Embedded.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

extern "C" const TSLanguage *tree_sitter_javascript(void);

using namespace verguard::core;

namespace verguard::jscript {

namespace {

bool isComparison(llvm::StringRef Op) {
  return Op == "==" || Op == "!=" || Op == "===" || Op == "!==" || Op == "<" ||
         Op == "<=" || Op == ">" || Op == ">=" || Op == "&&" || Op == "||";
}
} // namespace

bool usesHostObjects(llvm::StringRef Text) {
  static const llvm::StringLiteral Words[] = {
      "WScript", "ActiveXObject", "GetObject", "Enumerator", "Scripting."};
  return llvm::any_of(Words,
                      [&](llvm::StringRef W) { return Text.contains(W); });
}

bool hasJScriptBlock(llvm::StringRef Text) {
  return !vbscript::jscriptChunks(Text).empty();
}

Lowerer::Lowerer(llvm::StringRef Path, const script::DecodedText &Text,
                 llvm::StringRef Code, const FrontendOptions &Opts,
                 std::vector<Guard> &Guards, std::vector<Diagnostic> &Diags)
    : script::Lowerer<Val, Frame>(Path, Text, Code, Opts, Guards, Diags,
                                  Dialect::JScript) {}

bool Lowerer::isScope(llvm::StringRef T) const {
  return T == "function_expression" || T == "arrow_function" ||
         T == "function_declaration" || T == "statement_block";
}

bool Lowerer::isCondition(script::Node N) {
  llvm::StringRef T = typeOf(N);
  if (T == "binary_expression")
    return isComparison(text(script::field(N, "operator")).trim());
  if (T == "unary_expression")
    return text(script::field(N, "operator")).trim() == "!";
  if (T == "call_expression") {
    // /6\.0\.6002/.test(v), v.match(/.../) used as a value.
    Val V = lower(N);
    return V.E && isBoolean(*V.E) && dependsOnVersion(*V.E);
  }
  return false;
}

script::Node Lowerer::ternaryCondition(script::Node N) const {
  if (typeOf(N) != "ternary_expression")
    return {};
  return script::field(N, "condition");
}

ExprPtr Lowerer::tableSubject(const ExprPtr &Key) const {
  if (Scanning)
    return Key; // compared with each item as the search compares
  // Property names are strings: TABLE[6002] looks up "6002".
  return asText(Key);
}

bool Lowerer::tableEntry(script::Node Entry, script::Node &Key,
                         script::Node &Value) {
  if (!Scanning)
    return script::Lowerer<Val, Frame>::tableEntry(Entry, Key, Value);
  Value = Entry;
  if (ScanField.empty()) { // [6000, 6001, 6002]
    Key = Entry;
    return typeOf(Entry) == "number" || typeOf(Entry) == "string";
  }
  if (typeOf(Entry) != "object")
    return false;
  for (script::Node P : namedKids(Entry)) { // {build: 6002, name: "..."}
    script::Node K = script::field(P, "key");
    if (typeOf(P) == "pair" &&
        (typeOf(K) == "string" ? stringLiteral(K).E->Str : text(K).str()) ==
            ScanField) {
      Key = script::field(P, "value");
      return true;
    }
  }
  return false;
}

void Lowerer::scanGuard(const Val &Scan, const ExprPtr &Key, bool Strict) {
  Scanning = true;
  ScanStrict = Strict;
  ScanField = Scan.Name;
  tableGuard(Scan.Literal, Key);
  Scanning = false;
}

ExprPtr Lowerer::entryTest(script::Node KN, const ExprPtr &Subject) {
  if (Scanning) {
    // The item as the search compares it with the key: === of two types
    // is never true; == of a number and a string compares numbers.
    Val V = lower(KN, 1);
    if (!V.E || !V.E->isConst())
      return unknown();
    ValueType TK = valueType(*V.E), TS = valueType(*Subject);
    if (ScanStrict && TK != TS && TS != ValueType::Unknown)
      return boolConst(false);
    if (TK == ValueType::Str && (TS == ValueType::Str || ScanStrict))
      return cmp(CmpOp::EQ, subject(), V.E, CmpMode::Str, Dialect::JScript);
    return cmp(CmpOp::EQ, asNumber(subject()), asNumber(V.E), CmpMode::Int,
               Dialect::JScript);
  }
  llvm::StringRef KT = typeOf(KN);
  std::optional<std::string> Name;
  if (KT == "string")
    Name = stringLiteral(KN).E->Str;
  else if (KT == "number" || KT == "property_identifier")
    Name = text(KN).str();
  if (!Name)
    return unknown();
  return cmp(CmpOp::EQ, subject(), strConst(*Name, spell(KN)), CmpMode::Str,
             Dialect::JScript);
}

void Lowerer::switchGuard(script::Node Switch) {
  script::Node Body = script::field(Switch, "body");
  script::Node ValueN = script::field(Switch, "value");
  if (script::isNull(Body) || script::isNull(ValueN))
    return;
  Val S = lower(ValueN);
  Covered.push_back({script::startByte(ValueN), script::endByte(ValueN)});
  if (!Emit || !S.E || !mayBeBuild(*S.E))
    return;
  ValueType ST = valueType(*S.E);
  Guard G;
  G.Kind = GuardKind::Select;
  G.Subject = S.E;
  G.FirstMatchOnly = true;
  G.Where = span(script::startByte(Switch), script::endByte(ValueN));
  G.Text = "switch " + normalize(text(ValueN));
  std::map<std::string, size_t> ByBody;
  // Cases without statements fall through to the next one's: one arm.
  std::vector<std::pair<Arm, ExprPtr>> Pending;
  for (script::Node Case : namedKids(Body)) {
    if (typeOf(Case) == "switch_default") {
      Pending.clear(); // they behave as the default does
      continue;
    }
    if (typeOf(Case) != "switch_case")
      continue;
    script::Node VN = script::field(Case, "value");
    Val KV = lower(VN, 1);
    ExprPtr Test = unknown();
    if (KV.E && KV.E->isConst()) {
      // switch compares strictly (===): a string never matches 6002.
      ValueType T = valueType(*KV.E);
      if (ST != ValueType::Unknown && T != ST) {
        Test = boolConst(false);
      } else {
        auto C = clone(*cmp(CmpOp::EQ, subject(), KV.E,
                            T == ValueType::Str ? CmpMode::Str : CmpMode::Int,
                            Dialect::JScript));
        C->Written = spell(VN);
        Test = C;
      }
    }
    // The label: `case 6002:`.
    uint32_t LabelEnd = script::endByte(VN);
    for (script::Node K = script::firstChild(Case); !script::isNull(K);
         K = script::nextSibling(K))
      if (!script::isNamed(K) && text(K) == ":") {
        LabelEnd = script::endByte(K);
        break;
      }
    Arm A;
    A.Label = spell(script::startByte(Case), LabelEnd);
    A.Indent = indentAt(script::startByte(Case));
    Pending.push_back({std::move(A), std::move(Test)});
    bool HasBody = false;
    for (script::Node K : namedKids(Case))
      if (script::startByte(K) >= LabelEnd)
        HasBody = true;
    if (!HasBody)
      continue;
    std::string BodyText =
        normalize(Src.slice(LabelEnd, script::endByte(Case)));
    // A new label goes after the group's last one (`case 6002:` of
    // `case 6001: case 6002:`), where the body starts.
    for (auto &[Arm, T] : Pending) {
      Arm.Label = Pending.back().first.Label;
      Arm.Indent = Pending.back().first.Indent;
      script::addArmTest(G, ByBody, BodyText, Arm, std::move(T));
    }
    Pending.clear();
  }
  if (G.Arms.empty())
    return;
  // A switch on a value not followed: its arms may say it is a build.
  if (!switchOnVersion(G, text(ValueN)))
    return;
  emit(std::move(G), Switch);
}

void Lowerer::declare(const std::string &Name, const Val &V) {
  functionFrame().Vars[Name] = V;
}

void Lowerer::assign(script::Node Target, const Val &V) {
  Target = unwrap(Target);
  llvm::StringRef T = typeOf(Target);
  if (T == "identifier") {
    std::string Name = text(Target).str();
    for (auto F = Frames.rbegin(); F != Frames.rend(); ++F)
      if (F->Vars.count(Name)) {
        F->Vars[Name] = V;
        return;
      }
    Frames.front().Vars[Name] = V; // an implicit global
    return;
  }
  if (T == "member_expression" || T == "subscript_expression") {
    // obj.prop = value: a property of an object held by a variable.
    script::Node O = unwrap(script::field(Target, "object"));
    if (typeOf(O) == "this" || typeOf(O) == "identifier") {
      // `this.kernel = ...` in a method, `row.kernel = ...` of an instance.
      Val Inst = lower(O, 1);
      if (Inst.Obj == ObjKind::Instance && T == "member_expression") {
        auto &Props = InstanceProps[Inst.Name];
        std::string Prop = text(script::field(Target, "property")).str();
        Val Stored = V;
        Stored.E = unbindParams(V.E);
        if (Stored.related() || !Props.count(Prop))
          Props[Prop] = Stored;
        return;
      }
    }
    if (typeOf(O) != "identifier")
      return;
    std::string Prop;
    if (T == "member_expression") {
      Prop = text(script::field(Target, "property")).str();
    } else {
      Val I = lower(script::field(Target, "index"), 1);
      if (!I.E || I.E->Kind != Op::StrConst)
        return;
      Prop = I.E->Str;
    }
    std::string Name = text(O).str();
    for (auto F = Frames.rbegin(); F != Frames.rend(); ++F) {
      auto It = F->Vars.find(Name);
      if (It == F->Vars.end())
        continue;
      if (It->second.Obj != ObjKind::Object)
        return;
      Val Stored = V;
      Stored.E = unbindParams(V.E);
      It->second.Props[Prop] = Stored;
      return;
    }
  }
}

bool Lowerer::definePrototype(script::Node Target, script::Node Value) {
  Target = unwrap(Target);
  Value = unwrap(Value);
  if (typeOf(Target) != "member_expression")
    return false;
  script::Node O = unwrap(script::field(Target, "object"));
  llvm::StringRef P = text(script::field(Target, "property"));
  // X.prototype = { m: function () {...}, ... }
  if (P == "prototype" && typeOf(O) == "identifier" &&
      typeOf(Value) == "object") {
    std::string Class = text(O).str();
    for (script::Node Pair : namedKids(Value)) {
      script::Node K = script::field(Pair, "key"),
                   V = script::field(Pair, "value");
      llvm::StringRef VT = typeOf(unwrap(V));
      if (typeOf(Pair) == "pair" && typeOf(K) == "property_identifier" &&
          (VT == "function_expression" || VT == "arrow_function"))
        defineFunction(unwrap(V), Class + ".prototype." + text(K).str(), Class);
    }
    return true;
  }
  // X.prototype.m = function () {...}
  llvm::StringRef VT = typeOf(Value);
  if (typeOf(O) != "member_expression" ||
      text(script::field(O, "property")) != "prototype" ||
      (VT != "function_expression" && VT != "arrow_function"))
    return false;
  script::Node C = unwrap(script::field(O, "object"));
  if (typeOf(C) != "identifier")
    return false;
  std::string Class = text(C).str();
  defineFunction(Value, Class + ".prototype." + P.str(), Class);
  return true;
}

void Lowerer::walkBlock(script::Node Block) {
  for (script::Node S : namedKids(Block))
    statement(S);
}

void Lowerer::hoist(script::Node Body) {
  // `var` names of this function, wherever declared (not in nested ones).
  std::vector<script::Node> Stack{Body};
  while (!Stack.empty()) {
    script::Node N = Stack.back();
    Stack.pop_back();
    llvm::StringRef T = typeOf(N);
    if (T == "function_declaration" || T == "function_expression" ||
        T == "arrow_function" || T == "class_declaration")
      continue;
    if (T == "variable_declarator") {
      script::Node Name = script::field(N, "name");
      if (typeOf(Name) == "identifier")
        top().Vars.try_emplace(text(Name).str());
      continue;
    }
    if (T == "expression_statement" || T == "return_statement")
      continue;
    for (script::Node K : namedKids(N))
      Stack.push_back(K);
  }
}

void Lowerer::defineFunction(script::Node Def, const std::string &Key,
                             const std::string &Class) {
  if (inFunction(Key))
    return;
  Function &Fn = Functions[Key];
  Fn.Def = Def;
  Fn.Params.clear();
  Frame F;
  F.Func = true;
  F.Function = Key;
  F.Class = Class;
  std::vector<script::Node> Params;
  script::Node One = script::field(Def, "parameter");
  if (!script::isNull(One))
    Params.push_back(One);
  for (script::Node P : namedKids(script::field(Def, "parameters")))
    Params.push_back(P);
  for (size_t I = 0; I < Params.size(); ++I) {
    script::Node P = Params[I];
    if (typeOf(P) == "assignment_pattern")
      P = script::field(P, "left");
    std::string PN = typeOf(P) == "identifier" ? text(P).str() : "";
    Fn.Params.push_back(PN);
    if (PN.empty())
      continue;
    ExprPtr Named;
    if (auto Q = inferFromName(PN))
      Named = *Q;
    F.Vars[PN] = Val::of(param(I, Named));
    // What its callers pass, if that is a version value, or the WMI
    // instance or record every call passes (`needsRestart(osv)`).
    if (ExprPtr A = callerArgument(Key, I, Def))
      F.Vars[PN] = Val::of(A);
    else if (const Val *O = callerObject(Key, I);
             O &&
             (O->Obj == ObjKind::OsInstance || O->Obj == ObjKind::Instance ||
              (O->Obj == ObjKind::Object && !O->Props.empty())))
      F.Vars[PN] = *O;
  }
  Frames.push_back(std::move(F));
  script::Node Body = script::field(Def, "body");
  if (typeOf(Body) == "statement_block") {
    hoist(Body);
    walkBlock(Body);
  } else if (!script::isNull(Body)) {
    Val R = lower(Body); // an arrow's expression
    scanGuards(Body);
    if (R.related() || (R.E && hasParam(*R.E)))
      top().Return = R;
  }
  std::optional<Val> Ret = top().Return;
  Frames.pop_back();
  if (Ret || !Emit)
    Functions[Key].Return = Ret;
}

void Lowerer::statement(script::Node S) {
  Nest Level(*this);
  if (Level.pastLimit()) {
    tooDeep(S);
    return;
  }
  llvm::StringRef T = typeOf(S);
  if (T == "expression_statement") {
    for (script::Node X : namedKids(S)) {
      lower(X);
      scanGuards(X);
    }
    return;
  }
  if (T == "variable_declaration" || T == "lexical_declaration") {
    for (script::Node D : namedKids(S)) {
      if (typeOf(D) != "variable_declarator")
        continue;
      script::Node Name = script::field(D, "name");
      script::Node Value = script::field(D, "value");
      if (typeOf(Name) != "identifier")
        continue;
      if (script::isNull(Value)) {
        functionFrame().Vars.try_emplace(text(Name).str());
        continue;
      }
      llvm::StringRef VT = typeOf(unwrap(Value));
      if (VT == "function_expression" || VT == "arrow_function") {
        // var f = function (...) {...}: a function named f.
        Val F = Val::obj(ObjKind::Function);
        F.Name = text(Name).str();
        defineFunction(unwrap(Value), F.Name, F.Name);
        declare(F.Name, F);
        continue;
      }
      Val V = lower(Value);
      scanGuards(Value);
      declare(text(Name).str(), V);
    }
    return;
  }
  if (T == "function_declaration") {
    std::string Name = text(script::field(S, "name")).str();
    defineFunction(S, Name, Name);
    return;
  }
  if (T == "return_statement") {
    auto K = namedKids(S);
    if (K.empty())
      return;
    Val V = lower(K[0]);
    scanGuards(K[0]);
    noteReturn(V);
    return;
  }
  if (T == "if_statement") {
    script::Node C = script::field(S, "condition");
    conditionGuard(C);
    scanGuards(C);
    statement(script::field(S, "consequence"));
    script::Node Else = script::field(S, "alternative");
    if (!script::isNull(Else))
      for (script::Node K : namedKids(Else))
        statement(K);
    return;
  }
  if (T == "while_statement" || T == "do_statement") {
    script::Node C = script::field(S, "condition");
    if (T == "do_statement")
      statement(script::field(S, "body"));
    conditionGuard(C);
    scanGuards(C);
    if (T == "while_statement")
      statement(script::field(S, "body"));
    return;
  }
  if (T == "for_statement") {
    script::Node Init = script::field(S, "initializer");
    if (typeOf(Init) == "variable_declaration" ||
        typeOf(Init) == "lexical_declaration")
      statement(Init);
    else if (!script::isNull(Init)) {
      lower(Init);
      scanGuards(Init);
    }
    script::Node C = script::field(S, "condition");
    if (typeOf(C) == "expression_statement" && script::namedChildCount(C))
      C = script::namedChild(C, 0);
    if (!script::isNull(C) && script::isNamed(C) &&
        typeOf(C) != "empty_statement") {
      conditionGuard(C);
      scanGuards(C);
    }
    script::Node Inc = script::field(S, "increment");
    size_t Counters = LoopCounters.size();
    if (!script::isNull(Inc)) {
      lower(Inc);
      forgetStepped(Inc, "identifier");
      for (script::Node X : script::steppedNames(Inc, "identifier"))
        LoopCounters.push_back(text(X).str());
    }
    statement(script::field(S, "body"));
    LoopCounters.resize(Counters);
    return;
  }
  if (T == "for_in_statement") {
    lower(script::field(S, "right"));
    script::Node L = script::field(S, "left");
    if (typeOf(L) == "identifier")
      functionFrame().Vars[text(L).str()] = Val::of(unknown());
    statement(script::field(S, "body"));
    return;
  }
  if (T == "switch_statement") {
    switchGuard(S);
    for (script::Node C : namedKids(script::field(S, "body"))) {
      script::Node V = script::field(C, "value");
      for (script::Node K : namedKids(C))
        if (script::isNull(V) || script::startByte(K) > script::startByte(V))
          statement(K);
    }
    return;
  }
  if (T == "statement_block" || T == "else_clause" || T == "finally_clause" ||
      T == "labeled_statement" || T == "program" || T == "ERROR") {
    // ERROR: what tree-sitter could not place; its statements still count.
    for (script::Node K : namedKids(S))
      if (typeOf(K) != "statement_identifier")
        statement(K);
    return;
  }
  if (T == "try_statement") {
    statement(script::field(S, "body"));
    script::Node H = script::field(S, "handler");
    if (!script::isNull(H))
      statement(script::field(H, "body"));
    script::Node F = script::field(S, "finalizer");
    if (!script::isNull(F))
      statement(script::field(F, "body"));
    return;
  }
  if (T == "with_statement") {
    statement(script::field(S, "body"));
    return;
  }
  if (T == "empty_statement" || T == "comment")
    return;
  // Anything else (throw, break, ...): its expressions.
  scanGuards(S);
}

/// JScript assigns to a COM object's parameterized property with a call on
/// the left (`Session.Property("DIR") = v`, `rec.StringData(0) = s`), which
/// JavaScript's grammar rejects. Each such `=` becomes `,` in a copy of the
/// same length: a sequence expression, the rest of the file parsed as
/// written. Strings and comments are left alone. Whether it changed.
bool parseableComAssignments(std::string &Code) {
  bool Changed = false;
  char Quote = 0;
  for (size_t I = 0; I < Code.size(); ++I) {
    char C = Code[I];
    if (Quote) {
      if (C == '\\')
        ++I;
      else if (C == Quote || C == '\n')
        Quote = 0;
      continue;
    }
    if (C == '"' || C == '\'') {
      Quote = C;
    } else if (C == '/' && I + 1 < Code.size() && Code[I + 1] == '/') {
      I = Code.find('\n', I);
      if (I == std::string::npos)
        break;
    } else if (C == '/' && I + 1 < Code.size() && Code[I + 1] == '*') {
      I = Code.find("*/", I + 2);
      if (I == std::string::npos)
        break;
      ++I;
    } else if (C == ')') {
      size_t J = I + 1;
      while (J < Code.size() && (Code[J] == ' ' || Code[J] == '\t'))
        ++J;
      if (J + 1 < Code.size() && Code[J] == '=' && Code[J + 1] != '=' &&
          Code[J + 1] != '>') {
        Code[J] = ',';
        Changed = true;
      }
    }
  }
  return Changed;
}

void lowerFile(llvm::StringRef Path, const script::DecodedText &Text,
               const FrontendOptions &Opts, std::vector<Guard> &Guards,
               std::vector<Diagnostic> &Diags) {
  std::string Ext = llvm::sys::path::extension(Path).lower();
  if (Ext == ".jse" || llvm::StringRef(Text.Utf8).starts_with("#@~^")) {
    script::noteAt(Diags, Path, Text, 0,
                   "encoded JScript (.jse) cannot be analyzed; skipped "
                   "(decode it to .js to check it)");
    return;
  }
  // JScript inside markup: its blocks at their own offsets, the rest blank.
  std::string Code;
  llvm::StringRef Src = Text.Utf8;
  if (Ext != ".js") {
    if (Ext != ".wsf" && Ext != ".hta" && Ext != ".htm" && Ext != ".html")
      return;
    std::vector<vbscript::Chunk> Chunks = vbscript::jscriptChunks(Src);
    if (Chunks.empty())
      return;
    Code.assign(Src.size(), ' ');
    for (size_t I = 0; I < Src.size(); ++I)
      if (Src[I] == '\n' || Src[I] == '\r')
        Code[I] = Src[I];
    for (const vbscript::Chunk &C : Chunks)
      Code.replace(C.Begin, C.End - C.Begin, Src.slice(C.Begin, C.End).str());
    // A web page's script (no WSH object in it) is not a WSH script.
    if (!usesHostObjects(Code))
      return;
    Src = Code;
  }
  std::string Parseable = Src.str();
  if (parseableComAssignments(Parseable))
    Src = Parseable;
  script::lowerTree<Lowerer>(tree_sitter_javascript(), Path, Text, Src, Opts,
                             Guards, Diags);
}

} // namespace verguard::jscript
