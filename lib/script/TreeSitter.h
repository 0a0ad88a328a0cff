//===- TreeSitter.h - RAII handles and an iterative walk --------*- C++ -*-===//
#ifndef VERGUARD_SCRIPT_TREESITTER_H
#define VERGUARD_SCRIPT_TREESITTER_H

#include "tree_sitter/api.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <memory>
#include <vector>

namespace verguard::script {

struct ParserDeleter {
  void operator()(TSParser *P) const { ts_parser_delete(P); }
};
struct TreeDeleter {
  void operator()(TSTree *T) const { ts_tree_delete(T); }
};
using ParserPtr = std::unique_ptr<TSParser, ParserDeleter>;
using TreePtr = std::unique_ptr<TSTree, TreeDeleter>;

/// Parses UTF-8 Text with Language, optionally restricted to Ranges (for
/// scripts embedded in HTML/XML). Returns null if the language's ABI does not
/// match the runtime or the parse was cancelled (TimeoutMicros elapsed).
TreePtr parse(const TSLanguage *Language, llvm::StringRef Text,
              const std::vector<TSRange> &Ranges = {},
              uint64_t TimeoutMicros = 0);

/// Pre-order walk without recursion. Visit returns false to skip the node's
/// children.
void walk(TSNode Root, llvm::function_ref<bool(TSNode)> Visit);

/// The same walk for a frontend that walks a tree several times, where
/// Visit's answer depends on the node alone (so each pass visits the same
/// nodes): the first call (Log empty) walks with a cursor and records the
/// visited nodes in Log, later calls replay Log, which is cheaper than
/// moving a cursor through every token again.
void walk(TSNode Root, llvm::function_ref<bool(TSNode)> Visit,
          std::vector<TSNode> &Log);

/// The node's text.
inline llvm::StringRef text(TSNode N, llvm::StringRef Source) {
  uint32_t B = ts_node_start_byte(N), E = ts_node_end_byte(N);
  if (B > Source.size() || E > Source.size() || E < B)
    return {};
  return Source.slice(B, E);
}

/// The node's grammar type, as ts_node_type gives it ("" for a null node),
/// read from a per-grammar table of names: the frontends compare node types
/// at every node they visit, and ts_node_type plus strlen is measurable.
llvm::StringRef type(TSNode N);

/// The named child with the given field, or a null node (also for a null N:
/// tree-sitter itself would dereference its null tree). Name must be a string
/// literal (or otherwise outlive the process): its field id is cached by
/// address, since tree-sitter finds it by comparing every field name.
TSNode field(TSNode N, const char *Name);

/// Children of a node, collected without heap allocation for the common few.
using Nodes = llvm::SmallVector<TSNode, 8>;

/// The named children of N in order, as ts_node_named_child(N, 0..count-1)
/// gives them, minus those Skip accepts. One cursor pass: indexing with
/// ts_node_named_child restarts from the first child each time.
Nodes namedChildren(TSNode N, llvm::function_ref<bool(TSNode)> Skip = nullptr);

/// Counts ERROR and MISSING nodes; returns the first one's start byte.
struct ParseTrouble {
  unsigned Errors = 0;
  uint32_t FirstByte = 0;
};
ParseTrouble parseTrouble(TSNode Root);

} // namespace verguard::script

#endif
