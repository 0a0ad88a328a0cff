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

/// A cursor reused for child lists: ts_tree_cursor_new allocates its stack.
struct ReusedCursor {
  TSTreeCursor C{};
  bool Live = false;
  TSTreeCursor &at(TSNode N) {
    if (Live) {
      ts_tree_cursor_reset(&C, N);
    } else {
      C = ts_tree_cursor_new(N);
      Live = true;
    }
    return C;
  }
  ~ReusedCursor() {
    if (Live)
      ts_tree_cursor_delete(&C);
  }
};

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

TSNode field(TSNode N, const char *Name) {
  if (ts_node_is_null(N))
    return N;
  Grammar &G = grammarOf(ts_node_language(N));
  auto [It, New] = G.Fields.try_emplace(Name, 0);
  if (New)
    It->second = ts_language_field_id_for_name(G.Lang, Name, strlen(Name));
  return ts_node_child_by_field_id(N, It->second);
}

Nodes namedChildren(TSNode N, llvm::function_ref<bool(TSNode)> Skip) {
  Nodes R;
  if (ts_node_is_null(N))
    return R;
  thread_local ReusedCursor Reused;
  TSTreeCursor &C = Reused.at(N);
  if (ts_tree_cursor_goto_first_child(&C)) {
    do {
      TSNode K = ts_tree_cursor_current_node(&C);
      if (ts_node_is_named(K))
        R.push_back(K);
    } while (ts_tree_cursor_goto_next_sibling(&C));
  }
  if (Skip) // after the walk: Skip may use the cursor itself
    llvm::erase_if(R, [&](TSNode K) { return Skip(K); });
  return R;
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

void walk(TSNode Root, llvm::function_ref<bool(TSNode)> Visit,
          std::vector<TSNode> &Log) {
  if (Log.empty()) { // the root is always visited: a walk logs something
    walk(Root, [&](TSNode N) {
      Log.push_back(N);
      return Visit(N);
    });
    return;
  }
  for (TSNode N : Log) {
    if (core::deadlinePassed())
      break;
    Visit(N);
  }
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

} // namespace verguard::script
