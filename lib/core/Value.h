//===- Value.h - three-valued runtime values --------------------*- C++ -*-===//
#ifndef VERGUARD_CORE_VALUE_H
#define VERGUARD_CORE_VALUE_H

#include <cstdint>
#include <string>
#include <vector>

namespace verguard::core {

/// A value during evaluation: unknown, an integer (also booleans), a string,
/// or a list (split results, [version] components).
struct Value {
  enum Kind : uint8_t { Unknown, Int, Str, List } K = Unknown;
  int64_t I = 0;
  std::string S;
  std::vector<Value> L;

  static Value unknown() { return {}; }
  static Value integer(int64_t V) {
    Value R;
    R.K = Int;
    R.I = V;
    return R;
  }
  static Value boolean(bool B) { return integer(B ? 1 : 0); }
  static Value string(std::string V) {
    Value R;
    R.K = Str;
    R.S = std::move(V);
    return R;
  }
  static Value list(std::vector<Value> V) {
    Value R;
    R.K = List;
    R.L = std::move(V);
    return R;
  }
  bool known() const { return K != Unknown; }
  bool operator==(const Value &O) const {
    return K == O.K && I == O.I && S == O.S && L == O.L;
  }
  std::string str() const;
};

} // namespace verguard::core

#endif
