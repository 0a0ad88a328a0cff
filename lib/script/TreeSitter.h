//===- TreeSitter.h - RAII handles and an iterative walk --------*- C++ -*-===//
#ifndef VERGUARD_SCRIPT_TREESITTER_H
#define VERGUARD_SCRIPT_TREESITTER_H

#include "core/Finding.h"
#include "tree_sitter/api.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
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

/// Counts ERROR and MISSING nodes; returns the first one's start byte.
struct ParseTrouble {
  unsigned Errors = 0;
  uint32_t FirstByte = 0;
};
ParseTrouble parseTrouble(TSNode Root);

/// A parsed tree copied, in one cursor pass, into one array in pre-order:
/// per visible node its type, byte range, flags, and its parent, first child
/// and next sibling. The frontends walk and query this copy instead of
/// calling ts_node_* (which re-derive positions and child lists from the
/// parse stack every time): each query is an array index. The answers are
/// the ones tree-sitter gives (see FlatTreeTest). Field lookups still ask
/// tree-sitter (once per node and field), so the TSTree must outlive the
/// copy.
class FlatTree;

/// A node of a FlatTree; default-constructed it is the null node.
struct Node {
  const FlatTree *T = nullptr;
  uint32_t I = 0;
};

class FlatTree {
public:
  static constexpr uint32_t None = ~0u;
  enum : uint8_t { Named = 1, Missing = 2, Error = 4, HasError = 8 };
  struct Rec {
    llvm::StringRef Type; // as script::type gives it
    uint32_t Start, End;  // bytes
    uint32_t Parent, FirstChild, NextSibling;
    uint32_t ChildCount;
    uint32_t SubtreeEnd; // one past the node's last descendant
    uint8_t Flags;
    TSNode TS; // the node itself, for field lookups
  };
  /// Copies the tree under Root (stops early, with a consistent but partial
  /// copy, if the deadline passes).
  explicit FlatTree(TSNode Root);
  FlatTree(const FlatTree &) = delete;
  FlatTree &operator=(const FlatTree &) = delete;

  Node root() const { return R.empty() ? Node() : Node{this, 0}; }
  size_t size() const { return R.size(); }
  const Rec &rec(uint32_t I) const { return R[I]; }
  const TSLanguage *language() const { return Lang; }
  /// The child of node I with field F (None if none), remembered: a field's
  /// child comes from tree-sitter, whose rules (hidden nodes, inherited
  /// fields, ERROR nodes) a copy would have to repeat.
  uint32_t fieldChild(uint32_t I, TSFieldId F) const;

private:
  std::vector<Rec> R;
  mutable llvm::DenseMap<uint64_t, uint32_t> Fields;
  const TSLanguage *Lang = nullptr;
};

// The ts_node_* answers for a Node (a null node answers 0, false, null).
inline bool isNull(Node N) { return N.T == nullptr; }
inline const FlatTree::Rec *recOf(Node N) {
  return N.T ? &N.T->rec(N.I) : nullptr;
}
inline uint32_t startByte(Node N) { return N.T ? recOf(N)->Start : 0; }
inline uint32_t endByte(Node N) { return N.T ? recOf(N)->End : 0; }
inline uint32_t childCount(Node N) { return N.T ? recOf(N)->ChildCount : 0; }
inline bool isNamed(Node N) {
  return N.T && (recOf(N)->Flags & FlatTree::Named);
}
inline bool isMissing(Node N) {
  return N.T && (recOf(N)->Flags & FlatTree::Missing);
}
inline bool isError(Node N) {
  return N.T && (recOf(N)->Flags & FlatTree::Error);
}
inline bool hasError(Node N) {
  return N.T && (recOf(N)->Flags & FlatTree::HasError);
}
inline Node parent(Node N) {
  if (!N.T || recOf(N)->Parent == FlatTree::None)
    return {};
  return {N.T, recOf(N)->Parent};
}
inline Node firstChild(Node N) {
  if (!N.T || recOf(N)->FirstChild == FlatTree::None)
    return {};
  return {N.T, recOf(N)->FirstChild};
}
inline Node nextSibling(Node N) {
  if (!N.T || recOf(N)->NextSibling == FlatTree::None)
    return {};
  return {N.T, recOf(N)->NextSibling};
}
/// ts_node_child: the I-th child, named or not.
Node child(Node N, uint32_t I);
/// ts_node_named_child and ts_node_named_child_count.
Node namedChild(Node N, uint32_t I);
uint32_t namedChildCount(Node N);
/// The node's grammar type ("" for a null node).
inline llvm::StringRef type(Node N) { return N.T ? recOf(N)->Type : ""; }
/// ts_node_child_by_field_name (Name as for field(TSNode, Name)).
Node field(Node N, const char *Name);
inline llvm::StringRef text(Node N, llvm::StringRef Source) {
  if (!N.T)
    return {};
  uint32_t B = recOf(N)->Start, E = recOf(N)->End;
  if (B > Source.size() || E > Source.size() || E < B)
    return {};
  return Source.slice(B, E);
}

/// Child lists of a FlatTree.
using NodeList = llvm::SmallVector<Node, 8>;
NodeList namedChildren(Node N, llvm::function_ref<bool(Node)> Skip = nullptr);

/// Pre-order walk of a FlatTree (Visit returns false to skip the children);
/// stops when the deadline passes.
void walk(Node Root, llvm::function_ref<bool(Node)> Visit);
/// The same walk for a frontend that walks a tree several times, where
/// Visit's answer depends on the node alone (so each pass visits the same
/// nodes): the first call (Log empty) walks and records the visited nodes
/// in Log, later calls replay Log.
void walk(Node Root, llvm::function_ref<bool(Node)> Visit,
          std::vector<Node> &Log);
/// The nodes under Root (Root included) whose type is one of Types, in
/// pre-order: e.g. the calls an atom evaluates.
NodeList nodesOf(Node Root, llvm::ArrayRef<llvm::StringRef> Types);
/// The root of the tree N is in.
Node rootOf(Node N);
/// Whether Root is or holds a call (of node type Call, callee in field
/// "function") of a method or function named one of Names: the callee's
/// member name (field MemberName of a Member node: `p.StdOut.ReadAll()`),
/// or its whole text. A fix must not write such a call twice when it
/// consumes a stream or runs a command.
bool callsNamed(Node Root, llvm::StringRef Source, llvm::StringRef Call,
                llvm::StringRef Member, const char *MemberName,
                llvm::ArrayRef<llvm::StringRef> Names);
/// As parseTrouble(TSNode), for a FlatTree; subtrees Skip accepts are not
/// counted (trouble a frontend recovers from itself).
ParseTrouble parseTrouble(Node Root,
                          llvm::function_ref<bool(Node)> Skip = nullptr);

/// Expressions nested deeper than this are not lowered (the lowerings
/// recurse); the note that says so, once per file, at Where (which names
/// the file: the message does not repeat it).
constexpr int MaxExprDepth = 64;
core::Diagnostic nestedTooDeep(llvm::StringRef Path,
                               const core::SourceSpan &Where);

} // namespace verguard::script

#endif
