//===- VerifyVersion.cpp - VerifyVersionInfo's test, language-neutral -----===//
#include "core/VerifyVersion.h"

#include <utility>
#include <vector>

namespace verguard::core {

std::optional<CmpOp> verCondition(int64_t Condition) {
  switch (Condition) {
  case 1:
    return CmpOp::EQ;
  case 2:
    return CmpOp::GT;
  case 3:
    return CmpOp::GE;
  case 4:
    return CmpOp::LT;
  case 5:
    return CmpOp::LE;
  default:
    return std::nullopt;
  }
}

std::optional<ExprPtr> verifyVersionLevels(
    int64_t TypeMask,
    llvm::function_ref<std::optional<int64_t>(int64_t Bit)> Condition,
    llvm::function_ref<ExprPtr(llvm::StringRef Field)> Field) {
  struct Level {
    int64_t Bit;
    Quantity Q;
    const char *Field;
  };
  const Level Levels[] = {{VerMajor, Quantity::Major, "dwMajorVersion"},
                          {VerMinor, Quantity::Minor, "dwMinorVersion"},
                          {VerSPMajor, Quantity::SPMajor, "wServicePackMajor"},
                          {VerSPMinor, Quantity::SPMinor, "wServicePackMinor"}};
  std::vector<std::pair<ExprPtr, ExprPtr>> Hier;
  std::optional<CmpOp> HierOp;
  for (const Level &L : Levels) {
    if (!(TypeMask & L.Bit))
      continue;
    std::optional<int64_t> C = Condition(L.Bit);
    if (!C)
      return std::nullopt;
    if (!HierOp)
      HierOp = verCondition(*C);
    Hier.push_back({quantity(L.Q, "VerifyVersionInfo"), Field(L.Field)});
  }
  if (Hier.empty())
    return ExprPtr();
  if (!HierOp)
    return std::nullopt;
  // Lexicographic: a OP b over (q1, q2, ...).
  CmpOp O = *HierOp;
  ExprPtr Acc;
  for (size_t I = Hier.size(); I-- > 0;) {
    auto [Q, V] = Hier[I];
    if (O == CmpOp::EQ) {
      ExprPtr C = cmp(CmpOp::EQ, Q, V);
      Acc = Acc ? logicAnd(C, Acc) : C;
      continue;
    }
    if (I + 1 == Hier.size()) {
      Acc = cmp(O, Q, V);
      continue;
    }
    CmpOp Strict = (O == CmpOp::GE || O == CmpOp::GT) ? CmpOp::GT : CmpOp::LT;
    Acc = logicOr(cmp(Strict, Q, V), logicAnd(cmp(CmpOp::EQ, Q, V), Acc));
  }
  return Acc;
}

} // namespace verguard::core
