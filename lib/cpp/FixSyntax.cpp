//===- FixSyntax.cpp - fixes written in C and C++ -------------------------===//
//
// Operators, joins and `case` labels in C/C++, and the condition-mask
// operators of VerifyVersionInfo (VER_LESS_EQUAL ...), which can only change
// an operator.
//
//===----------------------------------------------------------------------===//
#include "core/FixSyntax.h"
#include "core/Syntax.h"

namespace verguard::cpp {
namespace {
using namespace core;

class CSyntax final : public FixSyntax {
public:
  std::optional<std::string> op(CmpOp O, llvm::StringRef) const override {
    return std::string(cmpOpName(O));
  }
  std::optional<std::string> joinWord(bool IsOr) const override {
    return std::string(IsOr ? " || " : " && ");
  }
  std::optional<Edit> armLabel(const Arm &A, const Expr &, const Expr &Const,
                               llvm::StringRef NewConst) const override {
    // `case 6002:` gains a sibling label on its own line.
    auto Label = replaceWithin(A.Label, Const, NewConst);
    if (!Label)
      return std::nullopt;
    return Edit{insertionAfter(A.Label.Span), "\n" + A.Indent + *Label};
  }
};

class VerMaskSyntax final : public FixSyntax {
public:
  std::optional<std::string> op(CmpOp O, llvm::StringRef) const override {
    static const char *Names[] = {"VER_EQUAL",   nullptr,
                                  "VER_LESS",    "VER_LESS_EQUAL",
                                  "VER_GREATER", "VER_GREATER_EQUAL"};
    if (!Names[static_cast<int>(O)])
      return std::nullopt;
    return std::string(Names[static_cast<int>(O)]);
  }
  std::optional<std::string> joinWord(bool) const override {
    return std::nullopt;
  }
  std::optional<std::string> cmp(llvm::StringRef, CmpOp,
                                 int64_t) const override {
    return std::nullopt;
  }
};
} // namespace

const FixSyntax &cFixSyntax() {
  static const CSyntax S;
  return S;
}
const FixSyntax &verMaskFixSyntax() {
  static const VerMaskSyntax S;
  return S;
}
} // namespace verguard::cpp
