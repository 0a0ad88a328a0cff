//===- FixSyntax.cpp - fixes written in JScript ---------------------------===//
//
// C's operators, keeping a strict `===`/`!==` strict, `||`/`&&`, and a
// sibling `case 6003:` label on its own line.
//
//===----------------------------------------------------------------------===//
#include "core/FixSyntax.h"
#include "core/Syntax.h"

namespace verguard::jscript {
namespace {
using namespace core;

class JScriptSyntax final : public FixSyntax {
public:
  std::optional<std::string> op(CmpOp O,
                                llvm::StringRef Original) const override {
    bool Strict = Original.trim().size() == 3;
    if (O == CmpOp::EQ)
      return std::string(Strict ? "===" : "==");
    if (O == CmpOp::NE)
      return std::string(Strict ? "!==" : "!=");
    return std::string(cmpOpName(O));
  }
  std::optional<std::string> joinWord(bool IsOr) const override {
    return std::string(IsOr ? " || " : " && ");
  }
  std::optional<Edit> armLabel(const Arm &A, const Expr &Test,
                               const Expr &Const,
                               llvm::StringRef NewConst) const override {
    // `case 6002:` gains a sibling label on its own line, as in C.
    return syntaxFor(Dialect::C).armLabel(A, Test, Const, NewConst);
  }
};
} // namespace

const FixSyntax &fixSyntax() {
  static const JScriptSyntax S;
  return S;
}
} // namespace verguard::jscript
