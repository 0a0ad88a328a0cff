//===- PascalTest.cpp -----------------------------------------------------===//
#include "inno/Pascal.h"

#include <gtest/gtest.h>

using namespace verguard::inno;

namespace {

Program parse(llvm::StringRef T) {
  Program P;
  parseCode(T, 0, T.size(), P);
  return P;
}

/// A compact rendering of an expression or statement node.
std::string show(const Program &P, uint32_t N) {
  const PNode &X = P.Nodes[N];
  auto Kids = [&](size_t From) {
    std::string S;
    for (size_t I = From; I < X.Kids.size(); ++I)
      S += (I > From ? " " : "") + show(P, X.Kids[I]);
    return S;
  };
  switch (X.K) {
  case NK::Ident:
    return X.Name;
  case NK::Int:
    return std::to_string(X.Int);
  case NK::Str:
    return "'" + X.Name + "'";
  case NK::Member:
    return show(P, X.Kids[0]) + "." + X.Name;
  case NK::Call:
    return show(P, X.Kids[0]) + "(" + Kids(1) + ")";
  case NK::Unary:
    return "(" + X.Name + " " + show(P, X.Kids[0]) + ")";
  case NK::Binary:
    return "(" + show(P, X.Kids[0]) + " " + X.Name + " " + show(P, X.Kids[1]) +
           ")";
  case NK::Range:
    return show(P, X.Kids[0]) + ".." + show(P, X.Kids[1]);
  case NK::Set:
    return "[" + Kids(0) + "]";
  case NK::Assign:
    return show(P, X.Kids[0]) + " := " + show(P, X.Kids[1]);
  case NK::If:
    return "if " + Kids(0);
  case NK::Case:
    return "case " + Kids(0);
  case NK::CaseArm:
    return "{" + Kids(0) + "}";
  case NK::Block:
    return "{" + Kids(0) + "}";
  case NK::ExprStmt:
    return Kids(0);
  case NK::Exit:
    return "exit";
  case NK::Empty:
    return "_";
  default:
    return "?";
  }
}

TEST(InnoPascal, PrecedenceIsPascals) {
  Program P;
  std::string T = "GetWindowsVersion shr 16 and $FF = 0 + 1 * 2";
  int64_t N = parseExpression(T, 0, T.size(), P);
  ASSERT_GE(N, 0);
  EXPECT_EQ(show(P, N),
            "(((getwindowsversion shr 16) and 255) = (0 + (1 * 2)))");
  Program Q;
  T = "not (V.Build <> 6002) or IsOld(1, 'it''s'#13)";
  N = parseExpression(T, 0, T.size(), Q);
  EXPECT_EQ(show(Q, N), "((not (v.build <> 6002)) or isold(1 'it's\r'))");
  EXPECT_TRUE(Q.Problems.empty());
}

TEST(InnoPascal, RoutinesParametersAndStatements) {
  Program P = parse(R"(
const SP2 = 6002;
var G: Integer;
type TRec = record A: Integer; end;
function Helper(const Name: String; var V: TWindowsVersion; A, B: Cardinal): Boolean; forward;
procedure P2(out X: Integer);
var L: TWindowsVersion; S: String;
begin
  { comment } (* another *) // and a line
  if X > 1 then X := 2 else begin X := 3; end;
  case L.Build of
    6000..6002, 7600: S := 'a';
    6003: ;
  else
    S := 'b';
  end;
  while X < 3 do X := X + 1;
  repeat X := X - 1 until X = 0;
  for X := 1 to 2 do Log('x');
  try X := 0; except X := 1; end;
  Exit;
end;
)");
  EXPECT_TRUE(P.Problems.empty()) << P.Problems[0].Message;
  ASSERT_EQ(P.Routines.size(), 2u);
  const Routine &H = P.Routines[0];
  EXPECT_EQ(H.Name, "helper");
  EXPECT_EQ(H.Body, -1);
  ASSERT_EQ(H.Params.size(), 4u);
  EXPECT_FALSE(H.Params[0].ByRef);
  EXPECT_TRUE(H.Params[1].ByRef);
  EXPECT_EQ(H.Params[1].Type, "twindowsversion");
  EXPECT_EQ(H.Params[3].Name, "b");
  const Routine &R = P.Routines[1];
  EXPECT_TRUE(R.Params[0].ByRef);
  ASSERT_EQ(R.Locals.size(), 2u);
  ASSERT_GE(R.Body, 0);
  const PNode &Body = P.Nodes[R.Body];
  ASSERT_EQ(Body.Kids.size(), 7u);
  EXPECT_EQ(show(P, Body.Kids[0]), "if (x > 1) x := 2 {x := 3}");
  EXPECT_EQ(show(P, Body.Kids[1]),
            "case l.build {{6000..6002 7600} s := 'a'} {{6003} _} {s := 'b'}");
  EXPECT_EQ(show(P, Body.Kids[6]), "exit");
  ASSERT_EQ(P.Consts.size(), 1u);
  EXPECT_EQ(P.Globals.size(), 1u);
}

TEST(InnoPascal, RecoversFromWhatItCannotRead) {
  Program P = parse("function F: Boolean;\nbegin\n  Result := ) 1;\n  "
                    "Result := 2;\nend;\n@@@\nprocedure G;\nbegin end;\n");
  ASSERT_EQ(P.Routines.size(), 2u);
  EXPECT_FALSE(P.Problems.empty());
  const PNode &Body = P.Nodes[P.Routines[0].Body];
  EXPECT_EQ(show(P, Body.Kids.back()), "result := 2");
}

TEST(InnoPascal, IsppLinesAndMissingSeparators) {
  // ISPP lines in [Code] are skipped (both ways of an #ifdef are read);
  // Pascal Script runs statements that lack the `;` between them.
  Program P = parse("function CreateHardLink(A: String): Boolean;\n"
                    "#ifdef UNICODE\n"
                    "external 'CreateHardLinkW@Kernel32.dll stdcall';\n"
                    "#else\n"
                    "external 'CreateHardLinkA@Kernel32.dll stdcall';\n"
                    "#endif\n"
                    "procedure P;\nbegin\n  Log('a')\n  if X then Y := 1;\n"
                    "  F(\n#if A\n  B\n#else\n  C\n  #if D\n  #endif\n"
                    "#endif\n  );\n"
                    "  X := {#Debug};\n"
                    "  try Z := 2 except Z := 3 finally Z := 4 end\nend;\n");
  EXPECT_TRUE(P.Problems.empty()) << P.Problems[0].Message;
  ASSERT_EQ(P.Routines.size(), 2u);
  EXPECT_EQ(P.Routines[0].Body, -1);
  const PNode &Body = P.Nodes[P.Routines[1].Body];
  ASSERT_EQ(Body.Kids.size(), 5u);
  EXPECT_EQ(show(P, Body.Kids[2]), "f(b)");
  EXPECT_EQ(show(P, Body.Kids[3]), "x := {#debug}");
  EXPECT_EQ(show(P, Body.Kids[4]), "{z := 2 z := 3 z := 4}");
}

TEST(InnoPascal, DeepNestingIsCut) {
  std::string T = "function F: Boolean; begin Result := ";
  T += std::string(100000, '(');
  T += "1";
  T += std::string(100000, ')');
  T += "; end;";
  Program P = parse(T);
  EXPECT_FALSE(P.Problems.empty());
  std::string S = "begin ";
  for (int I = 0; I < 5000; ++I)
    S += "if X then begin ";
  Program Q = parse("procedure G; " + S);
  EXPECT_FALSE(Q.Problems.empty());
}

TEST(InnoPascal, UnterminatedCommentsAndStrings) {
  Program P = parse("procedure G; begin S := 'abc\n end; { open");
  EXPECT_GE(P.Problems.size(), 2u);
}

} // namespace
