//===- TreeSitter.h - RAII handles and an iterative walk --------*- C++ -*-===//
#ifndef VERGUARD_SCRIPT_TREESITTER_H
#define VERGUARD_SCRIPT_TREESITTER_H

#include "tree_sitter/api.h"

#include "llvm/ADT/STLFunctionalExtras.h"
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

/// The node's text.
inline llvm::StringRef text(TSNode N, llvm::StringRef Source) {
  uint32_t B = ts_node_start_byte(N), E = ts_node_end_byte(N);
  if (B > Source.size() || E > Source.size() || E < B)
    return {};
  return Source.slice(B, E);
}

/// The named child with the given field, or a null node (also for a null N:
/// tree-sitter itself would dereference its null tree).
inline TSNode field(TSNode N, const char *Name) {
  if (ts_node_is_null(N))
    return N;
  return ts_node_child_by_field_name(N, Name, strlen(Name));
}

/// Counts ERROR and MISSING nodes; returns the first one's start byte.
struct ParseTrouble {
  unsigned Errors = 0;
  uint32_t FirstByte = 0;
};
ParseTrouble parseTrouble(TSNode Root);

} // namespace verguard::script

#endif
