//===- CSharpFrontend.cpp - parse, walk declarations, lower guards -------===//
//
// Three walks over the file: two learn what fields, constants, properties
// and methods (their returns and out/ref parameters, as functions of their
// parameters) hold, so that a method can use a field set in a constructor
// below it; the third emits the guards. Statements nest only as deep as a
// limit allows; expressions are bounded by script::MaxExprDepth.
//
//===----------------------------------------------------------------------===//
#include "csharp/CSharpFrontend.h"

#include "core/Flow.h"
#include "csharp/Lowerer.h"

#include "llvm/ADT/StringExtras.h"

extern "C" const TSLanguage *tree_sitter_c_sharp(void);

using namespace verguard::core;

namespace verguard::csharp {

namespace {
constexpr int MaxNesting = 200;
thread_local int StatementDepth = 0;

struct Nest {
  Nest() { ++StatementDepth; }
  ~Nest() { --StatementDepth; }
};

bool isStatement(llvm::StringRef T) {
  return T.ends_with("_statement") || T == "block";
}
} // namespace

Lowerer::Lowerer(llvm::StringRef Path, const script::DecodedText &Text,
                 const FrontendOptions &Opts, std::vector<Guard> &Guards,
                 std::vector<Diagnostic> &Diags)
    : script::Speller(Path, Text), Path(Path), Text(Text), Src(Text.Utf8),
      Opts(Opts), Guards(Guards), Diags(Diags) {}

void Lowerer::tooDeep(script::Node N) {
  if (TooDeepNoted || !Emit)
    return;
  TooDeepNoted = true;
  Diags.push_back(script::nestedTooDeep(Path, span(N)));
}

std::string Lowerer::currentFunction() const {
  for (auto F = Frames.rbegin(); F != Frames.rend(); ++F)
    if (F->Func)
      return F->Function;
  return "";
}

void Lowerer::emit(Guard G, script::Node Site) {
  if (!Emit || Instantiating ||
      !EmittedAt.insert(script::startByte(Site)).second)
    return;
  G.Syntax = Dialect::CSharp;
  G.Function = currentFunction();
  Guards.push_back(std::move(G));
}

void Lowerer::conditionGuard(script::Node CondNode) {
  if (script::isNull(CondNode))
    return;
  Covered.push_back({script::startByte(CondNode), script::endByte(CondNode)});
  if (!Emit)
    return;
  ExprPtr C = lowerCond(CondNode);
  if (!dependsOnVersion(*C))
    return;
  Guard G;
  G.Kind = GuardKind::Condition;
  G.Cond = C;
  G.Where = span(CondNode);
  G.Text = normalize(text(CondNode));
  emit(std::move(G), CondNode);
}

void Lowerer::scanGuards(script::Node Root) {
  if (!Emit || script::isNull(Root))
    return;
  std::vector<script::Node> Stack{Root};
  while (!Stack.empty()) {
    script::Node N = Stack.back();
    Stack.pop_back();
    llvm::StringRef T = typeOf(N);
    uint32_t B = script::startByte(N), E = script::endByte(N);
    bool InCovered = llvm::any_of(
        Covered, [&](auto &C) { return C.first <= B && E <= C.second; });
    if (InCovered || T == "lambda_expression" ||
        T == "anonymous_method_expression" || isStatement(T))
      continue;
    if (T == "binary_expression") {
      llvm::StringRef Op = text(script::field(N, "operator")).trim();
      if (Op == "==" || Op == "!=" || Op == "<" || Op == "<=" || Op == ">" ||
          Op == ">=" || Op == "&&" || Op == "||") {
        conditionGuard(N);
        continue;
      }
    }
    if (T == "is_pattern_expression" ||
        (T == "prefix_unary_expression" && text(N).starts_with("!"))) {
      conditionGuard(N);
      continue;
    }
    if (T == "invocation_expression") {
      // A predicate call (StartsWith, Equals, Contains, Regex.IsMatch).
      Val V = lower(N);
      if (V.E && isBoolean(*V.E) && dependsOnVersion(*V.E)) {
        conditionGuard(N);
        continue;
      }
    }
    if (T == "conditional_expression")
      conditionGuard(script::field(N, "condition"));
    for (script::Node K : namedKids(N))
      Stack.push_back(K);
  }
}

void Lowerer::tableGuard(script::Node Init, const ExprPtr &Key) {
  if (!Emit || Instantiating || script::isNull(Init) || !Key ||
      !dependsOnVersion(*Key) || EmittedAt.count(script::startByte(Init)))
    return;
  Guard G;
  G.Kind = GuardKind::Table;
  G.Subject = Key;
  G.FirstMatchOnly = true;
  G.Where = span(Init);
  ValueType KT = valueType(*Key);
  std::map<std::string, size_t> ByValue;
  for (script::Node Entry : namedKids(Init)) {
    script::Node KN{}, VN{};
    if (typeOf(Entry) == "initializer_expression") {
      // { 6002, "SP2" }
      auto K = namedKids(Entry);
      if (K.size() != 2)
        continue;
      KN = K[0];
      VN = K[1];
    } else if (typeOf(Entry) == "assignment_expression") {
      // [6002] = "SP2"
      script::Node L = script::field(Entry, "left");
      auto A = args(L);
      if (typeOf(L) != "element_binding_expression" || A.size() != 1)
        continue;
      KN = A[0];
      VN = script::field(Entry, "right");
    } else {
      continue;
    }
    Val KV = lower(KN, 1);
    ExprPtr Test = unknown();
    if (KV.E && KV.E->isConst()) {
      ValueType T = valueType(*KV.E);
      Test = KT != ValueType::Unknown && T != KT
                 ? boolConst(false)
                 : cmp(CmpOp::EQ, subject(), operand(KV, KN),
                       T == ValueType::Str ? CmpMode::Str : CmpMode::Int,
                       Dialect::CSharp);
    }
    Arm A;
    A.Label = spell(Entry);
    A.Indent = indentAt(script::startByte(Entry));
    script::addArmTest(G, ByValue, normalize(text(VN)), std::move(A),
                       std::move(Test));
  }
  if (G.Arms.empty())
    return;
  G.Text = "table " + normalize(text(Init)).substr(0, 200);
  emit(std::move(G), Init);
}

void Lowerer::switchGuard(script::Node Switch, script::Node Value,
                          llvm::ArrayRef<script::Node> Sections,
                          bool Expression) {
  Val S = lower(Value);
  Covered.push_back({script::startByte(Value), script::endByte(Value)});
  if (!Emit || Instantiating || !S.E || !dependsOnVersion(*S.E))
    return;
  Guard G;
  G.Kind = GuardKind::Select;
  G.Subject = S.E;
  G.FirstMatchOnly = true;
  G.Where = span(script::startByte(Switch), script::endByte(Value));
  G.Text = "switch " + normalize(text(Value));
  std::map<std::string, size_t> ByBody;
  // Labels of a section without statements fall into the next section.
  std::vector<std::pair<script::Node, ExprPtr>> Pending;
  for (script::Node Sec : Sections) {
    bool Guarded = false;
    std::string Body;
    auto Kids = namedKids(Sec);
    for (size_t I = 0; I < Kids.size(); ++I) {
      script::Node K = Kids[I];
      llvm::StringRef T = typeOf(K);
      if (T == "when_clause")
        Guarded = true;
      else if (Expression ? I > 0 && I + 1 == Kids.size() : isStatement(T))
        Body += normalize(text(K)) + "\n"; // an arm's value, a section's code
      else if (T == "discard" || (Expression && I > 0))
        Pending.push_back({K, nullptr}); // `_ =>`: the default
      else
        Pending.push_back({K, pattern(K, subject(), 1)});
    }
    if (Body.empty() && !Expression)
      continue;
    for (auto &[P, Test] : Pending) {
      if (!Test)
        continue;
      Arm A;
      A.Label = spell(P);
      A.Indent = indentAt(script::startByte(P));
      script::addArmTest(G, ByBody, Body, A, Guarded ? unknown() : Test);
    }
    Pending.clear();
  }
  if (G.Arms.empty())
    return;
  emit(std::move(G), Switch);
}

void Lowerer::assign(script::Node Target, const Val &V) {
  Target = unwrap(Target);
  llvm::StringRef T = typeOf(Target);
  std::string Name, Cls = Frames.empty() ? "" : Frames.back().Class;
  if (T == "identifier") {
    Name = text(Target).str();
    for (auto F = Frames.rbegin(); F != Frames.rend(); ++F) {
      auto It = F->Vars.find(Name);
      if (It != F->Vars.end()) {
        It->second = V;
        return;
      }
      if (F->Func)
        break;
    }
    if (!Members.count(Cls + "." + Name) && !Members.count(Name)) {
      top().Vars[Name] = V;
      return;
    }
  } else if (T == "member_access_expression") {
    // `osvi.dwBuildNumber = 6002`: a struct the program fills.
    script::Node ObjN = unwrap(script::field(Target, "expression"));
    if (typeOf(ObjN) == "identifier")
      if (Val *S = variable(text(ObjN)); S && S->Obj == ObjKind::VerInfo) {
        S->Fields[text(script::field(Target, "name")).str()] = V.expr();
        return;
      }
    Val Obj = lower(script::field(Target, "expression"), 1);
    if (Obj.Obj != ObjKind::Instance && Obj.Obj != ObjKind::Class)
      return;
    Name = text(script::field(Target, "name")).str();
    Cls = Obj.Name;
  } else {
    return;
  }
  // A field or property: what a method or constructor stores is read by
  // the others, without the writer's parameters.
  Val Stored = V;
  Stored.E = unbindParams(V.E);
  for (const std::string &K : {Cls + "." + Name, Name}) {
    auto It = Members.find(K);
    if (It == Members.end() || Stored.related() || !It->second.related())
      Members[K] = Stored;
  }
}

Val *Lowerer::variable(llvm::StringRef Name) {
  for (auto F = Frames.rbegin(); F != Frames.rend(); ++F) {
    auto It = F->Vars.find(Name.str());
    if (It != F->Vars.end())
      return &It->second;
    if (F->Func)
      break;
  }
  return nullptr;
}

void Lowerer::declare(script::Node VarDecl) {
  script::Node Ty = script::field(VarDecl, "type");
  bool VerInfo = text(Ty).contains("OSVERSIONINFO");
  for (script::Node D : namedKids(VarDecl)) {
    if (typeOf(D) != "variable_declarator")
      continue;
    script::Node NameN = script::field(D, "name");
    script::Node Init{};
    for (script::Node K : namedKids(D))
      if (script::startByte(K) != script::startByte(NameN) &&
          typeOf(K) != "bracketed_argument_list")
        Init = K;
    Val V;
    if (!script::isNull(Init)) {
      V = lower(Init);
      scanGuards(Init);
    }
    if (VerInfo && V.Obj != ObjKind::VerInfo) {
      V = Val::obj(ObjKind::VerInfo);
      if (typeOf(Init) == "implicit_object_creation_expression") // `new() {`
        for (script::Node K : namedKids(Init))
          if (typeOf(K) == "initializer_expression")
            structFields(K, V);
    }
    top().Vars[text(NameN).str()] = V;
  }
}

void Lowerer::walkBody(script::Node Body) {
  if (typeOf(Body) == "arrow_expression_clause") {
    auto K = namedKids(Body);
    if (K.empty())
      return;
    Val V = lower(K[0]);
    scanGuards(K[0]);
    // `=> 6002`: one expression, so a constant is what it always returns.
    if (V.related() || (V.E && V.E->isConst()))
      top().Return = V;
    return;
  }
  statement(Body);
}

void Lowerer::statement(script::Node S) {
  Nest Guard;
  if (StatementDepth > MaxNesting) {
    tooDeep(S);
    return;
  }
  llvm::StringRef T = typeOf(S);
  if (T == "block" || T == "global_statement" || T == "unsafe_statement" ||
      T == "checked_statement" || T == "labeled_statement" ||
      T == "try_statement" || T == "catch_clause" || T == "finally_clause" ||
      T == "lock_statement" || T == "fixed_statement") {
    for (script::Node K : namedKids(S)) {
      llvm::StringRef KT = typeOf(K);
      if (isStatement(KT) || KT == "catch_clause" || KT == "finally_clause")
        statement(K);
      else if (KT == "variable_declaration")
        declare(K);
    }
    return;
  }
  if (T == "local_declaration_statement" || T == "using_statement") {
    for (script::Node K : namedKids(S)) {
      if (typeOf(K) == "variable_declaration")
        declare(K);
      else if (isStatement(typeOf(K)))
        statement(K);
    }
    return;
  }
  if (T == "expression_statement") {
    for (script::Node X : namedKids(S)) {
      if (typeOf(X) == "assignment_expression") {
        script::Node R = script::field(X, "right");
        llvm::StringRef Op = text(script::field(X, "operator")).trim();
        Val V = lower(R);
        scanGuards(R);
        assign(script::field(X, "left"), Op == "=" ? V : Val::of(unknown()));
      } else {
        lower(X);
        scanGuards(X);
      }
    }
    return;
  }
  if (T == "return_statement" || T == "yield_statement") {
    auto K = namedKids(S);
    if (K.empty())
      return;
    Val V = lower(K[0]);
    scanGuards(K[0]);
    for (auto F = Frames.rbegin(); F != Frames.rend(); ++F)
      if (F->Func) {
        auto Says = [](const Val &X) {
          return X.isObject() || (X.E && dependsOnVersion(*X.E));
        };
        if (V.related() && (!F->Return || (!Says(*F->Return) && Says(V))))
          F->Return = V;
        break;
      }
    return;
  }
  if (T == "if_statement" || T == "while_statement" || T == "do_statement") {
    script::Node C = script::field(S, "condition");
    conditionGuard(C);
    scanGuards(C);
    for (const char *F : {"consequence", "alternative", "body"}) {
      script::Node B = script::field(S, F);
      if (!script::isNull(B))
        statement(B);
    }
    return;
  }
  if (T == "for_statement") {
    for (script::Node K : namedKids(S)) {
      if (typeOf(K) == "variable_declaration")
        declare(K);
      else if (isStatement(typeOf(K)))
        statement(K);
    }
    script::Node C = script::field(S, "condition");
    conditionGuard(C);
    scanGuards(C);
    return;
  }
  if (T == "foreach_statement") {
    script::Node R = script::field(S, "right");
    Val V = lower(R);
    scanGuards(R);
    Val Each;
    if (V.Obj == ObjKind::WmiList)
      Each = Val::obj(ObjKind::WmiOS);
    script::Node L = script::field(S, "left");
    if (typeOf(L) == "identifier")
      top().Vars[text(L).str()] = Each;
    statement(script::field(S, "body"));
    return;
  }
  if (T == "switch_statement") {
    script::Node Body = script::field(S, "body");
    script::NodeList Secs;
    for (script::Node K : namedKids(Body))
      if (typeOf(K) == "switch_section")
        Secs.push_back(K);
    switchGuard(S, script::field(S, "value"), Secs, /*Expression=*/false);
    for (script::Node Sec : Secs)
      for (script::Node K : namedKids(Sec)) {
        if (isStatement(typeOf(K)))
          statement(K);
        else if (typeOf(K) == "when_clause")
          scanGuards(K);
      }
    return;
  }
  if (T == "local_function_statement") {
    defineMethod(S, Frames.back().Class);
    return;
  }
  // Anything else (throw, break, goto...): its expressions.
  scanGuards(S);
}

void Lowerer::defineMethod(script::Node Def, const std::string &Class) {
  llvm::StringRef T = typeOf(Def);
  std::string Name = text(script::field(Def, "name")).str();
  std::string Key = Class.empty() ? Name : Class + "." + Name;
  Function Fn;
  Fn.Class = Class;
  Fn.Def = Def;
  Frame F;
  F.Func = true;
  F.Function = Key;
  F.Class = Class;
  Frames.push_back(std::move(F));
  int64_t I = 0;
  for (script::Node P : namedKids(script::field(Def, "parameters"))) {
    if (typeOf(P) != "parameter")
      continue;
    bool ByRef = false;
    for (script::Node K : namedKids(P))
      if (typeOf(K) == "modifier") {
        llvm::StringRef M = text(K);
        ByRef |= M == "out" || M == "ref";
        if (M == "this" && I == 0)
          Fn.Extension = true;
      }
    std::string PN = text(script::field(P, "name")).str();
    Fn.Params.push_back(PN);
    Fn.ByRef.push_back(ByRef);
    ExprPtr Named;
    if (text(script::field(P, "type")).contains("OSVERSIONINFO")) {
      top().Vars[PN] = Val::obj(ObjKind::VerInfo);
      ++I;
      continue;
    }
    if (auto Q = inferFromName(PN))
      Named = *Q;
    top().Vars[PN] = Val::of(param(I, Named));
    ++I;
  }
  (void)T;
  script::Node Body = script::field(Def, "body");
  if (!script::isNull(Body))
    walkBody(Body);
  Fn.Return = top().Return;
  for (size_t P = 0; P < Fn.Params.size(); ++P) {
    if (!Fn.ByRef[P])
      continue;
    auto It = top().Vars.find(Fn.Params[P]);
    if (It != top().Vars.end() && It->second.related() &&
        !(It->second.E && It->second.E->Kind == Op::Param))
      Fn.Outs[P] = It->second;
  }
  Frames.pop_back();
  // An overload or a later pass does not forget what an earlier one knew.
  for (const std::string &K : {Key, Name}) {
    Function &Old = Functions[K];
    if (Fn.Return || Old.Params.empty() || !Emit)
      Old = Fn;
  }
}

void Lowerer::declarations(script::Node List, const std::string &Class) {
  for (script::Node D : namedKids(List)) {
    llvm::StringRef T = typeOf(D);
    if (T == "class_declaration" || T == "struct_declaration" ||
        T == "record_declaration" || T == "interface_declaration") {
      std::string Name = text(script::field(D, "name")).str();
      Classes.insert(Name);
      for (script::Node K : namedKids(D))
        if (typeOf(K) == "modifier" && text(K) == "partial")
          Partial.insert(Name);
      declarations(script::field(D, "body"), Name);
    } else if (T == "enum_declaration") {
      // Members are constants: explicit, or one more than the previous.
      std::string Name = text(script::field(D, "name")).str();
      Classes.insert(Name);
      int64_t Next = 0;
      for (script::Node M : namedKids(script::field(D, "body"))) {
        if (typeOf(M) != "enum_member_declaration")
          continue;
        script::Node V = script::field(M, "value");
        Val X = script::isNull(V) ? Val::of(intConst(Next)) : lower(V);
        if (!X.E || X.E->Kind != Op::IntConst)
          X = Val::of(unknown());
        else
          Next = X.E->Int + 1;
        Members[Name + "." + text(script::field(M, "name")).str()] = X;
      }
    } else if (T == "namespace_declaration") {
      declarations(script::field(D, "body"), Class);
    } else if (T == "declaration_list" ||
               T == "file_scoped_namespace_declaration") {
      declarations(D, Class);
    } else if (T == "field_declaration" || T == "event_field_declaration") {
      Frame F;
      F.Class = Class;
      Frames.push_back(std::move(F));
      for (script::Node K : namedKids(D))
        if (typeOf(K) == "variable_declaration")
          declare(K);
      std::map<std::string, Val> Vars = std::move(top().Vars);
      Frames.pop_back();
      for (auto &[N, V] : Vars)
        for (const std::string &K : {Class + "." + N, N}) {
          auto It = Members.find(K);
          if (It == Members.end() || V.related())
            Members[K] = V;
        }
    } else if (T == "property_declaration") {
      std::string Name = text(script::field(D, "name")).str();
      Frame F;
      F.Func = true;
      F.Function = Class + "." + Name;
      F.Class = Class;
      Frames.push_back(std::move(F));
      script::Node V = script::field(D, "value");
      if (!script::isNull(V)) {
        if (typeOf(V) == "arrow_expression_clause") {
          walkBody(V);
        } else {
          Val X = lower(V);
          scanGuards(V);
          if (X.related())
            top().Return = X;
        }
      }
      script::Node Acc = script::field(D, "accessors");
      for (script::Node A : namedKids(Acc)) {
        if (!text(A).starts_with("get"))
          continue;
        script::Node B = script::field(A, "body");
        if (!script::isNull(B))
          walkBody(B);
      }
      std::optional<Val> R = top().Return;
      Frames.pop_back();
      if (R)
        for (const std::string &K : {Class + "." + Name, Name})
          Members[K] = *R;
    } else if (T == "method_declaration" || T == "constructor_declaration" ||
               T == "local_function_statement" || T == "operator_declaration") {
      defineMethod(D, Class);
    } else if (T == "global_statement") {
      statement(D);
    }
  }
}

void Lowerer::run(script::Node Root) {
  auto Reset = [&] {
    Frames.clear();
    Frames.emplace_back();
    Covered.clear();
  };
  for (int Pass = 0; Pass < 2; ++Pass) {
    Reset();
    declarations(Root, "");
  }
  Reset();
  Emit = true;
  declarations(Root, "");
}

void lowerFile(llvm::StringRef Path, const script::DecodedText &Text,
               const FrontendOptions &Opts, std::vector<Guard> &Guards,
               std::vector<Diagnostic> &Diags, std::vector<std::string> *Deps) {
  if (llvm::StringRef(Text.Utf8).trim().empty())
    return;
  script::TreePtr Tree =
      script::parse(tree_sitter_c_sharp(), Text.Utf8, {},
                    Opts.TimeoutMs ? Opts.TimeoutMs * 1000 : 0);
  if (!Tree) {
    script::noteParseTrouble(Diags, Path, Text, nullptr);
    return;
  }
  script::FlatTree Flat(ts_tree_root_node(Tree.get()));
  script::Node Root = Flat.root();
  script::ParseTrouble Trouble = script::parseTrouble(Root);
  script::noteParseTrouble(Diags, Path, Text, &Trouble);
  Lowerer L(Path, Text, Opts, Guards, Diags);
  L.Deps = Deps;
  L.run(Root);
}

} // namespace verguard::csharp
