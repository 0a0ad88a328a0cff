//===- TreeSitter.cpp -----------------------------------------------------===//
#include "script/TreeSitter.h"

#include "core/Deadline.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"

#include <chrono>
#include <cstring>
#include <memory>

namespace verguard::script {

namespace {

/// What type() and field() look up, once per grammar and thread (the driver
/// analyzes files on several threads; a table is a few hundred entries).
struct Grammar {
  const TSLanguage *Lang = nullptr;
  std::vector<llvm::StringRef> Names; // by symbol, as ts_node_symbol gives it
  llvm::DenseMap<const char *, TSFieldId> Fields; // by the name's address
};

Grammar &grammarOf(const TSLanguage *L) {
  thread_local std::vector<std::unique_ptr<Grammar>> All;
  thread_local Grammar *Last = nullptr;
  if (Last && Last->Lang == L)
    return *Last;
  for (auto &G : All)
    if (G->Lang == L)
      return *(Last = G.get());
  auto G = std::make_unique<Grammar>();
  G->Lang = L;
  uint32_t Count = ts_language_symbol_count(L);
  G->Names.resize(Count);
  for (uint32_t S = 0; S < Count; ++S)
    if (const char *Name = ts_language_symbol_name(L, TSSymbol(S)))
      G->Names[S] = Name;
  All.push_back(std::move(G));
  return *(Last = All.back().get());
}

/// The field's id in L, cached by the name's address (Name must outlive
/// the process: a string literal); tree-sitter finds it by comparing every
/// field name.
TSFieldId fieldId(const TSLanguage *L, const char *Name) {
  Grammar &G = grammarOf(L);
  auto [It, New] = G.Fields.try_emplace(Name, 0);
  if (New)
    It->second = ts_language_field_id_for_name(L, Name, strlen(Name));
  return It->second;
}

} // namespace

llvm::StringRef type(TSNode N) {
  if (ts_node_is_null(N))
    return {};
  TSSymbol S = ts_node_symbol(N);
  const Grammar &G = grammarOf(ts_node_language(N));
  if (S < G.Names.size())
    return G.Names[S];
  const char *Name = ts_node_type(N); // ERROR and the like
  return Name ? llvm::StringRef(Name) : llvm::StringRef();
}

TreePtr parse(const TSLanguage *Language, llvm::StringRef Text,
              const std::vector<TSRange> &Ranges, uint64_t TimeoutMicros) {
  ParserPtr P(ts_parser_new());
  if (!ts_parser_set_language(P.get(), Language))
    return nullptr;
  if (!Ranges.empty() &&
      !ts_parser_set_included_ranges(P.get(), Ranges.data(), Ranges.size()))
    return nullptr;
  TSParseOptions Opts{};
  struct Deadline {
    uint64_t Micros;
    std::chrono::steady_clock::time_point Start;
  } D{TimeoutMicros, std::chrono::steady_clock::now()};
  if (TimeoutMicros) {
    Opts.payload = &D;
    Opts.progress_callback = [](TSParseState *S) {
      auto *Dl = static_cast<Deadline *>(S->payload);
      return std::chrono::steady_clock::now() - Dl->Start >
             std::chrono::microseconds(Dl->Micros);
    };
  }
  TSInput In{};
  struct Src {
    llvm::StringRef T;
  } S{Text};
  In.payload = &S;
  In.encoding = TSInputEncodingUTF8;
  In.read = [](void *Payload, uint32_t Byte, TSPoint, uint32_t *Read) {
    auto *Sr = static_cast<Src *>(Payload);
    if (Byte >= Sr->T.size()) {
      *Read = 0;
      return "";
    }
    *Read = Sr->T.size() - Byte;
    return Sr->T.data() + Byte;
  };
  return TreePtr(ts_parser_parse_with_options(P.get(), nullptr, In, Opts));
}

void walk(TSNode Root, llvm::function_ref<bool(TSNode)> Visit) {
  TSTreeCursor C = ts_tree_cursor_new(Root);
  bool Descend = true;
  while (!core::deadlinePassed()) {
    if (Descend) {
      bool Into = Visit(ts_tree_cursor_current_node(&C));
      if (Into && ts_tree_cursor_goto_first_child(&C))
        continue;
    }
    if (ts_tree_cursor_goto_next_sibling(&C)) {
      Descend = true;
      continue;
    }
    // Climb until a sibling exists.
    bool Done = true;
    while (ts_tree_cursor_goto_parent(&C)) {
      if (ts_tree_cursor_goto_next_sibling(&C)) {
        Done = false;
        break;
      }
    }
    if (Done)
      break;
    Descend = true;
  }
  ts_tree_cursor_delete(&C);
}

ParseTrouble parseTrouble(TSNode Root) {
  ParseTrouble T;
  if (!ts_node_has_error(Root))
    return T;
  walk(Root, [&](TSNode N) {
    if (!ts_node_has_error(N))
      return false;
    if (ts_node_is_error(N) || ts_node_is_missing(N)) {
      if (T.Errors++ == 0)
        T.FirstByte = ts_node_start_byte(N);
      return false;
    }
    return true;
  });
  return T;
}

FlatTree::FlatTree(TSNode Root) {
  if (ts_node_is_null(Root))
    return;
  Lang = ts_node_language(Root);
  const std::vector<llvm::StringRef> &Names = grammarOf(Lang).Names;
  // The visible node count is in the root's summary: no regrowing.
  R.reserve(ts_node_descendant_count(Root));
  TSTreeCursor C = ts_tree_cursor_new(Root);
  auto Add = [&](uint32_t Parent) {
    TSNode N = ts_tree_cursor_current_node(&C);
    Rec &X = R.emplace_back();
    TSSymbol S = ts_node_symbol(N); // as type(TSNode), the table looked up once
    X.Type = S < Names.size() ? Names[S] : script::type(N);
    X.Start = ts_node_start_byte(N);
    X.End = ts_node_end_byte(N);
    X.Parent = Parent;
    X.FirstChild = X.NextSibling = None;
    X.ChildCount = 0;
    X.SubtreeEnd = 0;
    X.TS = N;
    X.Flags = (ts_node_is_named(N) ? Named : 0) |
              (ts_node_is_missing(N) ? Missing : 0) |
              (ts_node_is_error(N) ? Error : 0) |
              (ts_node_has_error(N) ? HasError : 0);
    if (Parent != None)
      ++R[Parent].ChildCount;
    return uint32_t(R.size() - 1);
  };
  uint32_t Cur = Add(None);
  while (!core::deadlinePassed()) {
    if (ts_tree_cursor_goto_first_child(&C)) {
      uint32_t K = Add(Cur);
      R[Cur].FirstChild = K;
      Cur = K;
      continue;
    }
    bool Done = false;
    while (!ts_tree_cursor_goto_next_sibling(&C)) {
      if (!ts_tree_cursor_goto_parent(&C) || R[Cur].Parent == None) {
        Done = true;
        break;
      }
      Cur = R[Cur].Parent;
    }
    if (Done)
      break;
    uint32_t K = Add(R[Cur].Parent);
    R[Cur].NextSibling = K;
    Cur = K;
  }
  ts_tree_cursor_delete(&C);
  // Pre-order: a node's subtree ends where its next sibling starts, or
  // where its parent's subtree ends.
  R[0].SubtreeEnd = uint32_t(R.size());
  for (uint32_t I = 0; I < R.size(); ++I)
    for (uint32_t K = R[I].FirstChild; K != None; K = R[K].NextSibling)
      R[K].SubtreeEnd =
          R[K].NextSibling != None ? R[K].NextSibling : R[I].SubtreeEnd;
}

Node child(Node N, uint32_t I) {
  for (Node K = firstChild(N); !isNull(K); K = nextSibling(K))
    if (I-- == 0)
      return K;
  return {};
}

Node namedChild(Node N, uint32_t I) {
  for (Node K = firstChild(N); !isNull(K); K = nextSibling(K))
    if (isNamed(K) && I-- == 0)
      return K;
  return {};
}

uint32_t namedChildCount(Node N) {
  uint32_t Count = 0;
  for (Node K = firstChild(N); !isNull(K); K = nextSibling(K))
    Count += isNamed(K);
  return Count;
}

Node field(Node N, const char *Name) {
  if (isNull(N))
    return N;
  uint32_t K = N.T->fieldChild(N.I, fieldId(N.T->language(), Name));
  return K == FlatTree::None ? Node() : Node{N.T, K};
}

uint32_t FlatTree::fieldChild(uint32_t I, TSFieldId F) const {
  if (F == 0 || R[I].ChildCount == 0)
    return None;
  auto [It, New] = Fields.try_emplace((uint64_t(I) << 16) | F, None);
  if (!New)
    return It->second;
  TSNode K = ts_node_child_by_field_id(R[I].TS, F);
  if (ts_node_is_null(K))
    return None;
  // A node's id is its place in the tree: find that place among I's
  // descendants (usually a child).
  for (uint32_t J = R[I].FirstChild; J != None; J = R[J].NextSibling)
    if (R[J].TS.id == K.id)
      return It->second = J;
  for (uint32_t J = I + 1; J < R[I].SubtreeEnd; ++J)
    if (R[J].TS.id == K.id)
      return It->second = J;
  return None;
}

NodeList namedChildren(Node N, llvm::function_ref<bool(Node)> Skip) {
  NodeList R;
  for (Node K = firstChild(N); !isNull(K); K = nextSibling(K))
    if (isNamed(K) && !(Skip && Skip(K)))
      R.push_back(K);
  return R;
}

void walk(Node Root, llvm::function_ref<bool(Node)> Visit) {
  if (isNull(Root))
    return;
  const FlatTree &T = *Root.T;
  uint32_t End = T.rec(Root.I).SubtreeEnd;
  for (uint32_t I = Root.I; I < End;) {
    if (core::deadlinePassed())
      break;
    I = Visit(Node{&T, I}) ? I + 1 : T.rec(I).SubtreeEnd;
  }
}

NodeList nodesOf(Node Root, llvm::ArrayRef<llvm::StringRef> Types) {
  NodeList Out;
  walk(Root, [&](Node N) {
    if (llvm::is_contained(Types, type(N)))
      Out.push_back(N);
    return true;
  });
  return Out;
}

Node rootOf(Node N) {
  for (Node P = parent(N); !isNull(P); P = parent(P))
    N = P;
  return N;
}

bool callsNamed(Node Root, llvm::StringRef Source, llvm::StringRef Call,
                llvm::StringRef Member, const char *MemberName,
                llvm::ArrayRef<llvm::StringRef> Names) {
  for (Node C : nodesOf(Root, {Call})) {
    Node Fn = field(C, "function");
    llvm::StringRef Name = type(Fn) == Member
                               ? text(field(Fn, MemberName), Source)
                               : text(Fn, Source);
    if (llvm::is_contained(Names, Name))
      return true;
  }
  return false;
}

void walk(Node Root, llvm::function_ref<bool(Node)> Visit,
          std::vector<Node> &Log) {
  if (Log.empty()) {
    walk(Root, [&](Node N) {
      Log.push_back(N);
      return Visit(N);
    });
    return;
  }
  for (Node N : Log) {
    if (core::deadlinePassed())
      break;
    Visit(N);
  }
}

ParseTrouble parseTrouble(Node Root, llvm::function_ref<bool(Node)> Skip) {
  ParseTrouble T;
  if (!hasError(Root))
    return T;
  walk(Root, [&](Node N) {
    if (!hasError(N) && !isMissing(N))
      return false;
    if (Skip && Skip(N))
      return false;
    if (isError(N) || isMissing(N)) {
      if (T.Errors++ == 0)
        T.FirstByte = startByte(N);
      return false;
    }
    return true;
  });
  return T;
}

core::Diagnostic nestedTooDeep(llvm::StringRef /*Path: Where's file*/,
                               const core::SourceSpan &Where) {
  core::Diagnostic D;
  D.Level = core::Severity::Note;
  D.Where = Where;
  D.Message = "expression nested more than " + std::to_string(MaxExprDepth) +
              " levels deep; its inner part is not analyzed";
  return D;
}

} // namespace verguard::script
