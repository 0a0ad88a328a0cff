//===- TreeSitterTest.cpp - script::type and the recorded walk ------------===//
//
// The table-driven type() must answer exactly what ts_node_type answers, at
// every node of a tree that has comments, fields and parse errors (the flat
// tree's own answers are checked in tests/unit/script/FlatTreeTest.cpp).
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

TEST(TreeSitter, TypeTableAgreesWithTreeSitterAtEveryNode) {
  TreePtr Tree = parse(tree_sitter_powershell(), Source);
  ASSERT_TRUE(Tree);
  TSNode Root = ts_tree_root_node(Tree.get());
  ASSERT_TRUE(ts_node_has_error(Root)); // the last line does not parse
  unsigned Visited = 0, Errors = 0;
  walk(Root, [&](TSNode N) {
    ++Visited;
    EXPECT_EQ(type(N), llvm::StringRef(ts_node_type(N)));
    Errors += ts_node_is_error(N);
    return true;
  });
  EXPECT_GT(Visited, 50u);
  EXPECT_GE(Errors, 1u);
  EXPECT_EQ(type(TSNode{}), "");
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
