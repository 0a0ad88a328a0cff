//===- FixSyntax.cpp - fixes written in Python ----------------------------===//
//
// C's comparison operators, `or`/`and`, `x in (a, b)`, list items, tuples of
// prefixes for str.startswith/endswith, and `case 6002 | 6003:`.
//
//===----------------------------------------------------------------------===//
#include "core/FixSyntax.h"
#include "core/Syntax.h"

namespace verguard::python {
namespace {
using namespace core;

class PythonSyntax final : public FixSyntax {
public:
  std::optional<std::string> op(CmpOp O, llvm::StringRef) const override {
    return std::string(cmpOpName(O));
  }
  std::optional<std::string> joinWord(bool IsOr) const override {
    return std::string(IsOr ? " or " : " and ");
  }
  std::optional<std::string>
  membership(llvm::StringRef Operand, bool Negated, llvm::StringRef,
             llvm::StringRef Item, llvm::StringRef NewItem) const override {
    return Operand.str() + (Negated ? " not in (" : " in (") + Item.str() +
           ", " + NewItem.str() + ")";
  }
  bool appendsListItems() const override { return true; }
  bool affixTakesTuple() const override { return true; }
  std::optional<Edit> armLabel(const Arm &, const Expr &Test, const Expr &Const,
                               llvm::StringRef NewConst) const override {
    // `case 6002:` -> `case 6002 | 6003:`
    return alternativeAfter(Test, Const, NewConst, " | ");
  }
};
} // namespace

const FixSyntax &fixSyntax() {
  static const PythonSyntax S;
  return S;
}
} // namespace verguard::python
