//===- ScannerTest.cpp ----------------------------------------------------===//
//
// The statements the batch scanner reads, as cmd's parser reads them.
//
//===----------------------------------------------------------------------===//
#include "batch/Scanner.h"

#include <gtest/gtest.h>

using namespace verguard::batch;

namespace {

/// The tree as text: `cmd(a b)`, `pipe(x, y)`, `if(...)` ...
std::string dump(const Script &S, uint32_t Id) {
  const Node &N = S.Nodes[Id];
  auto Kids = [&] {
    std::string R;
    for (size_t K = 0; K < N.Kids.size(); ++K)
      R += (K ? ", " : "") + dump(S, N.Kids[K]);
    return R;
  };
  switch (N.K) {
  case NodeKind::Command: {
    std::string R = "cmd(";
    for (size_t K = 0; K < N.Words.size(); ++K)
      R += (K ? " " : "") + N.Words[K].Text;
    return R + ")";
  }
  case NodeKind::Block:
    return "block(" + Kids() + ")";
  case NodeKind::Pipe:
    return "pipe(" + Kids() + ")";
  case NodeKind::AndThen:
    return "and(" + Kids() + ")";
  case NodeKind::OrElse:
    return "or(" + Kids() + ")";
  case NodeKind::Seq:
    return "seq(" + Kids() + ")";
  case NodeKind::If:
    return std::string("if") + (N.CaseInsensitive ? "/i" : "") +
           (N.Not ? " not" : "") + "[" + N.Lhs.Text + "|" + N.OpWord.Text +
           "|" + N.Rhs.Text + "](" + Kids() + ")";
  case NodeKind::For:
    return "for" + N.Switch + "[" + N.Options.Text + "|" + N.Var + "|" +
           N.Set.Text + "](" + Kids() + ")";
  case NodeKind::Label:
    return ":" + N.Name;
  }
  return "?";
}

std::string dump(llvm::StringRef Text) {
  Script S = scan(Text);
  std::string R;
  for (uint32_t Id : S.Top)
    R += dump(S, Id) + "\n";
  return R;
}

TEST(BatchScanner, PipesAndOperatorsWithCmdsPrecedence) {
  EXPECT_EQ(dump("ver | find \"6.0.6002\" >nul && echo yes || echo no\n"),
            "or(and(pipe(cmd(ver), cmd(find \"6.0.6002\")), cmd(echo yes)), "
            "cmd(echo no))\n");
  EXPECT_EQ(dump("echo a & echo b | more\n"),
            "seq(cmd(echo a), pipe(cmd(echo b), cmd(more)))\n");
}

TEST(BatchScanner, QuotesCaretsAndRedirections) {
  // Inside quotes `&` is text; `^&` is an escaped character; `2>nul` and
  // `>nul` are dropped.
  EXPECT_EQ(dump("echo \"a & b\" ^& c 2>nul\n"), "cmd(echo \"a & b\" & c)\n");
  EXPECT_EQ(dump(">nul echo x\n"), "cmd(echo x)\n");
  // `^` at a line's end continues the command on the next line.
  EXPECT_EQ(dump("echo one ^\r\ntwo\r\n"), "cmd(echo one two)\n");
}

TEST(BatchScanner, CommentsAndLabels) {
  EXPECT_EQ(dump("rem if %B% LEQ 6002 echo\n:: ver | find \"6002\"\n"
                 "@REM x & echo y\n:Label_1 trailing\ngoto label_1\n"),
            ":label_1\ncmd(goto label_1)\n");
}

TEST(BatchScanner, IfForms) {
  EXPECT_EQ(dump("if /i not \"%V%\"==\"6.0.6002\" echo x\n"),
            "if/i not[\"%V%\"|==|\"6.0.6002\"](cmd(echo x))\n");
  EXPECT_EQ(dump("if %B% LEQ 6002 (echo a) else (echo b)\n"),
            "if[%B%|LEQ|6002](block(cmd(echo a)), block(cmd(echo b)))\n");
  EXPECT_EQ(dump("if %B%== 6002 echo a\nif %B% ==6002 echo b\n"),
            "if[%B%|==|6002](cmd(echo a))\nif[%B%|==|6002](cmd(echo b))\n");
  EXPECT_EQ(dump("if errorlevel 1 goto x\n"),
            "if[|errorlevel|1](cmd(goto x))\n");
  // A multi-line block with else on the closing line.
  EXPECT_EQ(dump("if %B% GTR 6002 (\n  echo new\n) else (\n  echo old\n)\n"),
            "if[%B%|GTR|6002](block(cmd(echo new)), block(cmd(echo old)))\n");
}

TEST(BatchScanner, ForF) {
  EXPECT_EQ(
      dump("for /f \"tokens=4-5 delims=. \" %%i in ('ver') do set V=%%i.%%j\n"),
      "for/f[\"tokens=4-5 delims=. \"|i|'ver'](cmd(set V=%%i.%%j))\n");
  // `)` inside "..." does not end the set; `^)` is an escaped one.
  EXPECT_EQ(dump("for /f \"tokens=3\" %%a in ('reg query \"HKLM\\A (x)\" /v "
                 "B') do (\n set X=%%a\n)\n"),
            "for/f[\"tokens=3\"|a|'reg query \"HKLM\\A (x)\" /v B'](block(cmd("
            "set X=%%a)))\n");
}

TEST(BatchScanner, BadInputIsSkippedAndNoted) {
  // An unclosed block, a for without in, and a line longer than cmd's
  // limit: the rest is still read.
  Script S = scan("(\necho a\n");
  ASSERT_EQ(S.Problems.size(), 1u);
  EXPECT_NE(S.Problems[0].Message.find("not closed"), std::string::npos);
  S = scan("for %%a (x) do echo\necho after\n");
  EXPECT_EQ(S.Problems.size(), 1u);
  EXPECT_EQ(dump(S, S.Top.back()), "cmd(echo after)");
  std::string Long = "echo " + std::string(9000, 'x') + "\necho next\n";
  S = scan(Long);
  ASSERT_EQ(S.Problems.size(), 1u);
  EXPECT_EQ(S.Problems[0].At, 0u);
  ASSERT_EQ(S.Top.size(), 1u);
  EXPECT_EQ(dump(S, S.Top[0]), "cmd(echo next)");
}

TEST(BatchScanner, DeepNestingIsCutNotRecursedInto) {
  std::string Deep(100000, '(');
  Script S = scan(Deep);
  EXPECT_FALSE(S.Problems.empty());
  std::string Ifs;
  for (int I = 0; I < 5000; ++I)
    Ifs += "if a==b ";
  Ifs += "echo x\n";
  S = scan(Ifs);
  EXPECT_FALSE(S.Problems.empty());
}

TEST(BatchScanner, BytesAbove0x7FAndNulAreText) {
  Script S = scan(std::string("echo \x81\x82\xff\0x\nver\n", 15));
  ASSERT_EQ(S.Top.size(), 2u);
  EXPECT_EQ(dump(S, S.Top[1]), "cmd(ver)");
}

} // namespace
