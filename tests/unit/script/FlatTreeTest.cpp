#include "script/TreeSitter.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

extern "C" const TSLanguage *tree_sitter_powershell(void);
extern "C" const TSLanguage *tree_sitter_vba(void);

using namespace verguard::script;

namespace {

// Compares the copy with tree-sitter at every node under (A, B): what each
// ts_node_* call the frontends make answers, and the child found by every
// field of the grammar.
void same(TSNode A, Node B, const TSLanguage *L, unsigned &Nodes) {
  ++Nodes;
  ASSERT_FALSE(isNull(B));
  ASSERT_EQ(type(A), type(B));
  ASSERT_EQ(ts_node_start_byte(A), startByte(B));
  ASSERT_EQ(ts_node_end_byte(A), endByte(B));
  ASSERT_EQ(ts_node_is_named(A), isNamed(B));
  ASSERT_EQ(ts_node_is_missing(A), isMissing(B));
  ASSERT_EQ(ts_node_is_error(A), isError(B));
  ASSERT_EQ(ts_node_has_error(A), hasError(B));
  ASSERT_EQ(ts_node_child_count(A), childCount(B));
  ASSERT_EQ(ts_node_named_child_count(A), namedChildCount(B));
  TSNode PA = ts_node_parent(A);
  Node PB = parent(B);
  ASSERT_EQ(ts_node_is_null(PA), isNull(PB));
  if (!ts_node_is_null(PA)) {
    ASSERT_EQ(ts_node_start_byte(PA), startByte(PB));
    ASSERT_EQ(type(PA), type(PB));
  }
  auto Named = namedChildren(B);
  ASSERT_EQ(Named.size(), ts_node_named_child_count(A));
  for (uint32_t I = 0; I < ts_node_named_child_count(A); ++I) {
    TSNode KA = ts_node_named_child(A, I);
    ASSERT_EQ(ts_node_start_byte(KA), startByte(namedChild(B, I)));
    ASSERT_EQ(ts_node_end_byte(KA), endByte(Named[I]));
    ASSERT_EQ(type(KA), type(Named[I]));
  }
  for (TSFieldId F = 1; F <= ts_language_field_count(L); ++F) {
    TSNode FA = ts_node_child_by_field_id(A, F);
    Node FB = field(B, ts_language_field_name_for_id(L, F));
    ASSERT_EQ(ts_node_is_null(FA), isNull(FB))
        << ts_language_field_name_for_id(L, F) << " of " << type(A).str();
    if (!ts_node_is_null(FA)) {
      ASSERT_EQ(ts_node_start_byte(FA), startByte(FB));
      ASSERT_EQ(ts_node_end_byte(FA), endByte(FB));
      ASSERT_EQ(type(FA), type(FB));
    }
  }
  ASSERT_TRUE(isNull(child(B, ts_node_child_count(A))));
  for (uint32_t I = 0; I < ts_node_child_count(A); ++I)
    same(ts_node_child(A, I), child(B, I), L, Nodes);
}

unsigned check(const TSLanguage *L, const std::string &Text) {
  TreePtr T = parse(L, Text);
  EXPECT_TRUE(T);
  if (!T)
    return 0;
  TSNode Root = ts_tree_root_node(T.get());
  FlatTree F(Root);
  unsigned Nodes = 0;
  same(Root, F.root(), L, Nodes);
  EXPECT_EQ(Nodes, F.size());
  // The walk visits every node in pre-order, and skips what it is told to.
  unsigned Visited = 0;
  walk(F.root(), [&](Node N) {
    EXPECT_EQ(N.I, Visited);
    ++Visited;
    return true;
  });
  EXPECT_EQ(Visited, F.size());
  unsigned Tops = 0;
  walk(F.root(), [&](Node N) {
    ++Tops;
    return N.I == 0;
  });
  EXPECT_EQ(Tops, 1 + childCount(F.root()));
  ParseTrouble PA = parseTrouble(Root), PB = parseTrouble(F.root());
  EXPECT_EQ(PA.Errors, PB.Errors);
  EXPECT_EQ(PA.FirstByte, PB.FirstByte);
  return PB.Errors;
}

std::string slurp(const std::filesystem::path &P) {
  std::ifstream In(P, std::ios::binary);
  return {std::istreambuf_iterator<char>(In), std::istreambuf_iterator<char>()};
}

} // namespace

TEST(FlatTree, AnswersAsTreeSitterWithParseErrors) {
  EXPECT_GT(check(tree_sitter_powershell(),
                  "if ($v.Build -ge 22000 { $x = [int]( }\n"
                  "function f($a) { return $a.Split('.')[2] }\n"
                  "$h = @{ 1 = 'a'; \nswitch ($x) { 1 {'a'} 2 {'b'} }\n"),
            0u);
  EXPECT_GT(check(tree_sitter_vba(),
                  "Sub S()\n If v.BuildNumber >= 22000 Then\n x = (1 +\n"
                  " End If\nEnd Sub\nFunction F(a)\n F = Split(a, \".\")(2)\n"),
            0u);
  check(tree_sitter_powershell(), "");
}

TEST(FlatTree, AnswersAsTreeSitterOnTheCorpus) {
  namespace fs = std::filesystem;
  unsigned Files = 0;
  for (const char *Dir : {"powershell", "vbscript"})
    for (const auto &E : fs::directory_iterator(fs::path(VERGUARD_SOURCE_DIR) /
                                                "test-corpus" / Dir)) {
      std::string Ext = E.path().extension().string();
      const TSLanguage *L = nullptr;
      if (Ext == ".ps1" || Ext == ".psm1")
        L = tree_sitter_powershell();
      else if (Ext == ".vbs" || Ext == ".bas" || Ext == ".cls")
        L = tree_sitter_vba();
      if (!L)
        continue;
      SCOPED_TRACE(E.path().string());
      check(L, slurp(E.path()));
      ++Files;
    }
  EXPECT_GT(Files, 40u);
}

TEST(FlatTree, NullNodeAnswersNothing) {
  Node N;
  EXPECT_TRUE(isNull(N));
  EXPECT_EQ(type(N), "");
  EXPECT_EQ(childCount(N), 0u);
  EXPECT_TRUE(isNull(field(N, "condition")));
  EXPECT_TRUE(isNull(parent(N)));
  EXPECT_TRUE(namedChildren(N).empty());
}
