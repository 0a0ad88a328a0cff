//===- PythonFrontend.cpp - parse, walk statements, lower guards ---------===//
//
// Three walks over the module: two learn what module variables, functions
// (their returns, as functions of their parameters) and class attributes
// hold, so that a function can use a constant assigned below it and a method
// an attribute set in `__init__`; the third emits the guards. Statements
// nest only as deep as indentation allows (and are cut off past a limit);
// expressions are bounded by script::MaxExprDepth.
//
//===----------------------------------------------------------------------===//
#include "python/PythonFrontend.h"

#include "core/Flow.h"
#include "core/Siblings.h"
#include "python/Lowerer.h"

#include "llvm/ADT/StringExtras.h"

extern "C" const TSLanguage *tree_sitter_python(void);

using namespace verguard::core;

namespace verguard::python {

Lowerer::Lowerer(llvm::StringRef Path, const script::DecodedText &Text,
                 llvm::StringRef Src, const FrontendOptions &Opts,
                 std::vector<Guard> &Guards, std::vector<Diagnostic> &Diags)
    // A backslash continues a line: a blank too.
    : script::Lowerer<Val, Frame>(Path, Text, Src, Opts, Guards, Diags,
                                  Dialect::Python, "\\") {}

bool Lowerer::isScope(llvm::StringRef T) const {
  return T == "lambda" || T == "function_definition" ||
         T == "class_definition" || T == "block";
}

bool Lowerer::isCondition(script::Node N) {
  llvm::StringRef T = typeOf(N);
  if (T == "call") {
    // A predicate call (startswith, endswith, re.match) used as a value:
    // `return v.startswith("6.0.6002")`, as C# and JScript read theirs.
    Val V = lower(N);
    return V.E && isBoolean(*V.E) && dependsOnVersion(*V.E);
  }
  return T == "comparison_operator" || T == "boolean_operator" ||
         T == "not_operator";
}

script::Node Lowerer::ternaryCondition(script::Node N) const {
  if (typeOf(N) != "conditional_expression")
    return {};
  auto K = namedKids(N);
  return K.size() == 3 ? K[1] : script::Node();
}

ExprPtr Lowerer::entryTest(script::Node KN, const ExprPtr &Key) {
  Val KV = lower(KN, 1);
  if (!KV.E || !KV.E->isConst())
    return unknown();
  PyType KT = typeOfExpr(*Key), T = typeOfExpr(*KV.E);
  if (KT != PyType::Unknown && T != KT)
    return boolConst(false); // {6002: ...}.get("6002") misses
  return cmp(CmpOp::EQ, subject(), KV.E,
             T == PyType::Str ? CmpMode::Str : CmpMode::Int, Dialect::Python);
}

void Lowerer::matchGuard(script::Node Match) {
  script::Node Body = script::field(Match, "body");
  script::Node SubjectN = script::field(Match, "subject");
  if (script::isNull(Body) || script::isNull(SubjectN))
    return;
  Val S = lower(SubjectN);
  Covered.push_back({script::startByte(SubjectN), script::endByte(SubjectN)});
  if (!Emit || !S.E || !mayBeBuild(*S.E))
    return;
  PyType ST = typeOfExpr(*S.E);
  Guard G;
  G.Kind = GuardKind::Select;
  G.Subject = S.E;
  G.FirstMatchOnly = true;
  G.Where = span(script::startByte(Match), script::endByte(SubjectN));
  G.Text = "match " + normalize(text(SubjectN));
  std::map<std::string, size_t> ByBody;
  for (script::Node Clause : namedKids(Body)) {
    if (typeOf(Clause) != "case_clause")
      continue;
    bool Guarded = !script::isNull(script::field(Clause, "guard"));
    std::vector<ExprPtr> Tests;
    script::Node First{};
    for (script::Node P : namedKids(Clause)) {
      if (typeOf(P) != "case_pattern")
        continue;
      if (script::isNull(First))
        First = P;
      script::NodeList Alts = namedKids(P);
      if (Alts.size() == 1 && typeOf(Alts[0]) == "union_pattern")
        Alts = namedKids(Alts[0]);
      for (script::Node K : Alts) {
        Val KV = lower(K, 1);
        if (!KV.E || !KV.E->isConst()) {
          Tests.push_back(unknown()); // a capture or class pattern
          continue;
        }
        PyType T = typeOfExpr(*KV.E);
        if (ST != PyType::Unknown && T != ST) {
          Tests.push_back(boolConst(false));
          continue;
        }
        auto Test = clone(*cmp(CmpOp::EQ, subject(), KV.E,
                               T == PyType::Str ? CmpMode::Str : CmpMode::Int,
                               Dialect::Python));
        Test->Written = spell(K);
        Tests.push_back(Guarded ? unknown() : ExprPtr(Test));
      }
    }
    // `case _:` (a case_pattern without children): the default.
    if (script::isNull(First) || Tests.empty())
      continue;
    script::Node Cons = script::field(Clause, "consequence");
    std::string BodyText = normalize(text(Cons));
    Arm A;
    A.Label = spell(First);
    for (ExprPtr &T : Tests)
      script::addArmTest(G, ByBody, BodyText, A, std::move(T));
  }
  if (G.Arms.empty())
    return;
  // A switch on a value not followed: its arms may say it is a build.
  if (!switchOnVersion(G, text(SubjectN)))
    return;
  emit(std::move(G), Match);
}

void Lowerer::assign(const std::string &Name, const Val &V) {
  if (functionFrame().Globals.count(Name)) {
    Frames.front().Vars[Name] = V;
    return;
  }
  top().Vars[Name] = V;
}

void Lowerer::bindTarget(script::Node Target, const Val &V) {
  Target = unwrap(Target);
  llvm::StringRef T = typeOf(Target);
  if (T == "identifier") {
    assign(text(Target).str(), V);
    return;
  }
  if (T == "pattern_list" || T == "tuple_pattern" || T == "tuple" ||
      T == "list_pattern" || T == "expression_list") {
    auto Kids = namedKids(Target);
    for (size_t I = 0; I < Kids.size(); ++I)
      bindTarget(Kids[I], item(V, Val::of(intConst(I)), Target));
    return;
  }
  if (T == "subscript") {
    // `facts["build"] = build_no` of a dict variable: that record's value.
    script::Node O = unwrap(script::field(Target, "value"));
    script::Node K = script::field(Target, "subscript");
    if (typeOf(O) != "identifier" || script::isNull(K))
      return;
    std::string Name = text(O).str();
    for (auto F = Frames.rbegin(); F != Frames.rend(); ++F) {
      auto It = F->Vars.find(Name);
      if (It == F->Vars.end())
        continue;
      if (It->second.Obj != ObjKind::Dict)
        return;
      Val KV = lower(K, 1);
      // `facts[key.strip()] = value.strip()` of a line's key and value.
      if (KV.Obj == ObjKind::LineKey && V.Obj == ObjKind::LineValue &&
          KV.E == V.E && KV.Sep == V.Sep) {
        It->second.Lines = V.E;
        It->second.Sep = V.Sep;
        It->second.Trimmed = V.Trimmed;
        return;
      }
      auto Key = constText(KV);
      if (!Key)
        return;
      setField(It->second, *Key, V.E);
      return;
    }
    return;
  }
  if (T == "attribute") {
    // self.x = ...: an attribute of the class, read in any method.
    Val Obj = lower(script::field(Target, "object"), 1);
    if (Obj.Obj != ObjKind::Self)
      return;
    storeAttribute(Obj.Name, text(script::field(Target, "attribute")).str(), V);
  }
}

void Lowerer::storeAttribute(const std::string &Class, const std::string &A,
                             const Val &V) {
  auto &Attrs = ClassAttrs[Class];
  Val Stored = V;
  Stored.E = unbindParams(V.E);
  bool Related = Stored.isObject() || (Stored.E && dependsOnVersion(*Stored.E));
  if (Related || !Attrs.count(A))
    Attrs[A] = Stored;
}

void Lowerer::construct(const std::string &Class, script::Node ArgList,
                        const std::vector<script::Node> &ArgNodes,
                        const std::vector<Val> &Args, int Depth) {
  auto F = DataFields.find(Class);
  if (F == DataFields.end())
    return;
  const std::vector<std::string> &Fields = F->second;
  // Only what says something about the OS: `OsVersion(6, 0, 6002)` is a
  // threshold, not what instances hold.
  auto Store = [&](const std::string &Field, const Val &V) {
    if (V.isObject() || (V.E && dependsOnVersion(*V.E)))
      storeAttribute(Class, Field, V);
  };
  for (size_t I = 0; I < ArgNodes.size() && I < Fields.size(); ++I) {
    if (typeOf(ArgNodes[I]) == "list_splat")
      break; // the positions after it are not known
    Store(Fields[I], Args[I]);
  }
  for (const std::string &Field : Fields)
    if (script::Node K = keywordArg(ArgList, Field); !script::isNull(K))
      Store(Field, lower(K, Depth + 1));
}

void Lowerer::scanScope(script::Node N) {
  if (typeOf(N) != "lambda" || Frames.size() > 64)
    return;
  Frame F;
  F.Func = true;
  for (script::Node P : namedKids(script::field(N, "parameters"))) {
    script::Node Name =
        typeOf(P) == "identifier" ? P : script::field(P, "name");
    if (typeOf(Name) == "identifier")
      F.Vars[text(Name).str()] = Val::of(unknown());
  }
  Frames.push_back(std::move(F));
  scanGuards(script::field(N, "body"));
  Frames.pop_back();
}

void Lowerer::walkBlock(script::Node Block) {
  for (script::Node S : namedKids(Block))
    statement(S);
}

void Lowerer::defineFunction(script::Node Def, std::string Class) {
  std::string Name = text(script::field(Def, "name")).str();
  std::string Key = Class.empty() ? Name : Class + "." + Name;
  Function &Fn = Functions[Key];
  Frame F;
  F.Func = true;
  F.Function = Key;
  F.Class = Class;
  Fn.Params.clear();
  // A method's first parameter is self (or cls); a @staticmethod has none.
  Fn.Method = !Class.empty();
  if (script::Node D = script::parent(Def);
      !script::isNull(D) && typeOf(D) == "decorated_definition")
    for (script::Node K : namedKids(D))
      if (typeOf(K) == "decorator" && text(K).trim() == "@staticmethod")
        Fn.Method = false;
  Fn.Class = Class;
  Fn.Def = Def;
  script::Node Params = script::field(Def, "parameters");
  Frames.push_back(std::move(F));
  int64_t I = 0;
  for (script::Node P : namedKids(Params)) {
    llvm::StringRef T = typeOf(P);
    script::Node NameN{}, Default{};
    if (T == "identifier") {
      NameN = P;
    } else if (T == "default_parameter" || T == "typed_default_parameter") {
      NameN = script::field(P, "name");
      Default = script::field(P, "value");
    } else if (T == "typed_parameter") {
      for (script::Node K : namedKids(P))
        if (typeOf(K) == "identifier")
          NameN = K;
    }
    // `ver: OsVersion` (or "OsVersion"): an instance of the file's class.
    std::string TypeName;
    if (T == "typed_parameter" || T == "typed_default_parameter")
      TypeName = text(script::field(P, "type")).trim().trim("\"'").str();
    if (script::isNull(NameN) || typeOf(NameN) != "identifier") {
      ++I;
      Fn.Params.push_back("");
      continue;
    }
    std::string PN = text(NameN).str();
    Fn.Params.push_back(PN);
    if (I == 0 && Fn.Method) {
      Val Self = Val::obj(ObjKind::Self);
      Self.Name = Class;
      top().Vars[PN] = Self;
      ++I;
      continue;
    }
    // Unbound, what its default or its name says; at a call, the argument.
    ExprPtr Named;
    if (!script::isNull(Default)) {
      Val D = lower(Default, 1);
      if (D.E && (D.E->isConst() || dependsOnVersion(*D.E)))
        Named = D.E;
    }
    if (!Named)
      if (auto Q = inferFromName(PN))
        Named = *Q;
    top().Vars[PN] = Val::of(param(I, Named));
    // What its callers pass, if that is a version value, or an object
    // whose members are (`classify(wmi.WMI())`).
    if (ExprPtr A = callerArgument(Key, I, Def))
      top().Vars[PN] = Val::of(A);
    else if (const Val *O = callerObject(Key, I);
             O && O->Obj != ObjKind::Tuple &&
             (O->Obj != ObjKind::Dict || !O->Fields.empty() || O->Lines) &&
             (O->Obj != ObjKind::Self || Classes.count(O->Name)) &&
             O->Obj != ObjKind::Match)
      top().Vars[PN] = *O;
    else if (Classes.count(TypeName)) {
      Val Inst = Val::obj(ObjKind::Self);
      Inst.Name = TypeName;
      top().Vars[PN] = Inst;
    }
    ++I;
  }
  walkBlock(script::field(Def, "body"));
  std::optional<Val> Ret = top().Return;
  Frames.pop_back();
  if (Ret || !Emit)
    Functions[Key].Return = Ret;
}

ExprPtr Lowerer::linesOfLoop(script::Node For) {
  script::Node Var = script::field(For, "left");
  script::Node Right = unwrap(script::field(For, "right"));
  script::Node Fn = script::field(Right, "function");
  if (typeOf(Var) != "identifier" || typeOf(Right) != "call" ||
      typeOf(Fn) != "attribute")
    return nullptr;
  llvm::StringRef M = text(script::field(Fn, "attribute"));
  auto A = args(script::field(Right, "arguments"));
  bool Lines = M == "splitlines" && A.empty();
  if (M == "split" && A.size() == 1) {
    auto Sep = constText(lower(A[0], 1));
    Lines = Sep && (*Sep == "\n" || *Sep == "\r\n");
  }
  if (!Lines)
    return nullptr;
  Val Text = lower(script::field(Fn, "object"), 1);
  if (!Text.E || !dependsOnVersion(*Text.E))
    return nullptr;
  return Text.E;
}

std::optional<ExprPtr> Lowerer::lineOfLoop(script::Node For) {
  ExprPtr Text = linesOfLoop(For);
  if (!Text)
    return std::nullopt;
  script::Node Var = script::field(For, "left");
  // The body's first test of the line's start names the line it is after.
  for (script::Node K : namedKids(script::field(For, "body"))) {
    if (typeOf(K) != "if_statement")
      continue;
    script::Node C = unwrap(script::field(K, "condition"));
    script::Node CF = script::field(C, "function");
    if (typeOf(C) != "call" || typeOf(CF) != "attribute" ||
        text(script::field(CF, "attribute")) != "startswith" ||
        text(script::field(CF, "object")) != text(Var))
      return std::nullopt;
    auto CA = args(script::field(C, "arguments"));
    auto Prefix = CA.size() == 1 ? constText(lower(CA[0], 1)) : std::nullopt;
    if (!Prefix || Prefix->empty())
      return std::nullopt;
    return core::lineStartingWith(Text, *Prefix);
  }
  return std::nullopt;
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
      llvm::StringRef XT = typeOf(X);
      if (XT == "assignment") {
        // a = b = value: every target gets the value.
        std::vector<script::Node> Targets;
        script::Node Cur = X;
        while (typeOf(Cur) == "assignment") {
          Targets.push_back(script::field(Cur, "left"));
          script::Node R = script::field(Cur, "right");
          if (script::isNull(R)) {
            Cur = R;
            break;
          }
          Cur = R;
        }
        if (script::isNull(Cur))
          continue; // an annotation without a value
        // `winreg = pytest.importorskip("winreg")`, `importlib.import_module
        // ("winreg")`: the module, as an import binds it.
        if (script::Node C = unwrap(Cur); typeOf(C) == "call") {
          llvm::StringRef Fn = text(script::field(C, "function"));
          auto Args = namedKids(script::field(C, "arguments"));
          if ((Fn == "pytest.importorskip" || Fn == "importlib.import_module" ||
               Fn == "__import__") &&
              !Args.empty() && typeOf(Args[0]) == "string" &&
              Targets.size() == 1 &&
              typeOf(unwrap(Targets[0])) == "identifier") {
            std::string M = text(Args[0]).trim("\"'").str();
            if (!M.empty() && llvm::all_of(M, [](char X) {
                  return llvm::isAlnum(X) || X == '_' || X == '.';
                })) {
              Aliases[text(unwrap(Targets[0])).str()] =
                  M == "_winreg" ? "winreg" : M;
              continue;
            }
          }
        }
        Val V = lower(Cur);
        scanGuards(Cur);
        // `except ImportError: winreg = None`: the fallback of an import
        // does not hide the module where it was imported.
        bool NoneForModule = typeOf(unwrap(Cur)) == "none";
        for (script::Node Tg : Targets)
          if (!(NoneForModule && typeOf(unwrap(Tg)) == "identifier" &&
                Aliases.count(text(unwrap(Tg)).str())))
            bindTarget(Tg, V);
      } else if (XT == "augmented_assignment") {
        scanGuards(script::field(X, "right"));
        script::Node L = unwrap(script::field(X, "left"));
        if (typeOf(L) == "identifier")
          assign(text(L).str(), Val::of(unknown()));
      } else {
        lower(X);
        scanGuards(X);
      }
    }
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
  if (T == "if_statement" || T == "elif_clause" || T == "while_statement") {
    conditionGuard(script::field(S, "condition"));
    scanGuards(script::field(S, "condition"));
    walkBlock(
        script::field(S, T == "while_statement" ? "body" : "consequence"));
    for (script::Node K : namedKids(S))
      if (typeOf(K) == "elif_clause" || typeOf(K) == "else_clause")
        statement(K);
    return;
  }
  if (T == "try_statement") {
    // `try: b = int(QueryValueEx(...)[0])` / `except OSError: b = 0`: the
    // fallback of a failed read does not replace the version it reads.
    std::optional<decltype(top().Vars)> AfterTry;
    for (script::Node K : namedKids(S)) {
      llvm::StringRef KT = typeOf(K);
      if (KT == "block") {
        walkBlock(K);
        AfterTry = top().Vars;
      } else if (KT == "except_clause" || KT == "except_group_clause") {
        statement(K);
        if (AfterTry)
          for (const auto &[Name, V] : *AfterTry) {
            auto Now = top().Vars.find(Name);
            if (V.E && dependsOnVersion(*V.E) && Now != top().Vars.end() &&
                Now->second.E && isErrorDefault(*Now->second.E))
              Now->second = V;
          }
      } else if (!isExtra(K)) {
        statement(K);
      }
    }
    return;
  }
  if (T == "else_clause" || T == "finally_clause" || T == "except_clause" ||
      T == "with_statement" || T == "block" || T == "except_group_clause") {
    for (script::Node K : namedKids(S)) {
      llvm::StringRef KT = typeOf(K);
      if (KT == "block") {
        walkBlock(K);
      } else if (KT == "with_clause") {
        for (script::Node Item : namedKids(K)) {
          script::Node V = script::field(Item, "value");
          if (typeOf(V) == "as_pattern") {
            auto AK = namedKids(V);
            script::Node Alias = script::field(V, "alias");
            if (!AK.empty() && !script::isNull(Alias)) {
              Val X = lower(AK[0]);
              for (script::Node A : namedKids(Alias))
                bindTarget(A, X);
            }
          } else {
            lower(V);
          }
        }
      } else if (!isExtra(K)) {
        statement(K);
      }
    }
    return;
  }
  if (T == "for_statement") {
    Val R = lower(script::field(S, "right"));
    scanGuards(script::field(S, "right"));
    Val Each;
    if (R.Obj == ObjKind::WmiOSList)
      Each = Val::obj(ObjKind::WmiOS);
    else if (R.Obj == ObjKind::DataFiles)
      Each = Val::obj(ObjKind::DataFile);
    else if (auto Line = lineOfLoop(S))
      Each = Val::of(*Line);
    else if (ExprPtr Text = linesOfLoop(S)) {
      Each = Val::obj(ObjKind::TextLine);
      Each.E = Text;
    }
    bindTarget(script::field(S, "left"), Each);
    walkBlock(script::field(S, "body"));
    for (script::Node K : namedKids(S))
      if (typeOf(K) == "else_clause")
        statement(K);
    return;
  }
  if (T == "function_definition") {
    // Only a def directly in a class body is a method.
    if (!Frames.back().Func && !Frames.back().Class.empty())
      defineFunction(S, Frames.back().Class);
    else
      defineFunction(S, "");
    return;
  }
  if (T == "decorated_definition") {
    // `@unittest.skipIf(sys.getwindowsversion().build < 6003, ...)`: the
    // decorators' arguments are conditions too.
    for (script::Node K : namedKids(S))
      if (typeOf(K) == "decorator")
        scanGuards(K);
    statement(script::field(S, "definition"));
    return;
  }
  if (T == "class_definition") {
    std::string Name = text(script::field(S, "name")).str();
    Classes.insert(Name);
    // A @dataclass, or a typing.NamedTuple: its annotated fields, in order,
    // are its constructor's parameters.
    bool Data = false;
    if (script::Node D = script::parent(S);
        !script::isNull(D) && typeOf(D) == "decorated_definition")
      for (script::Node K : namedKids(D))
        Data |= typeOf(K) == "decorator" && text(K).contains("dataclass");
    for (script::Node B : namedKids(script::field(S, "superclasses"))) {
      llvm::StringRef BT = text(B);
      Data |= BT == "NamedTuple" || BT == "typing.NamedTuple";
    }
    if (Data) {
      std::vector<std::string> Fields;
      for (script::Node St : namedKids(script::field(S, "body"))) {
        auto Kids = namedKids(St);
        if (typeOf(St) != "expression_statement" || Kids.size() != 1 ||
            typeOf(Kids[0]) != "assignment")
          continue;
        script::Node L = script::field(Kids[0], "left");
        script::Node Ty = script::field(Kids[0], "type");
        if (typeOf(L) == "identifier" && !script::isNull(Ty) &&
            !text(Ty).contains("ClassVar"))
          Fields.push_back(text(L).str());
      }
      DataFields[Name] = std::move(Fields);
    }
    Frame F;
    F.Class = Name;
    Frames.push_back(std::move(F));
    walkBlock(script::field(S, "body"));
    // Class-level assignments are attributes too.
    for (auto &[K, V] : top().Vars)
      if (!ClassAttrs[Name].count(K))
        ClassAttrs[Name][K] = V;
    Frames.pop_back();
    return;
  }
  if (T == "assert_statement") {
    auto K = namedKids(S);
    if (!K.empty()) {
      conditionGuard(K[0]);
      scanGuards(K[0]);
    }
    return;
  }
  if (T == "match_statement") {
    matchGuard(S);
    script::Node Body = script::field(S, "body");
    for (script::Node C : namedKids(Body))
      if (typeOf(C) == "case_clause") {
        script::Node G = script::field(C, "guard");
        if (!script::isNull(G))
          scanGuards(G);
        walkBlock(script::field(C, "consequence"));
      }
    return;
  }
  if (T == "import_statement" || T == "import_from_statement") {
    std::string Module;
    if (T == "import_from_statement")
      Module = text(script::field(S, "module_name")).str();
    for (script::Node K : namedKids(S)) {
      if (T == "import_from_statement" &&
          script::startByte(K) ==
              script::startByte(script::field(S, "module_name")))
        continue;
      std::string Name, Alias;
      if (typeOf(K) == "aliased_import") {
        Name = text(script::field(K, "name")).str();
        Alias = text(script::field(K, "alias")).str();
      } else if (typeOf(K) == "dotted_name") {
        Name = text(K).str();
        Alias = llvm::StringRef(Name).split('.').first.str();
        if (T == "import_statement" && Alias != Name)
          continue; // `import os.path` binds os
      } else {
        continue;
      }
      // `from . import osinfo`: the module `.osinfo` (no third dot).
      std::string Full = Module.empty() ? Name
                         : llvm::StringRef(Module).ends_with(".")
                             ? Module + Name
                             : Module + "." + Name;
      if (Full == "_winreg" || llvm::StringRef(Full).starts_with("_winreg."))
        Full = "winreg" + Full.substr(7);
      Aliases[Alias] = Full;
    }
    return;
  }
  if (T == "global_statement") {
    for (script::Node K : namedKids(S))
      if (typeOf(K) == "identifier")
        functionFrame().Globals.insert(text(K).str());
    return;
  }
  // Anything else (pass, del, print, raise...): its expressions.
  scanGuards(S);
}

void lowerFile(llvm::StringRef Path, const script::DecodedText &Text,
               const FrontendOptions &Opts, std::vector<Guard> &Guards,
               std::vector<Diagnostic> &Diags, std::vector<std::string> *Deps) {
  script::lowerTree<Lowerer>(tree_sitter_python(), Path, Text, Text.Utf8, Opts,
                             Guards, Diags, [&](Lowerer &L) { L.Deps = Deps; });
}

} // namespace verguard::python
