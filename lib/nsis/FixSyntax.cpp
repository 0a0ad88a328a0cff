//===- FixSyntax.cpp - fixes written in NSIS scripts ----------------------===//
//
// A LogicLib operator keeps its family (`==` a case-insensitive string
// compare, `S==` a case-sensitive one, `=`/`<=`... integers, `U<=` unsigned);
// WinVer's `${AtMostBuild}`/`${AtLeastBuild}` trade places; there is no
// inline and/or (LogicLib's `${AndIf}`/`${OrIf}` are lines of their own),
// and a `${Switch}` case gains a sibling `${Case}` line.
//
//===----------------------------------------------------------------------===//
#include "core/FixSyntax.h"
#include "core/Syntax.h"

#include "llvm/ADT/StringExtras.h"

namespace verguard::nsis {
namespace {
using namespace core;

class NsisSyntax final : public FixSyntax {
public:
  std::optional<std::string> op(CmpOp O,
                                llvm::StringRef Original) const override {
    llvm::StringRef T = Original.trim();
    if (T.starts_with("${")) {
      if (O == CmpOp::LE)
        return std::string("${AtMostBuild}");
      if (O == CmpOp::GE)
        return std::string("${AtLeastBuild}");
      return std::nullopt;
    }
    if (T == "==" || T == "!=" || T == "S==" || T == "S!=") {
      std::string P = T.starts_with("S") ? "S" : "";
      if (O == CmpOp::EQ)
        return P + "==";
      if (O == CmpOp::NE)
        return P + "!=";
      return std::nullopt;
    }
    std::string Prefix;
    if (T.starts_with("U") || T.starts_with("L"))
      Prefix = T.take_front(1).str();
    static const char *Names[] = {"=", "<>", "<", "<=", ">", ">="};
    return Prefix + Names[static_cast<int>(O)];
  }
  std::optional<std::string> joinWord(bool) const override {
    return std::nullopt;
  }
  std::optional<std::string> cmp(llvm::StringRef, CmpOp,
                                 int64_t) const override {
    return std::nullopt;
  }
  std::optional<Edit> armLabel(const Arm &A, const Expr &, const Expr &Const,
                               llvm::StringRef NewConst) const override {
    // `${Case} 6002` gains `${Case} 6003` on the next line: a Switch falls
    // through into the same code.
    if (!A.Label.valid())
      return std::nullopt;
    auto Label = replaceWithin(A.Label, Const, NewConst);
    if (!Label)
      return std::nullopt;
    return Edit{insertionAfter(A.Label.Span), "\n" + A.Indent + *Label};
  }
};
} // namespace

const FixSyntax &fixSyntax() {
  static const NsisSyntax S;
  return S;
}
} // namespace verguard::nsis
