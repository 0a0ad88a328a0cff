//===- WqlSyntax.cpp - fixes written in a WQL WHERE clause ----------------===//
#include "core/FixSyntax.h"

namespace verguard::script {
namespace {
using namespace core;

class WqlSyntax final : public FixSyntax {
public:
  std::optional<std::string> op(CmpOp O, llvm::StringRef) const override {
    static const char *Names[] = {"=", "<>", "<", "<=", ">", ">="};
    return std::string(Names[static_cast<int>(O)]);
  }
  std::optional<std::string> joinWord(bool IsOr) const override {
    return std::string(IsOr ? " OR " : " AND ");
  }
};
} // namespace

const FixSyntax &wqlFixSyntax() {
  static const WqlSyntax S;
  return S;
}
} // namespace verguard::script
