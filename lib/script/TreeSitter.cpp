//===- TreeSitter.cpp -----------------------------------------------------===//
#include "script/TreeSitter.h"

#include "core/Deadline.h"

#include <chrono>
#include <cstring>

namespace verguard::script {

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

} // namespace verguard::script
