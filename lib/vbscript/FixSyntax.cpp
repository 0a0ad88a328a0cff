//===- FixSyntax.cpp - fixes written in VBScript, VBA and VB6 -------------===//
//
// =/<>/..., Or/And, `Case 6002, 6003`, and Dictionary entries, which are
// `.Add` statements of their own line.
//
//===----------------------------------------------------------------------===//
#include "core/FixSyntax.h"
#include "core/Syntax.h"

namespace verguard::vbscript {
namespace {
using namespace core;

class VBSyntax final : public FixSyntax {
public:
  std::optional<std::string> op(CmpOp O, llvm::StringRef) const override {
    static const char *Names[] = {"=", "<>", "<", "<=", ">", ">="};
    return std::string(Names[static_cast<int>(O)]);
  }
  std::optional<std::string> joinWord(bool IsOr) const override {
    return std::string(IsOr ? " Or " : " And ");
  }
  std::string tableEntrySeparator(const Arm &A) const override {
    return "\n" + A.Indent;
  }
  std::optional<Edit> armLabel(const Arm &, const Expr &Test, const Expr &Const,
                               llvm::StringRef NewConst) const override {
    // `Case 6002` -> `Case 6002, 6003`
    return alternativeAfter(Test, Const, NewConst, ", ");
  }
};
} // namespace

const FixSyntax &fixSyntax() {
  static const VBSyntax S;
  return S;
}
} // namespace verguard::vbscript
