//===- LowererTest.cpp ----------------------------------------------------===//
//
// The skeleton of the script lowerers (script::Lowerer), driven by a small
// language of its own over tree-sitter-python's trees: `build` is the OS
// build, integers are constants, comparisons, `and`/`or`/`not` and `a if c
// else b` are conditions, a `def` is a function whose `return` is noted,
// `f(6002)` walks f's body again with the argument. The Python frontend's
// own lowering is checked in tests/unit/python.
//
//===----------------------------------------------------------------------===//
#include "script/Lowerer.h"

#include <gtest/gtest.h>

extern "C" const TSLanguage *tree_sitter_python(void);

using namespace verguard;
using namespace verguard::core;

namespace {

struct Val {
  ExprPtr E;
  bool isObject() const { return false; }
  bool related() const { return E && dependsOnVersion(*E); }
};

struct Frame {
  bool Func = false;
  std::string Function;
  std::map<std::string, Val> Vars;
  std::optional<Val> Return;
};

class TinyLowerer : public script::Lowerer<Val, Frame> {
public:
  TinyLowerer(llvm::StringRef Path, const script::DecodedText &Text,
              llvm::StringRef Src, const FrontendOptions &Opts,
              std::vector<Guard> &Guards, std::vector<Diagnostic> &Diags)
      : script::Lowerer<Val, Frame>(Path, Text, Src, Opts, Guards, Diags,
                                    Dialect::Python, "\\") {}

  ExprPtr lowerCond(script::Node N, int Depth = 0) override {
    return lower(N, Depth).E;
  }

  Val lower(script::Node N, int Depth = 0) {
    if (Depth > script::MaxExprDepth) {
      tooDeep(N);
      return {unknown()};
    }
    llvm::StringRef T = script::type(N);
    auto Kids = script::namedKidsNoComments(N);
    if (T == "parenthesized_expression" && Kids.size() == 1)
      return lower(Kids[0], Depth + 1);
    if (T == "identifier") {
      if (text(N) == "build")
        return {quantity(Quantity::Build, "test")};
      for (auto F = Frames.rbegin(); F != Frames.rend(); ++F)
        if (auto It = F->Vars.find(text(N).str()); It != F->Vars.end())
          return It->second;
      return {unknown()};
    }
    if (T == "integer") {
      int64_t V = 0;
      if (text(N).getAsInteger(10, V))
        return {unknown()};
      return {intConst(V)};
    }
    if (T == "comparison_operator" && Kids.size() == 2) {
      llvm::StringRef Op =
          text(N).slice(script::endByte(Kids[0]) - script::startByte(N),
                        script::startByte(Kids[1]) - script::startByte(N));
      CmpOp O = Op.trim() == "==" ? CmpOp::EQ : CmpOp::LE;
      return {cmp(O, lower(Kids[0], Depth + 1).E, lower(Kids[1], Depth + 1).E,
                  CmpMode::Int, Dialect::Python)};
    }
    if (T == "boolean_operator" && Kids.size() == 2) {
      ExprPtr L = lower(Kids[0], Depth + 1).E, R = lower(Kids[1], Depth + 1).E;
      return {text(N).contains(" and ") ? logicAnd(L, R) : logicOr(L, R)};
    }
    if (T == "not_operator" && Kids.size() == 1)
      return {logicNot(lower(Kids[0], Depth + 1).E)};
    if (T == "call") {
      std::string Key = text(script::field(N, "function")).str();
      std::vector<Val> Args;
      for (script::Node A :
           script::namedKidsNoComments(script::field(N, "arguments")))
        Args.push_back(lower(A, Depth + 1));
      auto Def = Defs.find(Key);
      if (Def == Defs.end())
        return {unknown()};
      std::string Memo = Key;
      for (const Val &A : Args)
        Memo += "," + toString(*A.E);
      ++BodiesAsked;
      auto R = instantiateBody(
          Memo, Key, N,
          [&] {
            Frame F;
            F.Func = true;
            F.Function = Key;
            if (!Args.empty())
              F.Vars["b"] = Args[0];
            return F;
          },
          [&] {
            ++BodiesWalked;
            walkBlock(script::field(Def->second, "body"));
          });
      return R ? *R : Val{unknown()};
    }
    return {unknown()};
  }

  void walkBlock(script::Node Block) {
    for (script::Node S : script::namedKidsNoComments(Block))
      statement(S);
  }

  void statement(script::Node S) {
    llvm::StringRef T = script::type(S);
    if (T == "if_statement") {
      script::Node C = script::field(S, "condition");
      conditionGuard(C);
      scanGuards(C);
      walkBlock(script::field(S, "consequence"));
    } else if (T == "function_definition") {
      std::string Name = text(script::field(S, "name")).str();
      Defs[Name] = S;
      Frame F;
      F.Func = true;
      F.Function = Name;
      Frames.push_back(std::move(F));
      walkBlock(script::field(S, "body"));
      Frames.pop_back();
    } else if (T == "return_statement") {
      auto K = script::namedKidsNoComments(S);
      if (!K.empty()) {
        Val V = lower(K[0]);
        scanGuards(K[0]);
        noteReturn(V);
      }
    } else if (T == "expression_statement") {
      for (script::Node X : script::namedKidsNoComments(S)) {
        if (script::type(X) == "assignment") {
          script::Node R = script::field(X, "right");
          Val V = lower(R);
          scanGuards(R);
          top().Vars[text(script::field(X, "left")).str()] = V;
          if (script::type(R) == "dictionary")
            tableGuard(R, quantity(Quantity::Build, "test"));
        } else {
          lower(X);
          scanGuards(X);
        }
      }
    }
  }

  std::map<std::string, script::Node> Defs;
  int BodiesAsked = 0, BodiesWalked = 0;

protected:
  void walk(script::Node Root) override { walkBlock(Root); }
  bool isScope(llvm::StringRef T) const override {
    return T == "lambda" || T == "function_definition" || T == "block";
  }
  bool isCondition(script::Node N) override {
    llvm::StringRef T = script::type(N);
    return T == "comparison_operator" || T == "boolean_operator" ||
           T == "not_operator";
  }
  script::Node ternaryCondition(script::Node N) const override {
    auto K = script::namedKidsNoComments(N);
    return script::type(N) == "conditional_expression" && K.size() == 3
               ? K[1]
               : script::Node();
  }
  ExprPtr entryTest(script::Node K, const ExprPtr &) override {
    return cmp(CmpOp::EQ, subject(), lower(K, 1).E);
  }
};

struct Lowered {
  std::vector<Guard> Guards;
  std::vector<Diagnostic> Diags;
  int BodiesAsked = 0, BodiesWalked = 0;
  std::vector<std::string> conds() const {
    std::vector<std::string> R;
    for (const Guard &G : Guards)
      R.push_back(G.Kind == GuardKind::Condition ? toString(*G.Cond)
                                                 : "table " + G.Text);
    return R;
  }
};

Lowered lowerTiny(llvm::StringRef Code) {
  Lowered R;
  auto Text = script::decodeText(Code, "t.py");
  if (!Text) {
    ADD_FAILURE() << llvm::toString(Text.takeError());
    return R;
  }
  FrontendOptions Opts;
  script::ParsedFile P =
      script::parseNoting(tree_sitter_python(), "t.py", *Text, 0, R.Diags);
  TinyLowerer L("t.py", *Text, Text->Utf8, Opts, R.Guards, R.Diags);
  L.run(P.root());
  R.BodiesAsked = L.BodiesAsked;
  R.BodiesWalked = L.BodiesWalked;
  return R;
}

using Strings = std::vector<std::string>;

} // namespace

TEST(ScriptLowerer, EachConditionOnceOverThreeWalks) {
  // The if's condition is guarded, then scanned: still one guard; the two
  // learning walks emit nothing.
  auto R = lowerTiny("if build == 6002:\n  pass\n");
  EXPECT_EQ(R.conds(), Strings{"(build == 6002)"});
  ASSERT_EQ(R.Guards.size(), 1u);
  EXPECT_EQ(R.Guards[0].Syntax, Dialect::Python);
  EXPECT_EQ(R.Guards[0].Where.Line, 1u);
  EXPECT_EQ(R.Guards[0].Where.Col, 4u);
}

TEST(ScriptLowerer, ScanTakesAWholeConditionNotItsParts) {
  // The scan's stack takes the last element first.
  auto R = lowerTiny("x = [build <= 6002, not (build == 6002 and build <= "
                     "7601), 1 if build == 6003 else 2]\n");
  EXPECT_EQ(R.conds(), (Strings{"(build == 6003)",
                                "!(((build == 6002) && (build <= 7601)))",
                                "(build <= 6002)"}));
}

TEST(ScriptLowerer, ScanLeavesScopesAndOtherValuesAlone) {
  // A lambda is a scope (its body is a statement walk's); a comparison of
  // something else is no guard.
  auto R = lowerTiny("f = lambda: build == 6002\nx = y == 6002\n");
  EXPECT_TRUE(R.Guards.empty()) << R.conds()[0];
}

TEST(ScriptLowerer, GuardTextFoldsTheLanguagesBlanks) {
  auto Text = script::decodeText("x\n", "t.py");
  ASSERT_TRUE(bool(Text));
  std::vector<Guard> Guards;
  std::vector<Diagnostic> Diags;
  FrontendOptions Opts;
  TinyLowerer L("t.py", *Text, Text->Utf8, Opts, Guards, Diags);
  EXPECT_EQ(L.normalize("  (build ==\\\n\t  6002) "), "(build == 6002)");
}

TEST(ScriptLowerer, GuardNamesItsFunction) {
  auto R = lowerTiny("def check():\n  if build <= 6002:\n    pass\n");
  ASSERT_EQ(R.Guards.size(), 1u);
  EXPECT_EQ(R.Guards[0].Function, "check");
}

TEST(ScriptLowerer, TableArmsByValue) {
  auto R = lowerTiny("names = {6002: 'sp2', 6003: 'sp2', 7601: 'win7'}\n");
  ASSERT_EQ(R.Guards.size(), 1u);
  const Guard &G = R.Guards[0];
  EXPECT_EQ(G.Kind, GuardKind::Table);
  EXPECT_TRUE(G.FirstMatchOnly);
  EXPECT_EQ(G.Text, "table {6002: 'sp2', 6003: 'sp2', 7601: 'win7'}");
  // One arm per entry (a finding and its fix are about one entry); entries
  // with one value share its id, so a lookup's outcome is the value.
  ASSERT_EQ(G.Arms.size(), 3u);
  EXPECT_EQ(G.Arms[0].Tests.size(), 1u);
  EXPECT_EQ(G.Arms[0].Label.Text, "6002: 'sp2'");
  EXPECT_EQ(G.Arms[1].Label.Text, "6003: 'sp2'");
  EXPECT_EQ(G.Arms[0].ValueId, G.Arms[1].ValueId);
  EXPECT_NE(G.Arms[0].ValueId, G.Arms[2].ValueId);
}

TEST(ScriptLowerer, InstanceWalksTheBodyQuietlyOncePerArguments) {
  // The body's condition is a guard of its own (once, where it is written),
  // none where it is walked for a call; the calls with 6002 share one walk
  // of the body, 7601 needs another.
  auto R = lowerTiny("def at_most(b):\n"
                     "  return build <= b\n"
                     "x = at_most(6002)\n"
                     "y = at_most(6002)\n"
                     "z = at_most(7601)\n"
                     "if x:\n  pass\n");
  // `b` is unknown where the body is walked for itself; `x` holds what the
  // call with 6002 returned.
  EXPECT_EQ(R.conds(), (Strings{"(build <= ?)", "(build <= 6002)"}));
  ASSERT_EQ(R.Guards.size(), 2u);
  EXPECT_EQ(R.Guards[0].Where.Line, 2u);
  EXPECT_EQ(R.Guards[1].Where.Line, 6u);
  // Three calls a walk, over three walks; each walk starts with no
  // instances: two bodies a walk.
  EXPECT_EQ(R.BodiesAsked, 9);
  EXPECT_EQ(R.BodiesWalked, 6);
}

TEST(ScriptLowerer, InstanceOfARecursiveFunctionStops) {
  auto R = lowerTiny("def f(b):\n  return f(b)\nx = f(6002)\n");
  EXPECT_TRUE(R.Guards.empty());
  EXPECT_EQ(R.BodiesWalked, 3); // f's own call of f is not walked again
}

TEST(ScriptLowerer, TooDeepNotedOnceOnTheEmittingWalk) {
  std::string Deep = "x = " + std::string(100, '(') + "build" +
                     std::string(100, ')') +
                     " == 6002\ny = " + std::string(100, '(') + "1" +
                     std::string(100, ')') + "\n";
  auto R = lowerTiny(Deep);
  ASSERT_EQ(R.Diags.size(), 1u);
  EXPECT_EQ(R.Diags[0].Level, Severity::Note);
  EXPECT_EQ(R.Diags[0].Where.Line, 1u);
  EXPECT_NE(R.Diags[0].Message.find("nested more than"), std::string::npos);
}
