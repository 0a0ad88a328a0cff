//===- PowerShellFrontend.cpp - parse, walk statements, lower guards -----===//
//
// Two passes over the tree, both iterative: the first learns what variables
// and functions hold (so that a function can read a script variable assigned
// after its definition), the second emits the guards.
//
//===----------------------------------------------------------------------===//
#include "powershell/PowerShellFrontend.h"

#include "core/Deadline.h"
#include "core/Flow.h"
#include "core/SourceTable.h"

#include "powershell/Lowerer.h"
#include "script/Lowerer.h"
#include "script/ParsePlan.h"
#include "script/Spelling.h"

#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringExtras.h"

extern "C" const TSLanguage *tree_sitter_powershell(void);

using namespace verguard::core;

namespace verguard::powershell {

namespace {

bool isPredicateMethod(llvm::StringRef M) {
  return M.equals_insensitive("StartsWith") ||
         M.equals_insensitive("EndsWith") || M.equals_insensitive("Contains") ||
         M.equals_insensitive("Equals") || M.equals_insensitive("ContainsKey");
}

} // namespace

Lowerer::Lowerer(llvm::StringRef Path, const script::DecodedText &Text,
                 const FrontendOptions &Opts, std::vector<Guard> &Guards,
                 std::vector<Diagnostic> &Diags)
    : GuardSink(Guards, Dialect::PowerShell), Path(Path), Text(Text),
      Src(Text.Utf8), Opts(Opts), Diags(Diags) {}

SourceSpan Lowerer::span(script::Node N) const {
  return script::Speller(Path, Text).span(N);
}
SourceSpan Lowerer::span(uint32_t B, uint32_t E) const {
  return script::Speller(Path, Text).span(B, E);
}
Spelling Lowerer::spell(script::Node N) const {
  return script::Speller(Path, Text).spell(N);
}
Spelling Lowerer::spell(uint32_t B, uint32_t E) const {
  return script::Speller(Path, Text).spell(B, E);
}

std::string Lowerer::normalize(llvm::StringRef S) {
  return script::normalizeSpace(S);
}

bool Lowerer::isBranchBlock(llvm::StringRef P) {
  return P == "if_statement" || P == "elseif_clause" || P == "else_clause" ||
         P == "switch_clause" || P == "catch_clause" || P == "try_statement" ||
         P == "finally_clause" || P == "while_statement" ||
         P == "for_statement" || P == "foreach_statement" || P == "ERROR";
}

void Lowerer::recordOutput(const Val &V) {
  for (auto F = Frames.rbegin(); F != Frames.rend(); ++F)
    if (F->K == Frame::Func) {
      if (!F->Output && (V.isObject() || (V.E && dependsOnVersion(*V.E))))
        F->Output = V;
      // A record a function outputs keeps only its version fields: its
      // literal is the function's, read where the function's locals are.
      if (F->Output && F->Output->Obj == ObjKind::Hashtable) {
        if (F->Output->Fields.empty())
          F->Output.reset();
        else
          F->Output->Hash = {};
      }
      return;
    }
}

void Lowerer::bindParams(script::Node ParamList) {
  // A function's parameters, in order: a call binds them by name or
  // position (see command()).
  Frame &Fr = Frames.back();
  std::vector<std::string> *Order =
      Fr.K == Frame::Func && !Fr.Function.empty()
          ? &FunctionParams[llvm::StringRef(Fr.Function).lower()]
          : nullptr;
  for (script::Node P : namedKids(ParamList)) {
    if (typeOf(P) == "parameter_list") {
      bindParams(P);
      continue;
    }
    if (typeOf(P) != "script_parameter")
      continue;
    script::Node Var{}, Default{};
    std::string Type;
    bool Pipeline = false;
    for (script::Node K : namedKids(P)) {
      llvm::StringRef T = typeOf(K);
      if (T == "variable")
        Var = K;
      else if (T == "script_parameter_default")
        Default = K;
      else if (T == "attribute_list")
        for (script::Node A : namedKids(K)) {
          llvm::StringRef AT = text(A).trim("[] ");
          if (!AT.contains('('))
            Type = AT.lower();
          else if (AT.contains_insensitive("ValueFromPipeline") && Order)
            Pipeline = true;
        }
    }
    if (script::isNull(Var))
      continue;
    std::string Name = varName(text(Var));
    if (Pipeline)
      PipelineParams[llvm::StringRef(Fr.Function).lower()] = Name;
    int64_t Index = -1;
    if (Order) {
      // Each pass binds the parameters again: keep the first pass's order.
      auto At = std::find(Order->begin(), Order->end(), Name);
      Index = At - Order->begin();
      if (At == Order->end())
        Order->push_back(Name);
    }
    Val V;
    if (!script::isNull(Default)) {
      auto Kids = namedKids(Default);
      if (!Kids.empty())
        V = lower(Kids.back());
    } else if (auto Q = inferFromName(Name)) {
      // Unbound, what the name says; at a call, the argument.
      V = Val::of(Index >= 0 ? core::param(Index, *Q) : *Q);
      V.Inferred = true;
    } else if (Index >= 0) {
      V = Val::of(core::param(Index));
    } else {
      continue;
    }
    if (Type == "ref") {
      if (Index >= 0)
        Frames.back().RefParams[Name] = Index;
      continue;
    }
    // What its callers pass, if that is a version value.
    std::string Fn = llvm::StringRef(Fr.Function).lower();
    auto Node = FunctionNodes.find(Fn);
    if (Index >= 0 && script::isNull(Default) && Node != FunctionNodes.end()) {
      if (ExprPtr A = Callers.bound(Fn, size_t(Index)))
        V = Val::of(core::keepSpellingsWithin(A, span(Node->second)));
      // `Test-Summary -Summary $s` with `$s = [pscustomobject]@{ Build =
      // $os.BuildNumber }` at every call: the record, fields and all.
      else if (auto R = CallerRecords.find({Fn, size_t(Index)});
               R != CallerRecords.end() && R->second)
        V = Val::spelledWithin(*R->second, span(Node->second));
    }
    if (!Type.empty())
      V = castTo(Type, V);
    Frames.back().Vars[Name] = V;
  }
}

void Lowerer::bindMethodParams(script::Node List, script::Node Method) {
  // `HostBuild([version]$v)`: what every `[HostBuild]::new(...)` passes, if
  // that is a version value (noteConstruction).
  const std::string &Fn = Frames.back().Function;
  size_t Index = 0;
  for (script::Node P : namedKids(List)) {
    if (typeOf(P) != "class_method_parameter")
      continue;
    script::Node Var{};
    std::string Type;
    for (script::Node K : namedKids(P))
      if (typeOf(K) == "variable")
        Var = K;
      else if (typeOf(K) == "type_literal")
        Type = text(K).trim("[] ").lower();
    size_t I = Index++;
    if (script::isNull(Var))
      continue;
    ExprPtr A = Callers.bound(Fn, I);
    if (!A)
      continue;
    Val V = Val::of(core::keepSpellingsWithin(A, span(Method)));
    Frames.back().Vars[varName(text(Var))] = Type.empty() ? V : castTo(Type, V);
  }
}

void Lowerer::noteConstruction(llvm::StringRef Class,
                               const std::vector<ExprPtr> &Args) {
  if (!Inlining.empty())
    return;
  std::string C = Class.trim("[] ").lower();
  for (size_t I = 0; I < Args.size(); ++I)
    Callers.note(C + "." + C, I, Args[I]);
}

Val Lowerer::loopOutput(script::Node Loop) {
  // The body's statements that output (not assignments), also inside a
  // `try`: the first that is an object or a version value, read again
  // after the body's walk (its variables hold the last pass's values), so
  // without reporting or learning anything a second time.
  bool SavedEmit = Emit;
  Emit = false;
  Inlining.push_back("");
  auto Restore = llvm::make_scope_exit([&] {
    Inlining.pop_back();
    Emit = SavedEmit;
  });
  std::vector<script::Node> Blocks;
  for (script::Node K : namedKids(Loop))
    if (typeOf(K) == "statement_block")
      Blocks.push_back(K);
  for (size_t I = 0; I < Blocks.size() && I < 8; ++I)
    for (script::Node List : namedKids(Blocks[I]))
      for (script::Node S : namedKids(List)) {
        llvm::StringRef T = typeOf(S);
        if (T == "try_statement") {
          for (script::Node B : namedKids(S))
            if (typeOf(B) == "statement_block")
              Blocks.push_back(B);
          continue;
        }
        if (T != "pipeline")
          continue;
        auto Kids = namedKids(S);
        if (Kids.empty() || typeOf(Kids[0]) == "assignment_expression")
          continue;
        Val V = lower(S);
        if (V.isObject() || (V.E && dependsOnVersion(*V.E))) {
          V.EachItem = true;
          return V;
        }
      }
  return {};
}

void Lowerer::assignment(script::Node N) {
  script::Node Left = script::namedChild(N, 0);
  script::Node OpN{};
  for (script::Node K : namedKids(N))
    if (typeOf(K) == "assignement_operator")
      OpN = K;
  script::Node Value = script::field(N, "value");
  script::Node L = unwrap(Left);
  std::string Cast;
  if (typeOf(L) == "cast_expression") {
    Cast = text(script::child(L, 0)).trim("[] ").lower();
    L = unwrap(script::child(L, script::childCount(L) - 1));
  }
  if (typeOf(L) == "member_access" && script::childCount(L) == 3 &&
      text(script::child(L, 2)).trim().equals_insensitive("value") &&
      !script::isNull(OpN) && text(OpN).trim() == "=") {
    // `$Out.Value = ...` through a [ref] parameter of this function.
    script::Node Obj = unwrap(script::child(L, 0));
    auto Fn = std::find_if(Frames.rbegin(), Frames.rend(),
                           [](const Frame &F) { return F.K == Frame::Func; });
    if (Fn == Frames.rend() || typeOf(Obj) != "variable")
      return;
    Frame &Fr = *Fn;
    auto R = Fr.RefParams.find(varName(text(Obj)));
    if (R != Fr.RefParams.end()) {
      Val V = lower(Value);
      if (V.isObject() || (V.E && dependsOnVersion(*V.E)))
        RefOutputs[llvm::StringRef(Fr.Function).lower()].emplace(R->second, V);
    }
    return;
  }
  if (typeOf(L) == "array_literal_expression" && !script::isNull(OpN) &&
      text(OpN).trim() == "=") {
    multipleAssignment(L, Value);
    return;
  }
  // `$this.Build = $v.Build`, `$report.Build = ...`: a field.
  if (typeOf(L) == "member_access" && script::childCount(L) == 3 &&
      !script::isNull(OpN) && text(OpN).trim() == "=" &&
      typeOf(unwrap(script::child(L, 0))) == "variable" &&
      text(script::child(L, 1)) == ".") {
    llvm::StringRef Obj = text(unwrap(script::child(L, 0)));
    Val V = lower(Value);
    if (!Cast.empty())
      V = castTo(Cast, V);
    setField(varName(Obj), varScope(Obj), text(script::child(L, 2)).trim(), V);
    return;
  }
  if (typeOf(L) != "variable")
    return;
  std::string Name = varName(text(L)), Scope = varScope(text(L));
  Val V;
  if (!script::isNull(OpN) && text(OpN).trim() == "=") {
    CommandTests.clear();
    if (typeOf(unwrap(Value)) == "foreach_statement") {
      // What the loop outputs is known once its body is walked (leave()).
      PendingLoops[script::startByte(unwrap(Value))] = {Name, Scope};
      bind(Name, Scope, Val(), BranchDepth > 0);
      return;
    }
    V = lower(Value);
    if (!Cast.empty())
      V = castTo(Cast, V);
    // `$hit = ver | Select-String ...`: a test with no operator of its own
    // is a guard where it is assigned; the variable is then opaque, so the
    // test is not reported again where it is used.
    if (V.E && CommandTests.count(V.E)) {
      conditionGuardExpr(V.E, Value);
      V = Val();
    } else if (V.MatchTest) {
      conditionGuardExpr(V.MatchTest, Value);
      V.MatchTest = nullptr;
    }
  } else if (!script::isNull(Value)) {
    // `$plan += (Test-Sp2 -Text $os.Version)`: the variable's value is not
    // followed, but the calls on the right are (what they pass is noted).
    lower(Value);
  }
  if (!script::isNull(Value)) {
    // `$here = Split-Path -Parent $MyInvocation.MyCommand.Path`.
    std::string W = llvm::StringRef(normalize(text(Value))).lower();
    for (llvm::StringRef P : {"(", ")"})
      while (W.find(P.str()) != std::string::npos)
        W.erase(W.find(P.str()), 1);
    llvm::StringRef R = llvm::StringRef(W).trim();
    bool Root = R == "$psscriptroot";
    if (R.consume_front("split-path")) {
      R = R.trim();
      bool Parent = R.consume_front("-parent ") || R.consume_back(" -parent");
      R = R.trim();
      Root =
          (Parent || R == "$pscommandpath") &&
          (R == "$myinvocation.mycommand.path" ||
           R == "$myinvocation.mycommand.definition" || R == "$pscommandpath");
    }
    if (Root)
      ScriptRootVars.insert(Name);
  }
  bind(Name, Scope, V, BranchDepth > 0);
}

void Lowerer::multipleAssignment(script::Node Targets, script::Node Value) {
  // `$maj, $min, $bld = $v.Split('.')`: each variable one element, the last
  // one the rest (a list, unless exactly one element is left).
  std::vector<script::Node> Vars;
  for (script::Node K : namedKids(Targets)) {
    script::Node U = unwrap(K);
    if (typeOf(U) != "variable")
      return;
    Vars.push_back(U);
  }
  Val V = lower(Value);
  ExprPtr E = V.E;
  std::optional<unsigned> Parts;
  if (E && E->Kind == Op::Split && E->Kids.size() == 2 &&
      E->Kids[0]->Kind == Op::Quantity)
    Parts = dottedParts(E->Kids[0]->Q);
  for (size_t I = 0; I < Vars.size(); ++I) {
    bool Last = I + 1 == Vars.size();
    Val Item;
    if (V.IsList && I < V.Items.size() &&
        (!Last || V.Items.size() == Vars.size()))
      Item = Val::of(V.Items[I]);
    else if (E && (!Last || (Parts && *Parts == Vars.size())))
      if (ExprPtr P = versionComponent(*E, int64_t(I)))
        Item = Val::of(P);
    bind(varName(text(Vars[I])), varScope(text(Vars[I])), Item,
         BranchDepth > 0);
  }
}

bool Lowerer::enter(script::Node N) {
  llvm::StringRef T = typeOf(N);
  uint32_t Start = script::startByte(N);
  auto PushBlock = [&](const Val &Input) {
    Frame F;
    F.K = Frame::Block;
    F.Vars["_"] = oneItem(Input);
    Frames.push_back(std::move(F));
    PushedFrames.push_back({Start, script::endByte(N)});
  };
  if (T == "function_statement") {
    Frame F;
    F.K = Frame::Func;
    for (script::Node K : namedKids(N))
      if (typeOf(K) == "function_name")
        F.Function = text(K).trim().str();
    FunctionNodes.emplace(llvm::StringRef(F.Function).lower(), N);
    Frames.push_back(std::move(F));
    PushedFrames.push_back({Start, script::endByte(N)});
    for (script::Node K : namedKids(N))
      if (typeOf(K) == "function_parameter_declaration")
        bindParams(K);
    return true;
  }
  if (T == "class_statement") {
    for (script::Node K : namedKids(N))
      if (typeOf(K) == "simple_name") {
        CurrentClass = text(K).trim().lower();
        ClassFields[CurrentClass];
        break;
      }
    return true;
  }
  if (T == "class_property_definition") {
    // `[int]$Build = [Environment]::OSVersion.Version.Build`: a default.
    script::Node Var{}, Default{};
    for (script::Node K : namedKids(N)) {
      if (typeOf(K) == "variable")
        Var = K;
      else if (!script::isNull(Var) && typeOf(K) != "attribute" &&
               typeOf(K) != "class_attribute")
        Default = K;
    }
    if (!script::isNull(Var) && !script::isNull(Default) &&
        !CurrentClass.empty())
      setField("this", "", varName(text(Var)), lower(Default));
    return false;
  }
  if (T == "class_method_definition") {
    Frame F;
    F.K = Frame::Func;
    for (script::Node K : namedKids(N))
      if (typeOf(K) == "simple_name")
        F.Function = CurrentClass + "." + text(K).trim().lower();
    Frames.push_back(std::move(F));
    PushedFrames.push_back({Start, script::endByte(N)});
    for (script::Node K : namedKids(N))
      if (typeOf(K) == "class_method_parameter_list")
        bindMethodParams(K, N);
    return true;
  }
  if (T == "function_parameter_declaration")
    return false;
  if (T == "param_block") {
    bindParams(N);
    return false;
  }
  if (T == "statement_block") {
    if (isBranchBlock(Parent))
      ++BranchDepth;
    auto It = BlockInputs.find(Start);
    if (It != BlockInputs.end())
      PushBlock(It->second);
    return true;
  }
  if (T == "script_block_expression") {
    auto It = BlockInputs.find(Start);
    if (It != BlockInputs.end())
      PushBlock(It->second);
    return true;
  }
  if (T == "assignment_expression") {
    assignment(N);
    return true;
  }
  if (T == "for_iterator") {
    // What the iterator steps (`$i++`) holds no one value in the body
    // (walked after it), not its first.
    for (script::Node X : script::steppedNames(N, "variable"))
      bind(varName(text(X)), varScope(text(X)), Val(), false);
    return true;
  }
  if (T == "if_statement" || T == "elseif_clause" || T == "while_statement" ||
      T == "do_statement") {
    conditionGuard(script::field(N, "condition"), script::Node{});
    return true;
  }
  if (T == "for_statement") {
    script::Node C = script::field(N, "for_condition");
    if (!script::isNull(C))
      conditionGuard(C, script::Node{});
    return true;
  }
  if (T == "switch_statement") {
    switchGuard(N);
    return true;
  }
  if (T == "foreach_statement") {
    script::Node Var{}, Pipe{};
    for (script::Node K : namedKids(N)) {
      if (typeOf(K) == "variable" && script::isNull(Var))
        Var = K;
      else if (typeOf(K) == "pipeline")
        Pipe = K;
    }
    if (!script::isNull(Var) && !script::isNull(Pipe)) {
      Val V = lower(Pipe);
      if (V.EachItem)
        V = oneItem(std::move(V));
      else if (V.IsList)
        V = Val();
      // `foreach ($line in (& systeminfo.exe))`: a line of the output.
      if (V.E && !V.isObject() && readsCommandOutput(*V.E))
        V.LineOf = true;
      bind(varName(text(Var)), varScope(text(Var)), V, true);
    }
    return true;
  }
  if (T == "flow_control_statement") {
    if (text(N).trim().lower().rfind("return", 0) == 0)
      for (script::Node K : namedKids(N))
        if (typeOf(K) == "pipeline")
          recordOutput(lower(K));
    return true;
  }
  if (T == "pipeline") {
    if (Parent == "statement_list" && !covered(N)) {
      auto Kids = namedKids(N);
      if (!Kids.empty() && typeOf(Kids[0]) != "assignment_expression")
        recordOutput(lower(N));
    }
    return true;
  }
  if ((T == "comparison_expression" || T == "logical_expression") &&
      script::childCount(N) == 3 && !covered(N)) {
    Val V = lower(N);
    if (V.E && isBoolean(*V.E))
      conditionGuardExpr(V.E, N);
    cover(N);
    return true;
  }
  if (T == "invokation_expression" && !covered(N)) {
    script::Node Name{};
    for (script::Node K : namedKids(N))
      if (typeOf(K) == "member_name")
        Name = K;
    if (!script::isNull(Name) && isPredicateMethod(text(Name))) {
      Val V = lower(N);
      if (V.E && isBoolean(*V.E))
        conditionGuardExpr(V.E, N);
      cover(N);
    }
    return true;
  }
  if (T == "element_access" && !covered(N)) {
    lower(N);
    return true;
  }
  return true;
}

void Lowerer::leave(script::Node N) {
  llvm::StringRef T = typeOf(N);
  uint32_t Start = script::startByte(N), End = script::endByte(N);
  if (T == "foreach_statement")
    if (auto P = PendingLoops.find(Start); P != PendingLoops.end()) {
      auto [Name, Scope] = P->second;
      PendingLoops.erase(P);
      bind(Name, Scope, loopOutput(N), BranchDepth > 0);
    }
  if (T == "class_statement")
    CurrentClass.clear();
  if (T == "statement_block" && isBranchBlock(Parent))
    --BranchDepth;
  if (!PushedFrames.empty() && PushedFrames.back().first == Start &&
      PushedFrames.back().second == End &&
      (T == "function_statement" || T == "statement_block" ||
       T == "script_block_expression" || T == "class_method_definition")) {
    PushedFrames.pop_back();
    Frame F = std::move(Frames.back());
    Frames.pop_back();
    if (T == "class_method_definition")
      return; // a method is called on an object, not by name
    if (F.K == Frame::Func && !F.Function.empty())
      Functions[llvm::StringRef(F.Function).lower()] =
          F.Output ? outOfFrame(*F.Output, F) : Val();
  }
}

void Lowerer::walk(script::Node Root) {
  // enter() declines the children of the same node types in both passes:
  // the second pass replays the steps the first one recorded, rather than
  // moving a cursor through every token again.
  if (!Steps.empty()) {
    const script::FlatTree &T = *Root.T;
    for (const Step &S : Steps) {
      if (core::deadlinePassed())
        break;
      Parent = S.Parent == script::FlatTree::None ? llvm::StringRef()
                                                  : T.rec(S.Parent).Type;
      if (S.Leave)
        leave(script::Node{&T, S.N});
      else
        enter(script::Node{&T, S.N});
    }
    return;
  }
  if (script::isNull(Root))
    return;
  const script::FlatTree &T = *Root.T;
  // The nodes entered whose children are being walked (ts_node_parent would
  // cost the depth of the tree): Parent is the last one's type.
  std::vector<uint32_t> Open;
  auto ParentType = [&] {
    return Open.empty() ? llvm::StringRef() : T.rec(Open.back()).Type;
  };
  auto ParentIndex = [&] {
    return Open.empty() ? script::FlatTree::None : Open.back();
  };
  // A step for entering and one for leaving each named node.
  Steps.reserve(2 * T.size());
  auto Enter = [&](script::Node N) {
    Steps.push_back({N.I, ParentIndex(), false});
    return enter(N);
  };
  auto Leave = [&](script::Node N) {
    Steps.push_back({N.I, ParentIndex(), true});
    leave(N);
  };
  uint32_t I = Root.I;
  while (!core::deadlinePassed()) {
    script::Node N{&T, I};
    Parent = ParentType();
    bool Named = script::isNamed(N);
    if (Named && Enter(N) && T.rec(I).FirstChild != script::FlatTree::None) {
      Open.push_back(I);
      I = T.rec(I).FirstChild;
      continue;
    }
    if (Named)
      Leave(N);
    bool Done = false;
    while (I == Root.I || T.rec(I).NextSibling == script::FlatTree::None) {
      if (Open.empty()) {
        Done = true;
        break;
      }
      I = Open.back();
      Open.pop_back();
      Parent = ParentType();
      Leave(script::Node{&T, I});
    }
    if (Done)
      break;
    I = T.rec(I).NextSibling;
  }
}

Val Lowerer::outOfFrame(Val V, const Frame &F) {
  // A build spelled with the function's own variables (`$vi.FileBuildPart`
  // beside `return $vi.FilePrivatePart`) cannot be written by its callers.
  auto Local = [&](const std::string &Text) {
    llvm::StringRef T = Text;
    for (size_t I = T.find('$'); I != llvm::StringRef::npos;
         I = T.find('$', I + 1)) {
      llvm::StringRef Name = T.drop_front(I + 1).take_while(
          [](char C) { return llvm::isAlnum(C) || C == '_'; });
      if (!Name.empty() && F.Vars.count(Name.lower()))
        return true;
    }
    return false;
  };
  if (V.E)
    V.E = core::dropSiblings(V.E, Local);
  for (ExprPtr &X : V.Items)
    if (X)
      X = core::dropSiblings(X, Local);
  for (auto &[K, X] : V.Fields)
    if (X)
      X = core::dropSiblings(X, Local);
  return V;
}

void Lowerer::resetWalk() {
  Frames.clear();
  Frames.push_back(Frame());
  Covered.clear();
  BlockInputs.clear();
  Tables.clear();
  PushedFrames.clear();
  PendingLoops.clear();
  BranchDepth = 0;
}

void Lowerer::run(script::Node Root) {
  resetWalk();
  Emit = false;
  walk(Root);
  FinalScript = Frames.front().Vars;
  resetWalk();
  Emit = true;
  walk(Root);
  pendingTables();
  emitSiblingEvidence();
}

namespace {
/// True if the script is whitespace, `#` line comments and `<# #>` blocks.
bool onlyComments(llvm::StringRef S) {
  while (true) {
    S = S.ltrim();
    if (S.empty())
      return true;
    if (S.consume_front("<#")) {
      size_t E = S.find("#>");
      if (E == llvm::StringRef::npos)
        return true;
      S = S.drop_front(E + 2);
    } else if (S.starts_with("#")) {
      S = S.drop_until([](char C) { return C == '\n'; });
    } else {
      return false;
    }
  }
}
} // namespace

std::optional<std::string> parseableText(llvm::StringRef S) {
  std::optional<std::string> Out;
  auto WordStart = [](char C) {
    return llvm::isAlpha(C) || C == '_' || C == '*';
  };
  auto WordChar = [](char C) {
    return llvm::isAlnum(C) || C == '_' || C == '-' || C == '.' || C == '*' ||
           C == '?';
  };
  auto Blank = [](char C) { return C == ' ' || C == '\t'; };
  size_t N = S.size(), LineStart = 0;
  int Brackets = 0; // inside [...]: type names (`[Dictionary[string, int]]`)
  int Parens = 0;   // inside (...), across lines
  size_t ContinuedLine = llvm::StringRef::npos; // a line a list went on to
  for (size_t I = 0; I < N; ++I) {
    char C = S[I];
    if (C == '\n') {
      LineStart = I + 1;
      Brackets = 0;
    } else if (C == '#') {
      while (I + 1 < N && S[I + 1] != '\n')
        ++I;
    } else if (C == '<' && I + 1 < N && S[I + 1] == '#') {
      size_t E = S.find("#>", I + 2);
      I = E == llvm::StringRef::npos ? N : E + 1;
    } else if (C == '@' && I + 1 < N && (S[I + 1] == '"' || S[I + 1] == '\'')) {
      // A here-string runs to its quote and @ at the start of a line.
      std::string End = std::string("\n") + S[I + 1] + "@";
      size_t E = S.find(End, I + 2);
      I = E == llvm::StringRef::npos ? N : E + 2;
    } else if (C == '\'' || C == '"') {
      for (++I; I < N; ++I) {
        if (C == '"' && S[I] == '`') {
          ++I;
          continue;
        }
        if (S[I] == C) {
          if (I + 1 < N && S[I + 1] == C) { // '' or "" inside
            ++I;
            continue;
          }
          break;
        }
      }
    } else if (C == '$' && I > LineStart && Blank(S[I - 1]) && I + 1 < N &&
               (llvm::isAlpha(S[I + 1]) || S[I + 1] == '_')) {
      // `Import-Module $PSScriptRoot\OsBuild.psm1`: a command argument of a
      // variable and a path, which the grammar does not accept; `\` is no
      // operator, so this is one, read as a bare word (`.PSScriptRoot\...`;
      // Lowerer::importScript reads the variable back).
      size_t E = I + 1;
      while (E < N && (llvm::isAlnum(S[E]) || S[E] == '_'))
        ++E;
      if (E + 1 < N && S[E] == '\\' && WordChar(S[E + 1])) {
        if (!Out)
          Out = S.str();
        (*Out)[I] = '.';
      }
      I = E - 1;
    } else if (C == '[') {
      ++Brackets;
    } else if (C == ']') {
      Brackets = std::max(0, Brackets - 1);
    } else if (C == '(') {
      ++Parens;
    } else if (C == ')') {
      Parens = std::max(0, Parens - 1);
    } else if (C == ',' && Brackets == 0) {
      size_t P = I;
      while (P > LineStart && Blank(S[P - 1]))
        --P;
      size_t WordEnd = P;
      while (P > LineStart && WordChar(S[P - 1]))
        --P;
      size_t Next = I + 1;
      while (Next < N && Blank(S[Next]))
        ++Next;
      // A comma at the end of a line continues the list on the next one
      // (`Select-Object Caption, Version,` then `@{ ... }`), which the
      // grammar does not accept: the line break becomes blanks.
      size_t Break = Next;
      while (Next < N && (S[Next] == '\r' || S[Next] == '\n' || Blank(S[Next])))
        ++Next;
      bool Word = WordEnd > P && WordStart(S[P]) && P > LineStart &&
                  (Blank(S[P - 1]) || S[P - 1] == ',');
      // `@{ n = 'Os'; e = 'BuildNumber' }, CSDVersion`: a bare word after a
      // calculated property or a quoted name is a list item too.
      bool AfterItem =
          WordEnd == P && P > LineStart &&
          (S[P - 1] == '}' || S[P - 1] == '\'' || S[P - 1] == '"') &&
          Next < N && WordStart(S[Next]);
      // `ErrorMessage = '...'` on the next line of an attribute's arguments
      // (in parentheses) is a named argument, not a list item; a command's
      // `a,resets=0` is a list of bare words.
      size_t After = Next;
      while (After < N && WordChar(S[After]))
        ++After;
      while (After < N && Blank(S[After]))
        ++After;
      bool Named = Parens > 0 && After < N && S[After] == '=' &&
                   (After + 1 >= N || S[After + 1] != '=');
      Word = (Word || AfterItem) && !Named;
      // `class C : Base, IDisposable` lists types.
      llvm::StringRef Line = S.slice(LineStart, I).ltrim();
      // The next item: a bare word, a calculated property (`@{ ... }`) or
      // a quoted name.
      bool NextItem =
          Next < N &&
          (WordStart(S[Next]) || S[Next] == '\'' || S[Next] == '"' ||
           (S[Next] == '@' && Next + 1 < N && S[Next + 1] == '{'));
      // Only a bare-word list (and the lines it goes on to) is joined: not
      // inside parentheses, where an attribute's or an array's arguments
      // span lines as the grammar expects, nor an expression's list of
      // hashtables.
      size_t Continues = S.slice(Break, Next).rfind('\n');
      bool Joined = Continues != llvm::StringRef::npos && Parens == 0 &&
                    NextItem && (Word || LineStart == ContinuedLine);
      if (Joined) {
        if (!Out)
          Out = S.str();
        for (size_t J = Break; J < Next; ++J)
          if (S[J] == '\r' || S[J] == '\n')
            (*Out)[J] = ' ';
        ContinuedLine = Break + Continues + 1;
      }
      if (!NextItem || (Continues != llvm::StringRef::npos && !Joined))
        continue;
      if (Word && !Line.starts_with_insensitive("class ")) {
        if (!Out)
          Out = S.str();
        (*Out)[I] = ' ';
      }
    }
  }
  return Out;
}

void lowerFile(llvm::StringRef Path, const script::DecodedText &Text,
               const FrontendOptions &Opts, std::vector<Guard> &Guards,
               std::vector<Diagnostic> &Diags, std::vector<std::string> *Deps) {
  // The grammar reports a script without statements as an error: an empty
  // or comment-only file has nothing to analyze.
  if (onlyComments(Text.Utf8))
    return;
  // The functions no finding can depend on are left unparsed
  // (script/ParsePlan.h).
  std::optional<std::string> Parseable = parseableText(Text.Utf8);
  llvm::StringRef Parsed = Parseable ? llvm::StringRef(*Parseable) : Text.Utf8;
  script::ParsePlan Plan =
      script::planParse(Parsed, script::PlanDialect::PowerShell, Opts.Triggers);
  script::TreePtr Tree =
      script::parsePlanned(tree_sitter_powershell(), Parsed, Plan,
                           Opts.TimeoutMs ? Opts.TimeoutMs * 1000 : 0);
  if (!Tree) {
    script::noteParseTrouble(Diags, Path, Text, nullptr);
    return;
  }
  script::FlatTree Flat(ts_tree_root_node(Tree.get()));
  script::Node Root = Flat.root();
  // Parse trouble, except the one-line switch clauses the grammar does not
  // accept but the lowering recovers (`switch ($x) { 1 {'a'} 2 {'b'} }`).
  script::ParseTrouble Trouble = script::parseTrouble(
      Root, [](script::Node N) { return typeOf(N) == "switch_clause"; });
  script::noteParseTrouble(Diags, Path, Text, &Trouble);
  Lowerer L(Path, Text, Opts, Guards, Diags);
  L.Deps = Deps;
  L.run(Root);
}

} // namespace verguard::powershell
