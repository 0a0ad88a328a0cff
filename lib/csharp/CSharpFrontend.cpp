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
#include "core/Siblings.h"
#include "core/SourceTable.h"
#include "csharp/Lowerer.h"

#include "llvm/ADT/StringExtras.h"

extern "C" const TSLanguage *tree_sitter_c_sharp(void);

using namespace verguard::core;

namespace verguard::csharp {

namespace {
bool isStatement(llvm::StringRef T) {
  return T.ends_with("_statement") || T == "block";
}
} // namespace

Lowerer::Lowerer(llvm::StringRef Path, const script::DecodedText &Text,
                 llvm::StringRef Src, const FrontendOptions &Opts,
                 std::vector<Guard> &Guards, std::vector<Diagnostic> &Diags)
    : script::Lowerer<Val, Frame>(Path, Text, Src, Opts, Guards, Diags,
                                  Dialect::CSharp) {}

bool Lowerer::isScope(llvm::StringRef T) const {
  return T == "lambda_expression" || T == "anonymous_method_expression" ||
         isStatement(T);
}

bool Lowerer::isCondition(script::Node N) {
  llvm::StringRef T = typeOf(N);
  if (T == "binary_expression") {
    llvm::StringRef Op = text(script::field(N, "operator")).trim();
    return Op == "==" || Op == "!=" || Op == "<" || Op == "<=" || Op == ">" ||
           Op == ">=" || Op == "&&" || Op == "||";
  }
  if (T == "is_pattern_expression" ||
      (T == "prefix_unary_expression" && text(N).starts_with("!")))
    return true;
  if (T == "invocation_expression") {
    // A predicate call (StartsWith, Equals, Contains, Regex.IsMatch).
    Val V = lower(N);
    return V.E && isBoolean(*V.E) && dependsOnVersion(*V.E);
  }
  return false;
}

script::Node Lowerer::ternaryCondition(script::Node N) const {
  if (typeOf(N) != "conditional_expression")
    return {};
  return script::field(N, "condition");
}

bool Lowerer::tableEntry(script::Node Entry, script::Node &Key,
                         script::Node &Value) {
  if (typeOf(Entry) == "initializer_expression") {
    // { 6002, "SP2" }
    auto K = namedKids(Entry);
    if (K.size() != 2)
      return false;
    Key = K[0];
    Value = K[1];
    return true;
  }
  if (typeOf(Entry) == "assignment_expression") {
    // [6002] = "SP2"
    script::Node L = script::field(Entry, "left");
    auto A = args(L);
    if (typeOf(L) != "element_binding_expression" || A.size() != 1)
      return false;
    Key = A[0];
    Value = script::field(Entry, "right");
    return true;
  }
  return false;
}

ExprPtr Lowerer::entryTest(script::Node KN, const ExprPtr &Subject) {
  Val KV = lower(KN, 1);
  if (!KV.E || !KV.E->isConst())
    return unknown();
  ValueType KT = valueType(*Subject), T = valueType(*KV.E);
  if (KT != ValueType::Unknown && T != KT)
    return boolConst(false);
  return cmp(CmpOp::EQ, subject(), operand(KV, KN),
             T == ValueType::Str ? CmpMode::Str : CmpMode::Int,
             Dialect::CSharp);
}

void Lowerer::switchGuard(script::Node Switch, script::Node Value,
                          llvm::ArrayRef<script::Node> Sections,
                          bool Expression) {
  Val S = lower(Value);
  Covered.push_back({script::startByte(Value), script::endByte(Value)});
  // An object switched on by property patterns (`{ Build: 6002 } => ...`):
  // its build stands for it.
  // A System.Version likewise (`os switch { { Major: 6, Build: 6002 } =>`).
  bool Version = S.E && (S.E->Kind == Op::VersionOf ||
                         (S.E->Kind == Op::Param && !S.E->Kids.empty() &&
                          S.E->Kids[0] && S.E->Kids[0]->Kind == Op::VersionOf));
  const Val *Obj = S.isObject() || Version ? &S : nullptr;
  ExprPtr Subject = Obj ? member(S, "Build", Value).E : S.E;
  if (!Emit || Instantiating || !Subject || !mayBeBuild(*Subject))
    return;
  Guard G;
  G.Kind = GuardKind::Select;
  G.Subject = Subject;
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
        Pending.push_back({K, pattern(K, subject(), 1, Obj)});
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
  // A switch on a value not followed: its arms may say it is a build.
  if (!switchOnVersion(G, text(Value)))
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
      if (Val *S = variable(text(ObjN));
          S && (S->Obj == ObjKind::VerInfo || S->Obj == ObjKind::Process)) {
        // `psi.FileName = "cmd.exe"` too.
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
  // What a constructor stores from its parameters (`Build = int.Parse(b)`)
  // is, at each creation, what the creation passes.
  auto Fn = llvm::find_if(llvm::reverse(Frames),
                          [](const Frame &F) { return F.Func; });
  if (Fn != Frames.rend() && Fn->Ctor && Cls == Fn->Class && V.E &&
      hasParam(*V.E))
    CtorStores[{Cls, Fn->Arity}][Name] = V.E;
  // A field or property: what a method or constructor stores is read by
  // the others, without the writer's parameters.
  Val Stored = V;
  Stored.E = unbindParams(V.E);
  for (const std::string &K : {Cls + "." + Name, Name})
    storeMember(K, Stored);
}

void Lowerer::storeMember(const std::string &K, const Val &V) {
  auto It = Members.find(K);
  if (It == Members.end() || !It->second.carries() ||
      (V.carries() && !(inferredOnly(V) && !inferredOnly(It->second))))
    Members[K] = V;
}

bool Lowerer::inferredOnly(const Val &V) {
  return V.E && core::hasInferredQuantity(*V.E);
}

void Lowerer::constructorStores(script::Node Def, const Function &Fn) {
  std::vector<std::string> Stored(Fn.Params.size());
  std::vector<script::Node> Work{script::field(Def, "body")};
  while (!Work.empty()) {
    script::Node X = Work.back();
    Work.pop_back();
    if (script::isNull(X))
      continue;
    llvm::StringRef T = typeOf(X);
    if (T == "lambda_expression" || T == "local_function_statement")
      continue;
    if (T == "assignment_expression" &&
        text(script::field(X, "operator")).trim() == "=") {
      script::Node L = unwrap(script::field(X, "left"));
      script::Node R = unwrap(script::field(X, "right"));
      llvm::StringRef OT = typeOf(script::field(L, "expression"));
      if (typeOf(L) == "member_access_expression" &&
          (OT == "this_expression" || OT == "this"))
        L = script::field(L, "name");
      auto P = llvm::find(Fn.Params, text(R));
      if (typeOf(L) == "identifier" && typeOf(R) == "identifier" &&
          P != Fn.Params.end() && !Fn.ByRef[P - Fn.Params.begin()])
        Stored[P - Fn.Params.begin()] = text(L).str();
    }
    for (script::Node K : namedKids(X))
      Work.push_back(K);
  }
  if (llvm::any_of(Stored, [](const std::string &S) { return !S.empty(); }))
    Positional[{Fn.Class, Stored.size()}] = std::move(Stored);
}

std::optional<Val> Lowerer::typedInstance(script::Node Type) {
  llvm::StringRef T = text(Type);
  T.consume_back("?");
  if (typeOf(Type) == "qualified_name")
    T = T.rsplit('.').second;
  // A Windows Installer custom action's session (DTF's and WiX's
  // WindowsInstaller.Session), unless the project has a Session of its own.
  if (T == "Session" && !Classes.count("Session"))
    return Val::obj(ObjKind::MsiSession);
  if (T.empty() || !llvm::isUpper(T[0]) || T.contains('<') || T.contains('['))
    return std::nullopt;
  if (!Classes.count(T.str()))
    importDeclaring(T); // a class of another file of the project
  if (!Classes.count(T.str()))
    return std::nullopt;
  Val V = Val::obj(ObjKind::Instance);
  V.Name = T.str();
  // An interface the file implements once: that class's members.
  if (Interfaces.count(V.Name)) {
    auto I = Implementers.find(V.Name);
    if (I == Implementers.end() || I->second.size() != 1)
      return std::nullopt;
    V.Name = *I->second.begin();
  }
  return V;
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
    if (V.carries() || (V.E && V.E->isConst()))
      top().Return = V;
    return;
  }
  statement(Body);
}

void Lowerer::statement(script::Node S) {
  Nest Guard(*this);
  if (Guard.pastLimit()) {
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
    noteReturn(V);
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
    script::Node Cond = script::field(S, "condition");
    script::NodeList Body;
    for (script::Node K : namedKids(S)) {
      if (typeOf(K) == "variable_declaration") {
        declare(K);
      } else if (isStatement(typeOf(K))) {
        Body.push_back(K);
      } else if (script::startByte(K) != script::startByte(Cond)) {
        // An initializer or update expression. What the update steps
        // (`i++`) holds no one value in the body.
        lower(K);
        forgetStepped(K, "identifier");
      }
    }
    for (script::Node K : Body)
      statement(K);
    conditionGuard(Cond);
    scanGuards(Cond);
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
    script::Node Value = script::field(S, "value");
    switchGuard(S, Value, Secs, /*Expression=*/false);
    ExprPtr Switched; // lowered once, for the sections that name it
    for (script::Node Sec : Secs)
      for (script::Node K : namedKids(Sec)) {
        llvm::StringRef KT = typeOf(K);
        if (isStatement(KT))
          statement(K);
        else if (KT == "when_clause")
          scanGuards(K);
        else if (KT == "declaration_pattern" || KT == "var_pattern")
          // `case int b when RollupFloor.TryGetValue(b.ToString(), ...)`:
          // b is the value switched on, in the section and its `when`.
          pattern(K, Switched ? Switched : (Switched = lower(Value).expr()), 1,
                  nullptr);
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

bool Lowerer::classHoldsWindowsVersion(script::Node N) {
  script::Node C = N;
  while (!script::isNull(C) && typeOf(C) != "class_declaration")
    C = script::parent(C);
  if (script::isNull(C))
    return false;
  auto [It, New] = WindowsVersionClasses.try_emplace(script::startByte(C));
  if (!New)
    return It->second;
  const core::ProfileSet &PS = core::builtinProfiles();
  auto Windows = [&](llvm::ArrayRef<int64_t> V) {
    return V.size() >= 3 && PS.isWindowsVersion(V[0], V[1], V[2]);
  };
  bool Found = false;
  script::walk(C, [&](script::Node K) {
    if (Found)
      return false;
    llvm::StringRef KT = typeOf(K);
    if (KT == "object_creation_expression") {
      llvm::StringRef Ty = text(script::field(K, "type"));
      if (Ty != "Version" && Ty != "System.Version")
        return true;
      llvm::SmallVector<int64_t, 4> Parts;
      for (script::Node A : namedKids(script::field(K, "arguments"))) {
        int64_t V;
        if (text(A).trim().getAsInteger(10, V))
          return true;
        Parts.push_back(V);
      }
      Found = Windows(Parts);
    } else if (KT == "string_literal_content") {
      llvm::SmallVector<llvm::StringRef, 4> F;
      text(K).split(F, '.');
      llvm::SmallVector<int64_t, 4> Parts;
      for (llvm::StringRef P : F) {
        int64_t V;
        if (P.getAsInteger(10, V))
          break;
        Parts.push_back(V);
      }
      Found = Parts.size() == F.size() && Windows(Parts);
    }
    return !Found;
  });
  It->second = Found;
  return Found;
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
  F.Ctor = T == "constructor_declaration" && !Class.empty();
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
    // `Version os`, `Version osVersion`: a System.Version that its name
    // says is the OS's, as Environment.OSVersion.Version is.
    llvm::StringRef PT = text(script::field(P, "type"));
    bool IsVersion = PT == "Version" || PT == "System.Version";
    if (IsVersion && (llvm::StringRef(PN).equals_insensitive("os") ||
                      core::quantityNamed(PN) == core::Quantity::Version))
      Named = unary(Op::VersionOf,
                    core::quantity(core::Quantity::DotNetVersion,
                                   "inferred from the parameter `" + PN + "`",
                                   /*Inferred=*/true));
    // `this Version v` of a class that compares with Windows versions.
    else if (IsVersion && Fn.Extension && I == 0 &&
             classHoldsWindowsVersion(Def))
      Named = unary(
          Op::VersionOf,
          core::quantity(core::Quantity::DotNetVersion,
                         "inferred from the Windows versions the class of `" +
                             Name + "` compares with",
                         /*Inferred=*/true));
    top().Vars[PN] = Val::of(param(I, Named));
    if (auto Obj = typedInstance(script::field(P, "type"))) {
      top().Vars[PN] = *Obj;
      ++I;
      continue;
    }
    // What its callers pass, if that is a version value.
    if (ExprPtr A = callerArgument(Key, I, Def); A && !ByRef)
      top().Vars[PN] = Val::of(A);
    ++I;
  }
  top().Arity = Fn.Params.size();
  if (T == "constructor_declaration" && !Class.empty())
    constructorStores(Def, Fn);
  script::Node Body = script::field(Def, "body");
  if (!script::isNull(Body))
    walkBody(Body);
  Fn.Return = top().Return;
  for (size_t P = 0; P < Fn.Params.size(); ++P) {
    if (!Fn.ByRef[P])
      continue;
    auto It = top().Vars.find(Fn.Params[P]);
    if (It != top().Vars.end() && It->second.carries() &&
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
      if (T == "interface_declaration")
        Interfaces.insert(Name);
      for (script::Node K : namedKids(D)) {
        if (typeOf(K) == "modifier" && text(K) == "partial")
          Partial.insert(Name);
        // `class RegistryOsVersionProvider : IOsVersionProvider`.
        if (typeOf(K) == "base_list" && T != "interface_declaration")
          for (script::Node B : namedKids(K)) {
            llvm::StringRef BN = text(B);
            if (typeOf(B) == "qualified_name")
              BN = BN.rsplit('.').second;
            if (typeOf(B) == "identifier" || typeOf(B) == "qualified_name")
              Implementers[BN.str()].insert(Name);
          }
        // `record OsSnapshot(int Major, int Minor, int Build)`.
        if (typeOf(K) == "parameter_list" && T == "record_declaration") {
          std::vector<std::string> Params;
          for (script::Node P : namedKids(K))
            if (typeOf(P) == "parameter")
              Params.push_back(text(script::field(P, "name")).str());
          size_t N = Params.size();
          Positional[{Name, N}] = std::move(Params);
        }
      }
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
        if (!X.E || X.E->Kind != Op::IntConst) {
          X = Val::of(unknown());
        } else {
          Next = X.E->Int + 1;
          // A fix writes another value of this type as `(WinBuild)6003`.
          auto C = clone(*X.E);
          C->Flags |= core::FlagEnumMember;
          C->Str = Name;
          X = Val::of(C);
        }
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
          if (It == Members.end() || V.carries())
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
          if (X.carries())
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
      for (const std::string &K : {Class + "." + Name, Name})
        if (R)
          Members[K] = *R;
        else // an auto-property: a constructor's `Build = ...` stores it
          Members.try_emplace(K, Val());
    } else if (T == "method_declaration" || T == "constructor_declaration" ||
               T == "local_function_statement" || T == "operator_declaration") {
      defineMethod(D, Class);
    } else if (T == "global_statement") {
      statement(D);
    }
  }
}

void lowerFile(llvm::StringRef Path, const script::DecodedText &Text,
               const FrontendOptions &Opts, std::vector<Guard> &Guards,
               std::vector<Diagnostic> &Diags, std::vector<std::string> *Deps) {
  script::lowerTree<Lowerer>(tree_sitter_c_sharp(), Path, Text, Text.Utf8, Opts,
                             Guards, Diags, [&](Lowerer &L) { L.Deps = Deps; });
}

} // namespace verguard::csharp
