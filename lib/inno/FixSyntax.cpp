//===- FixSyntax.cpp - fixes written in Inno Setup scripts ----------------===//
//
// Pascal Script's operators (`=`, `<>`, `<`, ...). Pascal's `and`/`or` bind
// tighter than a comparison, so two comparisons join as `(A) or (B)`: the
// join word carries the parentheses (the rules write `(` A word B `)` and a
// comparison's text never includes parentheses around it, so a parenthesized
// comparison becomes `((A) or (B))`). A case label gains a sibling: `6002:`
// -> `6002, 6003:`. A [Setup] MinVersion/OnlyBelowVersion has no operator
// and no join: only its build is rewritten.
//
//===----------------------------------------------------------------------===//
#include "core/FixSyntax.h"
#include "core/Syntax.h"

namespace verguard::inno {
namespace {
using namespace core;

class InnoSyntax final : public FixSyntax {
public:
  std::optional<std::string> op(CmpOp O, llvm::StringRef) const override {
    static const char *Names[] = {"=", "<>", "<", "<=", ">", ">="};
    return std::string(Names[static_cast<int>(O)]);
  }
  std::optional<std::string> joinWord(bool IsOr) const override {
    return std::string(IsOr ? ") or (" : ") and (");
  }
  std::optional<Edit> armLabel(const Arm &, const Expr &Test, const Expr &Const,
                               llvm::StringRef NewConst) const override {
    return alternativeAfter(Test, Const, NewConst, ", ");
  }
};
} // namespace

const FixSyntax &fixSyntax() {
  static const InnoSyntax S;
  return S;
}
} // namespace verguard::inno
