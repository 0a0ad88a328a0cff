//===- TreeSitterTest.cpp - script::type/field/namedChildren on a real tree
//-===//
//
// The table-driven helpers of script/TreeSitter.h must answer exactly what
// the tree-sitter calls they replace answer, at every node of a tree that
// has comments, fields and parse errors.
//
//===----------------------------------------------------------------------===//
#include "script/TreeSitter.h"

#include <gtest/gtest.h>

#include <cstring>

extern "C" const TSLanguage *tree_sitter_powershell(void);

using namespace verguard::script;

namespace {

const char *Source = R"(# a comment
param([string]$Name = 'x')
$os = Get-CimInstance Win32_OperatingSystem
if ($os.BuildNumber -eq '6002' <# inline #>) { 'vista' } elseif ($x) { 1 }
while ($i -lt 3) { $i++ }
switch ($v) { 1 {'a'} 2 {'b'} }
$broken = (1 +
)";

} // namespace

TEST(TreeSitter, HelpersAgreeWithTreeSitterAtEveryNode) {
  TreePtr Tree = parse(tree_sitter_powershell(), Source);
  ASSERT_TRUE(Tree);
  TSNode Root = ts_tree_root_node(Tree.get());
  ASSERT_TRUE(ts_node_has_error(Root)); // the last line does not parse
  unsigned Visited = 0, Errors = 0, WithCondition = 0;
  walk(Root, [&](TSNode N) {
    ++Visited;
    EXPECT_EQ(type(N), llvm::StringRef(ts_node_type(N)));
    if (ts_node_is_error(N))
      ++Errors;
    // namedChildren is ts_node_named_child(N, 0..count-1).
    Nodes Kids = namedChildren(N);
    uint32_t Count = ts_node_named_child_count(N);
    EXPECT_EQ(Kids.size(), Count);
    for (uint32_t I = 0; I < Count && I < Kids.size(); ++I)
      EXPECT_TRUE(ts_node_eq(Kids[I], ts_node_named_child(N, I)));
    // ... minus what Skip accepts.
    Nodes NoComments =
        namedChildren(N, [](TSNode K) { return type(K) == "comment"; });
    size_t Comments = 0;
    for (uint32_t I = 0; I < Count; ++I)
      Comments += type(ts_node_named_child(N, I)) == "comment";
    EXPECT_EQ(NoComments.size(), Count - Comments);
    for (const char *F : {"condition", "value", "no_such_field"}) {
      TSNode Want = ts_node_child_by_field_name(N, F, strlen(F));
      TSNode Got = field(N, F);
      EXPECT_EQ(ts_node_is_null(Got), ts_node_is_null(Want));
      if (!ts_node_is_null(Want)) {
        EXPECT_TRUE(ts_node_eq(Got, Want));
        WithCondition += !strcmp(F, "condition");
      }
    }
    return true;
  });
  EXPECT_GT(Visited, 50u);
  EXPECT_GE(Errors, 1u);
  EXPECT_GE(WithCondition, 3u); // if, elseif, while
  EXPECT_EQ(type(TSNode{}), "");
  EXPECT_TRUE(ts_node_is_null(field(TSNode{}, "condition")));
  EXPECT_TRUE(namedChildren(TSNode{}).empty());
}

TEST(TreeSitter, RecordedWalkReplaysTheSameVisits) {
  TreePtr Tree = parse(tree_sitter_powershell(), Source);
  ASSERT_TRUE(Tree);
  FlatTree Flat(ts_tree_root_node(Tree.get()));
  Node Root = Flat.root();
  // Visit declines the children of statement blocks.
  auto Into = [](Node N) { return type(N) != "statement_block"; };
  std::vector<Node> Plain, Log, First, Again;
  walk(Root, [&](Node N) {
    Plain.push_back(N);
    return Into(N);
  });
  auto Recorded = [&](std::vector<Node> &Into2) {
    walk(
        Root,
        [&](Node N) {
          Into2.push_back(N);
          return Into(N);
        },
        Log);
  };
  Recorded(First); // records
  Recorded(Again); // replays
  ASSERT_GT(Plain.size(), 10u);
  ASSERT_EQ(Log.size(), Plain.size());
  ASSERT_EQ(First.size(), Plain.size());
  ASSERT_EQ(Again.size(), Plain.size());
  for (size_t I = 0; I < Plain.size(); ++I) {
    EXPECT_EQ(startByte(First[I]), startByte(Plain[I]));
    EXPECT_EQ(startByte(Again[I]), startByte(Plain[I]));
    EXPECT_EQ(type(Again[I]), type(Plain[I]));
  }
}
